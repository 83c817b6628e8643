// What the document remembers about reminders, in document properties: who runs them, how the runs went, and whose digest went today.
import type { RunFailure, RunHistory } from '../domain/reminders';
import { PROPERTY_KEYS } from './property-keys';

const {
  reminderRunner: RUNNER,
  reminderSince: SINCE,
  reminderLastSuccess: LAST_SUCCESS,
  reminderLastFailure: LAST_FAILURE,
  reminderDigests: DIGESTS,
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

/**
 * Today's digest recipients, marked before their digests are sent. Kept here rather than only in the
 * Reminder log, which anyone with edit access can clear: a cleared log must never mean a second digest.
 */
export function digestsMarked(today: string): string[] {
  const raw = props().getProperty(DIGESTS);
  if (!raw) return [];
  const d = JSON.parse(raw) as { day: string; to: string[] };
  return d.day === today ? d.to : [];
}

/** Adds recipients about to get today's digest, and takes back those whose digest was not sent after all. */
export function markDigests(today: string, add: readonly string[], remove: readonly string[]) {
  if (!add.length && !remove.length) return;
  const gone = new Set(remove);
  const to = [...new Set([...digestsMarked(today), ...add])].filter((r) => !gone.has(r));
  props().setProperty(DIGESTS, JSON.stringify({ day: today, to }));
}
