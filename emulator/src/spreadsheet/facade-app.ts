// The SpreadsheetApp global one execution sees: entry points, local builders and enums.

import {
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  ProtectionType,
  WrapStrategy,
} from './enums';
import { createConditionalRuleBuilder } from './facade-conditional';
import { activeSheet } from './facade-spreadsheet';
import { createValidationBuilder } from './facade-validation';
import type { Facade, Session } from './session';

/**
 * getActive/getActiveSpreadsheet/getActiveSheet/flush are service calls and are charged; getUi is the
 * runtime's (it charges its own calls); the builders are local objects and cost nothing.
 */
export function createApp(s: Session, extras: { getUi: () => unknown }): Facade {
  const charge = s.meter('SpreadsheetApp');
  return s.instrument({
    getActive() {
      charge('getActive');
      return s.spreadsheet();
    },
    getActiveSpreadsheet() {
      charge('getActiveSpreadsheet');
      return s.spreadsheet();
    },
    getActiveSheet() {
      charge('getActiveSheet');
      return s.sheet(activeSheet(s.state).id);
    },
    flush() {
      charge('flush');
    },
    getUi: () => extras.getUi(),
    newDataValidation: () => createValidationBuilder(s),
    newConditionalFormatRule: () => createConditionalRuleBuilder(s),
    DataValidationCriteria,
    BooleanCriteria,
    ProtectionType,
    DeveloperMetadataVisibility,
    DeveloperMetadataLocationType,
    WrapStrategy,
    Dimension,
    toString: () => 'SpreadsheetApp',
  });
}
