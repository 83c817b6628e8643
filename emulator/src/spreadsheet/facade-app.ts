// The SpreadsheetApp global one execution sees: entry points, local builders and enums.

import { messages } from '../behaviour';
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
  // A bound script run as a web app has no container: the "active" methods give null there
  // (developers.google.com/apps-script/guides/bound, "Special methods"); openById still reaches the file.
  const contained = s.ctx.kind !== 'web-app';
  return s.instrument({
    getActive() {
      charge('getActive');
      return contained ? s.spreadsheet() : null;
    },
    getActiveSpreadsheet() {
      charge('getActiveSpreadsheet');
      return contained ? s.spreadsheet() : null;
    },
    getActiveSheet() {
      charge('getActiveSheet');
      return contained ? s.sheet(activeSheet(s.state).id) : null;
    },
    openById(id: unknown) {
      charge('openById');
      if (String(id) !== s.state.id) throw new Error(messages.openByIdUnknown);
      return s.spreadsheet();
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
