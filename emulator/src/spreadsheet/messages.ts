// Error messages the spreadsheet emulator needs that behaviour.ts does not hold.
//
// UNCONFIRMED: none of these has been checked against a live account. Most are the texts users quote
// from the real service; correct them here if a live run disagrees.

export const sheetMessages = {
  /** Range.addDeveloperMetadata on anything but whole rows or whole columns (quoted from Google's API errors). */
  metadataArbitraryRange:
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to top-level sheets or entire rows or columns.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: "You can't delete all the rows on the sheet.",
  deleteAllColumns: "You can't delete all the columns on the sheet.",
  deleteLastSheet:
    "You can't remove all the sheets in a document. You must have at least one visible sheet in a document.",
  sheetDeleted: 'This sheet has been deleted.',
  cellOutOfRange: 'Cell reference out of range',
  invalidA1: 'Range not found',
  domainEditOutsideDomain: 'Domain edit is only available for Google Workspace domains.',
  unprotectedRangesOnRange: 'Unprotected ranges can only be set on sheet protections.',
  protectionRemoved: 'This protection has been removed.',
  metadataRemoved: 'This developer metadata has been removed.',
  namedRangeRemoved: 'This named range has been removed.',
  invalidNamedRange: (name: string) => `Invalid name: ${name}`,
  rangeNotOnSheet: 'The range must be on the same sheet.',
  missingCriteria: 'The data validation rule has no criteria set.',
  missingCondition: 'The conditional format rule has no condition set.',
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  removeOwner: "The owner's access cannot be removed: transfer ownership first.",
  sortColumnOutside: 'The column to sort by must be within the range being sorted.',
} as const;
