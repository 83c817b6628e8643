// The bench scenarios, one per budget the issues set.
/// <reference types="google-apps-script" />
import type { Emulator } from '../../emulator/src';
import { fillCustomers, oldBundleDir } from '../../test/fixtures/old-register';
import { workbook } from '../../test/helpers/register';
import { CLERK, OWNER } from '../../test/helpers/users';
import type { Scenario } from './scenario';

/** A current register with a clerk on the team and `rows` customers. */
function register(emu: Emulator, rows: number) {
  emu.run(OWNER, 'setUpRegister');
  const team = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
  team.getRange(3, 1, 1, 4).setValues([[CLERK, 'Chen', 'Clerk', true]]);
  fillCustomers(emu, rows);
}

export const scenarios: Scenario[] = [
  {
    name: 'open',
    sizes: [0],
    async prepare() {},
    run(emu) {
      emu.open(OWNER);
    },
  },
  {
    name: 'setup',
    sizes: [0],
    async prepare() {},
    run(emu) {
      emu.run(OWNER, 'setUpRegister');
    },
  },
  {
    // A register built by schema version 0 with `rows` customers, upgraded by the current bundle.
    name: 'upgrade',
    sizes: [1000, 10000],
    async prepare(emu, rows) {
      emu.loadBundle(await oldBundleDir());
      emu.run(OWNER, 'setUpRegister');
      fillCustomers(emu, rows);
      emu.loadBundle('dist');
    },
    run(emu) {
      emu.run(OWNER, 'setUpRegister');
    },
  },
  {
    name: 'save-customer',
    sizes: [1000, 50000],
    async prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      emu.scriptRun(CLERK, 'createCustomer', {
        values: {
          customerType: 'individual',
          name: '张 伟',
          phone: '139 1234 5678',
          email: 'zhang.wei@example.cn',
          status: 'active',
        },
      });
    },
  },
  {
    name: 'search',
    sizes: [1000, 50000],
    async prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      emu.scriptRun(CLERK, 'findCustomers', { query: '客户 9' });
    },
  },
];
