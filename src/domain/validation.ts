// Zod schemas derived from field declarations, and validateRecord() that reports errors by field in the user's language.
// Named imports, not the `z` namespace: the namespace drags every zod locale (~400 KB) into the bundle.
import type { RefinementCtx, ZodError, ZodType } from 'zod';
import { NEVER, object, unknown } from 'zod';
import type { FieldDecl, ListRegistry, RecordType, Role, WireValue } from '../schema';
import { defaultLists } from '../schema';
import { readDate } from './dates';
import type { ParseEnv } from './field-value';
import { findListItem, isEmptyInput, parseFieldValue } from './field-value';
import type { Lang, MessageKey, MessageParams } from './i18n';
import { roleList, t } from './i18n';
import { readPhone } from './normalize';

type RecordValues = Record<string, WireValue>;

export interface ValidationOptions {
  lang: Lang;
  role: Role;
  /** 'create' demands every required field; 'update' takes only the fields being changed. */
  mode: 'create' | 'update';
  /** The lists in force (the Lists sheet as the admin edited it); the defaults otherwise. */
  lists?: ListRegistry;
  /** Region assumed for phone numbers without +country code; the Settings default otherwise. */
  phoneRegion?: string;
  /** 'yyyy-mm-dd' in the register's time zone; the UTC date when not given. */
  today?: string;
  /**
   * Accept system fields (still type-checked). Only for the add-on's own writes and for reading rows
   * back from the sheet; never for anything a person sent.
   */
  allowSystem?: boolean;
}

export interface FieldError {
  /** Stable field key, so a form can put the message next to its input. */
  field: string;
  fieldLabel: string;
  message: string;
}

/** `notices`: what was read in a way the person may not have meant (a date whose day and month could swap). */
type ValidationResult =
  | { ok: true; value: RecordValues; notices: FieldError[] }
  | { ok: false; errors: FieldError[] };

export function canEdit(field: FieldDecl, role: Role): boolean {
  return field.system !== true && field.editableBy.includes(role);
}

function fieldSchema(field: FieldDecl, options: ValidationOptions, env: ParseEnv): ZodType<WireValue> {
  const label = field.labels[options.lang];
  const refuse = (ctx: RefinementCtx, key: MessageKey, params: MessageParams = {}) => {
    ctx.addIssue({ code: 'custom', message: t(options.lang, key, { ...params, field: label }) });
    return NEVER;
  };
  return unknown().transform((raw, ctx): WireValue => {
    if (field.system === true) {
      if (!options.allowSystem) return refuse(ctx, 'systemField');
    } else if (!field.editableBy.includes(options.role)) {
      return refuse(ctx, 'notAllowedForRole', {
        roles: field.editableBy.length ? roleList(options.lang, field.editableBy) : '—',
      });
    }
    if (isEmptyInput(raw)) return field.required ? refuse(ctx, 'required') : null;
    const parsed = parseFieldValue(field, raw, env);
    if (parsed.ok) return parsed.value;
    const listLabel = field.list ? (env.lists[field.list]?.labels[options.lang] ?? field.list) : '';
    return refuse(ctx, parsed.message, { ...parsed.params, list: listLabel });
  });
}

/**
 * The zod object for one record type: strict, so an unknown key (including '__proto__') is refused,
 * and each field's parser normalizes as it checks. Built from the declarations, never by hand.
 */
export function recordSchema(recordType: RecordType, options: ValidationOptions) {
  const env: ParseEnv = {
    lists: options.lists ?? defaultLists,
    phoneRegion: options.phoneRegion ?? 'CN',
    today: options.today,
  };
  const shape: Record<string, ZodType<WireValue | undefined>> = {};
  for (const field of recordType.fields) {
    const schema = fieldSchema(field, options, env);
    // A required field stays non-optional in create mode so its parser runs on a missing value and says so.
    shape[field.key] = options.mode === 'create' && field.required ? schema : schema.optional();
  }
  return object(shape).strict();
}

function toFieldErrors(recordType: RecordType, lang: Lang, error: ZodError): FieldError[] {
  const recordLabel = recordType.labels[lang];
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          field: key,
          fieldLabel: key,
          message: t(lang, 'unknownField', { field: key, record: recordLabel }),
        });
      }
      continue;
    }
    const key = issue.path.length ? String(issue.path[0]) : '';
    const field = recordType.fields.find((f) => f.key === key);
    const message = issue.code === 'custom' ? issue.message : t(lang, 'notAnObject', { record: recordLabel });
    errors.push({ field: key, fieldLabel: field ? field.labels[lang] : '', message });
  }
  return errors;
}

/**
 * An international number names its country: when the record's country is empty (left blank in a new
 * record, or cleared in this same change) and the person may set it, the phone's region fills it.
 */
function withCountryFromPhone(
  recordType: RecordType,
  input: unknown,
  value: RecordValues,
  options: ValidationOptions,
): RecordValues {
  const country = recordType.fields.find((f) => f.key === 'country');
  if (!country?.list || typeof value.phone !== 'string' || value.country) return value;
  const sent = input as Record<string, unknown>;
  if (options.mode === 'update' && !('country' in sent)) return value;
  if (!canEdit(country, options.role) || typeof sent.phone !== 'string') return value;
  // Read as typed: a number typed the national way says nothing about the country, only about the guess.
  const reading = readPhone(sent.phone, options.phoneRegion ?? 'CN');
  const list = (options.lists ?? defaultLists)[country.list];
  if (!reading.ok || reading.assumedRegion || !reading.region || !list) return value;
  const item = findListItem(list, reading.region);
  return item ? { ...value, country: item.key } : value;
}

/** Dates typed year last with day and month both 12 or under: read day first, and the person is told so. */
function readingNotices(recordType: RecordType, input: unknown, lang: Lang): FieldError[] {
  const sent = input as Record<string, unknown>;
  const out: FieldError[] = [];
  for (const field of recordType.fields) {
    const raw = sent[field.key];
    if (field.type !== 'date' || typeof raw !== 'string') continue;
    const r = readDate(raw);
    if (!r.ok || !r.monthFirst) continue;
    const fieldLabel = field.labels[lang];
    const params = { field: fieldLabel, value: raw.trim(), date: r.value, other: r.monthFirst };
    out.push({ field: field.key, fieldLabel, message: t(lang, 'dateReadDayFirst', params) });
  }
  return out;
}

export function validateRecord(
  recordType: RecordType,
  input: unknown,
  options: ValidationOptions,
): ValidationResult {
  const result = recordSchema(recordType, options).safeParse(input);
  if (result.success) {
    // Optional keys the caller left out come back as undefined; dropping them keeps the value JSON-exact.
    const value: RecordValues = {};
    for (const [key, v] of Object.entries(result.data)) if (v !== undefined) value[key] = v;
    return {
      ok: true,
      value: withCountryFromPhone(recordType, input, value, options),
      notices: readingNotices(recordType, input, options.lang),
    };
  }
  return { ok: false, errors: toFieldErrors(recordType, options.lang, result.error) };
}
