// Searches the spreadsheet runs for the add-on (TextFinder): a column, a text or RE2 pattern, whole cell or part.
/** A search the spreadsheet runs for us (a TextFinder): which column, and the text or pattern it looks for. */
export interface CellSearch {
  key: string;
  /** Literal text, or an RE2 pattern when `regex`. */
  text: string;
  /** The whole cell must match (case is ignored either way). */
  entire: boolean;
  regex: boolean;
}

/** What nameKey ignores between characters, as an RE2 class. */
const SEPARATORS = `[\\s.,'’"()\\-·・、，。]*`;
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An RE2 pattern matching cells whose nameKey contains (or, `whole`, equals) `key`. */
export function namePattern(key: string, whole: boolean): string {
  const body = Array.from(key, escapeRe).join(SEPARATORS);
  return whole ? `^${SEPARATORS}${body}${SEPARATORS}$` : body;
}
