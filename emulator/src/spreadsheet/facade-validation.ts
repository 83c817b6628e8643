// DataValidationBuilder and DataValidation: local objects (no service calls, so never charged).

import { DataValidationCriteria, enumName } from './enums';
import { validationRules } from './handles';
import { sheetMessages } from './messages';
import type { Facade, Session } from './session';
import type { ValidationState } from './state';

/** A built rule as scripts see it; getCriteriaValues gives Dates of the script's realm and Range objects. */
export function createValidation(s: Session, state: ValidationState): Facade {
  const frozen = structuredClone(state);
  const self: Facade = {
    getCriteriaType: () => DataValidationCriteria[frozen.criteria],
    getCriteriaValues: () => frozen.values.map((v) => s.toScriptCriterion(v)),
    getAllowInvalid: () => frozen.allowInvalid,
    getHelpText: () => frozen.helpText,
    copy: () => createValidationBuilder(s, frozen),
    toString: () => 'DataValidation',
  };
  validationRules.set(self, frozen);
  return self;
}

export function createValidationBuilder(s: Session, from?: ValidationState): Facade {
  // setAllowInvalid defaults to true: a rule only warns unless the script asks it to reject.
  const rule: ValidationState = from
    ? structuredClone(from)
    : { criteria: '', values: [], allowInvalid: true, helpText: null };
  const set = (criteria: string, values: unknown[]): Facade => {
    rule.criteria = criteria;
    rule.values = values.map((v) => s.fromScriptCriterion(v));
    return self;
  };
  const self: Facade = {
    requireValueInList: (values: unknown, showDropdown: unknown = true) =>
      set('VALUE_IN_LIST', [Array.isArray(values) ? values : [], showDropdown !== false]),
    requireValueInRange: (range: unknown, showDropdown: unknown = true) =>
      set('VALUE_IN_RANGE', [range, showDropdown !== false]),
    requireCheckbox: (...args: unknown[]) =>
      set(
        'CHECKBOX',
        args.filter((a) => a !== undefined),
      ),
    requireDate: () => set('DATE_IS_VALID_DATE', []),
    requireDateAfter: (d: unknown) => set('DATE_AFTER', [d]),
    requireDateBefore: (d: unknown) => set('DATE_BEFORE', [d]),
    requireDateOnOrAfter: (d: unknown) => set('DATE_ON_OR_AFTER', [d]),
    requireDateOnOrBefore: (d: unknown) => set('DATE_ON_OR_BEFORE', [d]),
    requireDateBetween: (a: unknown, b: unknown) => set('DATE_BETWEEN', [a, b]),
    requireDateNotBetween: (a: unknown, b: unknown) => set('DATE_NOT_BETWEEN', [a, b]),
    requireDateEqualTo: (d: unknown) => set('DATE_EQUAL_TO', [d]),
    requireTextIsEmail: () => set('TEXT_IS_VALID_EMAIL', []),
    requireTextIsUrl: () => set('TEXT_IS_VALID_URL', []),
    requireTextContains: (t: unknown) => set('TEXT_CONTAINS', [String(t)]),
    requireTextDoesNotContain: (t: unknown) => set('TEXT_DOES_NOT_CONTAIN', [String(t)]),
    requireTextEqualTo: (t: unknown) => set('TEXT_EQUAL_TO', [String(t)]),
    requireNumberBetween: (a: unknown, b: unknown) => set('NUMBER_BETWEEN', [Number(a), Number(b)]),
    requireNumberNotBetween: (a: unknown, b: unknown) => set('NUMBER_NOT_BETWEEN', [Number(a), Number(b)]),
    requireNumberGreaterThan: (n: unknown) => set('NUMBER_GREATER_THAN', [Number(n)]),
    requireNumberGreaterThanOrEqualTo: (n: unknown) => set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(n)]),
    requireNumberLessThan: (n: unknown) => set('NUMBER_LESS_THAN', [Number(n)]),
    requireNumberLessThanOrEqualTo: (n: unknown) => set('NUMBER_LESS_THAN_OR_EQUAL_TO', [Number(n)]),
    requireNumberEqualTo: (n: unknown) => set('NUMBER_EQUAL_TO', [Number(n)]),
    requireNumberNotEqualTo: (n: unknown) => set('NUMBER_NOT_EQUAL_TO', [Number(n)]),
    requireFormulaSatisfied: (f: unknown) => set('CUSTOM_FORMULA', [String(f)]),
    withCriteria: (criteria: unknown, args: unknown) =>
      set(enumName(criteria), Array.isArray(args) ? args : []),
    setAllowInvalid: (allow: unknown) => {
      rule.allowInvalid = Boolean(allow);
      return self;
    },
    setHelpText: (text: unknown) => {
      rule.helpText = String(text);
      return self;
    },
    getCriteriaType: () => (rule.criteria ? DataValidationCriteria[rule.criteria] : null),
    getCriteriaValues: () => rule.values.map((v) => s.toScriptCriterion(v)),
    getAllowInvalid: () => rule.allowInvalid,
    getHelpText: () => rule.helpText,
    build: () => {
      if (!rule.criteria) throw new Error(sheetMessages.missingCriteria);
      return createValidation(s, rule);
    },
    copy: () => createValidationBuilder(s, rule),
    toString: () => 'DataValidationBuilder',
  };
  return self;
}
