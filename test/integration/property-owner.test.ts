// Property moved to another customer: only to one that exists, as receiving it requires, and nothing written otherwise.
import { callAs, saved } from '../helpers/call-as';
import { recordsOf, stateOf, teamRegister } from '../helpers/register';
import { CLERK } from '../helpers/users';

test('updateProperty refuses a customer ID that names no customer and writes nothing; a real one is accepted', () => {
  const emu = teamRegister({ now: '2026-11-23T00:00:00Z' });
  const a = saved(
    callAs(emu, CLERK, 'createCustomer', {
      values: { customerType: 'individual', name: 'Ann', status: 'active' },
    }),
  );
  const b = saved(
    callAs(emu, CLERK, 'createCustomer', {
      values: { customerType: 'individual', name: 'Bo', status: 'active' },
    }),
  );
  const item = saved(
    callAs(emu, CLERK, 'receiveProperty', {
      values: { customerId: a.id, item: 'Watch', receivedDate: '2026-11-20', state: 'received' },
    }),
  );
  const before = stateOf(emu);
  expect(() =>
    callAs(emu, CLERK, 'updateProperty', {
      id: item.id,
      version: item.version,
      changes: { customerId: 'C-999999' },
    }),
  ).toThrow(/C-999999/);
  expect(stateOf(emu)).toBe(before);
  saved(
    callAs(emu, CLERK, 'updateProperty', {
      id: item.id,
      version: item.version,
      changes: { customerId: b.id },
    }),
  );
  expect(recordsOf(emu, 'Property')[0].customerId).toBe(b.id);
});
