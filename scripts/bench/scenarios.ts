// The bench scenarios, one per budget the issues set.
import { fillCustomers, oldBundleDir } from '../../test/fixtures/old-register';
import { OWNER } from '../../test/helpers/users';
import type { Scenario } from './scenario';

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
];
