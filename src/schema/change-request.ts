// The Change request record type: one row per field a customer (or staff for them) asked to change, and what staff decided.
import { l, systemField } from './define';
import { idField } from './stamps';
import type { RecordType } from './types';

export const changeRequest: RecordType = {
  key: 'changeRequest',
  sheetName: 'Change requests',
  labels: l('Change requests', '变更请求'),
  idPrefix: 'R',
  fields: [
    idField('Generated when the request arrives.', '收到请求时自动生成。'),
    systemField({
      key: 'customerId',
      labels: l('Customer ID', '客户编号'),
      type: 'id',
      refersTo: 'customer',
      help: l('The customer the change is for.', '变更所属的客户。'),
    }),
    systemField({
      key: 'field',
      labels: l('Field', '字段'),
      type: 'text',
      maxLength: 64,
      help: l('Key of the customer field to change.', '要变更的客户字段键名。'),
    }),
    systemField({
      key: 'oldValue',
      labels: l('Old value', '原值'),
      type: 'longText',
      help: l('The value held when the request arrived.', '收到请求时保存的值。'),
    }),
    systemField({
      key: 'newValue',
      labels: l('New value', '新值'),
      type: 'longText',
      help: l(
        'The value asked for, already checked like a sidebar entry.',
        '请求的新值，已按侧边栏规则校验。',
      ),
    }),
    systemField({
      key: 'receivedAt',
      labels: l('Received at', '收到时间'),
      type: 'dateTime',
      help: l('When the request arrived.', '收到请求的时间。'),
    }),
    systemField({
      key: 'source',
      labels: l('Source', '来源'),
      type: 'list',
      list: 'auditSource',
      help: l('Where the request came from.', '请求的来源。'),
    }),
    systemField({
      key: 'cycle',
      labels: l('Review cycle', '核对周期'),
      type: 'text',
      maxLength: 40,
      help: l('The review cycle of the link it came through.', '请求所用链接的核对周期。'),
    }),
    systemField({
      key: 'state',
      labels: l('State', '状态'),
      type: 'list',
      list: 'changeState',
      help: l('Pending until staff apply or reject it.', '员工采纳或拒绝前为待处理。'),
    }),
    systemField({
      key: 'decidedBy',
      labels: l('Decided by', '处理人'),
      type: 'staffEmail',
      help: l('Who applied or rejected it.', '采纳或拒绝该请求的人。'),
    }),
    systemField({
      key: 'decidedAt',
      labels: l('Decided at', '处理时间'),
      type: 'dateTime',
      help: l('When it was applied or rejected.', '采纳或拒绝的时间。'),
    }),
  ],
};
