// What the dialog sends and shows, apart from the page: records from the file and the mapping, the preview's verdicts, and the refused rows as CSV.
import { DuplicateIndex } from '../../src/domain/duplicates';
import { toCsv } from '../../src/domain/import/csv';
import {
  DATE_FIELDS,
  type DateOrder,
  dateOrderOf,
  findMangled,
  type MangleFlag,
  withDateOrder,
} from '../../src/domain/import/mangled';
import { type ColumnTarget, rawRecord } from '../../src/domain/import/mapping';
import type { FileRow } from '../../src/domain/import/table';
import type { DuplicateHit, ImportRow, ImportRowCheck } from '../../src/shared/rpc';

/** Date columns whose day/month order the file does not settle: the user chooses. */
export function dateQuestions(
  headers: readonly string[],
  targets: readonly ColumnTarget[],
  rows: readonly FileRow[],
) {
  return targets.flatMap((target, i) => {
    if (!DATE_FIELDS.has(target)) return [];
    const values = rows.map((r) => r.cells[i] ?? '');
    const order = dateOrderOf(values);
    return order === 'ambiguous' || order === 'mixed'
      ? [{ field: target, column: headers[i], order, example: values.find((v) => /\d\/|\d\./.test(v)) ?? '' }]
      : [];
  });
}

export interface Prepared {
  rows: ImportRow[];
  flags: Map<number, MangleFlag[]>;
}

/** The rows as the server is sent them (by line), with the date order chosen per field applied, and the mangled values flagged. */
export function prepareRows(
  headers: readonly string[],
  targets: readonly ColumnTarget[],
  rows: readonly FileRow[],
  orders: Readonly<Record<string, DateOrder>>,
  /** Values for required fields a row leaves empty (an old list has no Status column): chosen by the user. */
  defaults: Readonly<Record<string, string>> = {},
): Prepared {
  const raw = rows.map((r) => rawRecord(headers, targets, r.cells));
  const flags = new Map<number, MangleFlag[]>();
  for (const f of findMangled(raw)) {
    const line = rows[f.row].line;
    flags.set(line, [...(flags.get(line) ?? []), f]);
  }
  const out = raw.map((values, i) => {
    const v = { ...values };
    for (const [field, value] of Object.entries(defaults)) if (value && !v[field]?.trim()) v[field] = value;
    for (const [field, order] of Object.entries(orders))
      if (v[field]) v[field] = withDateOrder(v[field], order);
    return { line: rows[i].line, values: v };
  });
  return { rows: out, flags };
}

export interface RowVerdict {
  check: ImportRowCheck;
  sent: Record<string, string>;
  /** Fields whose stored value differs from what the file holds: [field, from, to]. */
  changes: [string, string, string][];
  /** An earlier row of the same file that is a likely duplicate. */
  inFile: { line: number; matched: DuplicateHit['matched'] } | null;
  flags: MangleFlag[];
}

const loose = (v: unknown) =>
  String(v ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The preview of every row: normalization changes, duplicates within the file (by the sidebar's rule), and flags. */
export function verdicts(prepared: Prepared, checks: readonly ImportRowCheck[]): RowVerdict[] {
  const byLine = new Map(prepared.rows.map((r) => [r.line, r.values]));
  const index = new DuplicateIndex();
  const seen: { line: number; values: Record<string, unknown> }[] = [];
  return checks.map((check) => {
    const sent = byLine.get(check.line) ?? {};
    const changes: [string, string, string][] = [];
    if (!check.errors.length)
      for (const [field, from] of Object.entries(sent)) {
        const to = check.values[field];
        if (loose(from) !== loose(to) && field !== 'notes') changes.push([field, from, String(to ?? '')]);
      }
    let inFile: RowVerdict['inFile'] = null;
    if (!check.errors.length) {
      const [hit] = index.find(check.values, (i) => seen[i].values);
      if (hit) inFile = { line: seen[hit.index].line, matched: hit.matched };
      index.add(check.values, seen.length);
      seen.push({ line: check.line, values: check.values });
    }
    return { check, sent, changes, inFile, flags: prepared.flags.get(check.line) ?? [] };
  });
}

/** The refused rows as the file had them, header first, with the reason in a last column: to fix and import again. */
export function refusedCsv(
  headers: readonly string[],
  rows: readonly FileRow[],
  reasons: ReadonlyMap<number, string>,
  reasonHeader: string,
): string {
  const lines = rows.filter((r) => reasons.has(r.line)).map((r) => [...r.cells, reasons.get(r.line) ?? '']);
  return toCsv([[...headers, reasonHeader], ...lines]);
}

/** An import's ID: the same file with the same choices gets the same ID, so importing it again imports nothing twice. */
export function importIdOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `imp-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}${text.length.toString(36)}`;
}
