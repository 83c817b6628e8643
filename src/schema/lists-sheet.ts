// The Lists record type: one column per dropdown list, derived from the list declarations.
import { defineField } from './define';
import { ADMIN_ONLY } from './roles';
import type { ListRegistry, RecordType } from './types';

/** Derived rather than declared so a new list gets its column on the Lists sheet without a second edit. */
export function listsRecordType(lists: ListRegistry): RecordType {
  return {
    key: 'lists',
    sheetName: 'Lists',
    labels: { en: 'Lists', zh: '下拉列表' },
    fields: Object.values(lists).map((list) =>
      defineField({
        key: list.key,
        labels: list.labels,
        type: 'text',
        maxLength: 200,
        editableBy: ADMIN_ONLY,
        help: list.help,
      }),
    ),
  };
}
