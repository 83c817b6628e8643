// The RangeList object scripts see: one call applies the same format, clear or check to several ranges of one sheet.

import { sheetMessages } from './messages';
import { assertCellsWritable } from './permissions';
import type { Facade, Session } from './session';
import type { RangeRef } from './state';

/**
 * The methods Apps Script's RangeList has that the Range facade models, each one call for the whole list.
 * RangeList has no setDataValidation, no protect and no addDeveloperMetadata: those stay one call per Range.
 */
const WRITES = [
  'setNumberFormat',
  'setFontWeight',
  'setFontColor',
  'setBackground',
  'setHorizontalAlignment',
  'setVerticalAlignment',
  'setWrap',
  'setWrapStrategy',
  'setNote',
  'setValue',
  'setFormula',
  'clear',
  'clearContent',
  'clearDataValidations',
  'clearFormat',
  'insertCheckboxes',
  'check',
  'uncheck',
] as const;

/** The A1 notations a getRangeList call takes: a non-empty array of strings. */
export function notations(a1Notations: unknown): string[] {
  if (!Array.isArray(a1Notations) || a1Notations.length === 0)
    throw new Error(sheetMessages.invalidArgument('a1Notations'));
  return a1Notations.map((a) => String(a));
}

export function createRangeList(s: Session, refs: readonly RangeRef[]): Facade {
  const charge = s.meter('RangeList');
  const self: Facade = {
    getRanges() {
      charge('getRanges');
      return refs.map((r) => s.range(r));
    },
    toString: () => 'RangeList',
  };
  const apply = (name: string, rangeMethod: string, args: unknown[]) => {
    // One value sent for each range; every range is checked before any changes, so a refusal writes nothing.
    charge(name, refs.length);
    for (const r of refs) assertCellsWritable(s.state, s.ctx, r.sheetId, r);
    s.quietly(() => {
      for (const r of refs) (s.range(r)[rangeMethod] as (...a: unknown[]) => unknown)(...args);
    });
    return self;
  };
  for (const name of WRITES) self[name] = (...args: unknown[]) => apply(name, name, args);
  self.clearNote = () => apply('clearNote', 'setNote', [null]);
  return s.instrument(self);
}
