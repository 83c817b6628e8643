// What the document remembers about reminders, in document properties: who runs them, how the runs went, and whose digest went today.
import type { RunFailure, RunHistory } from '../domain/reminders';
import { PROPERTY_KEYS } from './property-keys';

const {
  reminderRunner: RUNNER,
  reminderSince: SINCE,
  reminderLastSuccess: LAST_SUCCESS,
  reminderLastFailure: LAST_FAILURE,
  reminderDigests: DIGESTS,
  reminderArchive: ARCHIVING,
} = PROPERTY_KEYS;

const props = () => PropertiesService.getDocumentProperties();

/** The admin whose account runs reminders, the ID of their daily trigger, and the trigger a takeover left behind. */
export interface Runner {
  by: string;
  /** '' when recorded before trigger IDs were kept. */
  uid: string;
  replaced?: { by: string; uid: string };
}

export function readRunner(): Runner | null {
  const raw = props().getProperty(RUNNER);
  if (!raw) return null;
  if (!raw.startsWith('{')) return { by: raw, uid: '' };
  return JSON.parse(raw) as Runner;
}

/** Records a new runner (null: reminders off). Turning on starts the silence clock; turning off forgets the history. */
export function recordRunner(runner: Runner | null, now: Date) {
  const p = props();
  if (!runner) {
    for (const k of [RUNNER, SINCE, LAST_SUCCESS, LAST_FAILURE]) p.deleteProperty(k);
    return;
  }
  const values: Record<string, string> = { [RUNNER]: JSON.stringify(runner) };
  if (!p.getProperty(SINCE)) values[SINCE] = now.toISOString();
  p.setProperties(values);
}

export function readHistory(): RunHistory {
  const all = props().getProperties();
  return {
    since: all[SINCE] ?? null,
    lastSuccess: all[LAST_SUCCESS] ?? null,
    lastFailure: all[LAST_FAILURE] ? (JSON.parse(all[LAST_FAILURE]) as RunFailure) : null,
  };
}

export function recordSuccess(at: Date) {
  props().setProperty(LAST_SUCCESS, at.toISOString());
}

export function recordFailure(f: RunFailure) {
  props().setProperty(LAST_FAILURE, JSON.stringify(f));
}

interface DigestState {
  day: string;
  to: string[];
  /** Every digest of the day went out: later executions need not read what only digests list. */
  done?: boolean;
}

function digestState(today: string): DigestState {
  const raw = props().getProperty(DIGESTS);
  const d = raw ? (JSON.parse(raw) as DigestState) : null;
  return d && d.day === today ? d : { day: today, to: [] };
}

/**
 * Today's digest recipients, marked before their digests are sent. Kept here rather than only in the
 * Reminder log, which anyone with edit access can clear: a cleared log must never mean a second digest.
 */
export function digestsMarked(today: string): string[] {
  return digestState(today).to;
}

/** True once every digest planned today was sent. */
export function digestsDone(today: string): boolean {
  return digestState(today).done === true;
}

/** Adds recipients about to get today's digest, and takes back those whose digest was not sent after all. */
export function markDigests(today: string, add: readonly string[], remove: readonly string[]) {
  if (!add.length && !remove.length) return;
  const gone = new Set(remove);
  const state = digestState(today);
  const to = [...new Set([...state.to, ...add])].filter((r) => !gone.has(r));
  props().setProperty(DIGESTS, JSON.stringify({ ...state, to }));
}

/** Every digest planned today was sent: the day's later executions plan emails only. */
export function markDigestsDone(today: string) {
  props().setProperty(DIGESTS, JSON.stringify({ ...digestState(today), done: true }));
}

/**
 * An archive pass under way: the archive's rows from `from` on may also still be in the Reminder log (an
 * execution stopped between writing the archive and deleting from the log), and those up to `counted` have
 * had their review answers tallied. Set before the pass's first archive write, cleared when it stops cleanly.
 */
export interface ArchivePass {
  from: number;
  counted: number;
}

export function readArchivePass(): ArchivePass | null {
  const raw = props().getProperty(ARCHIVING);
  return raw ? (JSON.parse(raw) as ArchivePass) : null;
}

export function writeArchivePass(pass: ArchivePass | null) {
  if (pass) props().setProperty(ARCHIVING, JSON.stringify(pass));
  else props().deleteProperty(ARCHIVING);
}
