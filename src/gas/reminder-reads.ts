// What the daily run reads: a light index of every customer (a few columns), then whole rows only for those it acts on, open property and recent follow-ups.
import type { Row } from '../domain/reminders';
import { WORK_STATES } from '../domain/reminders/work';
import { customer, defaultLists, interaction, property, type RecordType } from '../schema';
import { recordsHolding } from './finder';
import { rowsFromColumns } from './records';
import { readColumns, readRowsAt, verifiedMap } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * What decides whether a customer is due today and still to be emailed: read for every customer, four cells a
 * row. Status and tier matter only for those due, whose rows are then read whole.
 */
const INDEX_KEYS = ['id', 'recordState', 'nextReviewDue', 'reviewCycle'];
/**
 * What a digest says of a customer its property, follow-ups or change requests name: two more cells a row in
 * the index cost less than reading those customers' scattered rows (thousands at 100,000 customers).
 */
const DIGEST_KEYS = ['name', 'owner'];
/** A follow-up this many days overdue and still unanswered drops out of the digests: they list what is current. */
const FOLLOW_UP_DAYS = 90;

/** Rows of a record type at the given sheet rows, as plain rows (list values by key, dates as text). */
function rowsAt(
  ss: Spreadsheet,
  rt: RecordType,
  rows: readonly number[],
  keys: readonly string[],
  tz: string,
) {
  if (!rows.length) return [];
  const cols = readRowsAt(ss, rt.sheetName, verifiedMap(ss, rt.sheetName), rows, keys);
  return rowsFromColumns(rt, keys, cols, rows.length, tz);
}

/** Property not yet returned, found by its state in either language: returned items are history. */
export function openProperty(ss: Spreadsheet, tz: string): Row[] {
  const labels = defaultLists.propertyState.items
    .filter((i) => i.key !== 'returned')
    .flatMap((i) => [i.labels.en, i.labels.zh]);
  const keys = property.fields.map((f) => f.key);
  return recordsHolding(ss, property, 'state', labels, keys, tz);
}

/** The state labels, in either language, of the entries My work lists. */
const WORK_LABELS = defaultLists.recordState.items
  .filter((i) => WORK_STATES.includes(i.key))
  .flatMap((i) => [i.labels.en, i.labels.zh]);

/**
 * The customers pending review or returned, found by their state: what My work and the digests' counts are
 * made of. Approved records, however many, are never read for it.
 */
export function workEntries(ss: Spreadsheet, tz: string, keys: readonly string[]): Row[] {
  return recordsHolding(ss, customer, 'recordState', WORK_LABELS, keys, tz);
}

/** 'yyyy-mm-dd' `n` days before `day`. */
function daysBefore(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
}

/**
 * Follow-ups due in the last FOLLOW_UP_DAYS days, and every interaction of their customers (what says
 * whether one was answered): the rest of the Interactions sheet is history the run never reads.
 */
export function recentFollowUps(ss: Spreadsheet, tz: string, today: string): Row[] {
  const days = Array.from({ length: FOLLOW_UP_DAYS + 1 }, (_, n) => daysBefore(today, n));
  const keys = interaction.fields.map((f) => f.key);
  const due = recordsHolding(ss, interaction, 'nextFollowUp', days, keys, tz);
  const ids = [...new Set(due.map((r) => String(r.customerId ?? '')).filter(Boolean))];
  if (!ids.length) return due;
  // Only their dates count: a later interaction with the customer is what closes a follow-up.
  const answers = recordsHolding(ss, interaction, 'customerId', ids, ['date', 'customerId'], tz);
  return [...due, ...answers];
}

/**
 * Every customer as the plan sees them: the index for all (with the name and owner the digests give for the
 * customers their items name, unless today's digests are out: `emailsOnly`), and the whole of what planning
 * and the emails read (`keys`) for those due today, once today's digests are out only for those not yet
 * emailed this cycle. When rows moved between the two reads (an ID is not where the index had it), everything
 * is read whole instead: slower, never wrong.
 */
export function customersForPlan(
  ss: Spreadsheet,
  tz: string,
  today: string,
  keys: readonly string[],
  emailsOnly: boolean,
): Row[] {
  const indexKeys = emailsOnly ? INDEX_KEYS : [...INDEX_KEYS, ...DIGEST_KEYS];
  // A block per column: at 100,000 rows a column between two of them costs far more than the calls saved.
  const index = readColumns(ss, customer.sheetName, indexKeys, indexKeys.length);
  const light = rowsFromColumns(customer, indexKeys, index.values, index.count, tz);
  const needed: number[] = [];
  light.forEach((r, i) => {
    const cycle = String(r.nextReviewDue ?? '');
    const due = r.recordState === 'approved' && cycle !== '' && cycle <= today;
    if (due && !(emailsOnly && r.reviewCycle === cycle)) needed.push(i);
  });
  const whole = rowsAt(
    ss,
    customer,
    needed.map((i) => i + 2),
    keys,
    tz,
  );
  if (whole.some((r, k) => String(r.id ?? '') !== String(light[needed[k]].id ?? ''))) {
    const all = readColumns(ss, customer.sheetName, keys, 3);
    return rowsFromColumns(customer, keys, all.values, all.count, tz);
  }
  whole.forEach((r, k) => {
    light[needed[k]] = r;
  });
  return light;
}
