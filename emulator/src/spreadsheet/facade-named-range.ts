// The NamedRange object: a name bound to a range that follows row and column changes.

import { refOf } from './handles';
import { sheetMessages } from './messages';
import { assertFileWritable } from './permissions';
import type { Facade, Session } from './session';
import type { NamedRangeState } from './state';

export function createNamedRange(s: Session, name: string): Facade {
  const charge = s.meter('NamedRange');
  let current = name;
  const n = (): NamedRangeState => {
    const found = s.state.namedRanges.find((x) => x.name === current);
    if (!found) throw new Error(sheetMessages.namedRangeRemoved);
    return found;
  };
  const self: Facade = {
    getName() {
      charge('getName');
      return n().name;
    },
    setName(newName: unknown) {
      charge('setName');
      assertFileWritable(s.state, s.ctx);
      const x = n();
      x.name = String(newName);
      current = x.name;
      return self;
    },
    getRange() {
      charge('getRange');
      return s.range(n().ref);
    },
    setRange(range: unknown) {
      charge('setRange');
      assertFileWritable(s.state, s.ctx);
      n().ref = { ...refOf(range) };
      return self;
    },
    remove() {
      charge('remove');
      assertFileWritable(s.state, s.ctx);
      const x = n();
      s.state.namedRanges = s.state.namedRanges.filter((y) => y !== x);
    },
    toString: () => 'NamedRange',
  };
  return s.instrument(self);
}
