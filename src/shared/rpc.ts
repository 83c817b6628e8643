// The sidebar ↔ server contract: every function the sidebar may call, with JSON-only arguments and results.

import type { FormConfig } from '../domain/form';
import type { Lang } from '../domain/i18n';
import type { FieldError } from '../domain/validation';
import type { Role, WireValue } from '../schema/types';
import type {
  BackupComparison,
  BackupList,
  DashboardReport,
  DataCheckReport,
  RestoreReport,
  SafeFixReport,
  StepCursor,
} from './care';

/** Re-exported so the sidebar names field values as the server does. */
export type {
  BackupComparison,
  BackupList,
  DashboardReport,
  DataCheckReport,
  RestoreReport,
  SafeFixReport,
  StepCursor,
  WireValue,
};

export type WireRecord = Record<string, WireValue>;

export interface CustomerSummary {
  id: string;
  name: string;
  company: string;
  phone: string;
  email: string;
  status: string;
  recordState: string;
  enteredBy: string;
}

export interface DuplicateHit {
  id: string;
  name: string;
  company: string;
  /** Which fields matched: 'phone', 'email' or 'name'. */
  matched: ('phone' | 'email' | 'name')[];
}

/** A record as loaded for editing, with the version the server checks to refuse stale edits. */
export interface LoadedRecord {
  id: string;
  values: WireRecord;
  version: string;
}

export type SaveResult =
  /** `notices`: values read in a way the caller may not have meant (a date whose day and month could swap). */
  | { ok: true; id: string; version: string; values: WireRecord; notices?: FieldError[] }
  | { ok: false; errors: FieldError[] }
  | { ok: false; duplicates: DuplicateHit[] }
  | { ok: false; stale: true; message: string };

/** Whether the daily reminder run is on, whose account it runs as, and when. */
export interface ReminderStatus {
  on: boolean;
  /** Whose account the daily run uses (its trigger's creator); '' when nobody turned reminders on. */
  runsAs: string;
  /** The hour of the day (0–23) the run starts, in the spreadsheet's time zone. */
  hour: number;
  spreadsheetTimeZone: string;
  scriptTimeZone: string;
  /** The trigger fires in the spreadsheet's zone; dates in scripts default to the script's: worth knowing when they differ. */
  timeZonesDiffer: boolean;
  /** Whether `runsAs` is still an active Admin: when not, the daily run sends nothing. */
  runnerIsAdmin: boolean;
  /** 'yyyy-mm-dd hh:mm' in the spreadsheet's zone of the last run that went through; null if none yet. */
  lastSuccess: string | null;
  /** The last run that sent nothing, and why, in the caller's language. */
  lastFailure: { at: string; message: string } | null;
  /** Set when no run has succeeded for two days: since when, 'yyyy-mm-dd hh:mm'. */
  silentSince: string | null;
  /** Reminders run from another admin's account: the caller may take them over. */
  canTakeOver: boolean;
}

/** A dry run of today's reminders: who would get what, with nothing sent or written. */
export interface ReminderPreview {
  /** 'yyyy-mm-dd' in the spreadsheet's time zone. */
  today: string;
  emails: { customerId: string; recipient: string; subject: string; daysOverdue: number }[];
  digests: { recipient: string; customers: number; property: number; followUps: number }[];
  /** Due customers left for a later day (mail quota). */
  deferred: number;
  skipped: { record: string; outcome: string }[];
}

/** The server's verdict on one phone number, judged with full metadata, for the form to show before saving. */
export type PhoneCheck =
  | {
      ok: true;
      /** What will be stored: E.164, with ';ext=' for an extension. */
      value: string;
      /** Spaced for reading: '+86 415 555 2671'. */
      display: string;
      /** The country the number belongs to, in the caller's language ('' for non-geographic numbers). */
      country: string;
      /** Its ISO 3166-1 code ('' for non-geographic numbers): the form fills an empty Country with it. */
      region: string;
      /** True when the number was typed without a country code and read with that country. */
      assumed: boolean;
    }
  | { ok: false; message: string };
/** A customer's pending correction of one field, as staff decide on it. */
export interface ChangeRequestSummary {
  id: string;
  customerId: string;
  customerName: string;
  /** The customer's owner (lower case), so each staff member finds their own. */
  owner: string;
  field: string;
  fieldLabel: string;
  oldValue: string;
  newValue: string;
  receivedAt: string;
}

/** An entry in My work; `comment` is the reviewer's, for an entry returned for correction. */
export interface WorkItem {
  id: string;
  name: string;
  comment: string;
}

export interface MyWork {
  /** Entries the caller made that wait for a manager. */
  pending: WorkItem[];
  /** Entries the caller made that a manager returned, with the comment. */
  returned: WorkItem[];
  /** Pending change requests for the caller's customers (all of them for managers). */
  changeRequests: ChangeRequestSummary[];
  /** For managers: entries by others waiting for review. */
  toReview: number;
}

/** One line of a customer's history from Audit, in the caller's language. */
export interface CardChange {
  /** 'yyyy-mm-dd hh:mm' in the spreadsheet's zone. */
  time: string;
  user: string;
  action: string;
  field: string;
  oldValue: string;
  newValue: string;
  source: string;
}

/** Everything about one customer in one call; credit only for the roles that may edit it. */
export interface CustomerCard {
  customer: LoadedRecord;
  interactions: { total: number; records: LoadedRecord[] };
  property: { total: number; records: LoadedRecord[] };
  purchases: { total: number; records: LoadedRecord[] };
  /** The add-on's credit figures, the rating and the Overdue tick; null for roles that may not see credit. */
  credit: WireRecord | null;
  changes: CardChange[];
}

/** A printable document: the HTML (for the browser's print dialog) and the same as a PDF made by Apps Script. */
export interface Printout {
  filename: string;
  html: string;
  /** Base64 of the PDF bytes. */
  pdf: string;
}

/** One file row judged by the register's rules: as it will be stored, or why it is refused, and its likely duplicates. */
export interface ImportRowCheck {
  line: number;
  values: WireRecord;
  errors: FieldError[];
  duplicates: DuplicateHit[];
}

/** A row not imported as it was: its line in the file, the field, the value and the reason, in the user's language. */
export interface ImportReportLine {
  line: number;
  field: string;
  value: string;
  reason: string;
}

/** An import's totals so far. */
interface ImportTotals {
  last: number;
  imported: number;
  filled: number;
  skipped: number;
  refused: number;
  report: string;
  finished: boolean;
}

export type DuplicateChoice = 'skip' | 'fill' | 'import';

/** What the import dialog is served with: who, in which language, the fields a column may fill, and the sheets it may read. */
export interface ImportBoot {
  user: string;
  role: Role;
  lang: Lang;
  /** The fields a column may fill; a required one has its choices, for rows that leave it empty. */
  fields: { key: string; label: string; required: boolean; options: { key: string; label: string }[] }[];
  /** Sheets of this spreadsheet that are not the register's own: an old list to import from. */
  sheets: string[];
}

export interface ImportRow {
  line: number;
  values: Record<string, string>;
}

export interface Api {
  /** Reads one phone number as the server will store it, with the customer's country (an ISO code or a name) or the default. */
  checkPhone(req: { phone: string; country?: string }): PhoneCheck;
  /** Creates a customer; refuses likely duplicates unless `confirmDuplicate` is set (recorded in Audit). */
  createCustomer(req: { values: WireRecord; confirmDuplicate?: boolean }): SaveResult;
  /** Writes only `changes`, if the row is still at `version`. */
  updateCustomer(req: { id: string; version: string; changes: WireRecord }): SaveResult;
  getCustomer(req: { id: string }): LoadedRecord;
  /** By ID, name (partial, any case, any script), phone (any format), email or company. At most 20 results. */
  findCustomers(req: { query: string }): { results: CustomerSummary[]; more: boolean };
  /** Customers pending review that the caller may approve (entered by someone else). */
  listPendingReview(req: Record<string, never>): { results: CustomerSummary[] };
  approveCustomer(req: { id: string; version: string }): SaveResult;
  returnCustomer(req: { id: string; version: string; comment: string }): SaveResult;
  /** Mark confirmed: the customer confirmed by phone, in person or by reply; stamps the review as their link does. */
  confirmReview(req: { id: string; version: string; how: 'phone' | 'inPerson' | 'reply' }): SaveResult;
  logInteraction(req: { values: WireRecord }): SaveResult;
  receiveProperty(req: { values: WireRecord }): SaveResult;
  updateProperty(req: { id: string; version: string; changes: WireRecord }): SaveResult;
  /** Property held for one customer. */
  findProperty(req: { customerId: string }): { results: LoadedRecord[] };
  /** A purchase; its payment state follows from its dates and a blank currency is the Settings default. */
  recordPurchase(req: { values: WireRecord }): SaveResult;
  updatePurchase(req: { id: string; version: string; changes: WireRecord }): SaveResult;
  /** Managers: an unpaid purchase leaves the overdue figures. */
  writeOffPurchase(req: { id: string; version: string }): SaveResult;
  /** Details, review state, interactions, property, purchases, credit (by role) and the latest changes. */
  customerCard(req: { id: string }): CustomerCard;
  /** The customer record card, redacted by role, in the language asked for (the customer's). */
  printCustomerCard(req: { id: string; lang: Lang }): Printout;
  /** A receipt for an item of property to hand the customer, with the terms from Settings. */
  printPropertyReceipt(req: { id: string; lang: Lang }): Printout;
  /** Admin only, as are the four below; the request carries nothing and is ignored. */
  reminderStatus(req: Record<string, never>): ReminderStatus;
  /** Installs (or repairs) the one daily trigger, as the caller; while another admin runs them, only with `takeOver`. */
  turnRemindersOn(req: { takeOver?: boolean }): ReminderStatus;
  turnRemindersOff(req: Record<string, never>): ReminderStatus;
  previewReminders(req: Record<string, never>): ReminderPreview;
  /** Emails the caller what a customer would get today (or a sample). */
  sendTestReminder(req: Record<string, never>): { to: string; subject: string };
  /** Admins and Managers: checks the register and rewrites the Data check sheet. */
  runDataCheck(req: Record<string, never>): DataCheckReport;
  /** Admins and Managers: writes the safe fixes the check finds now, audited. */
  applyDataFixes(req: Record<string, never>): SafeFixReport;
  /** Staff: rewrites the Dashboard's tables and points its charts at them. */
  refreshDashboard(req: Record<string, never>): DashboardReport;
  /** Admin only, as are the three below: a snapshot into the caller's Drive now, in steps (`underWay`) when large. */
  backupNow(req: Record<string, never>): BackupList;
  listBackups(req: Record<string, never>): BackupList;
  /** What differs between snapshot `id` and the register now, in steps: call again with `next` until it is null. */
  compareBackup(req: { id: string; next?: StepCursor }): BackupComparison;
  /** Restores chosen records by ID and whole sheets, in steps like the comparison; what was added since is kept. */
  restoreBackup(req: {
    id: string;
    records?: { sheet: string; id: string }[];
    sheets?: string[];
    next?: StepCursor;
  }): RestoreReport;
  /** What waits for the caller: their pending and returned entries, change requests, and (managers) reviews. */
  myWork(req: Record<string, never>): MyWork;
  /** Pending change requests: all of them for managers, those of the caller's customers for other staff. */
  listChangeRequests(req: Record<string, never>): { results: ChangeRequestSummary[] };
  /** Applies (through the normal update path) or rejects one customer's pending requests. Managers only. */
  decideChanges(req: { ids: string[]; decision: 'apply' | 'reject' }): SaveResult;
  /** Managers and Admins: a chunk of a file's rows judged as the sidebar's save would, with the register's duplicates; nothing written. */
  checkImport(req: { rows: ImportRow[] }): { rows: ImportRowCheck[] };
  /** Imports a chunk under the lock; rows at or below the import's progress are skipped, so a resent chunk imports nothing twice. */
  importCustomers(req: {
    importId: string;
    rows: ImportRow[];
    approve: boolean;
    duplicates: DuplicateChoice;
    choices?: Record<string, DuplicateChoice>;
  }): {
    imported: { line: number; id: string }[];
    /** Lines the register's rules refused: the dialog offers them as a CSV to fix and import again. */
    refused: number[];
    report: ImportReportLine[];
    progress: ImportTotals;
    reportSheet: string;
  };
  /** The cells of a sheet of this spreadsheet as shown (text), header first: the team's old list. */
  readImportSheet(req: { sheet: string }): { rows: string[][] };
  /** Writes the import's summary row in Audit (once) and answers the totals. */
  finishImport(req: {
    importId: string;
    file: string;
  }): ImportTotals & { summary: string; reportSheet: string };
}

export type ApiName = keyof Api;
/** What the sidebar sends to `K`, and what it gets back. */
export type ApiRequest<K extends ApiName> = Parameters<Api[K]>[0];
export type ApiResult<K extends ApiName> = ReturnType<Api[K]>;

/**
 * What the server exports for the sidebar: every Api function, each taking its request unparsed (zod checks
 * it there) and returning the Api's result. src/server/index.ts `satisfies` it.
 */
export type Served = { [K in ApiName]: (req: ApiRequest<K>) => ApiResult<K> };

/** The boot data the server embeds into the sidebar page: zero round trips before the form is usable. */
export interface BootData {
  user: string;
  role: Role;
  /** The language of the sidebar: the user's locale where it says Chinese or English, else the register's. */
  lang: Lang;
  /** The language the register stores its labels in. */
  registerLang: Lang;
  forms: { customer: FormConfig; interaction: FormConfig; property: FormConfig; purchase: FormConfig };
  settings: { defaultPhoneRegion: string };
}
