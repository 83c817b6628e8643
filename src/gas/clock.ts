// Today's date as people read it: 'yyyy-mm-dd' in the spreadsheet's time zone.
export function todayIn(tz: string, now: Date = new Date()): string {
  return Utilities.formatDate(now, tz, 'yyyy-MM-dd');
}
