// The batchUpdate requests the emulator models, each checked and applied to the model SpreadsheetApp reads.

import { rangeA1 } from './a1';
import { a1Ref } from './bounds';
import { sheetById, storeNotes } from './cells';
import { assertMetadataWritable } from './facade-metadata';
import {
  assertCellsWritable,
  assertFileWritable,
  assertProtectionChangeable,
  assertSheetWritable,
} from './permissions';
import { paintLayer } from './rects';
import type { Session } from './session';
import { type Json, leaves, metadataJson, num, obj, protectionJson } from './sheets-api-json';
import type {
  CriterionValue,
  MetadataLocation,
  MetadataState,
  OpenSides,
  ProtectionState,
  Rect,
  SheetState,
  ValidationState,
} from './state';

/** A request the API refuses, with the API's text (which names the request). */
class Invalid extends Error {}

/** A GridRange (0-based, half-open, any side may be left open) as a rectangle and the sides it left open. */
function gridRect(s: Session, g: Json, where: string): { sheet: SheetState; rect: Rect; open?: OpenSides } {
  const sheet = s.state.sheets.find((x) => x.id === Number(g.sheetId));
  if (!sheet) throw new Invalid(`Invalid ${where}: No grid with id: ${g.sheetId}`);
  const [sr, er, sc, ec] = [
    num(g.startRowIndex),
    num(g.endRowIndex),
    num(g.startColumnIndex),
    num(g.endColumnIndex),
  ];
  const r = (sr ?? 0) + 1;
  const c = (sc ?? 0) + 1;
  const lastRow = er ?? sheet.maxRows;
  const lastColumn = ec ?? sheet.maxColumns;
  if (
    r < 1 ||
    c < 1 ||
    lastRow > sheet.maxRows ||
    lastColumn > sheet.maxColumns ||
    lastRow < r ||
    lastColumn < c
  )
    throw new Invalid(
      `Invalid ${where}: Range (${sheet.name}!${rangeA1(r, c, Math.max(1, lastRow - r + 1), Math.max(1, lastColumn - c + 1))}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
    );
  const open: OpenSides = {};
  if (er === undefined) open.rows = sr === undefined ? 'all' : 'end';
  if (ec === undefined) open.columns = sc === undefined ? 'all' : 'end';
  const rect = { r, c, nr: lastRow - r + 1, nc: lastColumn - c + 1 };
  return open.rows || open.columns ? { sheet, rect, open } : { sheet, rect };
}

/** The API's condition types as SpreadsheetApp's criteria, with their values in stored form. */
function criterion(s: Session, rule: Json, where: string): ValidationState {
  const condition = obj(rule.condition);
  const values = (Array.isArray(condition.values) ? condition.values : []).map((v) =>
    String(obj(v).userEnteredValue ?? ''),
  );
  const dropdown = rule.showCustomUi === true;
  const base = {
    allowInvalid: rule.strict !== true,
    helpText: rule.inputMessage === undefined ? null : String(rule.inputMessage),
  };
  const stored = (criteria: string, vs: CriterionValue[]): ValidationState => ({
    ...base,
    criteria,
    values: vs,
  });
  switch (condition.type) {
    case 'ONE_OF_RANGE': {
      const text = (values[0] ?? '').replace(/^=/, '');
      const name = /^(.*)!/
        .exec(text)?.[1]
        ?.replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      const sheet = s.state.sheets.find((x) => x.name === name);
      if (!sheet)
        throw new Invalid(`Invalid ${where}: Invalid ConditionValue.userEnteredValue: ${values[0] ?? ''}`);
      return stored('VALUE_IN_RANGE', [
        { range: a1Ref(sheet, text.slice(text.lastIndexOf('!') + 1)) },
        dropdown,
      ]);
    }
    case 'ONE_OF_LIST':
      return stored('VALUE_IN_LIST', [values, dropdown]);
    case 'BOOLEAN':
      return stored('CHECKBOX', values);
    case 'DATE_IS_VALID':
      return stored('DATE_IS_VALID_DATE', []);
    case 'TEXT_IS_EMAIL':
      return stored('TEXT_IS_VALID_EMAIL', []);
    case 'NUMBER_BETWEEN':
      if (values.length !== 2) throw new Invalid(`Invalid ${where}: NUMBER_BETWEEN needs two values`);
      return stored('NUMBER_BETWEEN', values.map(Number));
    default:
      throw new Invalid(
        `Invalid ${where}: Invalid value at 'rule.condition.type' (${String(condition.type)})`,
      );
  }
}

/** Applies one request to the model, or throws Invalid / the protected-cell error. Returns its reply. */
export function apply(s: Session, request: Json, i: number): Json {
  const kinds = Object.keys(request);
  if (kinds.length !== 1)
    throw new Invalid(`Invalid requests[${i}]: exactly one kind of request must be set`);
  const kind = kinds[0];
  const body = obj(request[kind]);
  const where = `requests[${i}].${kind}`;
  const st = s.state;
  switch (kind) {
    case 'createDeveloperMetadata': {
      const md = obj(body.developerMetadata);
      const loc = obj(md.location);
      if (!md.metadataKey) throw new Invalid(`Invalid ${where}: Developer metadata must have a key`);
      let location: MetadataLocation;
      if (loc.spreadsheet === true) location = { type: 'SPREADSHEET' };
      else if (loc.dimensionRange) {
        const d = obj(loc.dimensionRange);
        const sheet = st.sheets.find((x) => x.id === Number(d.sheetId));
        if (!sheet) throw new Invalid(`Invalid ${where}: No grid with id: ${d.sheetId}`);
        const columns = d.dimension === 'COLUMNS';
        const [start, end] = [Number(d.startIndex), Number(d.endIndex)];
        if (!(start >= 0 && end > start && end <= (columns ? sheet.maxColumns : sheet.maxRows)))
          throw new Invalid(`Invalid ${where}: Invalid dimensionRange`);
        location = {
          type: columns ? 'COLUMN' : 'ROW',
          sheetId: sheet.id,
          start: start + 1,
          count: end - start,
        };
      } else if (loc.sheetId !== undefined) {
        location = { type: 'SHEET', sheetId: sheetById(st, Number(loc.sheetId)).id };
      } else throw new Invalid(`Invalid ${where}: Developer metadata must have a location`);
      assertMetadataWritable(s, location);
      const id = st.nextMetadataId++;
      const m: MetadataState = {
        id,
        key: String(md.metadataKey),
        value: md.metadataValue === undefined ? null : String(md.metadataValue),
        visibility: md.visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT',
        location,
      };
      st.metadata.push(m);
      return { createDeveloperMetadata: { developerMetadata: metadataJson(m) } };
    }
    case 'updateDimensionProperties': {
      const d = obj(body.range);
      const sheet = st.sheets.find((x) => x.id === Number(d.sheetId));
      if (!sheet) throw new Invalid(`Invalid ${where}: No grid with id: ${d.sheetId}`);
      if (d.dimension !== 'COLUMNS' || String(body.fields) !== 'pixelSize')
        throw new Invalid(`Invalid ${where}: only column widths (fields "pixelSize") are modelled`);
      const [start, end] = [Number(d.startIndex), Number(d.endIndex)];
      if (!(start >= 0 && end > start && end <= sheet.maxColumns))
        throw new Invalid(`Invalid ${where}: Invalid range`);
      assertSheetWritable(st, s.ctx, sheet.id, false);
      const width = Number(obj(body.properties).pixelSize);
      for (let c = start; c < end; c++) {
        while (sheet.columns.length <= c) sheet.columns.push(null);
        sheet.columns[c] = { ...(sheet.columns[c] ?? {}), width };
      }
      return {};
    }
    case 'setDataValidation': {
      const { sheet, rect } = gridRect(s, obj(body.range), where);
      const rule = body.rule === undefined ? null : criterion(s, obj(body.rule), where);
      assertCellsWritable(st, s.ctx, sheet.id, rect);
      sheet.layers.validation = paintLayer(sheet.layers.validation, rect, rule);
      return {};
    }
    case 'repeatCell': {
      const { sheet, rect } = gridRect(s, obj(body.range), where);
      const format = obj(obj(body.cell).userEnteredFormat);
      const paths = leaves(String(body.fields ?? ''));
      const unknown = paths.filter((f) => !(f in FORMAT_FIELDS));
      if (!paths.length || unknown.length)
        throw new Invalid(`Invalid ${where}: fields ${unknown.join(', ') || '(none)'} are not modelled`);
      assertCellsWritable(st, s.ctx, sheet.id, rect);
      for (const path of paths) {
        const { layer, read } = FORMAT_FIELDS[path];
        sheet.layers[layer] = paintLayer(sheet.layers[layer], rect, read(format));
      }
      return {};
    }
    case 'updateCells': {
      const start = obj(body.start);
      const rows = (Array.isArray(body.rows) ? body.rows : []).map((r) =>
        (Array.isArray(obj(r).values) ? (obj(r).values as unknown[]) : []).map(obj),
      );
      if (String(body.fields) !== 'note')
        throw new Invalid(`Invalid ${where}: only notes (fields "note") are modelled`);
      const nc = Math.max(1, ...rows.map((r) => r.length));
      const { sheet, rect } = gridRect(
        s,
        {
          sheetId: start.sheetId,
          startRowIndex: Number(start.rowIndex ?? 0),
          endRowIndex: Number(start.rowIndex ?? 0) + Math.max(1, rows.length),
          startColumnIndex: Number(start.columnIndex ?? 0),
          endColumnIndex: Number(start.columnIndex ?? 0) + nc,
        },
        where,
      );
      assertCellsWritable(st, s.ctx, sheet.id, rect);
      storeNotes(
        sheet,
        rect,
        Array.from({ length: rect.nr }, (_, i) =>
          Array.from({ length: nc }, (_, j) => {
            const note = rows[i]?.[j]?.note;
            return note === undefined || note === '' ? null : String(note);
          }),
        ),
      );
      return {};
    }
    case 'updateSheetProperties': {
      const p = obj(body.properties);
      const sheet = st.sheets.find((x) => x.id === Number(p.sheetId));
      if (!sheet) throw new Invalid(`Invalid ${where}: No grid with id: ${p.sheetId}`);
      if (String(body.fields) !== 'gridProperties.frozenRowCount')
        throw new Invalid(
          `Invalid ${where}: only frozen rows (fields "gridProperties.frozenRowCount") are modelled`,
        );
      assertSheetWritable(st, s.ctx, sheet.id, false);
      sheet.frozenRows = Number(obj(p.gridProperties).frozenRowCount ?? 0);
      return {};
    }
    case 'addProtectedRange': {
      const pr = obj(body.protectedRange);
      const g = obj(pr.range);
      const { sheet, rect, open } = gridRect(s, g, where);
      const whole = open?.rows === 'all' && open?.columns === 'all';
      if (whole && st.protections.some((p) => p.sheetId === sheet.id && p.type === 'SHEET'))
        throw new Invalid(`Invalid ${where}: Sheet "${sheet.name}" already has sheet protection.`);
      assertFileWritable(st, s.ctx);
      const editors = obj(pr.editors);
      const p: ProtectionState = {
        id: st.nextProtectionId++,
        type: whole ? 'SHEET' : 'RANGE',
        sheetId: sheet.id,
        rect: whole ? null : rect,
        description: pr.description === undefined ? '' : String(pr.description),
        // Editors given with the request are the protection's own list: it never mirrors the file.
        explicit: true,
        editors:
          pr.warningOnly === true ? [] : (Array.isArray(editors.users) ? editors.users : []).map(String),
        warningOnly: pr.warningOnly === true,
        domainEdit: editors.domainUsersCanEdit === true,
        unprotected: [],
      };
      if (!whole && open) p.open = open;
      st.protections.push(p);
      return { addProtectedRange: { protectedRange: protectionJson(s, p) } };
    }
    case 'updateProtectedRange': {
      const pr = obj(body.protectedRange);
      const p = st.protections.find((x) => x.id === Number(pr.protectedRangeId));
      if (!p) throw new Invalid(`Invalid ${where}: No protected range with id: ${pr.protectedRangeId}`);
      assertProtectionChangeable(st, s.ctx, p);
      for (const field of String(body.fields ?? '')
        .split(',')
        .map((f) => f.trim())) {
        if (field === 'description') p.description = String(pr.description ?? '');
        else if (field === 'warningOnly') p.warningOnly = pr.warningOnly === true;
        else if (field === 'editors') {
          const editors = obj(pr.editors);
          p.explicit = true;
          p.editors = (Array.isArray(editors.users) ? editors.users : []).map(String);
          p.domainEdit = editors.domainUsersCanEdit === true;
        } else throw new Invalid(`Invalid ${where}: only description, warningOnly and editors are modelled`);
      }
      return {};
    }
    case 'deleteProtectedRange': {
      const p = st.protections.find((x) => x.id === Number(body.protectedRangeId));
      if (!p) throw new Invalid(`Invalid ${where}: No protected range with id: ${body.protectedRangeId}`);
      assertProtectionChangeable(st, s.ctx, p);
      st.protections = st.protections.filter((x) => x !== p);
      return {};
    }
    default:
      throw new Invalid(
        `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
      );
  }
}

/** "#rrggbb" from the API's colour (fractions of 1). */
function hex(c: Json): string {
  const part = (v: unknown) =>
    Math.round(Number(v ?? 0) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${part(c.red)}${part(c.green)}${part(c.blue)}`;
}

/** The format fields repeatCell may set, each onto the layer SpreadsheetApp reads; absent means cleared. */
const FORMAT_FIELDS: Record<
  string,
  { layer: 'numberFormat' | 'fontWeight' | 'background'; read(f: Json): string | null }
> = {
  'userEnteredFormat.numberFormat': {
    layer: 'numberFormat',
    read: (f) => (f.numberFormat === undefined ? null : String(obj(f.numberFormat).pattern ?? '')),
  },
  'userEnteredFormat.textFormat.bold': {
    layer: 'fontWeight',
    read: (f) => (obj(f.textFormat).bold === true ? 'bold' : null),
  },
  'userEnteredFormat.backgroundColor': {
    layer: 'background',
    read: (f) => (f.backgroundColor === undefined ? null : hex(obj(f.backgroundColor))),
  },
};
