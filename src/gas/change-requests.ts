// The Change requests sheet: appending a submission's rows with fresh IDs, reading the rows staff act on, and stamping decisions.

import type { Lang } from '../domain/i18n';
import { formatId } from '../domain/ids';
import { cellsFromRecord } from '../domain/record-codec';
import { changeRequest } from '../schema';
import { sequenceKey } from './property-keys';
import { writeRecords } from './record-writes';
import { rowsFromColumns } from './records';
import { appendRows, readColumns } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const SEQ = sequenceKey('changeRequest');
const SHEET = changeRequest.sheetName;

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
 * Appends one row per changed field. IDs come from a counter in script properties (the web app has no
 * document context): the caller holds the script lock, so two submissions never share one.
 */
export function appendChangeRequests(
  ss: Spreadsheet,
  rows: readonly Omit<ChangeRequestRow, 'id' | 'decidedBy' | 'decidedAt'>[],
  lang: Lang,
  receivedAt: Date,
): string[] {
  if (!rows.length) return [];
  const props = PropertiesService.getScriptProperties();
  const first = Number(props.getProperty(SEQ) ?? 0) + 1;
  props.setProperty(SEQ, String(first + rows.length - 1));
  const ids = rows.map((_, i) => formatId({ style: 'plain', prefix: 'R' }, first + i, 0));
  appendRows(
    ss,
    SHEET,
    rows.map((r, i) => cellsFromRecord(changeRequest, { ...r, id: ids[i], receivedAt }, lang)),
  );
  return ids;
}

/** Every change request as plain rows (list values by key, times as 'yyyy-mm-dd hh:mm'). */
export function readChangeRequests(ss: Spreadsheet, tz: string): ChangeRequestRow[] {
  const keys = changeRequest.fields.map((f) => f.key);
  const { count, values } = readColumns(ss, SHEET, keys, 1);
  return rowsFromColumns(changeRequest, keys, values, count, tz).map((r) => {
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
  });
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
