// Turns the domain's validation descriptors into Sheets API data-validation requests, each carrying its field's help.
import type { ValidationDescriptor } from '../domain/columns';
import { belowHeader } from './sheet-requests';
import type { SheetsRequest } from './sheets-api';

type Rule = GoogleAppsScript.Sheets.Schema.DataValidationRule;

/**
 * The rule of one column: `listSource` is the A1 reference (with its sheet) a dropdown draws from. The help
 * text is the rule's input message, what Sheets shows beside a cell being typed in (SpreadsheetApp's
 * getHelpText reads it back).
 */
function rule(d: ValidationDescriptor, help: string, listSource: (list: string) => string): Rule {
  const base = { inputMessage: help };
  const value = (v: string | number) => ({ userEnteredValue: String(v) });
  switch (d.kind) {
    case 'list':
      return {
        ...base,
        condition: { type: 'ONE_OF_RANGE', values: [value(`=${listSource(d.list)}`)] },
        strict: true,
        showCustomUi: true,
      };
    case 'checkbox':
      return { ...base, condition: { type: 'BOOLEAN' }, strict: true };
    case 'date':
      return { ...base, condition: { type: 'DATE_IS_VALID' }, strict: true };
    // Sheets' email check is looser than ours and a warning is enough: the server validates again.
    case 'email':
      return { ...base, condition: { type: 'TEXT_IS_EMAIL' }, strict: false };
    case 'number':
      return {
        ...base,
        condition: { type: 'NUMBER_BETWEEN', values: [value(d.min ?? -1e15), value(d.max ?? 1e15)] },
        strict: true,
      };
  }
}

/** The rule over a whole column below its header. */
export function validationRequest(
  sheetId: number,
  column: number,
  d: ValidationDescriptor,
  help: string,
  listSource: (list: string) => string,
): SheetsRequest {
  return { setDataValidation: { range: belowHeader(sheetId, column, 1), rule: rule(d, help, listSource) } };
}
