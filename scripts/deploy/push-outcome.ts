// Judges what `clasp push --force` printed: a push that did not happen must fail the deploy, not pass silently.

export type PushOutcome = { ok: true; summary: string } | { ok: false; reason: string };

/**
 * clasp 3 exits 0 when it declines to push: without a terminal it answers "no" to "Manifest file has been
 * updated. Do you want to push and overwrite?" and prints "Skipping push.". So the exit code alone proves
 * nothing; only its success lines ("Pushed N files at …", "Script is already up to date.") do.
 */
export function pushOutcome(exitCode: number | null, output: string): PushOutcome {
  if (exitCode !== 0)
    return { ok: false, reason: `clasp push exited with code ${exitCode ?? 'none (killed)'}` };
  if (/Skipping push/i.test(output))
    return {
      ok: false,
      reason: 'clasp skipped the push (it asked to overwrite the manifest and got no answer)',
    };
  const pushed = output.match(/^Pushed (no files|one file|\d+ files) at .*$/m);
  if (pushed) {
    if (pushed[1] === 'no files') return { ok: false, reason: 'clasp pushed no files' };
    return { ok: true, summary: pushed[0].trim() };
  }
  if (/^Script is already up to date\.$/m.test(output)) return { ok: true, summary: 'already up to date' };
  return { ok: false, reason: 'clasp printed no line saying it pushed' };
}
