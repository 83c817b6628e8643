// Bench: My work at 1,000 and 100,000 customers, with as many Audit rows and a tenth as many decided change requests of history.
import type { Emulator } from '../../emulator/src';
import { CLERK, MANAGER } from '../../test/helpers/users';
import { fill, register } from './fixture';
import type { Scenario } from './scenario';

/** Today's workload, the same at every size: what My work lists. */
const PENDING = 10;
const RETURNED = 5;
const REQUESTS = 5;

const customerId = (i: number) => `C-${String(i + 1).padStart(6, '0')}`;

export const myWorkScenario: Scenario = {
  name: 'my-work',
  sizes: [1000, 100000],
  budget: { sameAtSizes: 0.05, maxExecutionMs: 2000 },
  prepare(emu: Emulator, rows: number) {
    register(emu, rows);
    // History that must not be read: an Audit row per customer, and decided requests.
    fill(emu, 'Audit', rows, (i) => ({
      time: '2026-01-01 09:00',
      user: CLERK,
      action: 'Update',
      record: customerId(i),
      field: 'city',
      oldValue: '上海',
      newValue: '杭州',
      source: 'Sidebar form',
    }));
    fill(emu, 'Change requests', Math.ceil(rows / 10) + REQUESTS, (i) => ({
      id: `R-${String(i + 1).padStart(6, '0')}`,
      customerId: customerId(i),
      field: 'city',
      oldValue: '上海',
      newValue: '北京',
      receivedAt: '2026-01-01 09:00',
      source: 'Customer link',
      state: i < REQUESTS ? 'Pending' : 'Applied',
    }));
    for (let i = 0; i < PENDING + RETURNED; i++) {
      const made = emu.scriptRun(CLERK, 'createCustomer', {
        values: { customerType: 'individual', name: `Entry ${i}`, status: 'active' },
      }) as { id: string; version: string };
      if (i >= PENDING)
        emu.scriptRun(MANAGER, 'returnCustomer', { id: made.id, version: made.version, comment: 'Phone?' });
    }
  },
  run(emu: Emulator) {
    const work = emu.scriptRun(CLERK, 'myWork', {}) as { pending: unknown[]; returned: unknown[] };
    if (work.pending.length !== PENDING || work.returned.length !== RETURNED)
      throw new Error(`my-work listed ${JSON.stringify(work)}`);
    emu.scriptRun(MANAGER, 'myWork', {});
  },
};
