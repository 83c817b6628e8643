// Every document-property key the add-on reads or writes, in one place: two modules cannot share a key by accident.

/** Fixed keys. Stored registers hold these names: renaming one loses what an existing register remembers. */
export const PROPERTY_KEYS = {
  /** The schema version setup last applied. */
  schemaVersion: 'cr.schemaVersion',
  /** The register's language ('en' | 'zh'), set by setup. */
  language: 'cr.language',
  /** The owner setup recorded, for where Apps Script cannot tell (a shared drive). */
  owner: 'cr.owner',
  /** The onEdit guard's trigger ID and creator. */
  guard: 'cr.guard',
  /** The daily reminder trigger's hour and zone, to tell a trigger that needs repair. */
  reminderSchedule: 'cr.reminders.schedule',
  /** Who runs reminders; named "owner" since before the runner had a trigger ID. */
  reminderRunner: 'cr.reminders.owner',
  reminderSince: 'cr.reminders.since',
  reminderLastSuccess: 'cr.reminders.lastSuccess',
  reminderLastFailure: 'cr.reminders.lastFailure',
  /** Today's digest recipients, marked before sending. */
  reminderDigests: 'cr.reminders.digests',
  /** While the Reminder log is being archived: archive rows from here on may also still be in the log. */
  reminderArchive: 'cr.reminders.archive',
  /** The data check's, dashboard's and backups' last runs and scores. */
  care: 'cr.care',
  /** The day ('yyyy-mm-dd', the spreadsheet's zone) the credit figures were last computed: a continuation does not redo them. */
  creditDay: 'cr.credit.day',
} as const;

/** Script-property keys: the customer web app runs with no container document, so what it needs lives here. */
export const SCRIPT_PROPERTY_KEYS = {
  /** The links' HMAC secret: never in the sheet, where anyone who can open it could forge links. */
  linkSecret: 'cr.linkSecret',
  /** The register the web app opens by ID (getActive() is null there). */
  spreadsheetId: 'cr.spreadsheetId',
  /** POSTs in the current minute, across all links. */
  webAppBurst: 'cr.webapp.burst',
  /** Rows a step of the data check reads (default: about a million cells' worth): a tuning knob, and how tests force steps. */
  dataCheckRows: 'cr.dataCheck.rows',
  /** Rows per step of a backup, likewise. */
  backupRows: 'cr.backup.rows',
  /** Rows a step of a backup's comparison or restore reads (default: about a million cells' worth): as above. */
  restoreRows: 'cr.restore.rows',
} as const;

/** An import's progress, by its ID (made from the file's content): a resent chunk imports nothing twice. */
export const importProgressKey = (importId: string) => `cr.import.${importId}`;

/** The cached column map of a sheet. */
export const columnMapKey = (sheetName: string) => `cr.columns.${sheetName}`;

/** The next serial of one ID format (prefix, and year for yearly IDs) of a record type. */
export const idCounterKey = (recordTypeKey: string, prefix: string, year?: number) =>
  `cr.next.${recordTypeKey}.${prefix}${year === undefined ? '' : `.${year}`}`;

/** The last serial of a record type as versions before the per-format counters kept it (still honoured). */
export const sequenceKey = (recordTypeKey: string) => `cr.seq.${recordTypeKey}`;
