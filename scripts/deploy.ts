// `npm run deploy`: lint → test → build → `clasp push --force`, stopping at the first step that fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { claspConfigProblem } from './deploy/clasp-config';
import { pushOutcome } from './deploy/push-outcome';

/** The steps in order; `npm test` already lints, type-checks and builds, the last build is what gets pushed. */
export const DEPLOY_STEPS: readonly (readonly string[])[] = [
  ['npm', 'run', 'lint'],
  ['npm', 'test'],
  ['npm', 'run', 'build'],
  // --force: the built manifest must replace the remote one without a prompt nobody can answer.
  ['npx', 'clasp', 'push', '--force'],
];

function fail(message: string): never {
  console.error(`deploy failed: ${message}`);
  process.exit(1);
}

function main() {
  const root = process.cwd();
  const problem = claspConfigProblem(
    existsSync('.clasp.json') ? readFileSync('.clasp.json', 'utf8') : null,
    root,
  );
  if (problem) fail(problem);
  for (const [cmd, ...args] of DEPLOY_STEPS) {
    const line = [cmd, ...args].join(' ');
    console.log(`\n> ${line}`);
    const isPush = args.includes('push');
    // The push's output is read to tell a real push from a skipped one; every other step talks to the terminal.
    const r = spawnSync(cmd, args, {
      stdio: isPush ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      encoding: 'utf8',
    });
    if (isPush) {
      const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
      process.stdout.write(output);
      const outcome = pushOutcome(r.status, output);
      if (!outcome.ok) fail(outcome.reason);
      console.log(`deployed: ${outcome.summary}`);
    } else if (r.status !== 0) fail(`${line} exited with code ${r.status}`);
  }
}

if (require.main === module) main();
