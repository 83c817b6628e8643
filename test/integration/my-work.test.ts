// Staff's side of the loop: Mark confirmed, My work (returned entries with the comment, pending entries, change requests), and the Owner.

import { columnsOf, recordsOf, stateOf, teamRegister, useChinese, workbook } from '../helpers/register';
import { fireDaily } from '../helpers/reminders';
import { linkedRegister, linksFor, TODAY, visit } from '../helpers/review-links';
import { ADMIN, CLERK, MANAGER, VIEWER } from '../helpers/users';

type Emu = ReturnType<typeof teamRegister>;
const versionOf = (emu: Emu, id: string) =>
  (emu.scriptRun(MANAGER, 'getCustomer', { id }) as { version: string }).version;
const day = (v: unknown) =>
  v instanceof Date ? v.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) : String(v);

describe('Mark confirmed', () => {
  test('stamps the review as the link does, says how in Audit, and logs it', () => {
    const emu = linkedRegister();
    const r = emu.scriptRun(CLERK, 'confirmReview', {
      id: 'C-000001',
      version: versionOf(emu, 'C-000001'),
      how: 'phone',
    });
    expect(r).toMatchObject({ ok: true });
    const row = recordsOf(emu, 'Customers')[0];
    expect([day(row.lastReviewed), day(row.nextReviewDue)]).toEqual(['2026-11-23', '2027-02-23']);
    const audit = recordsOf(emu, 'Audit').filter((a) => a.action === 'Details confirmed');
    expect(audit.map((a) => [a.field, a.newValue, a.source, a.user])).toEqual(
      expect.arrayContaining([['', 'Phone', 'Sidebar form', CLERK]]),
    );
    expect(recordsOf(emu, 'Reminder log').at(-1)).toMatchObject({
      outcome: 'Confirmed by the customer',
      detail: 'Phone',
    });
    // The customer's link of that cycle is used up: confirming twice is not possible.
    expect(visit(emu, 'POST', linksFor(emu, 'customer0@example.net').confirm)).toMatchObject({
      body: expect.stringContaining('already been used'),
    });
  });

  test('needs how, and a viewer may not', () => {
    const emu = linkedRegister();
    const before = stateOf(emu);
    const version = versionOf(emu, 'C-000001');
    expect(() => emu.scriptRun(CLERK, 'confirmReview', { id: 'C-000001', version })).toThrow(/how/);
    expect(() => emu.scriptRun(VIEWER, 'confirmReview', { id: 'C-000001', version, how: 'phone' })).toThrow();
    expect(stateOf(emu)).toBe(before);
  });
});

describe('My work', () => {
  function withEntries() {
    const emu = teamRegister();
    const make = (name: string) =>
      (
        emu.scriptRun(CLERK, 'createCustomer', {
          values: { customerType: 'individual', name, status: 'active' },
        }) as { id: string }
      ).id;
    const waiting = make('Wendy Waiting');
    const back = make('Ray Returned');
    emu.scriptRun(MANAGER, 'returnCustomer', {
      id: back,
      version: versionOf(emu, back),
      comment: 'Add the phone number',
    });
    return { emu, waiting, back };
  }

  test('a clerk sees their entries pending, and the one returned to them with the manager’s comment', () => {
    const { emu, waiting, back } = withEntries();
    expect(emu.scriptRun(CLERK, 'myWork', {})).toEqual({
      pending: [{ id: waiting, name: 'Wendy Waiting', comment: '' }],
      returned: [{ id: back, name: 'Ray Returned', comment: 'Add the phone number' }],
      changeRequests: [],
      toReview: 0,
    });
  });

  test('fixed and saved, a returned entry goes back to waiting for review', () => {
    const { emu, back } = withEntries();
    const { version } = emu.scriptRun(CLERK, 'getCustomer', { id: back }) as { version: string };
    emu.scriptRun(CLERK, 'updateCustomer', { id: back, version, changes: { phone: '13800138000' } });
    const work = emu.scriptRun(CLERK, 'myWork', {}) as { pending: { id: string }[]; returned: unknown[] };
    expect(work.pending.map((p) => p.id)).toContain(back);
    expect(work.returned).toEqual([]);
  });

  test('a manager also sees what waits for them; change requests appear for the customers’ owners', () => {
    const emu = linkedRegister();
    visit(emu, 'POST', linksFor(emu, 'customer0@example.net').correct, { 'v.city': 'Beijing' });
    emu.scriptRun(CLERK, 'createCustomer', {
      values: { customerType: 'individual', name: 'New One', status: 'active' },
    });
    const work = emu.scriptRun(MANAGER, 'myWork', {}) as {
      toReview: number;
      changeRequests: { field: string }[];
    };
    expect(work.toReview).toBe(1);
    expect(work.changeRequests.map((r) => r.field)).toEqual(['city']);
    expect((emu.scriptRun(CLERK, 'myWork', {}) as { changeRequests: unknown[] }).changeRequests).toEqual([]);
  });

  test('what it reads does not grow with the register or its history', () => {
    // The same work in two registers, one with far more approved customers, Audit rows and decided requests.
    const moved = (history: number) => {
      const { emu } = withEntries();
      const sheet = (name: string) =>
        workbook(emu).getActive().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
      const put = (name: string, rows: Record<string, unknown>[]) => {
        const s = sheet(name);
        const col = columnsOf(s);
        const width = s.getLastColumn();
        const first = s.getLastRow() + 1;
        if (s.getMaxRows() < first + rows.length) s.insertRowsAfter(s.getMaxRows(), rows.length);
        s.getRange(first, 1, rows.length, width).setValues(
          rows.map((r) => {
            const cells: unknown[] = new Array(width).fill('');
            for (const [k, v] of Object.entries(r)) cells[col[k] - 1] = v;
            return cells;
          }),
        );
      };
      put(
        'Audit',
        Array.from({ length: history }, (_, i) => ({ action: 'Update', record: `C-9${i}`, field: 'city' })),
      );
      put(
        'Change requests',
        Array.from({ length: history }, (_, i) => ({
          id: `R-${i + 1}`,
          customerId: 'C-000001',
          state: 'Applied',
        })),
      );
      put(
        'Customers',
        Array.from({ length: history }, (_, i) => ({
          id: `C-5${i}`,
          name: `Old ${i}`,
          recordState: 'Approved',
          enteredBy: CLERK,
          owner: CLERK,
        })),
      );
      const work = emu.scriptRun(CLERK, 'myWork', {}) as { pending: unknown[]; returned: unknown[] };
      expect([work.pending.length, work.returned.length]).toEqual([1, 1]);
      emu.scriptRun(MANAGER, 'myWork', {});
      return emu.meter.executions.slice(-2).map((x) => x.cells);
    };
    expect(moved(2000)).toEqual(moved(20));
  });

  test('viewers have no work', () => {
    expect(() => teamRegister().scriptRun(VIEWER, 'myWork', {})).toThrow();
  });
});

describe('Owner', () => {
  test('defaults to the person entering the customer', () => {
    const emu = teamRegister();
    emu.scriptRun(CLERK, 'createCustomer', {
      values: { customerType: 'individual', name: 'Olga', status: 'active' },
    });
    expect(recordsOf(emu, 'Customers')[0].owner).toBe(CLERK);
  });

  test('is chosen from the active Team: anyone else is refused by field, nothing written', () => {
    const emu = teamRegister();
    const before = stateOf(emu);
    const r = emu.scriptRun(CLERK, 'createCustomer', {
      values: { customerType: 'individual', name: 'Olga', status: 'active', owner: 'someone@elsewhere.com' },
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ field: 'owner', message: expect.stringContaining('not an active member') }),
      ],
    });
    expect(stateOf(emu)).toBe(before);
  });

  test('the sidebar offers the active team members to choose from', () => {
    const emu = teamRegister();
    emu.scriptRun(CLERK, 'openForm');
    const html = emu.uiOf(CLERK).sidebars.at(-1)?.html ?? '';
    const boot = JSON.parse(/window\.__BOOT__\s*=\s*(\{.*?\});?<\/script>/s.exec(html)?.[1] ?? '{}');
    const owner = boot.forms.customer.fields.find((f: { key: string }) => f.key === 'owner');
    expect(owner.input).toBe('select');
    expect(owner.options.map((o: { key: string }) => o.key)).toEqual(
      expect.arrayContaining([CLERK, MANAGER]),
    );
  });
});

describe('the daily digest carries the My work counts', () => {
  const DAY = 24 * 3600 * 1000;
  const digestTo = (emu: Emu, who: string) => emu.outbox.filter((m) => m.to[0] === who).at(-1);
  const make = (emu: Emu, name: string) =>
    (
      emu.scriptRun(CLERK, 'createCustomer', {
        values: { customerType: 'individual', name, status: 'active' },
      }) as { id: string }
    ).id;

  test('each person’s entries pending and returned, their customers’ change requests, and what waits for managers', () => {
    const emu = linkedRegister();
    make(emu, 'Wendy Waiting');
    const back = make(emu, 'Ray Returned');
    emu.scriptRun(MANAGER, 'returnCustomer', { id: back, version: versionOf(emu, back), comment: 'Phone?' });
    visit(emu, 'POST', linksFor(emu, 'customer0@example.net').correct, { 'v.city': 'Beijing' });
    emu.advanceClock({ ms: DAY });
    const sentBefore = emu.outbox.length;
    fireDaily(emu);

    // The clerk owns nothing due: the digest comes for their work alone.
    const clerk = digestTo(emu, CLERK);
    expect(clerk?.subject).toBe(
      'Customer register, 2026-11-24: 0 reviews due, 0 property returns, 0 follow-ups, 2 waiting in My work',
    );
    expect(clerk?.body).toContain('My work (2)');
    expect(clerk?.body).toContain('- Returned to you with the manager’s comment: 1');
    expect(clerk?.body).toContain('- Your entries waiting for review: 1');
    expect(clerk?.body).not.toContain('Change requests');
    expect(clerk?.htmlBody).toContain('My work (2)');

    // Managers (and Admins) see what waits for them: others' entries, and every pending change request.
    for (const who of [MANAGER, ADMIN]) {
      const body = digestTo(emu, who)?.body ?? '';
      expect(body).toContain('- Entries by others waiting for your review: 1');
      expect(body).toContain('- Change requests waiting for a decision: 1');
      expect(body).not.toContain('Your entries waiting for review');
    }
    expect(emu.outbox.slice(sentBefore).some((m) => m.to.includes(VIEWER))).toBe(false);
  });

  test('decided and approved, nothing is counted any more', () => {
    const emu = linkedRegister();
    const id = make(emu, 'Wendy Waiting');
    emu.scriptRun(MANAGER, 'approveCustomer', { id, version: versionOf(emu, id) });
    visit(emu, 'POST', linksFor(emu, 'customer0@example.net').correct, { 'v.city': 'Beijing' });
    emu.scriptRun(MANAGER, 'decideChanges', { ids: ['R-000001'], decision: 'reject' });
    emu.advanceClock({ ms: DAY });
    const sentBefore = emu.outbox.length;
    fireDaily(emu);
    const sent = emu.outbox.slice(sentBefore);
    expect(sent.some((m) => m.to.includes(CLERK))).toBe(false);
    expect(sent.map((m) => m.body).join('\n')).not.toContain('My work');
  });

  test('in a Chinese register the counts are in Chinese', () => {
    const emu = teamRegister({ now: `${TODAY}T01:00:00Z` });
    useChinese(emu);
    make(emu, '王五');
    fireDaily(emu);
    const clerk = digestTo(emu, CLERK);
    expect(clerk?.subject).toContain('，我的工作 1 项');
    expect(clerk?.body).toContain('我的工作（1）');
    expect(clerk?.body).toContain('- 您录入、等待审核的记录：1');
    expect(digestTo(emu, MANAGER)?.body).toContain('- 他人录入、等待您审核的记录：1');
  });
});
