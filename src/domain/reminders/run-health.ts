// Whether the daily reminder run is healthy: who may run it, what a refused or failed run records, and when silence becomes a warning.

/** Why a daily run sent nothing: its account is no longer an active Admin, or the run threw. */
type RunFailureReason = 'notAdmin' | 'error';

export interface RunFailure {
  /** ISO instant. */
  at: string;
  reason: RunFailureReason;
  /** The account the run ran as. */
  account: string;
  /** The error text, for 'error'. */
  detail: string;
}

/** What the document keeps about the runs, so every admin can see them (the trigger's failure mails reach only its creator). */
export interface RunHistory {
  /** ISO instant reminders were turned on (kept across a takeover); null while off. */
  since: string | null;
  /** ISO instant of the last run that got through its plan and sends. */
  lastSuccess: string | null;
  lastFailure: RunFailure | null;
}

/** A daily run that has not succeeded for this long is broken, whatever the reason: two days, as the admins asked. */
export const SILENT_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * The instant since when no run has succeeded, when that is longer than SILENT_AFTER_MS ago; else null.
 * A trigger whose creator lost access to the file fails before any of our code runs, so only the missing
 * success can tell.
 */
export function silentSince(h: RunHistory, now: number): string | null {
  if (!h.since) return null;
  const from = h.lastSuccess && h.lastSuccess > h.since ? h.lastSuccess : h.since;
  const t = Date.parse(from);
  return Number.isFinite(t) && now - t > SILENT_AFTER_MS ? from : null;
}

/** Only an active Admin's account may send the register's mail: an unticked or removed admin's trigger sends nothing. */
export function mayRun(role: string): boolean {
  return role === 'Admin';
}
