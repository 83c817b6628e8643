// The credit figures the daily run derives from Purchases into add-on columns of Customers, so people can sort and filter them.
import { l, systemField } from './define';

export const creditFields = [
  systemField({
    key: 'purchaseCount',
    labels: l('Purchases', '购买次数'),
    type: 'integer',
    help: l('Number of purchases; computed daily from Purchases.', '购买次数；每天根据购买记录计算。'),
  }),
  systemField({
    key: 'purchaseTotal',
    labels: l('Purchases total', '购买总额'),
    type: 'number',
    help: l(
      'Total of purchases in the default currency; computed daily.',
      '以默认币种计的购买总额；每天计算。',
    ),
  }),
  systemField({
    key: 'lastPurchase',
    labels: l('Last purchase', '最近购买'),
    type: 'date',
    help: l('Date of the latest purchase; computed daily.', '最近一次购买的日期；每天计算。'),
  }),
  systemField({
    key: 'onTimeRate',
    labels: l('On-time payment rate', '按时付款率'),
    type: 'number',
    format: '0%',
    help: l(
      'Share of purchases due so far that were paid by their due date; computed daily.',
      '已到期的购买中按时付款的比例；每天计算。',
    ),
  }),
  systemField({
    key: 'overdueAmount',
    labels: l('Overdue now', '当前逾期金额'),
    type: 'number',
    help: l(
      'Unpaid past their due date, in the default currency; computed daily.',
      '已过应付日期仍未付的金额（默认币种）；每天计算。',
    ),
  }),
  systemField({
    key: 'daysPastDue',
    labels: l('Days past due', '逾期天数'),
    type: 'integer',
    help: l(
      'Days since the oldest unpaid due date; computed daily.',
      '最早一笔未付款项逾期的天数；每天计算。',
    ),
  }),
  systemField({
    key: 'overdueEpisodes',
    labels: l('Overdue episodes', '逾期次数'),
    type: 'integer',
    help: l(
      'Purchases ever paid late or left unpaid past due; computed daily.',
      '曾逾期付款或逾期未付的购买次数；每天计算。',
    ),
  }),
  systemField({
    key: 'overdueDerived',
    labels: l('Overdue (from purchases)', '逾期（按购买记录）'),
    type: 'boolean',
    help: l(
      'What the purchases say; when the Overdue tick differs, a manager overrode it and it is kept.',
      '购买记录推算的结果；与“逾期”勾选不同时，表示经理已手动改过，保留经理的选择。',
    ),
  }),
] as const;
