// ConditionalFormatRuleBuilder and ConditionalFormatRule: stored with their ranges, never evaluated.

import { BooleanCriteria } from './enums';
import { conditionalRules, refOf } from './handles';
import { sheetMessages } from './messages';
import type { Facade, Session } from './session';
import type { ConditionalRuleState } from './state';

/** A rule as scripts see it; `sheetId` says which sheet its stored ranges belong to (null while unattached). */
export function createConditionalRule(
  s: Session,
  state: ConditionalRuleState,
  sheetId: number | null,
): Facade {
  const frozen = structuredClone(state);
  const condition: Facade = {
    getCriteriaType: () => BooleanCriteria[frozen.criteria],
    getCriteriaValues: () => frozen.values.map((v) => s.toScriptCriterion(v)),
    getBackground: () => frozen.background,
    getFontColor: () => frozen.fontColor,
    getBold: () => frozen.bold,
    toString: () => 'BooleanCondition',
  };
  const self: Facade = {
    getRanges: () => (sheetId === null ? [] : frozen.ranges.map((r) => s.range({ sheetId, ...r }))),
    getBooleanCondition: () => condition,
    getGradientCondition: () => null,
    copy: () => createConditionalRuleBuilder(s, frozen, sheetId),
    toString: () => 'ConditionalFormatRule',
  };
  conditionalRules.set(self, frozen);
  return self;
}

export function createConditionalRuleBuilder(
  s: Session,
  from?: ConditionalRuleState,
  sheetId: number | null = null,
): Facade {
  const rule: ConditionalRuleState = from
    ? structuredClone(from)
    : { ranges: [], criteria: '', values: [], background: null, fontColor: null, bold: null };
  let rangesSheet = sheetId;
  const when = (criteria: string, values: unknown[]): Facade => {
    rule.criteria = criteria;
    rule.values = values.map((v) => s.fromScriptCriterion(v));
    return self;
  };
  const self: Facade = {
    whenFormulaSatisfied: (f: unknown) => when('CUSTOM_FORMULA', [String(f)]),
    whenTextEqualTo: (t: unknown) => when('TEXT_EQUAL_TO', [String(t)]),
    whenTextContains: (t: unknown) => when('TEXT_CONTAINS', [String(t)]),
    whenTextDoesNotContain: (t: unknown) => when('TEXT_DOES_NOT_CONTAIN', [String(t)]),
    whenTextStartsWith: (t: unknown) => when('TEXT_STARTS_WITH', [String(t)]),
    whenTextEndsWith: (t: unknown) => when('TEXT_ENDS_WITH', [String(t)]),
    whenCellEmpty: () => when('CELL_EMPTY', []),
    whenCellNotEmpty: () => when('CELL_NOT_EMPTY', []),
    whenDateBefore: (d: unknown) => when('DATE_BEFORE', [d]),
    whenDateAfter: (d: unknown) => when('DATE_AFTER', [d]),
    whenDateEqualTo: (d: unknown) => when('DATE_EQUAL_TO', [d]),
    whenNumberGreaterThan: (n: unknown) => when('NUMBER_GREATER_THAN', [Number(n)]),
    whenNumberGreaterThanOrEqualTo: (n: unknown) => when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(n)]),
    whenNumberLessThan: (n: unknown) => when('NUMBER_LESS_THAN', [Number(n)]),
    whenNumberLessThanOrEqualTo: (n: unknown) => when('NUMBER_LESS_THAN_OR_EQUAL_TO', [Number(n)]),
    whenNumberEqualTo: (n: unknown) => when('NUMBER_EQUAL_TO', [Number(n)]),
    whenNumberBetween: (a: unknown, b: unknown) => when('NUMBER_BETWEEN', [Number(a), Number(b)]),
    setBackground: (color: unknown) => {
      rule.background = color === null || color === undefined ? null : String(color);
      return self;
    },
    setFontColor: (color: unknown) => {
      rule.fontColor = color === null || color === undefined ? null : String(color);
      return self;
    },
    setBold: (bold: unknown) => {
      rule.bold = bold === null || bold === undefined ? null : Boolean(bold);
      return self;
    },
    setRanges: (ranges: unknown) => {
      const refs = (Array.isArray(ranges) ? ranges : []).map(refOf);
      rangesSheet = refs[0]?.sheetId ?? null;
      rule.ranges = refs.map(({ r, c, nr, nc }) => ({ r, c, nr, nc }));
      return self;
    },
    getRanges: () =>
      rangesSheet === null ? [] : rule.ranges.map((r) => s.range({ sheetId: rangesSheet as number, ...r })),
    build: () => {
      if (!rule.criteria) throw new Error(sheetMessages.missingCondition);
      return createConditionalRule(s, rule, rangesSheet);
    },
    copy: () => createConditionalRuleBuilder(s, rule, rangesSheet),
    toString: () => 'ConditionalFormatRuleBuilder',
  };
  return self;
}
