// The Purchase record type: one sale to a customer, its amount and currency, and when it was due and paid.
import { editable, l, systemField } from './define';
import { STAFF } from './roles';
import { enteredAt, enteredBy, idField, updatedAt, updatedBy } from './stamps';
import type { RecordType } from './types';

export const purchase: RecordType = {
  key: 'purchase',
  sheetName: 'Purchases',
  labels: l('Purchases', '购买记录'),
  idPrefix: 'S',
  fields: [
    idField('Generated when the purchase is saved.', '保存购买记录时自动生成。'),
    editable(STAFF, {
      key: 'date',
      labels: l('Date', '购买日期'),
      type: 'date',
      required: true,
      help: l('When the customer bought it.', '客户购买的日期。'),
    }),
    editable(STAFF, {
      key: 'customerId',
      labels: l('Customer', '客户'),
      type: 'id',
      refersTo: 'customer',
      required: true,
      help: l(
        'The customer who bought it: type part of a name, company, phone or ID.',
        '购买的客户：输入姓名、公司、电话或编号的一部分。',
      ),
    }),
    editable(STAFF, {
      key: 'amount',
      labels: l('Amount', '金额'),
      type: 'number',
      required: true,
      min: 0,
      max: 1000000000,
      help: l('What the customer owes for it, in the currency beside it.', '应付金额，币种见旁列。'),
    }),
    editable(STAFF, {
      key: 'currency',
      labels: l('Currency', '币种'),
      type: 'list',
      list: 'currency',
      help: l('Blank means the default currency in Settings.', '留空则使用“设置”中的默认币种。'),
    }),
    editable(STAFF, {
      key: 'productType',
      labels: l('Product or service', '产品或服务'),
      type: 'list',
      list: 'purchaseProduct',
      help: l('What the customer bought.', '客户购买的产品或服务类型。'),
    }),
    editable(STAFF, {
      key: 'channel',
      labels: l('Place or channel', '地点或渠道'),
      type: 'list',
      list: 'purchaseChannel',
      help: l('Where or how the purchase was made.', '购买的地点或渠道。'),
    }),
    editable(STAFF, {
      key: 'paymentMethod',
      labels: l('Payment method', '付款方式'),
      type: 'list',
      list: 'paymentMethod',
      help: l('How the customer pays.', '客户的付款方式。'),
    }),
    editable(STAFF, {
      key: 'invoiceNo',
      labels: l('Invoice or order no.', '发票或订单号'),
      type: 'text',
      maxLength: 100,
      help: l('Kept as text so leading zeros survive.', '以文本保存，保留开头的零。'),
    }),
    editable(STAFF, {
      key: 'dueDate',
      labels: l('Due date', '应付日期'),
      type: 'date',
      help: l('When payment is due; blank means on the purchase date.', '应付款日期；留空表示购买当日。'),
    }),
    editable(STAFF, {
      key: 'paidDate',
      labels: l('Paid on', '付款日期'),
      type: 'date',
      help: l('When the customer paid in full.', '客户付清款项的日期。'),
    }),
    // Derived from the dates on every save and by the daily run; writing off is a manager's action of its own.
    systemField({
      key: 'paymentState',
      labels: l('Payment state', '付款状态'),
      type: 'list',
      list: 'paymentState',
      help: l(
        'Follows from the dates; a manager may write a purchase off.',
        '由日期自动推算；经理可将其核销。',
      ),
    }),
    editable(STAFF, {
      key: 'notes',
      labels: l('Notes', '备注'),
      type: 'longText',
      help: l('Anything else worth knowing about the purchase.', '关于此次购买的其他说明。'),
    }),
    enteredBy,
    enteredAt,
    updatedBy,
    updatedAt,
  ],
};
