// A customer's correction through their link becomes change requests, never a record edit; a manager applies or rejects them.
import { columnsOf, recordsOf, stateOf, workbook } from '../helpers/register';
import { linkedRegister, linksFor, pageText, visit } from '../helpers/review-links';
import { CLERK, MANAGER, OWNER, VIEWER } from '../helpers/users';

const FIRST = 'customer0@example.net';
type Emu = ReturnType<typeof linkedRegister>;
const customerRow = (emu: Emu, id: string) =>
  recordsOf(emu, 'Customers').find((r) => r.id === id) as Record<string, unknown>;
const requests = (emu: Emu) => recordsOf(emu, 'Change requests');

function sendPhone(emu: Emu, phone: string, extra: Record<string, string> = {}) {
  return visit(emu, 'POST', linksFor(emu, FIRST).correct, { 'v.phone': phone, ...extra });
}

describe('Something has changed', () => {
  test('the form shows only the customer’s own, customer-editable details, pre-filled', () => {
    const emu = linkedRegister();
    const r = visit(emu, 'GET', linksFor(emu, FIRST).correct);
    if (!r.ok) throw new Error(r.error);
    expect(r.body).toContain('name="v.phone" id="f-phone" value="+8613900000000"');
    expect(r.body).toContain('name="v.language"');
    // Not the customer's to change: name, status, credit, consent, notes.
    for (const key of ['name', 'status', 'creditRating', 'consent', 'notes', 'owner'])
      expect(r.body).not.toContain(`name="v.${key}"`);
    expect(r.body).not.toContain('customer1@example.net');
  });

  test('a submission becomes one change request per changed field; the record is untouched', () => {
    const emu = linkedRegister();
    const before = customerRow(emu, 'C-000001');
    const r = sendPhone(emu, '139 1111 2222', { 'v.city': 'Beijing', 'v.name': 'Mallory' });
    expect(pageText(r)).toContain('we have received your changes');
    expect(customerRow(emu, 'C-000001')).toEqual(before);
    expect(
      requests(emu).map((q) => [q.id, q.customerId, q.field, q.oldValue, q.newValue, q.source, q.state]),
    ).toEqual([
      ['R-000001', 'C-000001', 'phone', '+8613900000000', '+8613911112222', 'Customer link', 'Pending'],
      ['R-000002', 'C-000001', 'city', '深圳', 'Beijing', 'Customer link', 'Pending'],
    ]);
    const audit = recordsOf(emu, 'Audit').filter((a) => a.action === 'Change requested');
    expect(audit.map((a) => [a.field, a.source])).toEqual([
      ['phone', 'Customer link'],
      ['city', 'Customer link'],
    ]);
  });

  test('an invalid value comes back on the form with the reason, in the customer’s language; nothing written', () => {
    const emu = linkedRegister({ 0: { language: 'Chinese' } });
    const before = stateOf(emu);
    const r = sendPhone(emu, '12');
    expect(pageText(r)).toContain('请检查标出的信息');
    expect(pageText(r)).toContain('“电话”：“12”不是有效的电话号码');
    expect(r.ok && r.body).toContain('value="12"');
    expect(stateOf(emu)).toBe(before);
  });

  test('a form with nothing changed writes nothing', () => {
    const emu = linkedRegister();
    const before = stateOf(emu);
    expect(pageText(sendPhone(emu, '+8613900000000'))).toContain('Nothing was changed');
    expect(stateOf(emu)).toBe(before);
  });

  test('a link accepts a bounded number of submissions', () => {
    const emu = linkedRegister();
    for (const n of ['1', '2', '3']) {
      sendPhone(emu, `+86139111122${n}2`);
      emu.advanceClock({ ms: 61000 });
    }
    const before = stateOf(emu);
    expect(pageText(sendPhone(emu, '+8613911112242'))).toContain('as many times as it may');
    expect(stateOf(emu)).toBe(before);
  });
});

describe('staff decide', () => {
  function withRequest() {
    const emu = linkedRegister();
    sendPhone(emu, '+8613911112222', { 'v.city': 'Beijing' });
    return emu;
  }

  test('the owner and managers see the pending requests; a clerk sees only their customers’', () => {
    const emu = withRequest();
    const seen = (who: string) =>
      (emu.scriptRun(who, 'listChangeRequests', {}) as { results: { id: string }[] }).results.map(
        (r) => r.id,
      );
    expect(seen(MANAGER)).toEqual(['R-000001', 'R-000002']);
    expect(seen(OWNER)).toEqual(['R-000001', 'R-000002']);
    expect(seen(CLERK)).toEqual([]);
    expect(() => emu.scriptRun(VIEWER, 'listChangeRequests', {})).toThrow();
  });

  test('approval applies them through the update path: record, audit with the request as source, state', () => {
    const emu = withRequest();
    const r = emu.scriptRun(MANAGER, 'decideChanges', {
      ids: ['R-000001', 'R-000002'],
      decision: 'apply',
    }) as {
      ok: boolean;
    };
    expect(r.ok).toBe(true);
    const row = customerRow(emu, 'C-000001');
    expect([row.phone, row.city, row.updatedBy]).toEqual(['+8613911112222', 'Beijing', MANAGER]);
    const audit = recordsOf(emu, 'Audit').filter((a) => a.source === 'Change request');
    expect(audit.map((a) => [a.action, a.field, a.oldValue, a.newValue, a.user])).toEqual([
      ['Update', 'phone', '+8613900000000', '+8613911112222', MANAGER],
      ['Update', 'city', '深圳', 'Beijing', MANAGER],
    ]);
    expect(requests(emu).map((q) => [q.state, q.decidedBy])).toEqual([
      ['Applied', MANAGER],
      ['Applied', MANAGER],
    ]);
    // Decided once: a second decision is refused and writes nothing.
    const before = stateOf(emu);
    expect(() => emu.scriptRun(MANAGER, 'decideChanges', { ids: ['R-000001'], decision: 'reject' })).toThrow(
      /already decided/,
    );
    expect(stateOf(emu)).toBe(before);
  });

  test('a field changed by staff since the request is not overwritten', () => {
    const emu = withRequest();
    const { version } = emu.scriptRun(MANAGER, 'getCustomer', { id: 'C-000001' }) as { version: string };
    emu.scriptRun(MANAGER, 'updateCustomer', { id: 'C-000001', version, changes: { city: 'Hangzhou' } });
    const before = stateOf(emu);
    expect(() => emu.scriptRun(MANAGER, 'decideChanges', { ids: ['R-000002'], decision: 'apply' })).toThrow(
      /was changed since the customer asked/,
    );
    expect(stateOf(emu)).toBe(before);
  });

  test('rejection leaves the record, marks the requests and audits it', () => {
    const emu = withRequest();
    const before = customerRow(emu, 'C-000001');
    emu.scriptRun(MANAGER, 'decideChanges', { ids: ['R-000001'], decision: 'reject' });
    expect(customerRow(emu, 'C-000001')).toEqual(before);
    expect(requests(emu).map((q) => q.state)).toEqual(['Rejected', 'Pending']);
    expect(recordsOf(emu, 'Audit').filter((a) => a.action === 'Change request rejected')).toHaveLength(1);
  });

  test('clerks and viewers may not decide', () => {
    const emu = withRequest();
    const before = stateOf(emu);
    for (const who of [CLERK, VIEWER])
      expect(() => emu.scriptRun(who, 'decideChanges', { ids: ['R-000001'], decision: 'apply' })).toThrow();
    expect(stateOf(emu)).toBe(before);
  });
});

describe('change-request IDs come from the register’s one allocator', () => {
  const ids = (emu: Emu) => requests(emu).map((q) => q.id);

  test('a request typed or restored into the sheet past the counter is never given again', () => {
    const emu = linkedRegister();
    const sheet = workbook(emu)
      .getActive()
      .getSheetByName('Change requests') as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange(2, columnsOf(sheet).id).setValue('R-000005');
    sendPhone(emu, '+8613911112222', { 'v.city': 'Beijing' });
    expect(ids(emu)).toEqual(['R-000005', 'R-000006', 'R-000007']);
  });

  test('after an upgrade the old script-property counter is honoured, then the document counter moves on', () => {
    const emu = linkedRegister();
    emu.scriptProperties['cr.seq.changeRequest'] = '7';
    sendPhone(emu, '+8613911112222');
    emu.advanceClock({ ms: 61000 });
    sendPhone(emu, '+8613911112233');
    expect(ids(emu)).toEqual(['R-000008', 'R-000009']);
    expect(emu.toJSON().properties.document['cr.next.changeRequest.R']).toBe('10');
  });
});
