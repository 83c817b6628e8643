// A chunk's duplicate searches merged into a few: one RE2 alternation per column, so a chunk costs a fixed number of searches whatever the register's size.
import { type CellSearch, escapeRe } from '../cell-search';

/**
 * The longest pattern one search is given. Google documents no limit for a TextFinder's regular expression;
 * RE2 compiles patterns far longer than this, and keeping them under 8,000 characters keeps a chunk of 250
 * rows to a handful of searches per column (an estimate, not a measured limit).
 */
const PATTERN_MAX = 8000;

/** The search as one anchored or unanchored RE2 alternative that matches what the search itself matches. */
function alternative(s: CellSearch): string {
  const body = s.regex ? s.text : escapeRe(s.text);
  return s.entire ? `^(?:${body})$` : body;
}

/**
 * The same matches as running every search one by one, in as few searches as fit: each column's searches
 * become alternatives of one pattern (repeats dropped), split where a pattern would pass `max` characters.
 */
export function mergedSearches(searches: readonly CellSearch[], max = PATTERN_MAX): CellSearch[] {
  const byKey = new Map<string, Set<string>>();
  for (const s of searches) {
    const set = byKey.get(s.key) ?? new Set<string>();
    set.add(alternative(s));
    byKey.set(s.key, set);
  }
  const out: CellSearch[] = [];
  for (const [key, alternatives] of byKey) {
    let batch: string[] = [];
    let length = 0;
    const flush = () => {
      if (batch.length)
        out.push({ key, text: batch.map((a) => `(?:${a})`).join('|'), entire: false, regex: true });
      batch = [];
      length = 0;
    };
    for (const a of alternatives) {
      if (batch.length && length + a.length + 5 > max) flush();
      batch.push(a);
      length += a.length + 5;
    }
    flush();
  }
  return out;
}
