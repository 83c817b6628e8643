// Links from the plain facade objects scripts hold back to what they stand for in the model.

import { sheetMessages } from './messages';
import type { ConditionalRuleState, RangeRef, ValidationState } from './state';

export const rangeRefs = new WeakMap<object, RangeRef>();
export const sheetIds = new WeakMap<object, number>();
export const validationRules = new WeakMap<object, ValidationState>();
export const conditionalRules = new WeakMap<object, ConditionalRuleState>();

export function refOf(range: unknown): RangeRef {
  const ref = typeof range === 'object' && range !== null ? rangeRefs.get(range) : undefined;
  if (!ref) throw new Error(sheetMessages.invalidArgument('range'));
  return ref;
}

export function sheetIdOf(sheet: unknown): number {
  const id = typeof sheet === 'object' && sheet !== null ? sheetIds.get(sheet) : undefined;
  if (id === undefined) throw new Error(sheetMessages.invalidArgument('sheet'));
  return id;
}
