// The protection plan and its drift check: runs of columns by role, editors from the Team, and each kind of drift.
import { compareProtections, driftMessage, type FoundProtection } from '../../../src/domain/protection-drift';
import {
  editorsFor,
  fieldsClosedTo,
  type PlannedProtection,
  planProtections,
  sheetKind,
} from '../../../src/domain/protection-plan';
import type { TeamMember } from '../../../src/domain/roles';
import { customer, recordTypes } from '../../../src/schema';
import { customerWithWechat } from '../../fixtures/schema/customer-wechat';

const OWNER = 'owner@example.com';
const team: TeamMember[] = [
  { email: OWNER, name: '', role: 'Admin', active: true },
  { email: 'ada@example.com', name: 'Ada', role: 'Admin', active: true },
  { email: 'wang@example.com', name: '王', role: 'Manager', active: true },
  { email: 'chen@example.com', name: 'Chen', role: 'Clerk', active: true },
  { email: 'gone@example.com', name: 'Gone', role: 'Clerk', active: false },
  { email: 'vera@example.com', name: 'Vera', role: 'Viewer', active: true },
];

const rts = Object.values(recordTypes);
const at = (fields: readonly { key: string }[]) => Object.fromEntries(fields.map((f, i) => [f.key, i + 1]));
const columns = Object.fromEntries(rts.map((rt) => [rt.sheetName, at(rt.fields)]));
const plan = () => planProtections(rts, columns, team, OWNER, 'en');

/** What the adapter would read back after applying `p` exactly. */
function found(p: PlannedProtection, ref: number): FoundProtection {
  const range =
    p.area === 'sheet'
      ? { row: 0, lastRow: 0, first: 0, last: 0 }
      : p.area === 'header'
        ? { row: 1, lastRow: 1, first: 1, last: Number.POSITIVE_INFINITY }
        : { row: 2, lastRow: Number.POSITIVE_INFINITY, first: p.first, last: p.last };
  return {
    ref,
    sheet: p.sheet,
    type: p.area === 'sheet' ? 'SHEET' : 'RANGE',
    description: p.description,
    ...range,
    warningOnly: p.warningOnly,
    editors: p.editors,
  };
}

describe('planProtections', () => {
  test('sheet kinds follow the fields: logs, admin sheets, records', () => {
    expect(rts.map((rt) => [rt.key, sheetKind(rt)])).toEqual([
      ['customer', 'records'],
      ['interaction', 'records'],
      ['property', 'records'],
      ['changeRequest', 'log'],
      ['purchase', 'records'],
      ['team', 'admin'],
      ['settings', 'admin'],
      ['lists', 'admin'],
      ['audit', 'log'],
      ['reminderLog', 'log'],
    ]);
  });

  test('Customers: a header row, then one protection per run of columns with the same roles', () => {
    const mine = plan().filter((p) => p.sheet === 'Customers');
    expect(mine.map((p) => [p.key, p.first, p.last, p.warningOnly])).toEqual([
      ['customer/header', 1, 0, false],
      ['customer/id', 1, 2, true],
      ['customer/customerType', 3, 21, false],
      ['customer/creditRating', 22, 23, false],
      ['customer/productPreference', 24, 28, false],
      ['customer/lastReviewed', 29, 47, true],
      ['customer/notes', 48, 48, false],
    ]);
    const credit = mine.find((p) => p.key === 'customer/creditRating');
    expect(credit?.editors).toEqual([OWNER, 'ada@example.com', 'wang@example.com'].sort());
    expect(credit?.description).toBe(
      'Customer Register · Customers · Credit rating, Overdue — Admin, Manager',
    );
    expect(mine.find((p) => p.key === 'customer/customerType')?.editors).toContain('chen@example.com');
    expect(mine.find((p) => p.key === 'customer/customerType')?.editors).not.toContain('gone@example.com');
    expect(mine.find((p) => p.key === 'customer/id')?.editors).toEqual([]);
  });

  test('Team, Settings and Lists whole for Admins; Audit and Reminder log warn, with an Admin header', () => {
    const byKey = Object.fromEntries(plan().map((p) => [p.key, p]));
    for (const k of ['team', 'settings', 'lists']) {
      expect(byKey[`${k}/sheet`]).toMatchObject({ area: 'sheet', warningOnly: false, roles: ['Admin'] });
      expect(byKey[`${k}/header`]).toBeUndefined();
    }
    for (const k of ['audit', 'reminderLog']) {
      expect(byKey[`${k}/sheet`]).toMatchObject({ area: 'sheet', warningOnly: true, editors: [] });
      expect(byKey[`${k}/header`]).toMatchObject({ area: 'header', warningOnly: false });
    }
  });

  test('descriptions in Chinese for a Chinese register', () => {
    const zh = planProtections(rts, columns, team, OWNER, 'zh');
    expect(zh.find((p) => p.key === 'customer/creditRating')?.description).toBe(
      'Customer Register · Customers · 信用等级、逾期 — 管理员、经理',
    );
  });

  test('a column moved away from its run splits the run', () => {
    const moved = { ...columns.Customers, creditRating: 41 };
    const mine = planProtections([customer], { Customers: moved }, team, OWNER, 'en');
    expect(mine.filter((p) => p.fields.includes('overdue') || p.fields.includes('creditRating'))).toEqual([
      expect.objectContaining({ fields: ['overdue'], first: 23, last: 23 }),
      expect.objectContaining({ fields: ['creditRating'], first: 41, last: 41 }),
    ]);
  });

  test('editors: the owner always, active members of the roles, no one twice', () => {
    expect(editorsFor(['Admin'], team, 'Owner@Example.com')).toEqual(['ada@example.com', OWNER]);
    expect(editorsFor(['Admin'], [], null)).toEqual([]);
  });

  test('a clerk’s new row leaves the manager-only columns alone', () => {
    expect(fieldsClosedTo(customer, 'Clerk')).toEqual(['creditRating', 'overdue']);
    expect(fieldsClosedTo(customer, 'Manager')).toEqual([]);
  });
});

describe('compareProtections', () => {
  const planned = plan();
  const sound = () => planned.map(found);

  test('the plan as applied: no drift, nothing to repair', () => {
    expect(compareProtections(planned, sound(), columns, OWNER)).toEqual({
      drift: [],
      repair: { create: [], update: [], remove: [] },
    });
  });

  test('an editor added by hand, and one missing, are fixed in place', () => {
    const f = sound();
    const credit = f.find((x) => x.description.includes('Credit rating')) as FoundProtection;
    credit.editors = [...credit.editors.filter((e) => e !== 'wang@example.com'), 'chen@example.com'];
    const { drift, repair } = compareProtections(planned, f, columns, OWNER);
    expect(drift).toEqual([
      { kind: 'editorAdded', sheet: 'Customers', what: 'Credit rating, Overdue', user: 'chen@example.com' },
      { kind: 'editorMissing', sheet: 'Customers', what: 'Credit rating, Overdue', user: 'wang@example.com' },
    ]);
    expect(repair.update.map((u) => u.ref)).toEqual([credit.ref]);
    expect(repair.create).toEqual([]);
  });

  test('the owner listed or not is not drift', () => {
    const f = sound().map((x) => ({ ...x, editors: x.editors.filter((e) => e !== OWNER) }));
    expect(compareProtections(planned, f, columns, OWNER).drift).toEqual([]);
  });

  test('a protection removed is created again; a duplicate is removed', () => {
    const f = sound().filter((x) => !x.description.includes('Team'));
    f.push({ ...f[0], ref: 99 });
    const { drift, repair } = compareProtections(planned, f, columns, OWNER);
    expect(drift.map((d) => d.kind).sort()).toEqual(['extra', 'missing']);
    expect(repair.create.map((p) => p.key)).toEqual(['team/sheet']);
    expect(repair.remove).toEqual([99]);
  });

  test('warning-only switched either way is reported and reset', () => {
    const f = sound().map((x) =>
      x.description.includes('Credit') || x.description.includes('Audit · whole')
        ? { ...x, warningOnly: !x.warningOnly, editors: [] }
        : x,
    );
    const { drift } = compareProtections(planned, f, columns, OWNER);
    expect(drift.filter((d) => d.kind === 'warningOnly')).toEqual([
      { kind: 'warningOnly', sheet: 'Customers', what: 'Credit rating, Overdue', now: true },
      { kind: 'warningOnly', sheet: 'Audit', what: 'whole sheet', now: false },
    ]);
  });

  test('a new column next to a run is reported as not protected, and the run is replaced', () => {
    const withNew = { ...columns, Customers: at(customerWithWechat.fields) };
    const next = planProtections([customerWithWechat], withNew, team, OWNER, 'en');
    const old = planned.filter((p) => p.sheet === 'Customers').map(found);
    // The header protection is the whole first row: a new column is under it already.
    const { drift, repair } = compareProtections(next, old, withNew, OWNER);
    expect(drift).toEqual([
      { kind: 'uncovered', sheet: 'Customers', what: 'Notes, WeChat ID', fields: ['wechatId'] },
    ]);
    expect(repair.create.map((p) => p.key)).toEqual(['customer/notes']);
    const label = (_s: string, f: string) => (f === 'wechatId' ? 'WeChat ID' : f);
    expect(driftMessage(drift[0], 'en', label)).toBe(
      'Customers · Notes, WeChat ID: new column not protected: WeChat ID.',
    );
    expect(driftMessage(drift[0], 'zh', label)).toBe(
      'Customers · Notes, WeChat ID：新增的列未受保护：WeChat ID。',
    );
  });

  test('a range that no longer reaches the last row is re-made', () => {
    const f = sound().map((x) => (x.description.includes('Credit') ? { ...x, lastRow: 500 } : x));
    const { drift, repair } = compareProtections(planned, f, columns, OWNER);
    expect(drift).toEqual([{ kind: 'range', sheet: 'Customers', what: 'Credit rating, Overdue' }]);
    expect(repair.remove).toHaveLength(1);
    expect(repair.create).toHaveLength(1);
  });
});
