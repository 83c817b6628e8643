// Seeds the demo register: setup, the team and the recent activity through the add-on; older history written as rows.
/// <reference types="google-apps-script" />
import type { Emulator } from '../emulator/src';
import { emulatorContext } from '../emulator/src/execution';
import { cellA1 } from '../emulator/src/spreadsheet/a1';
import { fromWallTime } from '../emulator/src/spreadsheet/timezone';
import { parseSerial } from '../src/domain/ids';
import { creditFigures } from '../src/domain/purchases/credit';
import { paymentStateOf } from '../src/domain/purchases/payment-state';
import { defaultLists, defaultSettings, type FieldDecl, type RecordType, recordTypes } from '../src/schema';
import type { LoadedRecord, SaveResult } from '../src/shared/rpc';
import { fieldColumns } from './columns';
import { type DemoCustomer, type DemoRegister, type DemoValues, demoRegister } from './demo-data';

export const DEMO_OWNER = 'owner@example.com';
const MANAGER = 'manager@example.com';
/** Turns reminders on: the daily run's trigger is theirs, and it runs as them. */
const ADMIN = 'admin@example.com';
const DAY = 86400000;
const HOUR = 3600000;

/** How many days of history the demo spans: the emulator's clock starts this long before "now". */
export const HISTORY_DAYS = 410;

/**
 * How many of the newest customers are entered through the add-on (with their approvals, interactions and
 * property); older ones are written as rows, as if imported. Why not all: each add-on call is an execution of
 * its own (~20 ms to load the bundle, ~100 ms for a create on a 200-row register), so 200 creates and their
 * reviews take about two minutes, and the preview must be ready in under ten seconds.
 */
export const RECENT_THROUGH_ADD_ON = 12;

/** Interactions and property from the last week go through the add-on too. */
const RECENT_DAYS = 7;

/** How many records of each kind went in through the add-on, and how many were written as rows. */
export type SeedReport = Record<
  'customers' | 'approvals' | 'interactions' | 'property',
  { addOn: number; rows: number }
>;

type Event = { at: number; run: () => void };

/**
 * Fills a fresh emulator (its clock at now − HISTORY_DAYS) with the demo register and leaves its clock at `now`.
 * `globals` are the bundle's functions: each part goes through the add-on as soon as it has the entry point.
 */
export function seedDemo(emu: Emulator, globals: ReadonlySet<string>, now: number): SeedReport {
  const demo = demoRegister(now);
  const has = (name: string) => globals.has(name);
  const report: SeedReport = {
    customers: { addOn: 0, rows: 0 },
    approvals: { addOn: 0, rows: 0 },
    interactions: { addOn: 0, rows: 0 },
    property: { addOn: 0, rows: 0 },
  };
  emu.run(DEMO_OWNER, 'setUpRegister');
  addTeam(emu, demo);

  // Oldest first, so IDs grow with time whichever way a record goes in.
  const order = demo.customers
    .map((_, i) => i)
    .sort((a, b) => demo.customers[b].enteredDaysAgo - demo.customers[a].enteredDaysAgo);
  const recent = new Set(has('createCustomer') ? order.slice(-RECENT_THROUGH_ADD_ON) : []);
  const ids: string[] = [];
  const history = order.filter((i) => !recent.has(i));
  writeCustomerRows(emu, demo, history, ids, now);
  report.customers.rows = history.length;
  report.approvals.rows = history.filter((i) => demo.customers[i].approvedDaysAgo !== undefined).length;

  const viaAddOn = (fn: string, x: { customer: number; daysAgo: number }) =>
    has(fn) && (recent.has(x.customer) || x.daysAgo <= RECENT_DAYS);
  const interactions = demo.interactions.filter((x) => viaAddOn('logInteraction', x));
  const property = demo.property.filter((x) => viaAddOn('receiveProperty', x));
  // Rows for customers that already have IDs go in now, before the add-on numbers its own records after them;
  // the rest refer to customers the add-on has yet to number, so they wait for it.
  const known = (x: { customer: number }) => ids[x.customer] !== undefined;
  const [interactionsNow, interactionsLater] = split(
    demo.interactions.filter((x) => !interactions.includes(x)),
    known,
  );
  const [propertyNow, propertyLater] = split(
    demo.property.filter((x) => !property.includes(x)),
    known,
  );
  writeInteractionRows(emu, interactionsNow, ids, now);
  writePropertyRows(emu, propertyNow, ids, now);

  const at = (days: number, hours: number) => Math.min(now - 60000, now - days * DAY + hours * HOUR);
  const events: Event[] = [];
  for (const i of order.filter((x) => recent.has(x))) {
    const c = demo.customers[i];
    events.push({
      at: at(c.enteredDaysAgo, 0),
      run: () => {
        const out = call(emu, c.enteredBy, 'createCustomer', { values: c.values, confirmDuplicate: true });
        ids[i] = out.id;
        report.customers.addOn++;
        // Entries by anyone but a clerk are approved on entry; a clerk's wait for the manager.
        if (out.values.recordState !== 'pendingReview' || c.approvedDaysAgo === undefined) return;
        if (!has('approveCustomer') || !has('getCustomer')) return;
        schedule(events, {
          at: at(c.approvedDaysAgo, 3),
          run: () => {
            approve(emu, out.id, c);
            report.approvals.addOn++;
          },
        });
      },
    });
  }
  for (const x of interactions)
    events.push({
      at: at(x.daysAgo, 5),
      run: () => {
        const values = { ...x.values, customerId: ids[x.customer] };
        call(emu, String(x.values.staff), 'logInteraction', { values });
        report.interactions.addOn++;
      },
    });
  for (const p of property)
    events.push({
      at: at(p.daysAgo, 4),
      run: () => {
        const values = { ...p.values, customerId: ids[p.customer] };
        call(emu, String(p.values.receivedBy), 'receiveProperty', { values });
        report.property.addOn++;
      },
    });
  events.sort((a, b) => a.at - b.at);
  for (let e = events.shift(); e; e = events.shift()) {
    if (e.at > emu.now()) emu.advanceClock(e.at);
    e.run();
  }

  writeInteractionRows(emu, interactionsLater, ids, now);
  writePropertyRows(emu, propertyLater, ids, now);
  report.interactions.rows = interactionsNow.length + interactionsLater.length;
  report.property.rows = propertyNow.length + propertyLater.length;
  if (emu.now() < now) emu.advanceClock(now);
  writePurchaseRows(emu, demo, ids, now);
  writeReviewAnswers(emu, demo, ids, now);
  // Last, at "now": turned on earlier, the daily run would fire on every one of the seeded days.
  if (has('turnRemindersOn')) emu.run(ADMIN, 'turnRemindersOn');
  return report;
}

function split<T>(xs: readonly T[], test: (x: T) => boolean): [T[], T[]] {
  return [xs.filter(test), xs.filter((x) => !test(x))];
}

/** Queues an event in time order (approvals are scheduled while their creation runs). */
function schedule(events: Event[], e: Event) {
  const at = events.findIndex((x) => x.at > e.at);
  events.splice(at < 0 ? events.length : at, 0, e);
}

/** The admin types the team into the Team sheet, as a person would: validation applies. */
function addTeam(emu: Emulator, demo: DemoRegister) {
  const sheet = recordTypes.team.sheetName;
  const col = fieldColumns(emu.spreadsheet.state, sheet);
  let row = emu.spreadsheet.values(sheet).length + 1;
  for (const m of demo.team) {
    const cells: [string, string][] = [
      ['email', m.email],
      ['name', m.name],
      ['role', label('teamRole', m.role)],
      ['active', 'TRUE'],
    ];
    for (const [key, input] of cells) {
      const a1 = cellA1(row, col[key]);
      const out = emu.edit(DEMO_OWNER, sheet, a1, input);
      if (!out.ok) throw new Error(`Seeding Team ${a1} (${input}) was refused: ${out.error}`);
    }
    row++;
  }
}

// ---- through the add-on ---------------------------------------------------------------------------

/** The manager opens the entry (as the review list does), approves it, then sets the fields only managers own. */
function approve(emu: Emulator, id: string, c: DemoCustomer) {
  const load = () => emu.scriptRun(MANAGER, 'getCustomer', { id }) as LoadedRecord;
  call(emu, MANAGER, 'approveCustomer', { id, version: load().version });
  if (c.credit) call(emu, MANAGER, 'updateCustomer', { id, version: load().version, changes: c.credit });
}

/** A google.script.run call as the sidebar makes it; any refusal stops the seed loudly. */
function call(emu: Emulator, user: string, fn: string, req: unknown): Extract<SaveResult, { ok: true }> {
  const out = emu.scriptRun(user, fn, req) as SaveResult;
  if (!out.ok) throw new Error(`Seeding: ${fn} as ${user} was refused: ${JSON.stringify(out)}`);
  return out;
}

// ---- rows, for the history before the add-on ----------------------------------------------------------

function writeCustomerRows(emu: Emulator, demo: DemoRegister, order: number[], ids: string[], now: number) {
  const rt = recordTypes.customer;
  let serial = nextSerial(emu, rt);
  const rows = order.map((i) => {
    const c = demo.customers[i];
    ids[i] = `${rt.idPrefix}-${String(serial++).padStart(6, '0')}`;
    const entered = now - c.enteredDaysAgo * DAY;
    const approved = c.approvedDaysAgo === undefined ? undefined : now - c.approvedDaysAgo * DAY + 3 * HOUR;
    return {
      ...c.values,
      ...c.credit,
      ...c.review,
      id: ids[i],
      recordState: approved === undefined ? 'pendingReview' : 'approved',
      enteredBy: c.enteredBy,
      enteredAt: entered,
      updatedBy: approved === undefined ? c.enteredBy : MANAGER,
      updatedAt: approved ?? entered,
      ...(approved === undefined ? {} : { approvedBy: MANAGER, approvedAt: approved }),
    };
  });
  appendRows(emu, rt, rows);
}

type Held = { customer: number; daysAgo: number; values: DemoValues };

function writeInteractionRows(emu: Emulator, list: Held[], ids: string[], now: number) {
  writeHeld(emu, recordTypes.interaction, list, ids, now, 'staff');
}

function writePropertyRows(emu: Emulator, list: Held[], ids: string[], now: number) {
  writeHeld(emu, recordTypes.property, list, ids, now, 'receivedBy');
}

/**
 * Purchases as rows, their payment state as the add-on derives it, and the Customers credit columns as
 * yesterday's daily run would have left them (the same domain rules compute both).
 */
function writePurchaseRows(emu: Emulator, demo: DemoRegister, ids: string[], now: number) {
  const today = new Date(now).toISOString().slice(0, 10);
  const list = demo.purchases.map((p) => ({
    ...p,
    values: { ...p.values, paymentState: paymentStateOf(p.values, today) },
  }));
  writeHeld(emu, recordTypes.purchase, list, ids, now, 'enteredBy');
  const figures = creditFigures(
    list.map((p) => ({ ...p.values, customerId: ids[p.customer] })),
    today,
    String(defaultSettings().defaultCurrency),
  );
  const sheet = fixtureApp(emu)
    .getActive()
    .getSheetByName(recordTypes.customer.sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
  const col = fieldColumns(emu.spreadsheet.state, recordTypes.customer.sheetName);
  const rows = emu.spreadsheet.values(recordTypes.customer.sheetName);
  const fields = new Map<string, (typeof recordTypes.customer.fields)[number]>(
    recordTypes.customer.fields.map((f) => [f.key, f]),
  );
  const tz = emu.spreadsheet.state.timeZone;
  rows.slice(1).forEach((row, i) => {
    const f = figures.get(String(row[col.id - 1]).toLowerCase());
    if (!f) return;
    for (const [key, v] of Object.entries({ ...f, overdue: f.overdueDerived })) {
      const field = fields.get(key);
      if (field && col[key] && v !== null) sheet.getRange(i + 2, col[key]).setValue(stored(field, v, tz));
    }
  });
}

/** Review cycles closed in the last six months, as the Reminder log holds them until the next run archives them. */
const ANSWERED_WITHIN_DAYS = 183;

/**
 * The reminder and the answer of each customer who confirmed at a due date in the last six months: most by
 * their link, every fifth by phone to staff, every seventh sent corrections first. The cycles are closed
 * (the customer's next review is later), so the reminder run only moves these rows to the archive.
 */
function writeReviewAnswers(emu: Emulator, demo: DemoRegister, ids: string[], now: number) {
  const since = new Date(now - ANSWERED_WITHIN_DAYS * DAY).toISOString().slice(0, 10);
  const rows: Record<string, DemoValues[string]>[] = [];
  demo.customers.forEach((c, i) => {
    const cycle = c.review?.lastReviewed;
    if (!cycle || cycle < since || !ids[i] || c.approvedDaysAgo === undefined) return;
    const due = Date.parse(`${cycle}T01:00:00Z`);
    if (due < now - c.approvedDaysAgo * DAY) return;
    const row = { record: ids[i], kind: 'customerReview', cycle };
    const email = String(c.values.email ?? '');
    rows.push({ ...row, time: due, recipient: email, outcome: 'sent', detail: '' });
    if (i % 7 === 3)
      rows.push({ ...row, time: due + 3 * HOUR, recipient: email, outcome: 'changeRequested', detail: '' });
    rows.push(
      i % 5 === 1
        ? { ...row, time: due + 6 * HOUR, recipient: '', outcome: 'confirmed', detail: 'Phone' }
        : { ...row, time: due + 6 * HOUR, recipient: email, outcome: 'confirmed', detail: '' },
    );
  });
  rows.sort((a, b) => Number(a.time) - Number(b.time));
  appendRows(
    emu,
    recordTypes.reminderLog,
    rows.filter((r) => Number(r.time) < now),
  );
}

/** Interactions and property: numbered after what the sheet holds, entered by the person the record names. */
function writeHeld(emu: Emulator, rt: RecordType, list: Held[], ids: string[], now: number, by: string) {
  let serial = nextSerial(emu, rt);
  const rows = [...list]
    .sort((a, b) => b.daysAgo - a.daysAgo)
    .map((x) => ({
      ...x.values,
      id: `${rt.idPrefix}-${String(serial++).padStart(6, '0')}`,
      customerId: ids[x.customer],
      enteredBy: x.values[by],
      enteredAt: now - x.daysAgo * DAY,
    }));
  appendRows(emu, rt, rows);
}

/** One past the highest serial in the sheet's ID column: the add-on's own counter never goes below it either. */
function nextSerial(emu: Emulator, rt: RecordType): number {
  const col = fieldColumns(emu.spreadsheet.state, rt.sheetName).id;
  let max = 0;
  for (const row of emu.spreadsheet.values(rt.sheetName).slice(1))
    max = Math.max(max, parseSerial(String(row[col - 1])) ?? 0);
  return max + 1;
}

/** Appends rows in one write, each value converted to what the add-on stores for its field's type. */
function appendRows(
  emu: Emulator,
  rt: RecordType,
  records: Record<string, DemoValues[string] | undefined>[],
) {
  if (records.length === 0) return;
  const tz = emu.spreadsheet.state.timeZone;
  const col = fieldColumns(emu.spreadsheet.state, rt.sheetName);
  const width = Math.max(...Object.values(col));
  const grid = records.map((rec) => {
    const row: unknown[] = new Array(width).fill('');
    for (const f of rt.fields) {
      const v = rec[f.key];
      if (v !== undefined && col[f.key]) row[col[f.key] - 1] = stored(f, v, tz);
    }
    return row;
  });
  const sheet = fixtureApp(emu)
    .getActive()
    .getSheetByName(rt.sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
  sheet.getRange(sheet.getLastRow() + 1, 1, grid.length, width).setValues(grid);
}

/** The emulator's own SpreadsheetApp: unmetered and unchecked, like a fixture (test/helpers/register.ts does the same). */
function fixtureApp(emu: Emulator) {
  return emu.spreadsheet.createSpreadsheetApp(
    emulatorContext(() => emu.now()),
    { getUi: () => ({}) },
  ) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

/** List values are stored as their English label (the seed's owner works in English); dates as dates in the sheet's zone. */
function stored(f: FieldDecl, v: string | number | boolean, tz: string): unknown {
  if (f.type === 'list' && f.list) return label(f.list, String(v));
  if (f.type === 'date' && typeof v === 'string') {
    const [year, month, day] = v.split('-').map(Number);
    return new Date(fromWallTime({ year, month, day, hour: 0, minute: 0, second: 0 }, tz));
  }
  if (f.type === 'dateTime' && typeof v === 'number') return new Date(v);
  return v;
}

function label(list: string, key: string): string {
  const item = defaultLists[list]?.items.find((x) => x.key === key);
  if (!item) throw new Error(`Demo data uses "${key}", which is not an item of the list ${list}.`);
  return item.labels.en;
}
