// Helpers that complete a field declaration with the format and width its type implies, and keep record types' keys as types.
import { NOBODY } from './roles';
import type { FieldDecl, FieldType, Localized, RecordType, Role } from './types';

/** Number formats by type: every text-like column is '@' so Sheets never turns '+86…' or '007' into a number. */
export const DEFAULT_FORMAT: Readonly<Record<FieldType, string>> = {
  text: '@',
  longText: '@',
  email: '@',
  phone: '@',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm',
  number: '#,##0.##',
  integer: '0',
  boolean: 'General',
  list: '@',
  id: '@',
  staffEmail: '@',
};

export const DEFAULT_WIDTH: Readonly<Record<FieldType, number>> = {
  text: 160,
  longText: 280,
  email: 200,
  phone: 150,
  date: 100,
  dateTime: 140,
  number: 90,
  integer: 80,
  boolean: 70,
  list: 130,
  id: 120,
  staffEmail: 200,
};

/** What a declaration must say; everything else has a default derived from the type. */
export type FieldInput<K extends string = string> = Omit<FieldDecl, 'key' | 'format' | 'width' | 'required'> &
  Partial<Pick<FieldDecl, 'format' | 'width' | 'required'>> & { key: K };

export function defineField<const K extends string>(input: FieldInput<K>): FieldDecl<K> {
  return {
    ...input,
    required: input.required ?? false,
    format: input.format ?? DEFAULT_FORMAT[input.type],
    width: input.width ?? DEFAULT_WIDTH[input.type],
  };
}

type SystemInput<K extends string> = Omit<FieldInput, 'key' | 'editableBy' | 'system'> & { key: K };

/** A column only the add-on writes: nobody may edit it, whatever their role. */
export function systemField<const K extends string>(input: SystemInput<K>): FieldDecl<K> {
  return defineField({ ...input, editableBy: NOBODY, system: true });
}

export function editable<const K extends string>(
  roles: readonly Role[],
  input: Omit<FieldInput, 'key' | 'editableBy'> & { key: K },
): FieldDecl<K> {
  return defineField({ ...input, editableBy: roles });
}

/**
 * A record type whose field keys are a type: `FieldKey<typeof customer>` is `'id' | 'name' | …`, so a key
 * list read from its sheet (a search's columns, the reminder run's) is checked when it compiles.
 */
export function defineRecordType<const F extends readonly FieldDecl[]>(
  rt: Omit<RecordType, 'fields'> & { fields: F },
): RecordType<F[number]['key']> {
  return rt;
}

export function l(en: string, zh: string): Localized {
  return { en, zh };
}
