// The bench scenarios, one per budget the issues set.
import { OWNER } from '../../test/helpers/users';
import type { Scenario } from './scenario';

export const scenarios: Scenario[] = [
  {
    name: 'open',
    sizes: [0],
    prepare() {},
    run(emu) {
      emu.open(OWNER);
    },
  },
];
