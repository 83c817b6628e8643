// The preview's HTTP contract: the JSON the page and its server exchange, shared so the two cannot drift.
/** Someone the preview lets you act as: the spreadsheet's owner and the people on the Team sheet. */
export interface Person {
  email: string;
  name: string;
  /** The role as the Team sheet states it (the owner is always Admin). */
  role: string;
}

export interface ClockView {
  /** The fake clock, ISO. */
  now: string;
  /** The same instant as the spreadsheet's time zone shows it, e.g. "2026-11-23 09:30". */
  local: string;
  timeZone: string;
}

export interface SessionView {
  people: Person[];
  sheets: { name: string; tabColor: string | null }[];
  clock: ClockView;
  outboxCount: number;
}

/** Cell flags for the grid, as bits. */
export const CELL = { dropdown: 1, checkbox: 2, protected: 4, lockedForYou: 8 } as const;

/** An embedded chart as the page draws it: its table read from the sheet, where it is anchored. */
export interface ChartView {
  type: string;
  title: string;
  stacked: boolean;
  /** The anchor cell, 1-based, and the offset in pixels. */
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
  /** Its size in pixels (the 'width' and 'height' options; Sheets' default otherwise). */
  width: number;
  height: number;
  /** The first column of its range (category labels), the header row's series names, and one row of numbers per label. */
  labels: string[];
  series: string[];
  values: number[][];
}

export interface SheetView {
  name: string;
  /** Display values of the visible rectangle (A1 onwards). */
  rows: string[][];
  /** One flag number per visible cell (CELL bits), row-major like `rows`. */
  flags: number[][];
  frozenRows: number;
  /** Column widths in pixels. */
  widths: number[];
  charts: ChartView[];
}

/** What running something as a person showed them. */
export interface Shown {
  alerts: string[];
  /** A sidebar the run opened: fetch it from /panel?user=…&n=… */
  sidebar?: { n: number; title: string };
  /** Dialogs the run opened: each is fetched like a sidebar, from /panel?user=…&n=…&kind=dialog. */
  dialogs: { n: number; title: string }[];
  /** An error the run ended with, as Apps Script shows it. */
  error?: string;
}

/** A menu as onOpen built it (the emulator's MenuRecord, restated here so the page needs no emulator types). */
export interface MenuView {
  title: string;
  items: ({ caption: string; functionName: string } | { separator: true } | { submenu: MenuView })[];
}

export type MenuResult = Shown;

export interface ClockResult {
  clock: ClockView;
  fired: { handler: string; at: string; error?: string }[];
  mailsSent: number;
}

export interface MailView {
  at: string;
  from: string;
  name?: string;
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
}

export type EditResult = ({ ok: true } | { ok: false; error: string }) & { alerts: string[] };

/** Every 4xx and 5xx answer. */
export interface ErrorBody {
  error: string;
}
