// The dropdown lists purchases draw from: currency (ISO 4217), product or service, place or channel, payment method and state.
import { CURRENCIES } from './currencies';
import type { ListDecl, ListItem, Localized } from './types';

type ItemRow = readonly [key: string, en: string, zh: string];

function list(key: string, labels: Localized, help: Localized, rows: readonly ItemRow[]): ListDecl {
  return { key, labels, help, items: rows.map(([k, en, zh]): ListItem => ({ key: k, labels: { en, zh } })) };
}

// The code leads the label so a cell still reads as the currency whatever the register's language.
export const currency = list(
  'currency',
  { en: 'Currency', zh: '币种' },
  { en: 'ISO 4217 currency of the amount.', zh: '金额的币种（ISO 4217）。' },
  CURRENCIES.map(([code, en, zh]): ItemRow => [code, `${code} · ${en}`, `${code} · ${zh}`]),
);

export const purchaseProduct = list(
  'purchaseProduct',
  { en: 'Product or service', zh: '产品或服务' },
  { en: 'What the customer bought.', zh: '客户购买的产品或服务类型。' },
  [
    ['product', 'Product', '产品'],
    ['service', 'Service', '服务'],
    ['repair', 'Repair', '维修'],
    ['subscription', 'Subscription', '订阅'],
    ['consulting', 'Consulting', '咨询服务'],
    ['other', 'Other', '其他'],
  ],
);

export const purchaseChannel = list(
  'purchaseChannel',
  { en: 'Place or channel', zh: '购买地点或渠道' },
  { en: 'Where or how the purchase was made.', zh: '购买的地点或渠道。' },
  [
    ['store', 'In store', '门店'],
    ['online', 'Online', '网上'],
    ['phone', 'By phone', '电话'],
    ['onSite', 'At the customer', '上门'],
    ['partner', 'Through a partner', '合作伙伴'],
  ],
);

export const paymentMethod = list(
  'paymentMethod',
  { en: 'Payment method', zh: '付款方式' },
  { en: 'How the customer pays.', zh: '客户的付款方式。' },
  [
    ['cash', 'Cash', '现金'],
    ['card', 'Bank card', '银行卡'],
    ['transfer', 'Bank transfer', '银行转账'],
    ['wechatPay', 'WeChat Pay', '微信支付'],
    ['alipay', 'Alipay', '支付宝'],
    ['invoice', 'On invoice', '挂账/发票'],
  ],
);

export const paymentState = list(
  'paymentState',
  { en: 'Payment state', zh: '付款状态' },
  {
    en: 'Paid, due, overdue or written off; all but written off follow from the dates.',
    zh: '已付、待付、逾期或已核销；除已核销外均由日期推算。',
  },
  [
    ['paid', 'Paid', '已付'],
    ['due', 'Due', '待付'],
    ['overdue', 'Overdue', '逾期'],
    ['writtenOff', 'Written off', '已核销'],
  ],
);

export const purchaseLists: readonly ListDecl[] = [
  currency,
  purchaseProduct,
  purchaseChannel,
  paymentMethod,
  paymentState,
];
