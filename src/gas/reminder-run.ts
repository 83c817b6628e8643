// The daily reminder run: plan from the sheets, send in batches with a "sending" mark first, stop before the limits.
import {
  digestLogRow,
  emailLogRow,
  type LogRow,
  type OutgoingEmail,
  type PlannedDigest,
  type PlannedEmail,
  planReminders,
  type ReminderPlan,
  type Row,
  registerLang,
  renderCustomerEmail,
  renderDigestEmail,
} from '../domain/reminders';
import { customer, interaction, property, type RecordType, type Settings } from '../schema';
import { rowsFromColumns } from './records';
import { openLog, readLog } from './reminder-log';
import { readSettings } from './settings';
import { readColumns } from './table';
import { readTeam } from './team';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sends between two log writes: a crash leaves at most this many customers "unknown" (flagged, never re-sent). */
export const BATCH = 200;
/**
 * Sends per execution. A fixed share (rather than "as many as time allows") keeps every execution's
 * sheet calls the same whatever the register's size; the deadline below is the safety net.
 */
export const PER_EXECUTION = 400;
/** Modelled cost of one send, for deciding whether a whole batch still fits before the deadline. */
const SEND_MS = 300;
/** Apps Script stops an execution at 6 minutes; stop well before, leaving time to record outcomes. */
export const DEADLINE_MS = 4 * 60 * 1000;

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
  'owner',
  'productPreference',
  'promotionPreference',
  'consent',
  'nextReviewDue',
  'lastReminded',
  'reviewCycle',
];

/** Rows of a record type as plain rows: list values by key, dates as 'yyyy-mm-dd' in the spreadsheet's zone. */
function rowsOf(ss: Spreadsheet, rt: RecordType, tz: string, only?: readonly string[]): Row[] {
  const keys = only ?? rt.fields.map((f) => f.key);
  const { count, values } = readColumns(ss, rt.sheetName, keys, 1);
  return rowsFromColumns(rt, keys, values, count, tz);
}

export interface Planned {
  plan: ReminderPlan;
  settings: Settings;
  tz: string;
  log: ReturnType<typeof readLog>;
}

/** Reads what the plan needs (a fixed number of block reads) and plans. */
export function planToday(ss: Spreadsheet, fallbackRecipient: string, remainingQuota: number): Planned {
  const tz = ss.getSpreadsheetTimeZone();
  const settings = readSettings(ss);
  const team = readTeam(ss).filter((m) => m.active);
  const log = readLog(ss, tz);
  const plan = planReminders({
    today: Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd'),
    settings,
    customers: rowsOf(ss, customer, tz, CUSTOMER_KEYS),
    property: rowsOf(ss, property, tz),
    interactions: rowsOf(ss, interaction, tz),
    log: log.entries,
    remainingQuota,
    fallbackRecipient,
    staff: [...team.map((m) => m.email), fallbackRecipient],
  });
  return { plan, settings, tz, log };
}

type Item = { row: LogRow; mail: () => OutgoingEmail; email?: PlannedEmail };

function send(m: OutgoingEmail) {
  MailApp.sendEmail(m.to, m.subject, m.body, {
    htmlBody: m.htmlBody,
    name: m.name,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
  });
}

/** One execution's worth of the day's reminders. Overlapping runs are refused by the script lock. */
export function runReminders(ss: Spreadsheet, startedAt: number): RunReport {
  const lock = LockService.getScriptLock();
  const empty = { today: '', digestsSent: 0, emailsSent: 0, failed: 0, deferred: 0, remaining: 0 };
  if (!lock.tryLock(1000)) return { ...empty, stoppedFor: 'busy' };
  try {
    const me = Session.getEffectiveUser().getEmail();
    const { plan, settings, tz, log: read } = planToday(ss, me, MailApp.getRemainingDailyQuota());
    const lang = registerLang(settings);
    const log = openLog(ss, lang, read);
    log.append(plan.log, new Date());
    const items: Item[] = [
      ...plan.digests.map((d: PlannedDigest) => ({
        row: digestLogRow(d, 'sending'),
        mail: () => renderDigestEmail(d, settings),
      })),
      ...plan.emails.map((e) => ({
        row: emailLogRow(e, 'sending'),
        mail: () => renderCustomerEmail(e.customer, settings),
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
    const reminded = new Map<string, string>();
    let i = 0;
    while (i < items.length && report.stoppedFor === 'done') {
      const batch = items.slice(i, i + BATCH);
      if (i >= PER_EXECUTION || Date.now() - startedAt + batch.length * SEND_MS > DEADLINE_MS) {
        report.stoppedFor = 'time';
        break;
      }
      const first = log.append(
        batch.map((b) => b.row),
        new Date(),
      );
      const outcomes: (LogRow | null)[] = batch.map(() => null);
      batch.forEach((item, k) => {
        if (report.stoppedFor !== 'done') return;
        if (MailApp.getRemainingDailyQuota() <= reserve) {
          report.stoppedFor = 'quota';
          return;
        }
        try {
          send(item.mail());
          outcomes[k] = { ...item.row, outcome: 'sent', detail: '' };
          if (item.email) {
            report.emailsSent++;
            reminded.set(item.email.customerId, item.email.cycle);
          } else report.digestsSent++;
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
        outcomes.map(
          (o) =>
            o ?? {
              record: '',
              recipient: '',
              kind: '' as LogRow['kind'],
              cycle: '',
              outcome: '',
              detail: '',
            },
        ),
        new Date(),
      );
      i += batch.length;
    }
    report.remaining = items.length - (report.emailsSent + report.digestsSent + report.failed);
    if (reminded.size) stampReminded(ss, reminded, tz);
    return report;
  } finally {
    lock.releaseLock();
  }
}

/** "Last reminded" and the cycle on each customer emailed: one read of the IDs and two column writes, under the document lock. */
function stampReminded(ss: Spreadsheet, reminded: Map<string, string>, tz: string) {
  const lock = LockService.getDocumentLock();
  lock.waitLock(30000);
  try {
    const { map, count, values } = readColumns(
      ss,
      customer.sheetName,
      ['id', 'lastReminded', 'reviewCycle'],
      1,
    );
    const now = Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd HH:mm');
    const last = values.lastReminded.slice();
    const cycle = values.reviewCycle.slice();
    for (let r = 0; r < count; r++) {
      const c = reminded.get(String(values.id[r]));
      if (c === undefined) continue;
      last[r] = now;
      cycle[r] = c;
    }
    const sheet = ss.getSheetByName(customer.sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
    const col = (k: string) => map.keys.indexOf(k) + 1;
    sheet.getRange(2, col('lastReminded'), count, 1).setValues(last.map((v) => [v]));
    sheet.getRange(2, col('reviewCycle'), count, 1).setValues(cycle.map((v) => [v]));
    SpreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }
}
