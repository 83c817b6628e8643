// System columns shared by several record types: the generated ID and who entered or changed a row and when.
import { l, systemField } from './define';
import type { FieldDecl } from './types';

export function idField(help: string, helpZh: string): FieldDecl<'id'> {
  return systemField({ key: 'id', labels: l('ID', '编号'), type: 'id', help: l(help, helpZh) });
}

export const enteredBy = systemField({
  key: 'enteredBy',
  labels: l('Entered by', '录入人'),
  type: 'staffEmail',
  help: l('Who created the record.', '创建该记录的人。'),
});

export const enteredAt = systemField({
  key: 'enteredAt',
  labels: l('Entered at', '录入时间'),
  type: 'dateTime',
  help: l('When the record was created.', '记录创建的时间。'),
});

export const updatedBy = systemField({
  key: 'updatedBy',
  labels: l('Updated by', '最后修改人'),
  type: 'staffEmail',
  help: l('Who last changed the record.', '最后修改该记录的人。'),
});

export const updatedAt = systemField({
  key: 'updatedAt',
  labels: l('Updated at', '最后修改时间'),
  type: 'dateTime',
  help: l('When the record was last changed.', '记录最后修改的时间。'),
});
