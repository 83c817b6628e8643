// Likely duplicates of a customer: the same phone or email, or a near-identical name with the same company.
import { type CellSearch, namePattern } from './cell-search';

interface CustomerKeys {
  id?: string;
  name?: unknown;
  company?: unknown;
  phone?: unknown;
  email?: unknown;
}

interface Duplicate {
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

/**
 * What two customers are compared by: each key that counts, '' where it does not (a phone of five digits
 * or fewer, no email, no name). Two customers whose non-empty key is equal are likely the same.
 */
export function matchKeys(c: CustomerKeys): Record<Duplicate['matched'][number], string> {
  const phone = phoneKey(c.phone);
  const name = nameKey(c.name);
  return {
    phone: phone.length > 5 ? phone : '',
    email: emailKey(c.email),
    name: name ? `${name}|${nameKey(c.company)}` : '',
  };
}

const MATCHED = ['phone', 'email', 'name'] as const;

/** Scans column arrays once; `columns` holds name, company, phone and email cells of every row. */
export function findDuplicates(
  candidate: CustomerKeys,
  columns: Record<string, readonly unknown[]>,
  count: number,
  limit = 5,
): Duplicate[] {
  const wanted = matchKeys(candidate);
  const hits: Duplicate[] = [];
  for (let i = 0; i < count && hits.length < limit; i++) {
    const keys = matchKeys({
      phone: wanted.phone && columns.phone?.[i],
      email: wanted.email && columns.email?.[i],
      name: wanted.name && columns.name?.[i],
      company: wanted.name && columns.company?.[i],
    });
    const matched = MATCHED.filter((k) => wanted[k] && keys[k] === wanted[k]);
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

/** Which of the keys two customers share. */
function matchedKeys(a: ReturnType<typeof matchKeys>, b: ReturnType<typeof matchKeys>): Duplicate['matched'] {
  return MATCHED.filter((k) => a[k] && a[k] === b[k]);
}

/** The compared cells of row i of read columns. */
export const rowAt = (columns: Record<string, readonly unknown[]>, i: number): CustomerKeys => ({
  name: columns.name?.[i] as string,
  company: columns.company?.[i] as string,
  phone: columns.phone?.[i] as string,
  email: columns.email?.[i] as string,
});

/**
 * The same comparison as findDuplicates for many candidates (an import): the rows are indexed once by
 * each key, and rows added later (earlier lines of the same file) are found too.
 */
export class DuplicateIndex {
  private readonly byKey = new Map<string, number[]>();

  add(row: CustomerKeys, index: number) {
    const k = matchKeys(row);
    for (const key of [`p:${k.phone}`, `e:${k.email}`, `n:${k.name}`]) {
      if (key.length < 3) continue;
      const at = this.byKey.get(key);
      if (at) at.push(index);
      else this.byKey.set(key, [index]);
    }
  }

  static of(columns: Record<string, readonly unknown[]>, count: number): DuplicateIndex {
    const index = new DuplicateIndex();
    for (let i = 0; i < count; i++) index.add(rowAt(columns, i), i);
    return index;
  }

  find(candidate: CustomerKeys, rowOf: (index: number) => CustomerKeys, limit = 5): Duplicate[] {
    const wanted = matchKeys(candidate);
    const seen = new Set<number>();
    const hits: Duplicate[] = [];
    for (const key of [`p:${wanted.phone}`, `e:${wanted.email}`, `n:${wanted.name}`]) {
      if (key.length < 3) continue;
      for (const i of this.byKey.get(key) ?? []) {
        if (seen.has(i) || hits.length >= limit) continue;
        seen.add(i);
        hits.push({ index: i, matched: matchedKeys(wanted, matchKeys(rowOf(i))) });
      }
    }
    return hits.sort((a, b) => a.index - b.index);
  }
}
