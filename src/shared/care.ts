// The sidebar ↔ server shapes of the data check, the dashboard and the backups: JSON only.

export interface DataCheckReport {
  findings: number;
  /** Findings with a safe fix (normalize a phone or email, trim text). */
  safe: number;
  /** Score per sheet (0–100) and the one of the previous check, null when there was none. */
  scores: { sheet: string; score: number; before: number | null }[];
  message: string;
}

export interface SafeFixReport {
  cells: number;
  records: number;
  message: string;
}

export interface DashboardReport {
  /** 'yyyy-mm-dd hh:mm' in the spreadsheet's zone. */
  refreshedAt: string;
  message: string;
}
