// The shapes of sidebar requests, checked with zod before anything reads or writes: unknown keys and odd types refused.
import {
  array,
  boolean,
  literal,
  null as nullType,
  number,
  object,
  record,
  string,
  union,
  type ZodType,
} from 'zod';
import type { Lang } from '../domain/i18n';
import { t } from '../domain/i18n';
import { UserError } from './caller';

/** A field value on the wire; the record's own validation checks lengths and types field by field. */
const wireValue = union([string().max(50000), number(), boolean(), nullType()]);
/** Field keys are camelCase identifiers: this also keeps `__proto__` and `constructor` out. */
const wireRecord = record(string().regex(/^[a-z][A-Za-z0-9]{0,63}$/), wireValue);
const id = string().min(1).max(40);
const version = string().regex(/^[0-9a-f]{8}$/);

export const requests = {
  values: object({ values: wireRecord }).strict(),
  create: object({ values: wireRecord, confirmDuplicate: boolean().optional() }).strict(),
  update: object({ id, version, changes: wireRecord }).strict(),
  byId: object({ id }).strict(),
  query: object({ query: string().max(200) }).strict(),
  none: object({}).strict(),
  review: object({ id, version }).strict(),
  returnForCorrection: object({ id, version, comment: string().min(1).max(1000) }).strict(),
  customerId: object({ customerId: id }).strict(),
  decideChanges: object({
    ids: array(id).min(1).max(20),
    decision: union([literal('apply'), literal('reject')]),
  }).strict(),
  markConfirmed: object({
    id,
    version,
    how: union([literal('phone'), literal('inPerson'), literal('reply')]),
  }).strict(),
};

/** Parses a request or refuses it, naming what was wrong, in the caller's language. */
export function parseRequest<T>(schema: ZodType<T>, arg: unknown, lang: Lang): T {
  const parsed = schema.safeParse(arg);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '';
  throw new UserError(t(lang, 'badRequest', { where: where || '—', reason: issue?.message ?? '' }));
}
