// The Dashboard's review answers on dist/Code.js: confirmed by link, confirmed by staff, corrected, no answer, per month of the review due date, still counted after the log archives them.
/// <reference types="google-apps-script" />

import { fillDueCustomers } from '../fixtures/due-register';
import { callAs, saved } from '../helpers/call-as';
import { setSetting, teamRegister, workbook } from '../helpers/register';
import { fireDaily } from '../helpers/reminders';
import { linksFor, TODAY, visit, WEB_APP_URL } from '../helpers/review-links';
import { CLERK } from '../helpers/users';

type Emu = ReturnType<typeof teamRegister>;
const TITLE = 'How the last review cycles were answered';

/** Five customers: four due in October and November, reminded this morning. */
function reminded() {
  const emu = teamRegister({ now: `${TODAY}T01:00:00Z` });
  fillDueCustomers(emu, 5, {
    due: 4,
    today: TODAY,
    rows: {
      0: { nextReviewDue: '2026-10-05' },
      1: { nextReviewDue: '2026-10-20' },
      2: { nextReviewDue: '2026-11-02' },
      3: { nextReviewDue: '2026-11-10' },
    },
  });
  setSetting(emu, 'webAppUrl', WEB_APP_URL);
  fireDaily(emu);
  return emu;
}

/** The answers table: [month, link, staff, corrected, no answer] rows under its header. */
function answers(emu: Emu): unknown[][] {
  const rows = emu.spreadsheet.values('Dashboard') as unknown[][];
  const r = rows.findIndex((row) => row.includes(TITLE));
  if (r < 0) throw new Error('no answers table');
  const c = rows[r].indexOf(TITLE);
  expect(rows[r + 1].slice(c, c + 5)).toEqual([
    'Review due',
    'Confirmed by link',
    'Confirmed by staff',
    'Corrected',
    'No answer',
  ]);
  const out: unknown[][] = [];
  for (let i = r + 2; i < rows.length && rows[i][c] !== ''; i++) out.push(rows[i].slice(c, c + 5));
  return out;
}

/** One answer of each kind: the first customer's link, staff for the second, a correction from the third. */
function answerEach(emu: Emu) {
  visit(emu, 'POST', linksFor(emu, 'customer0@example.net').confirm);
  const second = callAs(emu, CLERK, 'getCustomer', { id: 'C-000002' });
  if (!('version' in second)) throw new Error('no customer');
  saved(callAs(emu, CLERK, 'confirmReview', { id: 'C-000002', version: second.version, how: 'phone' }));
  visit(emu, 'POST', linksFor(emu, 'customer2@example.net').correct, { 'v.city': 'Beijing' });
}

describe('how the last review cycles were answered', () => {
  test('each answer in its column, by the month the review fell due; the last six months', () => {
    const emu = reminded();
    answerEach(emu);
    emu.scriptRun(CLERK, 'refreshDashboard', {});
    const rows = answers(emu);
    expect(rows.map((r) => r[0])).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(rows.slice(-2)).toEqual([
      ['2026-10', 1, 1, 0, 0],
      ['2026-11', 0, 0, 1, 1],
    ]);
  });

  test('answers moved to the Reminder log archive by the next run are still counted, once', () => {
    const emu = reminded();
    answerEach(emu);
    // The next morning's run archives the closed cycles' rows, then refreshes the Dashboard.
    emu.advanceClock('2026-11-24T01:30:00Z');
    const archive = workbook(emu).getActive().getSheetByName('Reminder log archive');
    expect(archive?.getLastRow()).toBeGreaterThan(1);
    expect(answers(emu).slice(-2)).toEqual([
      ['2026-10', 1, 1, 0, 0],
      ['2026-11', 0, 0, 1, 1],
    ]);
    emu.advanceClock('2026-11-25T01:30:00Z');
    emu.scriptRun(CLERK, 'refreshDashboard', {});
    expect(answers(emu).slice(-2)).toEqual([
      ['2026-10', 1, 1, 0, 0],
      ['2026-11', 0, 0, 1, 1],
    ]);
  });

  test('a run killed between counting archived answers and recording its pass counts them once', () => {
    const emu = reminded();
    answerEach(emu);
    const archived = () =>
      (workbook(emu).getActive().getSheetByName('Reminder log archive')?.getLastRow() ?? 0) > 1;
    // Once rows are in the archive, the first property written is the tally, the second the pass's record:
    // the run dies just before the second.
    let writes = 0;
    let killed = false;
    emu.hooks.extraCost = (info) => {
      if (killed || info.fn !== 'runReminders' || !info.method.endsWith('setProperty') || !archived())
        return 0;
      if (++writes < 2) return 0;
      killed = true;
      return 7 * 60 * 1000;
    };
    emu.advanceClock('2026-11-24T01:30:00Z');
    emu.hooks.extraCost = undefined;
    expect(killed).toBe(true);
    expect(emu.meter.executions.some((e) => e.error)).toBe(true);
    emu.advanceClock('2026-11-25T01:30:00Z');
    emu.scriptRun(CLERK, 'refreshDashboard', {});
    expect(answers(emu).slice(-2)).toEqual([
      ['2026-10', 1, 1, 0, 0],
      ['2026-11', 0, 0, 1, 1],
    ]);
  });
});
