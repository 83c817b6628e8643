// Type declarations for the register schema: localized text, roles, lists, fields and record types.

/** Every piece of text a person reads exists in English and Simplified Chinese. */
export interface Localized {
  en: string;
  zh: string;
}

export type Role = 'Admin' | 'Manager' | 'Clerk' | 'Viewer';

export interface ListItem {
  /** Stable key stored in code and logs; the sheet stores the label in the register's language. */
  key: string;
  labels: Localized;
  /** Other names accepted when typed or imported (never written): 'USA', 'Deutschland', '香港'. */
  aliases?: readonly string[];
}

export interface ListDecl {
  key: string;
  labels: Localized;
  help: Localized;
  items: readonly ListItem[];
}

/** Lists by key; passed explicitly so an admin-edited copy can replace the defaults. */
export type ListRegistry = Readonly<Record<string, ListDecl>>;

export type FieldType =
  | 'text'
  | 'longText'
  | 'email'
  | 'phone'
  | 'date'
  | 'dateTime'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'list'
  | 'id'
  | 'staffEmail';

/** `K` is the field's key as a type: a record type built with defineRecordType knows its keys. */
export interface FieldDecl<K extends string = string> {
  /** camelCase and never renamed: columns, audit rows and settings are found by it. */
  key: K;
  labels: Localized;
  type: FieldType;
  /** Key of the list a `list` field draws from. */
  list?: string;
  required: boolean;
  /** Sheets number format; '@' keeps a leading zero or '+' as typed. */
  format: string;
  editableBy: readonly Role[];
  /** Only the add-on writes this column. */
  system?: true;
  help: Localized;
  /** Column width in pixels. */
  width: number;
  min?: number;
  max?: number;
  /** For `date` fields: the earliest date accepted ('yyyy-mm-dd'). */
  notBefore?: string;
  /** For `date` fields: nothing after today (a birth date, a consent given). */
  notAfterToday?: true;
  maxLength?: number;
  /** For `id` fields that point at another record type's ID. */
  refersTo?: string;
  /** The customer may change it through their review link (as a change request staff approve). */
  customerEditable?: true;
}

/** How the Chinese-style yearly ID picks its prefix from a list field (GR for individuals, QY for companies). */
export interface IdPrefixByList {
  field: string;
  prefixes: Readonly<Record<string, string>>;
}

/** `K` is the union of its field keys (plain `string` where the fields are built at run time). */
export interface RecordType<K extends string = string> {
  key: string;
  /** Fixed English tab name; never translated so formulas and scripts keep working. */
  sheetName: string;
  labels: Localized;
  fields: readonly FieldDecl<K>[];
  idPrefix?: string;
  idPrefixByList?: IdPrefixByList;
}

/** The field keys of a record type, e.g. `FieldKey<typeof customer>`: a misspelt key does not compile. */
export type FieldKey<R> = R extends RecordType<infer K> ? K : never;

/**
 * A field or setting value as JSON carries it between sheet, domain and sidebar: dates as 'yyyy-mm-dd',
 * date-times as 'yyyy-mm-dd hh:mm', list values by item key, blank as null.
 */
export type WireValue = string | number | boolean | null;

/** A setting is a field with a default; the Settings sheet holds one row per setting. */
export interface SettingDecl extends FieldDecl {
  default: WireValue;
}
