// SpreadsheetApp's enums: frozen objects whose toString() and name() return the member name, like the real ones.

export interface EnumMember {
  name(): string;
  toString(): string;
  toJSON(): string;
}

export type Enum = Readonly<Record<string, EnumMember>>;

export function makeEnum(names: readonly string[]): Enum {
  const out: Record<string, EnumMember> = {};
  for (const n of names) {
    out[n] = Object.freeze({ name: () => n, toString: () => n, toJSON: () => n });
  }
  return Object.freeze(out);
}

/** The member name of an enum argument; scripts may also pass the plain name. */
export function enumName(v: unknown): string {
  return String(v);
}

export const DataValidationCriteria = makeEnum([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export const BooleanCriteria = makeEnum([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_NOT_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);

export const ProtectionType = makeEnum(['RANGE', 'SHEET']);
export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN', 'OBJECT']);
export const WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP']);
export const Dimension = makeEnum(['COLUMNS', 'ROWS']);

export function member(e: Enum, name: string): EnumMember {
  return e[name];
}
