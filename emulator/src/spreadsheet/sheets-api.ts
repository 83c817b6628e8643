// The Sheets advanced service (Sheets.Spreadsheets.batchUpdate and get) over the same model SpreadsheetApp uses.
//
// What the real API does (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate): each
// request is validated before any is applied; if one is invalid the whole batch fails and nothing is applied;
// the rest are applied together, in order. Errors reach the script as GoogleJsonResponseException with
// "API call to sheets.spreadsheets.batchUpdate failed with error: …" [O-code]; an invalid request reads
// "Invalid requests[i].kind: …" [O: quoted in googleapis client issues]; an edit of a protected range the
// user may not edit gives Sheets' protected-cell text [O]. Only the request kinds the add-on uses are modelled;
// any other is refused as the API refuses an unknown field.

import { a1SheetName } from './bounds';
import { canEditFile } from './permissions';
import type { Session } from './session';
import { type Json, metadataJson, obj, pick, protectionJson } from './sheets-api-json';
import { apply } from './sheets-api-requests';

/** The API's error, as Apps Script throws it for an advanced-service call. */
function apiError(method: string, text: string): never {
  const e = new Error(`API call to sheets.spreadsheets.${method} failed with error: ${text}`);
  e.name = 'GoogleJsonResponseException';
  throw e;
}

/** What a batch may change, copied before it runs so a refused batch leaves the file as it was. */
function snapshot(s: Session) {
  const st = s.state;
  return structuredClone({
    metadata: st.metadata,
    protections: st.protections,
    nextMetadataId: st.nextMetadataId,
    nextProtectionId: st.nextProtectionId,
    sheets: st.sheets.map((x) => ({
      id: x.id,
      layers: x.layers,
      columns: x.columns,
      frozenRows: x.frozenRows,
      notes: x.notes,
    })),
  });
}

function restore(s: Session, saved: ReturnType<typeof snapshot>): void {
  const st = s.state;
  st.metadata = saved.metadata;
  st.protections = saved.protections;
  st.nextMetadataId = saved.nextMetadataId;
  st.nextProtectionId = saved.nextProtectionId;
  for (const x of saved.sheets) {
    const sheet = st.sheets.find((y) => y.id === x.id);
    if (sheet)
      Object.assign(sheet, {
        layers: x.layers,
        columns: x.columns,
        frozenRows: x.frozenRows,
        notes: x.notes,
      });
  }
}

/** The `Sheets` global of one execution: Spreadsheets.batchUpdate and Spreadsheets.get, one metered call each. */
export function createSheetsApi(s: Session): Json {
  const charge = (method: string, cells: number) => s.ctx.charge('Sheets', `Spreadsheets.${method}`, cells);
  const checkId = (method: string, id: unknown) => {
    if (String(id) !== s.state.id) apiError(method, 'Requested entity was not found.');
    const user = s.ctx.actingUser;
    if (s.ctx.kind !== 'emulator' && !canEditFile(s.state, user) && !s.state.viewers.includes(user))
      apiError(method, 'The caller does not have permission');
  };
  const Spreadsheets = {
    batchUpdate(resource: unknown, spreadsheetId: unknown) {
      const requests = obj(resource).requests;
      const list = Array.isArray(requests) ? (requests as unknown[]) : [];
      charge('batchUpdate', list.length);
      checkId('batchUpdate', spreadsheetId);
      if (!list.length) apiError('batchUpdate', 'Invalid requests: at least one request is required.');
      const saved = snapshot(s);
      try {
        const replies = list.map((r, i) => apply(s, obj(r), i));
        return { spreadsheetId: s.state.id, replies };
      } catch (e) {
        restore(s, saved);
        return apiError('batchUpdate', e instanceof Error ? e.message : String(e));
      }
    },
    get(spreadsheetId: unknown, optionalArgs?: unknown) {
      const fields = obj(optionalArgs).fields;
      const st = s.state;
      // `ranges` limits grid data to the sheets they name ('Customers', "'Reminder log'!A1:C1").
      const ranges = obj(optionalArgs).ranges;
      const named = Array.isArray(ranges)
        ? ranges.map((r) => {
            const text = String(r);
            const name = (a1SheetName(text) ?? text).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
            if (!st.sheets.some((x) => x.name === name)) apiError('get', `Unable to parse range: ${text}`);
            return name;
          })
        : null;
      const sheets = st.sheets.map((sheet) => ({
        properties: {
          sheetId: sheet.id,
          title: sheet.name,
          index: st.sheets.indexOf(sheet),
          gridProperties: {
            rowCount: sheet.maxRows,
            columnCount: sheet.maxColumns,
            frozenRowCount: sheet.frozenRows,
          },
        },
        protectedRanges: st.protections
          .filter((p) => p.sheetId === sheet.id)
          .map((p) => protectionJson(s, p)),
        developerMetadata: st.metadata
          .filter((m) => m.location.type === 'SHEET' && m.location.sheetId === sheet.id)
          .map(metadataJson),
        data: (named && !named.includes(sheet.name) ? [] : [0]).map(() => ({
          columnMetadata: Array.from({ length: sheet.maxColumns }, (_, c) => ({
            pixelSize: sheet.columns[c]?.width ?? 100,
            developerMetadata: st.metadata
              .filter(
                (m) =>
                  m.location.type === 'COLUMN' &&
                  m.location.sheetId === sheet.id &&
                  m.location.start === c + 1,
              )
              .map(metadataJson),
          })),
        })),
      }));
      const whole: Json = {
        spreadsheetId: st.id,
        properties: { title: st.name, locale: st.locale, timeZone: st.timeZone },
        sheets,
        developerMetadata: st.metadata.filter((m) => m.location.type === 'SPREADSHEET').map(metadataJson),
      };
      // Grid data (and so column metadata) comes only when the mask asks for it, as with includeGridData.
      const answer =
        fields === undefined
          ? { ...whole, sheets: sheets.map(({ data: _, ...rest }) => rest) }
          : pick(whole, String(fields));
      charge('get', 0);
      checkId('get', spreadsheetId);
      return answer;
    },
  };
  return { Spreadsheets: s.instrument(Spreadsheets) };
}
