// The Sheets API's JSON as the emulator reads and writes it: fields masks, GridRanges, protections and metadata.

import { canEditProtection, protectionEditors } from './permissions';
import type { Session } from './session';
import type { MetadataState, OpenSides, ProtectionState, Rect } from './state';

export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
export const num = (v: unknown): number | undefined =>
  v === undefined || v === null ? undefined : Number(v);

/** A rectangle back as a GridRange, open sides left out as the API leaves them. */
export function toGrid(sheetId: number, rect: Rect | null, open?: OpenSides): Json {
  const g: Json = { sheetId };
  if (!rect) return g;
  if (open?.rows !== 'all') g.startRowIndex = rect.r - 1;
  if (!open?.rows) g.endRowIndex = rect.r - 1 + rect.nr;
  if (open?.columns !== 'all') g.startColumnIndex = rect.c - 1;
  if (!open?.columns) g.endColumnIndex = rect.c - 1 + rect.nc;
  return g;
}

export function protectionJson(s: Session, p: ProtectionState): Json {
  const out: Json = {
    protectedRangeId: p.id,
    range: toGrid(p.sheetId, p.rect, p.open),
    warningOnly: p.warningOnly,
    requestingUserCanEdit: canEditProtection(s.state, p, s.ctx.actingUser),
  };
  if (p.description) out.description = p.description;
  // "Only visible to users with edit access to the protected range and the document."
  if (!p.warningOnly && out.requestingUserCanEdit)
    out.editors = { users: protectionEditors(s.state, p), domainUsersCanEdit: p.domainEdit };
  return out;
}

export function metadataJson(m: MetadataState): Json {
  const l = m.location;
  const location: Json =
    l.type === 'SPREADSHEET'
      ? { locationType: 'SPREADSHEET', spreadsheet: true }
      : l.type === 'SHEET'
        ? { locationType: 'SHEET', sheetId: l.sheetId }
        : {
            locationType: l.type,
            dimensionRange: {
              sheetId: l.sheetId,
              dimension: l.type === 'ROW' ? 'ROWS' : 'COLUMNS',
              startIndex: l.start - 1,
              endIndex: l.start - 1 + l.count,
            },
          };
  const out: Json = { metadataId: m.id, metadataKey: m.key, location, visibility: m.visibility };
  if (m.value !== null) out.metadataValue = m.value;
  return out;
}

/** A fields mask as its leaf paths: "a(b.c,d)" → ["a.b.c", "a.d"]. */
export function leaves(mask: string, prefix = ''): string[] {
  return splitMask(mask).flatMap(([path, inner]) =>
    inner ? leaves(inner, `${prefix}${path}.`) : [`${prefix}${path}`],
  );
}

/** Keeps only what a `fields` mask names: "sheets(properties(sheetId,title),protectedRanges)". */
export function pick(value: unknown, mask: string): unknown {
  if (Array.isArray(value)) return value.map((v) => pick(v, mask));
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [path, inner] of splitMask(mask)) {
    const [head, ...rest] = path.split('.');
    const v = (value as Json)[head];
    if (v === undefined) continue;
    const sub = rest.length ? (inner ? `${rest.join('.')}(${inner})` : rest.join('.')) : inner;
    const picked = sub ? pick(v, sub) : v;
    out[head] =
      typeof out[head] === 'object' && out[head] !== null && !Array.isArray(picked)
        ? { ...(out[head] as Json), ...(picked as Json) }
        : picked;
  }
  return out;
}

/** Top-level entries of a mask: [path, inner mask or ''] for "a.b(c,d),e". */
function splitMask(mask: string): [string, string][] {
  const out: [string, string][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= mask.length; i++) {
    const ch = mask[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if ((ch === ',' || ch === undefined) && depth === 0) {
      const part = mask.slice(start, i).trim();
      start = i + 1;
      if (!part) continue;
      const open = part.indexOf('(');
      out.push(open < 0 ? [part, ''] : [part.slice(0, open), part.slice(open + 1, part.lastIndexOf(')'))]);
    }
  }
  return out;
}
