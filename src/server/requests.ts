// The shape of each sidebar request, checked with zod before anything reads or writes, and typed from the Api it serves.
import {
  array,
  boolean,
  literal,
  null as nullType,
  number,
  object,
  enum as oneOf,
  type output,
  record,
  string,
  union,
  type ZodType,
} from 'zod';
import { IDENTITY, RECORD_SHEETS } from '../domain/care/backup';
import type { Lang } from '../domain/i18n';
import { t } from '../domain/i18n';
import type { ApiName, ApiRequest } from '../shared/rpc';
import { UserError } from './caller';
import { importRequests } from './import-requests';

/** A field value on the wire; the record's own validation checks lengths and types field by field. */
const wireValue = union([string().max(50000), number(), boolean(), nullType()]);
/** Field keys are camelCase identifiers: this also keeps `__proto__` and `constructor` out. */
const wireRecord = record(string().regex(/^[a-z][A-Za-z0-9]{0,63}$/), wireValue);
const id = string().min(1).max(40);
const version = string().regex(/^[0-9a-f]{8}$/);
/** Unknown keys refused: a request that carries nothing must carry nothing. */
const none = object({}).strict();
const values = object({ values: wireRecord }).strict();
const update = object({ id, version, changes: wireRecord }).strict();
const review = object({ id, version }).strict();
const fileId = string().min(1).max(200);
const stepCursor = object({
  sheet: number().int().min(0).max(20),
  from: number().int().min(0).max(10_000_000),
  after: string().min(1).max(40).optional(),
}).strict();
const printRequest = object({ id, lang: oneOf(['en', 'zh']) }).strict();

const schemas = {
  createCustomer: object({ values: wireRecord, confirmDuplicate: boolean().optional() }).strict(),
  updateCustomer: update,
  getCustomer: object({ id }).strict(),
  findCustomers: object({ query: string().max(200) }).strict(),
  listPendingReview: none,
  approveCustomer: review,
  returnCustomer: object({ id, version, comment: string().min(1).max(1000) }).strict(),
  confirmReview: object({
    id,
    version,
    how: union([literal('phone'), literal('inPerson'), literal('reply')]),
  }).strict(),
  logInteraction: values,
  receiveProperty: values,
  updateProperty: update,
  findProperty: object({ customerId: id }).strict(),
  reminderStatus: none,
  turnRemindersOn: object({ takeOver: boolean().optional() }).strict(),
  turnRemindersOff: none,
  previewReminders: none,
  sendTestReminder: none,
  checkPhone: object({ phone: string().max(200), country: string().max(200).optional() }).strict(),
  runDataCheck: none,
  applyDataFixes: none,
  refreshDashboard: none,
  backupNow: none,
  listBackups: none,
  compareBackup: object({ id: fileId, next: stepCursor.optional() }).strict(),
  restoreBackup: object({
    id: fileId,
    records: array(
      object({ sheet: oneOf(RECORD_SHEETS as [string, ...string[]]), id: string().min(1).max(40) }).strict(),
    )
      .max(1000)
      .optional(),
    sheets: array(oneOf(Object.keys(IDENTITY) as [string, ...string[]]))
      .max(6)
      .optional(),
    next: stepCursor.optional(),
  }).strict(),
  decideChanges: object({
    ids: array(id).min(1).max(20),
    decision: union([literal('apply'), literal('reject')]),
  }).strict(),
  listChangeRequests: none,
  myWork: none,
  recordPurchase: values,
  updatePurchase: update,
  writeOffPurchase: review,
  customerCard: object({ id }).strict(),
  printCustomerCard: printRequest,
  printPropertyReceipt: printRequest,
  checkImport: importRequests.check,
  importCustomers: importRequests.chunk,
  readImportSheet: importRequests.sheet,
  finishImport: importRequests.finish,
};

/** True when the two types are assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Each schema parses to exactly its Api function's argument: a drift either way names the function when it compiles. */
type Checked<S extends Record<ApiName, ZodType>> = {
  [K in ApiName]: Same<output<S[K]>, ApiRequest<K>> extends true
    ? ZodType<ApiRequest<K>>
    : 'differs from Api';
};

/** One schema per Api function, under its name. */
export const requests: Checked<typeof schemas> = schemas;

/** Parses a request or refuses it, naming what was wrong, in the caller's language. */
export function parseRequest<T>(schema: ZodType<T>, arg: unknown, lang: Lang): T {
  const parsed = schema.safeParse(arg);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '';
  throw new UserError(t(lang, 'badRequest', { where: where || '—', reason: issue?.message ?? '' }));
}
