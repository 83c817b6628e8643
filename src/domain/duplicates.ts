// Likely duplicates of a customer: the same phone or email, or a near-identical name with the same company.
import { type CellSearch, namePattern } from './cell-search';

export interface CustomerKeys {
  id?: string;
  name?: string | null;
  company?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface Duplicate {
  index: number;
  matched: ('phone' | 'email' | 'name')[];
}

/** Case, spacing, punctuation and full-width forms ignored; CJK kept: "Li  Lei." and "li lei" compare equal. */
export function nameKey(s: unknown): string {
  const text = String(s ?? '');
  // NFKC only where it changes something (full-width forms, ideographic space): searches run it per row.
  return (/[\u3000\uFF00-\uFFEF]/.test(text) ? text.normalize('NFKC') : text)
    .toLowerCase()
    .replace(/[\s.,'’"()\-·・、，。]/g, '');
}

const phoneKey = (s: unknown) => String(s ?? '').replace(/[^\d+]/g, '');
const emailKey = (s: unknown) =>
  String(s ?? '')
    .trim()
    .toLowerCase();

/** Scans column arrays once; `columns` holds name, company, phone and email cells of every row. */
export function findDuplicates(
  candidate: CustomerKeys,
  columns: Record<string, readonly unknown[]>,
  count: number,
  limit = 5,
): Duplicate[] {
  const phone = phoneKey(candidate.phone);
  const email = emailKey(candidate.email);
  const name = nameKey(candidate.name);
  const company = nameKey(candidate.company);
  const hits: Duplicate[] = [];
  for (let i = 0; i < count && hits.length < limit; i++) {
    const matched: Duplicate['matched'] = [];
    if (phone.length > 5 && phoneKey(columns.phone?.[i]) === phone) matched.push('phone');
    if (email && emailKey(columns.email?.[i]) === email) matched.push('email');
    if (name && nameKey(columns.name?.[i]) === name && nameKey(columns.company?.[i]) === company)
      matched.push('name');
    if (matched.length) hits.push({ index: i, matched });
  }
  return hits;
}

/** The cell searches that find every row findDuplicates could match for `candidate` (see search.ts). */
export function duplicateSearches(candidate: CustomerKeys): CellSearch[] {
  const out: CellSearch[] = [];
  const phone = phoneKey(candidate.phone);
  if (phone.length > 5) out.push({ key: 'phone', text: phone, entire: true, regex: false });
  const email = emailKey(candidate.email);
  if (email) out.push({ key: 'email', text: email, entire: true, regex: false });
  const name = nameKey(candidate.name);
  if (name) out.push({ key: 'name', text: namePattern(name, true), entire: false, regex: true });
  return out;
}
