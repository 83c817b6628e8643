// Bench: a 10,000-row import in chunks, into a register of the given size; every chunk an execution of its own.

import { IMPORT_CHUNK as CHUNK } from '../../src/domain/import/table';
import { fillCustomers } from '../../test/fixtures/old-register';
import { OWNER } from '../../test/helpers/users';
import type { Scenario } from './scenario';

const ROWS = 10000;

/** A file's rows as the dialog sends them: one in 50 refused (a bad email), one in 100 a duplicate of an earlier row. */
function fileRows() {
  return Array.from({ length: ROWS }, (_, i) => {
    const n = i % 100 === 99 ? i - 1 : i;
    return {
      line: i + 2,
      values: {
        customerType: 'individual',
        name: `导入客户 ${n}`,
        phone: `139${String(10000000 + n).slice(-8)}`,
        email: i % 50 === 7 ? 'not-an-email' : `import${n}@example.com`,
        status: 'active',
        city: '上海',
      },
    };
  });
}

export const importScenario: Scenario = {
  name: 'import-10000',
  sizes: [1000, 10000, 100000],
  // Every chunk far inside the time limit, and the same calls and cells whatever the register's size.
  budget: { maxExecutionMs: 60 * 1000, sameAtSizes: 0.05 },
  async prepare(emu, rows) {
    emu.run(OWNER, 'setUpRegister');
    fillCustomers(emu, rows);
    // The ID counter seeded, as by any first save: seeding reads the ID column once in a register's life.
    emu.scriptRun(OWNER, 'createCustomer', {
      values: { customerType: 'individual', name: 'Seed', status: 'active' },
    });
  },
  run(emu) {
    const rows = fileRows();
    for (let i = 0; i < rows.length; i += CHUNK)
      emu.scriptRun(OWNER, 'importCustomers', {
        importId: 'bench-import-10000',
        rows: rows.slice(i, i + CHUNK),
        approve: false,
        duplicates: 'skip',
      });
    emu.scriptRun(OWNER, 'finishImport', { importId: 'bench-import-10000', file: 'bench.csv' });
  },
};
