// Sheets API requests for the formats setup gives a sheet: widths, number formats, header style, notes, frozen rows.
import type { SheetsRequest } from './sheets-api';

/** Runs of adjacent columns whose `value` is the same, in column order. */
export function runsBy<T>(
  keys: readonly string[],
  columns: Record<string, number>,
  value: (key: string) => T,
) {
  const cols = keys.map((k) => ({ c: columns[k], v: value(k) })).sort((a, b) => a.c - b.c);
  const runs: { first: number; count: number; value: T }[] = [];
  for (const { c, v } of cols) {
    const last = runs[runs.length - 1];
    if (last && c === last.first + last.count && last.value === v) last.count++;
    else runs.push({ first: c, count: 1, value: v });
  }
  return runs;
}

/** Whole columns `first`..`first + count - 1` below the header, open-ended so rows added later are covered. */
export const belowHeader = (sheetId: number, first: number, count: number) => ({
  sheetId,
  startRowIndex: 1,
  startColumnIndex: first - 1,
  endColumnIndex: first - 1 + count,
});

export function widthRequest(sheetId: number, first: number, count: number, width: number): SheetsRequest {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: first - 1, endIndex: first - 1 + count },
      properties: { pixelSize: width },
      fields: 'pixelSize',
    },
  };
}

/** The API's number-format type for a pattern: it must be given with the pattern. */
function formatType(pattern: string): string {
  if (pattern === '@') return 'TEXT';
  if (pattern.includes('%')) return 'PERCENT';
  if (/[yd]/.test(pattern)) return /h/.test(pattern) ? 'DATE_TIME' : 'DATE';
  return 'NUMBER';
}

export function numberFormatRequest(
  sheetId: number,
  first: number,
  count: number,
  pattern: string,
): SheetsRequest {
  return {
    repeatCell: {
      range: belowHeader(sheetId, first, count),
      cell: { userEnteredFormat: { numberFormat: { type: formatType(pattern), pattern } } },
      fields: 'userEnteredFormat.numberFormat',
    },
  };
}

/** "#e8f0fe" as the API's colour (fractions of 1). */
function colour(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}

/** The header row, bold on a background, over `width` columns; frozen so it stays in view. */
export function headerRequests(sheetId: number, width: number, background: string): SheetsRequest[] {
  return [
    {
      repeatCell: {
        range: { sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: width },
        cell: { userEnteredFormat: { textFormat: { bold: true }, backgroundColor: colour(background) } },
        fields: 'userEnteredFormat(textFormat.bold,backgroundColor)',
      },
    },
    {
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
        fields: 'gridProperties.frozenRowCount',
      },
    },
  ];
}

/** Header notes at the given columns (1-based), one request per run of neighbours: other columns keep theirs. */
export function noteRequests(sheetId: number, notes: ReadonlyMap<number, string>): SheetsRequest[] {
  const cols = [...notes.keys()].sort((a, b) => a - b);
  const out: SheetsRequest[] = [];
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    out.push({
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: cols[i] - 1 },
        rows: [{ values: cols.slice(i, j + 1).map((c) => ({ note: notes.get(c) })) }],
        fields: 'note',
      },
    });
    i = j + 1;
  }
  return out;
}
