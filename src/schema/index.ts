// The schema's public face: its version, the registry of record types, and re-exports of lists, roles and types.
import { audit } from './audit';
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
  purchase,
  team,
  settings: settingsSheet,
  lists: listsRecordType(defaultLists),
  audit,
  reminderLog,
} as const satisfies Readonly<Record<string, RecordType>>;

export type RecordTypeKey = keyof typeof recordTypes;
export type RecordTypeRegistry = Readonly<Record<string, RecordType>>;

export const recordTypeKeys = Object.keys(recordTypes) as RecordTypeKey[];

export function findField(recordType: RecordType, key: string) {
  return recordType.fields.find((f) => f.key === key);
}

export type { FieldInput } from './define';
export { DEFAULT_FORMAT, DEFAULT_WIDTH, defineField, editable, systemField } from './define';
export { defaultLists } from './lists';
export { listsRecordType } from './lists-sheet';
export { ADMIN_ONLY, isRole, MANAGERS, NOBODY, ROLES, roleHelp, roleLabels, STAFF } from './roles';
export type { Settings } from './settings';
export { defaultSettings, settingDecls, settingsValues } from './settings';
export type {
  FieldDecl,
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
export { audit, customer, interaction, property, purchase, reminderLog, settingsSheet, team };
