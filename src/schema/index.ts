// The schema's public face: its version, the registry of record types, and re-exports of lists, roles and types.
import { audit } from './audit';
import { changeRequest } from './change-request';
import { customer } from './customer';
import { interaction } from './interaction';
import { defaultLists } from './lists';
import { listsRecordType } from './lists-sheet';
import { property } from './property';
import { purchase } from './purchase';
import { reminderLog } from './reminder-log';
import { settingsSheet } from './settings';
import { team } from './team';
import type { RecordType } from './types';

export { SCHEMA_VERSION } from './version';

export const recordTypes = {
  customer,
  interaction,
  property,
  changeRequest,
  purchase,
  team,
  settings: settingsSheet,
  lists: listsRecordType(defaultLists),
  audit,
  reminderLog,
} as const satisfies Readonly<Record<string, RecordType>>;

export type { FieldInput } from './define';
export { DEFAULT_FORMAT, DEFAULT_WIDTH, defineField, editable, systemField } from './define';
export { defaultLists } from './lists';
export { listsRecordType } from './lists-sheet';
export { ADMIN_ONLY, isRole, MANAGERS, NOBODY, ROLES, roleHelp, roleLabels, STAFF } from './roles';
export type { Settings } from './settings';
export { defaultSettings, settingDecls, settingsValues } from './settings';
export type {
  FieldDecl,
  FieldKey,
  FieldType,
  IdPrefixByList,
  ListDecl,
  ListItem,
  ListRegistry,
  Localized,
  RecordType,
  Role,
  SettingDecl,
  WireValue,
} from './types';
export { audit, changeRequest, customer, interaction, property, purchase, reminderLog, settingsSheet, team };
