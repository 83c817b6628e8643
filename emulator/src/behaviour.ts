// The exact messages Apps Script throws and the behaviours not yet confirmed on a live account, kept in one place.
//
// Messages marked [O-code] in shared/gas-behaviour.md come from public scripts, not from Google's pages:
// correct them here and everything that throws them follows.

export const messages = {
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  validationViolated: (a1: string) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  noMailPermission:
    'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
  mailQuota: 'Service invoked too many times for one day: email.',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  maxExecutionTime: 'Exceeded maximum execution time',
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  tooManyCells:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  propertyTooLarge: 'Argument too large: value',
  propertiesStoreFull:
    'You have exceeded the property storage quota. Please remove some properties and try again.',
  noPermission: (what: string) => `You do not have permission to ${what}.`,
  /** What an installable trigger gets once its creator has lost access to the file [O-code: the text scripts see for a document they cannot open]. */
  noDocumentAccess: 'You do not have permission to access the requested document.',
  /** SpreadsheetApp.openById with an ID that is not a file the user may open [O-code]. */
  openByIdUnknown: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
} as const;

/**
 * The installable onChange `e.changeType` each thing a person does fires (gas-behaviour.md section 1).
 * Inserts and removals are documented. UNCONFIRMED: a sort and a row/column move report OTHER here
 * (no public source states what they report); one public write-up says moving rows or columns that hold
 * data also fires onEdit, which the emulator does not do. A sort rewrites cells rather than moving rows,
 * so row-anchored developer metadata stays on its row position (the Sheets API describes metadata as
 * following inserted, deleted and moved rows, not sorted cells); also unconfirmed.
 */
export const personChange = {
  edit: 'EDIT',
  sort: 'OTHER',
  insertRows: 'INSERT_ROW',
  removeRows: 'REMOVE_ROW',
  insertColumns: 'INSERT_COLUMN',
  removeColumns: 'REMOVE_COLUMN',
  move: 'OTHER',
} as const;

/** Behaviours that are documented as unconfirmed (gas-behaviour.md section 10): switch them here. */
export interface Behaviour {
  /** A rejected setValues writes nothing (true) or writes the cells before the rejected one (false). */
  rejectedWriteIsAtomic: boolean;
  /** Strings starting with these characters are parsed as formulas when written as user-entered values. */
  formulaPrefixes: string[];
  /** getLastRow() on an empty sheet. */
  lastRowOfEmptySheet: number;
}

export const defaultBehaviour: Behaviour = {
  rejectedWriteIsAtomic: true,
  formulaPrefixes: ['='],
  lastRowOfEmptySheet: 0,
};

/** Apps Script's limits that the emulator enforces. */
export const limits = {
  maxExecutionMs: 6 * 60 * 1000,
  simpleTriggerMs: 30 * 1000,
  maxCellChars: 50000,
  maxCells: 10_000_000,
  maxTriggersPerUser: 20,
  propertyValueBytes: 9 * 1024,
  propertyStoreBytes: 500 * 1024,
  cacheValueBytes: 100 * 1024,
  cacheMaxExpirySeconds: 6 * 60 * 60,
  mailRecipientsPerMessage: 50,
  mailDailyConsumer: 100,
  mailDailyWorkspace: 1500,
  scriptRunInFlight: 10,
} as const;
