// Turns the domain's validation descriptors into Sheets data-validation rules.
import type { ValidationDescriptor } from '../domain/columns';

type Range = GoogleAppsScript.Spreadsheet.Range;

export function buildValidation(d: ValidationDescriptor, help: string, listRange: (list: string) => Range) {
  const b = SpreadsheetApp.newDataValidation().setHelpText(help);
  switch (d.kind) {
    case 'list':
      return b.requireValueInRange(listRange(d.list), true).setAllowInvalid(false).build();
    case 'checkbox':
      return b.requireCheckbox().setAllowInvalid(false).build();
    case 'date':
      return b.requireDate().setAllowInvalid(false).build();
    // Sheets' email check is looser than ours and a warning is enough: the server validates again.
    case 'email':
      return b.requireTextIsEmail().setAllowInvalid(true).build();
    case 'number': {
      const min = d.min ?? -1e15;
      const max = d.max ?? 1e15;
      return b.requireNumberBetween(min, max).setAllowInvalid(false).build();
    }
  }
}
