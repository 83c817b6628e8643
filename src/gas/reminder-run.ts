// The daily reminder run: plan from the sheets, send in batches with a "sending" mark first, stop before the limits.
import {
  digestLogRow,
  emailLogRow,
  type LogEntry,
  type LogRow,
  type OutgoingEmail,
  type PlannedDigest,
  type PlannedEmail,
  planReminders,
  type ReminderPlan,
  type Row,
  registerLang,
  remindedFields,
  renderCustomerEmail,
  renderDigestEmail,
  type StalledJob,
  sendingFields,
  unsentFields,
} from '../domain/reminders';
import { customer, type FieldKey, MANAGERS, type Settings, STAFF } from '../schema';
import { readPendingChangeRequests } from './change-requests';
import { sendMail } from './mail';
import { type RecordWrite, stampRecords } from './record-writes';
import { type LogView, openLog, readLog } from './reminder-log';
import { customersForPlan, openProperty, recentFollowUps, workEntries } from './reminder-reads';
import { digestsDone, digestsMarked, markDigests, markDigestsDone } from './reminder-state';
import { emailLinks } from './review-links';
import { effectiveUser, localTime } from './session';
import { readSettings } from './settings';
import { readTeam } from './team';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sends between two log writes: a crash leaves at most this many customers "unknown" (flagged, never re-sent). */
const BATCH = 200;
/**
 * Sends per execution. A fixed share (rather than "as many as time allows") keeps every execution's
 * sheet calls the same whatever the register's size; the deadline below is the safety net.
 */
const PER_EXECUTION = 400;
/** The longest one send takes (users report 0.3–1.2 s): checked before every send, so the last one fits. */
const SEND_MS = 1200;
/**
 * Apps Script stops an execution at 6 minutes; sends stop at 3.5, leaving time to record the outcomes of
 * the batch under way, so every execution ends inside 4 minutes.
 */
const DEADLINE_MS = 3.5 * 60 * 1000;
/**
 * A batch starts only this long before the deadline: its marks go out before its first send and its stamps
 * after its last (about seven sheet calls a customer each), and both must fit before 4 minutes.
 */
const BATCH_ROOM_MS = 45 * 1000;
/**
 * Moving closed cycles to the archive stops where no batch of sends would start any more (a long history, or
 * a first run after a year): the plan needs every open row of the log, so an execution that stops with rows
 * unread sends nothing, and the next one, a minute later, goes on.
 */
const ARCHIVE_BY_MS = DEADLINE_MS - BATCH_ROOM_MS;

export interface RunReport {
  today: string;
  digestsSent: number;
  emailsSent: number;
  failed: number;
  deferred: number;
  remaining: number;
  stoppedFor: 'done' | 'time' | 'quota' | 'busy';
}

/** What planning and the emails read of a customer: the rest of the row is never read. */
const CUSTOMER_KEYS = [
  'id',
  'recordState',
  'name',
  'company',
  'phone',
  'email',
  'status',
  'tier',
  'country',
  'region',
  'city',
  'street',
  'postcode',
  'preferredChannel',
  'language',
  'owner',
  'productPreference',
  'promotionPreference',
  'consent',
  'consentWithdrawn',
  'nextReviewDue',
  'lastReminded',
  'reviewCycle',
] as const satisfies readonly FieldKey<typeof customer>[];

export interface Planned {
  plan: ReminderPlan;
  settings: Settings;
  tz: string;
  log: LogView;
}

export interface PlanOptions {
  /** The spreadsheet's owner: an admin whatever Team says. */
  owner: string | null;
  /** ISO instant since when no run has succeeded, when over two days: the admins' digests say so. */
  silentSince?: string | null;
  /** Care jobs the daily run no longer starts: the admins' digests say so. */
  careStalled?: readonly StalledJob[];
  /** Move log rows of closed cycles to the archive (the run does; a preview writes nothing). */
  archive?: boolean;
  /** The Date.now() instant by which archiving stops for this execution; the next one goes on. */
  archiveUntil?: number;
}

/**
 * Which log entries a plan still needs: those of the cycle each customer is in now (the only ones cycleState
 * and the skip rows look at) and today's (digests, the quota note). Every other row is history.
 */
function openEntries(customers: readonly Row[], today: string) {
  const cycles = new Map<string, string>();
  for (const c of customers) cycles.set(String(c.id ?? ''), String(c.nextReviewDue ?? ''));
  return (e: LogEntry) =>
    e.cycle === today ||
    (e.time ?? '').startsWith(today) ||
    (e.record !== '' && cycles.get(e.record) === e.cycle);
}

/** Reads what the plan needs (a fixed number of block reads) and plans. */
export function planToday(
  ss: Spreadsheet,
  fallbackRecipient: string,
  remainingQuota: number,
  o: PlanOptions,
): Planned {
  const tz = ss.getSpreadsheetTimeZone();
  const settings = readSettings(ss);
  const team = readTeam(ss).filter((m) => m.active);
  const today = Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd');
  // A continuation after today's digests went out plans emails only: what only digests list is not read.
  const emailsOnly = o.archive === true && digestsDone(today);
  const held = emailsOnly ? [] : openProperty(ss, tz);
  const followUps = emailsOnly ? [] : recentFollowUps(ss, tz, today);
  const requests = emailsOnly ? [] : readPendingChangeRequests(ss, tz);
  const customers = customersForPlan(ss, tz, today, CUSTOMER_KEYS, emailsOnly);
  const open = openEntries(customers, today);
  const log = readLog(ss, tz, open, o.archive === true, o.archiveUntil);
  const admins = team.filter((m) => m.role === 'Admin').map((m) => m.email);
  if (o.owner && !admins.includes(o.owner)) admins.push(o.owner);
  const workers = team
    .filter((m) => STAFF.includes(m.role))
    .map((m) => ({ email: m.email, manager: MANAGERS.includes(m.role) }));
  if (o.owner && !workers.some((w) => w.email === o.owner)) workers.push({ email: o.owner, manager: true });
  const plan = planReminders({
    today,
    settings,
    customers,
    property: held,
    interactions: followUps,
    log: log.entries,
    remainingQuota,
    fallbackRecipient,
    staff: [...team.map((m) => m.email), ...admins, fallbackRecipient],
    digestsMarked: digestsMarked(today),
    digestsDone: emailsOnly,
    silentSince: o.silentSince ? localTime(o.silentSince, tz) : null,
    careStalled: o.careStalled,
    admins,
    workers,
    workEntries: emailsOnly
      ? []
      : workEntries(ss, tz, ['recordState', 'enteredBy']).map((r) => ({
          recordState: String(r.recordState ?? ''),
          enteredBy: String(r.enteredBy ?? ''),
        })),
    requestCustomers: requests.map((r) => r.customerId),
  });
  return { plan, settings, tz, log };
}

type Item = { row: LogRow; mail: () => OutgoingEmail; email?: PlannedEmail; digest?: PlannedDigest };

const BLANK: LogRow = {
  record: '',
  recipient: '',
  kind: '' as LogRow['kind'],
  cycle: '',
  outcome: '',
  detail: '',
};

/**
 * One execution's worth of the day's reminders. Overlapping runs are refused by the runner's user lock. Every
 * batch is marked before it is sent, twice: 'sending' rows in the log, and on what the log's loss cannot
 * erase (the customer's Review cycle; today's digest recipients in document properties).
 */
export function runReminders(ss: Spreadsheet, startedAt: number, o: PlanOptions): RunReport {
  // The user lock, not the script lock: a run lasts minutes, and the script lock is what every save and the
  // customer web app take. Runs come from the runner's own triggers, so overlapping runs share one user.
  const lock = LockService.getUserLock();
  const empty = { today: '', digestsSent: 0, emailsSent: 0, failed: 0, deferred: 0, remaining: 0 };
  if (!lock.tryLock(1000)) return { ...empty, stoppedFor: 'busy' };
  try {
    const me = effectiveUser();
    const {
      plan,
      settings,
      tz,
      log: read,
    } = planToday(ss, me, MailApp.getRemainingDailyQuota(), {
      ...o,
      archive: true,
      archiveUntil: startedAt + ARCHIVE_BY_MS,
    });
    if (!read.complete) return { ...empty, today: plan.today, stoppedFor: 'time' };
    const lang = registerLang(settings);
    const log = openLog(ss, lang, read);
    log.append(plan.log, new Date());
    const links = emailLinks(ss, settings, plan.today);
    const items: Item[] = [
      ...plan.digests.map((d: PlannedDigest) => ({
        row: digestLogRow(d, 'sending'),
        mail: () => renderDigestEmail(d, settings),
        digest: d,
      })),
      ...plan.emails.map((e) => ({
        row: emailLogRow(e, 'sending'),
        mail: () => renderCustomerEmail(e.customer, settings, { links: links(e.customerId, e.cycle) }),
        email: e,
      })),
    ];
    const report: RunReport = {
      ...empty,
      today: plan.today,
      deferred: plan.deferred.length,
      stoppedFor: 'done',
    };
    const reserve = Number(settings.quotaReserve ?? 0);
    // A batch's stamps go out with the next batch's marks, in one write: one fewer per execution.
    let stamps: RecordWrite[] = [];
    let i = 0;
    while (i < items.length && report.stoppedFor === 'done') {
      const batch = items.slice(i, i + BATCH);
      if (i >= PER_EXECUTION || Date.now() - startedAt + BATCH_ROOM_MS > DEADLINE_MS) {
        report.stoppedFor = 'time';
        break;
      }
      const first = log.append(
        batch.map((b) => b.row),
        new Date(),
      );
      markDigests(
        plan.today,
        recipients(batch, () => true),
        [],
      );
      stampRecords(ss, customer.sheetName, [...stamps, ...marks(batch)]);
      const outcomes: (LogRow | null)[] = batch.map(() => null);
      batch.forEach((item, k) => {
        if (report.stoppedFor !== 'done') return;
        // Before every send, not every batch: a slow MailApp day stops the run in time, whatever the batch.
        if (Date.now() - startedAt + SEND_MS > DEADLINE_MS) {
          report.stoppedFor = 'time';
          return;
        }
        if (MailApp.getRemainingDailyQuota() <= reserve) {
          report.stoppedFor = 'quota';
          return;
        }
        try {
          sendMail(item.mail());
          outcomes[k] = { ...item.row, outcome: 'sent', detail: '' };
          if (item.email) report.emailsSent++;
          else report.digestsSent++;
        } catch (e) {
          // One bad address or a MailApp error for one recipient is recorded and the run goes on.
          outcomes[k] = {
            ...item.row,
            outcome: 'failed',
            detail: String((e as Error)?.message ?? e).slice(0, 500),
          };
          report.failed++;
        }
      });
      // Rows of items not attempted are blanked: never written rather than "unknown".
      log.write(
        first,
        outcomes.map((o) => o ?? BLANK),
        new Date(),
      );
      const sent = (k: number) => outcomes[k]?.outcome === 'sent';
      markDigests(
        plan.today,
        [],
        recipients(batch, (k) => !sent(k)),
      );
      stamps = settled(batch, sent, localTime(new Date(), tz));
      i += batch.length;
    }
    stampRecords(ss, customer.sheetName, stamps);
    if (report.digestsSent === plan.digests.length && !digestsDone(plan.today)) markDigestsDone(plan.today);
    report.remaining = items.length - (report.emailsSent + report.digestsSent + report.failed);
    return report;
  } finally {
    lock.releaseLock();
  }
}

/** The digest recipients of a batch whose items pass `which`. */
function recipients(batch: readonly Item[], which: (k: number) => boolean): string[] {
  return batch.flatMap((b, k) => (b.digest && which(k) ? [b.digest.recipient] : []));
}

/** Before sending: each customer's row says "sending", as the log does. */
function marks(batch: readonly Item[]): RecordWrite[] {
  return batch.flatMap((b) => (b.email ? [{ id: b.email.customerId, cells: sendingFields(b.email) }] : []));
}

/** After sending: a sent email stamps Last reminded and the cycle; one not sent gets its old cycle back. */
function settled(batch: readonly Item[], sent: (k: number) => boolean, now: string): RecordWrite[] {
  return batch.flatMap((b, k) =>
    b.email
      ? [{ id: b.email.customerId, cells: sent(k) ? remindedFields(b.email, now) : unsentFields(b.email) }]
      : [],
  );
}
