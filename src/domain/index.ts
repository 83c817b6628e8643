// The domain's public face: pure functions over the schema, safe to import on the server and in the sidebar.
export type { ColumnSpec, ValidationDescriptor } from './columns';
export { columnSpec, columnSpecs, columnValidation, fieldKeyForHeader } from './columns';
export type { DateReading } from './dates';
export { readDate } from './dates';
export type { FieldValue, Parsed, ParseEnv } from './field-value';
export {
  DEFAULT_MAX_LENGTH,
  DEFAULT_MAX_LENGTH_LONG,
  findListItem,
  isEmptyInput,
  maxLengthOf,
  parseFieldValue,
} from './field-value';
export type { FormConfig, FormField, FormOption, InputKind } from './form';
export { formConfig } from './form';
export type { Lang, MessageKey, MessageParams } from './i18n';
export { isLang, langFromLocale, localize, roleList, t } from './i18n';
export type { IdFormat, IdStyle, ParsedId } from './ids';
export { formatId, idFormatFor, nextSerial, parseId, parseSerial } from './ids';
export type { Normalized } from './normalize';
export {
  normalizeEmail,
  normalizeLongText,
  normalizeName,
  normalizePhone,
  readPhone,
  stripInvisible,
  toHalfWidth,
} from './normalize';
export type { FieldError, RecordValues, ValidationOptions, ValidationResult } from './validation';
export { canEdit, recordSchema, validateRecord } from './validation';
