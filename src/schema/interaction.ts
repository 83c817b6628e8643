// The Interaction record type: one contact with a customer, its kind, summary and outcome.
import { defineRecordType, editable, l } from './define';
import { STAFF } from './roles';
import { enteredAt, enteredBy, idField, updatedAt, updatedBy } from './stamps';

export const interaction = defineRecordType({
  key: 'interaction',
  sheetName: 'Interactions',
  labels: l('Interactions', '互动记录'),
  idPrefix: 'I',
  fields: [
    idField('Generated when the interaction is saved.', '保存互动记录时自动生成。'),
    editable(STAFF, {
      key: 'date',
      labels: l('Date', '日期'),
      type: 'date',
      required: true,
      help: l('When the contact took place.', '联系发生的日期。'),
    }),
    editable(STAFF, {
      key: 'customerId',
      labels: l('Customer ID', '客户编号'),
      type: 'id',
      refersTo: 'customer',
      required: true,
      help: l('ID of the customer from the Customers sheet.', '客户表中的客户编号。'),
    }),
    editable(STAFF, {
      key: 'kind',
      labels: l('Kind', '类型'),
      type: 'list',
      list: 'interactionKind',
      required: true,
      help: l('Consultation, complaint, suggestion or follow-up visit.', '咨询、投诉、建议或回访。'),
    }),
    editable(STAFF, {
      key: 'summary',
      labels: l('Summary', '内容摘要'),
      type: 'longText',
      required: true,
      help: l('What was discussed or asked for.', '沟通内容或客户诉求。'),
    }),
    editable(STAFF, {
      key: 'staff',
      labels: l('Staff', '经办人'),
      type: 'staffEmail',
      help: l('Email of the staff member who handled it.', '经办员工的邮箱。'),
    }),
    editable(STAFF, {
      key: 'nextFollowUp',
      labels: l('Next follow-up', '下次跟进日期'),
      type: 'date',
      help: l('When to contact the customer again.', '下次联系客户的日期。'),
    }),
    editable(STAFF, {
      key: 'outcome',
      labels: l('Outcome', '处理结果'),
      type: 'list',
      list: 'interactionOutcome',
      help: l('How the interaction ended.', '互动的处理结果。'),
    }),
    enteredBy,
    enteredAt,
    updatedBy,
    updatedAt,
  ],
});
