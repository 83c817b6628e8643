// Whether a value passes a data validation rule; what Sheets checks when a rule rejects invalid input.

import { displayValue } from './display';
import {
  type CellValue,
  type CriterionValue,
  isStoredDate,
  type RangeRef,
  type ValidationState,
} from './state';
import { dayNumber } from './timezone';

export interface ValidationEnv {
  timeZone: string;
  /** Display values of a referenced range, read when the check runs so edits to the list count. */
  readDisplay(ref: RangeRef): string[];
}

const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const url = /^(?:(?:https?|ftp):\/\/)?(?:[\w-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

function num(v: CriterionValue | undefined): number {
  return typeof v === 'number' ? v : Number(v);
}

function day(v: CriterionValue | undefined, timeZone: string): number {
  return isStoredDate(v) ? dayNumber(v.d, timeZone) : Number.NaN;
}

function sameValue(a: CellValue, b: CriterionValue | undefined): boolean {
  if (isStoredDate(a)) return isStoredDate(b) && a.d === b.d;
  return a === b;
}

/**
 * True when `value` passes. Empty always passes. CUSTOM_FORMULA always passes: formulas are never evaluated,
 * so a rule the emulator cannot check must not block writes that the real sheet may allow.
 */
export function passes(
  rule: ValidationState,
  value: CellValue | null,
  format: string | null,
  env: ValidationEnv,
): boolean {
  if (value === null || value === '') return true;
  const vs = rule.values;
  const shown = () => displayValue(value, format, env.timeZone);
  const isNum = typeof value === 'number';
  const n = value as number;
  const text = typeof value === 'string' ? value : shown();
  const valueDay = () => (isStoredDate(value) ? dayNumber(value.d, env.timeZone) : Number.NaN);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return Array.isArray(vs[0]) && (vs[0] as string[]).includes(shown());
    case 'VALUE_IN_RANGE': {
      const ref = vs[0];
      if (typeof ref !== 'object' || ref === null || !('range' in ref)) return true;
      return env.readDisplay(ref.range).includes(shown());
    }
    case 'CHECKBOX':
      if (vs.length === 0) return value === true || value === false;
      return sameValue(value, vs[0]) || (vs.length > 1 && sameValue(value, vs[1]));
    case 'DATE_IS_VALID_DATE':
      return isStoredDate(value);
    case 'DATE_AFTER':
      return valueDay() > day(vs[0], env.timeZone);
    case 'DATE_BEFORE':
      return valueDay() < day(vs[0], env.timeZone);
    case 'DATE_ON_OR_AFTER':
      return valueDay() >= day(vs[0], env.timeZone);
    case 'DATE_ON_OR_BEFORE':
      return valueDay() <= day(vs[0], env.timeZone);
    case 'DATE_EQUAL_TO':
      return valueDay() === day(vs[0], env.timeZone);
    case 'DATE_BETWEEN':
      return valueDay() >= day(vs[0], env.timeZone) && valueDay() <= day(vs[1], env.timeZone);
    case 'DATE_NOT_BETWEEN':
      return (
        isStoredDate(value) &&
        !(valueDay() >= day(vs[0], env.timeZone) && valueDay() <= day(vs[1], env.timeZone))
      );
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && email.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && url.test(value);
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(vs[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.toLowerCase().includes(String(vs[0]).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return text === String(vs[0]);
    case 'NUMBER_BETWEEN':
      return isNum && n >= num(vs[0]) && n <= num(vs[1]);
    case 'NUMBER_NOT_BETWEEN':
      return isNum && !(n >= num(vs[0]) && n <= num(vs[1]));
    case 'NUMBER_GREATER_THAN':
      return isNum && n > num(vs[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return isNum && n >= num(vs[0]);
    case 'NUMBER_LESS_THAN':
      return isNum && n < num(vs[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return isNum && n <= num(vs[0]);
    case 'NUMBER_EQUAL_TO':
      return isNum && n === num(vs[0]);
    case 'NUMBER_NOT_EQUAL_TO':
      return isNum && n !== num(vs[0]);
    default:
      return true;
  }
}
