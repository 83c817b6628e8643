// The Audit record type: one row per changed field, written only by the add-on.
import { defineRecordType, l, systemField } from './define';

export const audit = defineRecordType({
  key: 'audit',
  sheetName: 'Audit',
  labels: l('Audit', '审计日志'),
  fields: [
    systemField({
      key: 'time',
      labels: l('Time', '时间'),
      type: 'dateTime',
      help: l('When it happened.', '发生时间。'),
    }),
    systemField({
      key: 'user',
      labels: l('User', '用户'),
      type: 'staffEmail',
      help: l('Who made the change.', '执行变更的人。'),
    }),
    systemField({
      key: 'action',
      labels: l('Action', '操作'),
      type: 'list',
      list: 'auditAction',
      help: l('What was done.', '执行的操作。'),
    }),
    systemField({
      key: 'record',
      labels: l('Record', '记录编号'),
      type: 'id',
      help: l('ID of the record that changed.', '被修改记录的编号。'),
    }),
    systemField({
      key: 'field',
      labels: l('Field', '字段'),
      type: 'text',
      maxLength: 100,
      help: l('Stable key of the field that changed.', '被修改字段的固定键名。'),
    }),
    systemField({
      key: 'oldValue',
      labels: l('Old value', '原值'),
      type: 'longText',
      help: l('Value before the change.', '修改前的值。'),
    }),
    systemField({
      key: 'newValue',
      labels: l('New value', '新值'),
      type: 'longText',
      help: l('Value after the change.', '修改后的值。'),
    }),
    systemField({
      key: 'source',
      labels: l('Source', '来源'),
      type: 'list',
      list: 'auditSource',
      help: l('Where the change came from.', '变更的来源。'),
    }),
  ],
});
