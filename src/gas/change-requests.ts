// The Change requests sheet: appending a submission's rows with fresh IDs, reading the rows staff act on, and stamping decisions.

import type { Lang } from '../domain/i18n';
import type { IdFormat } from '../domain/ids';
import { cellsFromRecord } from '../domain/record-codec';
import { changeRequest, defaultLists } from '../schema';
import { recordsHolding } from './finder';
import { allocateIds } from './ids';
import { writeRecords } from './record-writes';
import { appendRows, verifiedMap } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const SHEET = changeRequest.sheetName;
const FORMAT: IdFormat = { style: 'plain', prefix: 'R' };

export interface ChangeRequestRow {
  id: string;
  customerId: string;
  field: string;
  oldValue: string;
  newValue: string;
  receivedAt: string;
  source: string;
  cycle: string;
  state: string;
  decidedBy: string;
  decidedAt: string;
}

/**
 * Appends one row per changed field, with IDs from the register's allocator (document properties stay
 * readable from a bound script's web app). The caller holds the script lock, which every register write
 * also takes (withDocumentLock), so two submissions never share an ID.
 */
export function appendChangeRequests(
  ss: Spreadsheet,
  rows: readonly Omit<ChangeRequestRow, 'id' | 'decidedBy' | 'decidedAt'>[],
  lang: Lang,
  receivedAt: Date,
): string[] {
  if (!rows.length) return [];
  const ids = allocateIds(ss, changeRequest, verifiedMap(ss, SHEET), FORMAT, 0, rows.length);
  appendRows(
    ss,
    SHEET,
    rows.map((r, i) => cellsFromRecord(changeRequest, { ...r, id: ids[i], receivedAt }, lang)),
  );
  return ids;
}

const KEYS = changeRequest.fields.map((f) => f.key);

function plainRow(r: Record<string, unknown>): ChangeRequestRow {
  const s = (k: string) => (r[k] === null || r[k] === undefined ? '' : String(r[k]));
  return {
    id: s('id'),
    customerId: s('customerId'),
    field: s('field'),
    oldValue: s('oldValue'),
    newValue: s('newValue'),
    receivedAt: s('receivedAt'),
    source: s('source'),
    cycle: s('cycle'),
    state: s('state'),
    decidedBy: s('decidedBy'),
    decidedAt: s('decidedAt'),
  };
}

/** The change requests whose `key` cell is one of `texts` (their IDs, a customer's ID), found by a search. */
export function readChangeRequestsBy(
  ss: Spreadsheet,
  tz: string,
  key: 'id' | 'customerId',
  texts: readonly string[],
): ChangeRequestRow[] {
  return recordsHolding(ss, changeRequest, key, texts, KEYS, tz).map(plainRow);
}

/** The state labels a pending request shows, in either language (the sheet speaks the register's). */
const PENDING = defaultLists.changeState.items
  .filter((i) => i.key === 'pending')
  .flatMap((i) => [i.labels.en, i.labels.zh]);

/**
 * The pending requests only, found by their state (one search on Google's side), then read row by row:
 * decided requests are history, and what grows with it is never read.
 */
export function readPendingChangeRequests(ss: Spreadsheet, tz: string): ChangeRequestRow[] {
  return recordsHolding(ss, changeRequest, 'state', PENDING, KEYS, tz)
    .map(plainRow)
    .filter((r) => r.state === 'pending');
}

/** Stamps decisions on change requests, each found by its ID at the moment of writing. */
export function decideChangeRequests(
  ss: Spreadsheet,
  ids: readonly string[],
  state: 'applied' | 'rejected',
  by: string,
  at: Date,
  lang: Lang,
) {
  writeRecords(
    ss,
    SHEET,
    ids.map((id) => ({
      id,
      cells: cellsFromRecord(changeRequest, { state, decidedBy: by, decidedAt: at }, lang),
    })),
  );
}
