// The Property record type: an item a customer left with the business, from receipt to return.
import { editable, l } from './define';
import { STAFF } from './roles';
import { enteredAt, enteredBy, idField, updatedAt, updatedBy } from './stamps';
import type { RecordType } from './types';

export const property: RecordType = {
  key: 'property',
  sheetName: 'Property',
  labels: l('Customer property', '客户财产'),
  idPrefix: 'P',
  fields: [
    idField('Generated when the item is registered.', '登记物品时自动生成。'),
    editable(STAFF, {
      key: 'customerId',
      labels: l('Customer ID', '客户编号'),
      type: 'id',
      refersTo: 'customer',
      required: true,
      help: l('ID of the customer who owns the item.', '物品所属客户的编号。'),
    }),
    editable(STAFF, {
      key: 'item',
      labels: l('Item', '物品名称'),
      type: 'text',
      required: true,
      maxLength: 200,
      help: l('What the item is.', '物品的名称。'),
    }),
    editable(STAFF, {
      key: 'kind',
      labels: l('Kind', '类别'),
      type: 'list',
      list: 'propertyKind',
      help: l('What sort of item it is.', '物品的类别。'),
    }),
    editable(STAFF, {
      key: 'quantity',
      labels: l('Quantity', '数量'),
      type: 'integer',
      min: 1,
      max: 1000000,
      help: l('How many pieces were received.', '接收的件数。'),
    }),
    editable(STAFF, {
      key: 'specification',
      labels: l('Specification', '规格型号'),
      type: 'text',
      maxLength: 300,
      help: l('Model, size, colour or other description.', '型号、尺寸、颜色或其他描述。'),
    }),
    editable(STAFF, {
      key: 'serial',
      labels: l('Serial or barcode', '序列号/条码'),
      type: 'text',
      maxLength: 100,
      help: l('Kept as text so leading zeros survive.', '以文本保存，保留开头的零。'),
    }),
    editable(STAFF, {
      key: 'condition',
      labels: l('Condition on receipt', '接收时状况'),
      type: 'list',
      list: 'conditionOnReceipt',
      help: l('The state the item was in when we took it.', '接收物品时的状况。'),
    }),
    editable(STAFF, {
      key: 'receivedDate',
      labels: l('Received on', '接收日期'),
      type: 'date',
      required: true,
      help: l('When we took the item.', '接收物品的日期。'),
    }),
    editable(STAFF, {
      key: 'receivedBy',
      labels: l('Received by', '接收人'),
      type: 'staffEmail',
      help: l('Email of the staff member who took the item.', '接收物品的员工邮箱。'),
    }),
    editable(STAFF, {
      key: 'location',
      labels: l('Location', '存放位置'),
      type: 'text',
      maxLength: 200,
      help: l('Where the item is kept.', '物品存放的地点。'),
    }),
    editable(STAFF, {
      key: 'state',
      labels: l('State', '状态'),
      type: 'list',
      list: 'propertyState',
      required: true,
      help: l(
        'Received, inspected, in use, damaged or returned.',
        '已接收、已检验、使用中、损坏待修或已归还。',
      ),
    }),
    editable(STAFF, {
      key: 'expectedReturn',
      labels: l('Expected return', '预计归还日期'),
      type: 'date',
      help: l('When the item is due back to the customer.', '物品应归还客户的日期。'),
    }),
    editable(STAFF, {
      key: 'returnedDate',
      labels: l('Returned on', '实际归还日期'),
      type: 'date',
      help: l('When the item actually went back.', '物品实际归还的日期。'),
    }),
    editable(STAFF, {
      key: 'returnMethod',
      labels: l('Return method', '归还方式'),
      type: 'list',
      list: 'returnMethod',
      help: l('How the item went back to the customer.', '物品归还客户的方式。'),
    }),
    editable(STAFF, {
      key: 'responsible',
      labels: l('Responsible', '责任人'),
      type: 'staffEmail',
      help: l('Email of the staff member answerable for the item.', '对物品负责的员工邮箱。'),
    }),
    editable(STAFF, {
      key: 'remarks',
      labels: l('Remarks', '备注'),
      type: 'longText',
      help: l('Anything else worth knowing about the item.', '关于物品的其他说明。'),
    }),
    enteredBy,
    enteredAt,
    updatedBy,
    updatedAt,
  ],
};
