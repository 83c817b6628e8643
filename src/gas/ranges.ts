// Several ranges of one sheet in one call: a RangeList's ranges, for the calls RangeList itself lacks.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The ranges at `a1s`, in order. Apps Script's RangeList has no setDataValidation, protect or
 * addDeveloperMetadata, so those stay one call per range; asking for the ranges costs one call, not one each.
 */
export function rangesAt(sheet: Sheet, a1s: readonly string[]): Range[] {
  if (a1s.length === 0) return [];
  return a1s.length === 1 ? [sheet.getRange(a1s[0])] : sheet.getRangeList([...a1s]).getRanges();
}
