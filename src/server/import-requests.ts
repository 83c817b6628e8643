// The shapes of import requests, checked with zod before anything is read or written.
import { boolean, enum as enumOf, number, object, record, string } from 'zod';

import { IMPORT_CHUNK } from '../domain/import/table';

const fieldKey = string().regex(/^[a-z][A-Za-z0-9]{0,63}$/);
const choice = enumOf(['skip', 'fill', 'import']);
const row = object({
  line: number().int().min(1).max(1_000_000),
  values: record(fieldKey, string().max(50000)),
}).strict();
const rows = row.array().min(1).max(IMPORT_CHUNK);

export const importRequests = {
  check: object({ rows }).strict(),
  chunk: object({
    importId: string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    rows,
    approve: boolean(),
    duplicates: choice,
    /** A choice for one row (its line) overrides the one for all. */
    choices: record(string().regex(/^\d{1,7}$/), choice).optional(),
  }).strict(),
  sheet: object({ sheet: string().min(1).max(100) }).strict(),
  finish: object({ importId: string().regex(/^[A-Za-z0-9_-]{8,64}$/), file: string().max(200) }).strict(),
};
