// Customer search: by ID, name or company (partial, any case, any script), phone in any format, or email.
import { type CellSearch, escapeRe, namePattern } from './cell-search';
import { nameKey } from './duplicates';
import { normalizePhone } from './normalize';

interface SearchHit {
  index: number;
  score: number;
}

const digits = (s: unknown) => String(s ?? '').replace(/\D/g, '');

/**
 * Ranks rows against the query: an exact ID or email first, then phone matches, then names and
 * companies that contain the query. Columns are the id, name, company, phone and email cells of every row.
 */
export function searchCustomers(
  query: string,
  columns: Record<string, readonly unknown[]>,
  count: number,
  region: string,
  limit = 20,
) {
  const q = query.trim();
  if (!q) return { hits: [] as SearchHit[], more: false };
  const text = nameKey(q);
  const lower = q.toLowerCase();
  const qDigits = digits(q);
  const phone = qDigits.length >= 6 ? normalizePhone(q, region) : null;
  const e164 = phone?.ok ? phone.value.replace(/;ext=.*/, '') : '';
  const hits: SearchHit[] = [];
  for (let i = 0; i < count; i++) {
    let score = 0;
    if (String(columns.id?.[i] ?? '').toLowerCase() === lower) score = 100;
    else if (String(columns.email?.[i] ?? '').toLowerCase() === lower) score = 90;
    else if (qDigits.length >= 6) {
      const p = String(columns.phone?.[i] ?? '');
      if (e164 && p.startsWith(e164)) score = 80;
      else if (digits(p).includes(qDigits)) score = 60;
      // Typed the national way with its trunk zero ('020 7946 0958'), stored as '+44 20 7946 0958'.
      else if (qDigits[0] === '0' && p.startsWith('+') && digits(p).includes(qDigits.slice(1))) score = 55;
    }
    if (!score && text) {
      const name = nameKey(columns.name?.[i]);
      const company = nameKey(columns.company?.[i]);
      if (name === text) score = 70;
      else if (name.includes(text)) score = 50;
      else if (company.includes(text)) score = 40;
      else if (
        lower.includes('@') &&
        String(columns.email?.[i] ?? '')
          .toLowerCase()
          .includes(lower)
      )
        score = 30;
    }
    if (score) hits.push({ index: i, score });
  }
  hits.sort((a, b) => b.score - a.score || a.index - b.index);
  return { hits: hits.slice(0, limit), more: hits.length > limit };
}

/**
 * The cell searches that find every row searchCustomers could rank for `query`, best-ranked kinds first:
 * run them in order and the first hits of each are the rows worth reading.
 */
export function searchesFor(query: string, region: string): CellSearch[] {
  const q = query.trim();
  if (!q) return [];
  const literal = (key: string, text: string, entire: boolean) => ({ key, text, entire, regex: false });
  const pattern = (key: string, text: string) => ({ key, text, entire: false, regex: true });
  // In the order searchCustomers scores them, so a search that fills the limit never hides a better kind.
  const out: CellSearch[] = [literal('id', q, true), literal('email', q, true)];
  const qDigits = digits(q);
  const phone = qDigits.length >= 6 ? normalizePhone(q, region) : null;
  if (phone?.ok) out.push(pattern('phone', `^${escapeRe(phone.value.replace(/;ext=.*/, ''))}`));
  const text = nameKey(q);
  if (text) out.push(pattern('name', namePattern(text, true)));
  if (qDigits.length >= 6) {
    out.push(literal('phone', qDigits, false));
    if (qDigits[0] === '0') out.push(literal('phone', qDigits.slice(1), false));
  }
  if (text) {
    out.push(pattern('name', namePattern(text, false)));
    out.push(pattern('company', namePattern(text, false)));
    if (q.includes('@')) out.push(literal('email', q, false));
  }
  return out;
}
