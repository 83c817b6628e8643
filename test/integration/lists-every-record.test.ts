// The Lists sheet is the source of every record type's dropdowns: what an admin adds there is accepted on purchases and property too.
/// <reference types="google-apps-script" />
import type { Emulator } from '../../emulator/src';
import { callAs, saved } from '../helpers/call-as';
import { columnsOf, recordsOf, teamRegister, workbook } from '../helpers/register';
import { CLERK } from '../helpers/users';

function addToList(emu: Emulator, list: string, value: string) {
  const lists = workbook(emu).getActive().getSheetByName('Lists') as GoogleAppsScript.Spreadsheet.Sheet;
  const col = columnsOf(lists)[list];
  const free = lists
    .getRange(2, col, lists.getLastRow(), 1)
    .getValues()
    .findIndex((r) => r[0] === '');
  lists.getRange(2 + free, col).setValue(value);
}

test('a payment method an admin added on the Lists sheet is accepted for a purchase', () => {
  const emu = teamRegister({ now: '2026-11-23T00:00:00Z' });
  const customer = saved(
    callAs(emu, CLERK, 'createCustomer', {
      values: { customerType: 'individual', name: 'Ann', status: 'active' },
    }),
  );
  addToList(emu, 'paymentMethod', '数字人民币 e-CNY');
  const r = saved(
    callAs(emu, CLERK, 'recordPurchase', {
      values: { date: '2026-11-20', customerId: customer.id, amount: 88, paymentMethod: '数字人民币 e-CNY' },
    }),
  );
  expect(recordsOf(emu, 'Purchases').find((p) => p.id === r.id)?.paymentMethod).toBe('数字人民币 e-CNY');
});
