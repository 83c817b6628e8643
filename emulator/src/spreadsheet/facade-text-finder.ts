// TextFinder: searches display values (case-insensitive, partial match by default) and replaces text; the scan is priced on Google's side, only the matches reach the script.

import { lastColumn, lastRow, readGrid, sheetById, toCellValue, writeCells } from './cells';
import { displayValue } from './display';
import { layerGrid } from './rects';
import type { Facade, Session } from './session';
import { isStoredFormula, type Rect, type SheetState } from './state';

export type FinderScope = { sheetId: null } | { sheetId: number; rect?: Rect };

interface Hit {
  sheet: SheetState;
  row: number;
  column: number;
  text: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export function createTextFinder(s: Session, scope: FinderScope, find: string): Facade {
  const charge = s.meter('TextFinder');
  const opts = { matchCase: false, entireCell: false, regex: false, diacritics: false, formulaText: false };
  let cursor = -1;

  const pattern = (): RegExp => {
    const source = opts.regex ? find : escapeRegExp(opts.diacritics ? stripDiacritics(find) : find);
    const body = opts.entireCell ? `^(?:${source})$` : source;
    return new RegExp(body, opts.matchCase ? 'g' : 'gi');
  };
  const norm = (text: string): string => (opts.diacritics ? stripDiacritics(text) : text);

  /** Every matching cell in scope, sheet by sheet in tab order, row by row; and how many cells were read. */
  const search = (): { hits: Hit[]; scanned: number } => {
    const sheets = scope.sheetId === null ? s.state.sheets : [sheetById(s.state, scope.sheetId)];
    const re = pattern();
    const hits: Hit[] = [];
    let scanned = 0;
    for (const sheet of sheets) {
      const rect =
        scope.sheetId !== null && scope.rect
          ? scope.rect
          : { r: 1, c: 1, nr: Math.max(1, lastRow(sheet)), nc: Math.max(1, lastColumn(sheet)) };
      const values = readGrid(sheet, rect);
      const formats = layerGrid(sheet.layers.numberFormat, rect);
      scanned += rect.nr * rect.nc;
      values.forEach((row, i) => {
        row.forEach((v, j) => {
          if (v === null) return;
          const text =
            opts.formulaText && isStoredFormula(v)
              ? v.f
              : displayValue(v, formats ? formats[i][j] : null, s.state.timeZone);
          re.lastIndex = 0;
          if (re.test(norm(text))) hits.push({ sheet, row: rect.r + i, column: rect.c + j, text });
        });
      });
    }
    return { hits, scanned };
  };
  const rangeOf = (h: Hit) => s.range({ sheetId: h.sheet.id, r: h.row, c: h.column, nr: 1, nc: 1 });
  const option = (key: keyof typeof opts) => (value: unknown) => {
    opts[key] = Boolean(value);
    return self;
  };

  const self: Facade = {
    matchCase: option('matchCase'),
    matchEntireCell: option('entireCell'),
    useRegularExpression: option('regex'),
    ignoreDiacritics: option('diacritics'),
    matchFormulaText: option('formulaText'),
    startFrom: () => self,
    findAll() {
      const { hits, scanned } = search();
      charge('findAll', 0, scanned);
      return hits.map(rangeOf);
    },
    findNext() {
      const { hits, scanned } = search();
      charge('findNext', 0, scanned);
      cursor += 1;
      return cursor < hits.length ? rangeOf(hits[cursor]) : null;
    },
    findPrevious() {
      const { hits, scanned } = search();
      charge('findPrevious', 0, scanned);
      cursor = cursor <= 0 ? hits.length - 1 : cursor - 1;
      return cursor >= 0 && cursor < hits.length ? rangeOf(hits[cursor]) : null;
    },
    replaceAllWith(replacement: unknown) {
      const { hits, scanned } = search();
      charge('replaceAllWith', 0, scanned);
      const re = pattern();
      for (const h of hits) {
        const next = opts.diacritics
          ? norm(h.text).replace(re, String(replacement))
          : h.text.replace(re, String(replacement));
        const rect = { r: h.row, c: h.column, nr: 1, nc: 1 };
        const format = layerGrid(h.sheet.layers.numberFormat, rect)?.[0][0] ?? null;
        const value = toCellValue(next, format, s.state.timeZone, s.behaviour, 'typed');
        writeCells(s.state, s.behaviour, s.ctx, h.sheet, rect, [[value]]);
      }
      return hits.length;
    },
    toString: () => 'TextFinder',
  };
  return s.instrument(self);
}
