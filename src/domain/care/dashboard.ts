// The Dashboard's summary tables, computed from the register's sheets in one pass each, labelled in the register's language.
import type { ListRegistry, Localized } from '../../schema';
import type { Lang } from '../i18n';
import type { LogEntry } from '../reminders';
import { addMonths, civilFromDayNumber, dayNumber } from '../reminders/civil-date';
import { isDayCell, itemKey, returnOverdueDays, type SheetCells, str } from './data-check';
import { purchaseMonths } from './purchase-months';
import { type AnswerTally, answerRows } from './review-answers';

export type ChartKind = 'PIE' | 'COLUMN' | 'BAR' | 'LINE';

export interface SummaryTable {
  /** Stable name: the chart drawn from the table is found again by it. */
  key: string;
  title: string;
  header: string[];
  rows: (string | number)[][];
  chart: ChartKind;
  /** Several series stacked in one column per row (interactions by kind). */
  stacked?: boolean;
}

interface DashboardEnv {
  lists: ListRegistry;
  lang: Lang;
  today: string;
  /** The currency of a purchase whose Currency cell is blank (Settings). */
  defaultCurrency: string;
}

const words = {
  byStatus: { en: 'Customers by status', zh: '按状态统计客户' },
  byTier: { en: 'Customers by tier', zh: '按等级统计客户' },
  bySource: { en: 'Customers by source', zh: '按来源统计客户' },
  byCountry: { en: 'Customers by country', zh: '按国家或地区统计客户' },
  newPerMonth: { en: 'New customers per month', zh: '每月新增客户' },
  reviewsDue: { en: 'Reviews due in the next 8 weeks', zh: '未来 8 周到期的复核' },
  cycles: { en: 'How the last review cycles were answered', zh: '最近几期复核的答复情况' },
  purchases: { en: 'Purchases and overdue amounts per month', zh: '每月购买金额与逾期金额' },
  interactions: { en: 'Interactions per month by kind', zh: '每月互动（按类型）' },
  propertyByState: { en: 'Property held by state', zh: '按状态统计所持财产' },
  customers: { en: 'Customers', zh: '客户数' },
  month: { en: 'Month', zh: '月份' },
  weekOf: { en: 'Week of', zh: '周起始日' },
  reviews: { en: 'Reviews due', zh: '到期复核' },
  dueMonth: { en: 'Review due', zh: '复核到期月份' },
  byLink: { en: 'Confirmed by link', zh: '通过链接确认' },
  byStaff: { en: 'Confirmed by staff', zh: '由员工确认' },
  corrected: { en: 'Corrected', zh: '已更正' },
  noAnswer: { en: 'No answer', zh: '未答复' },
  bought: { en: 'Purchases', zh: '购买' },
  overdueAmount: { en: 'Overdue', zh: '逾期' },
  earlier: { en: 'Earlier', zh: '更早' },
  items: { en: 'Items', zh: '件数' },
  overdue: { en: 'Returns overdue', zh: '逾期未还' },
  blank: { en: '(blank)', zh: '（空）' },
  other: { en: 'Other', zh: '其他' },
} satisfies Record<string, Localized>;

/** Longer lists (countries) show their largest groups and one "Other" row, so the chart stays readable. */
const TOP = 12;
const MONTHS = 12;
const WEEKS = 8;

type Say = (k: keyof typeof words) => string;

/** Rows counted by a list field's label in the register's language; values off the list count as typed. */
function countBy(sheet: SheetCells, field: string, list: string, env: DashboardEnv, say: Say, top = 0) {
  const decl = env.lists[list];
  const counts = new Map<string, number>();
  for (const item of decl?.items ?? []) if (!top) counts.set(item.labels[env.lang], 0);
  const column = sheet.columns[field] ?? [];
  for (let i = 0; i < sheet.count; i++) {
    const raw = str(column[i]);
    const key = raw ? itemKey(env.lists, list, raw) : '';
    const label = key
      ? (decl?.items.find((x) => x.key === key)?.labels[env.lang] ?? raw)
      : raw || say('blank');
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  let rows = [...counts].filter(([, n]) => n > 0 || !top);
  if (top && rows.length > top) {
    rows.sort((a, b) => b[1] - a[1]);
    const rest = rows.slice(top - 1).reduce((n, [, c]) => n + c, 0);
    rows = [...rows.slice(0, top - 1), [say('other'), rest]];
  }
  return rows;
}

/** The last twelve months, oldest first, as 'yyyy-mm'. */
function lastMonths(today: string): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: MONTHS }, (_, i) => (addMonths(first, i - MONTHS + 1) ?? first).slice(0, 7));
}

function monthOf(v: unknown): string {
  return isDayCell(v) ? v.day.slice(0, 7) : '';
}

export function dashboardTables(
  sheets: {
    customers: SheetCells;
    interactions: SheetCells;
    property: SheetCells;
    purchases: SheetCells;
    /** The Reminder log as it is (the current cycles), and the answers already moved to its archive. */
    log: readonly LogEntry[];
    answers: AnswerTally;
  },
  env: DashboardEnv,
): SummaryTable[] {
  const say: Say = (k) => words[k][env.lang];
  const { customers, interactions, property } = sheets;
  const months = lastMonths(env.today);
  const today = dayNumber(env.today) ?? 0;
  const live = (i: number) =>
    itemKey(env.lists, 'recordState', customers.columns.recordState?.[i]) !== 'archived';

  const newPerMonth = new Map(months.map((m) => [m, 0]));
  const due = new Array(WEEKS).fill(0);
  for (let i = 0; i < customers.count; i++) {
    const entered = monthOf(customers.columns.enteredAt?.[i]);
    if (newPerMonth.has(entered)) newPerMonth.set(entered, (newPerMonth.get(entered) ?? 0) + 1);
    if (!live(i)) continue;
    const next = customers.columns.nextReviewDue?.[i];
    const week = isDayCell(next) ? Math.floor(((dayNumber(next.day) ?? 0) - today) / 7) : -1;
    if (week >= 0 && week < WEEKS) due[week]++;
  }

  const kinds = env.lists.interactionKind?.items ?? [];
  const perMonth = new Map(months.map((m) => [m, new Array(kinds.length).fill(0)]));
  for (let i = 0; i < interactions.count; i++) {
    const row = perMonth.get(monthOf(interactions.columns.date?.[i]));
    const k = kinds.findIndex(
      (x) => x.key === itemKey(env.lists, 'interactionKind', interactions.columns.kind?.[i]),
    );
    if (row && k >= 0) row[k]++;
  }

  let overdue = 0;
  for (let i = 0; i < property.count; i++)
    if (returnOverdueDays(property, i, env.lists, env.today) !== null) overdue++;
  const held = countBy(property, 'state', 'propertyState', env, say);

  return [
    {
      key: 'status',
      title: say('byStatus'),
      header: ['', say('customers')],
      rows: countBy(customers, 'status', 'customerStatus', env, say),
      chart: 'PIE',
    },
    {
      key: 'tier',
      title: say('byTier'),
      header: ['', say('customers')],
      rows: countBy(customers, 'tier', 'customerTier', env, say),
      chart: 'PIE',
    },
    {
      key: 'source',
      title: say('bySource'),
      header: ['', say('customers')],
      rows: countBy(customers, 'source', 'customerSource', env, say),
      chart: 'BAR',
    },
    {
      key: 'country',
      title: say('byCountry'),
      header: ['', say('customers')],
      rows: countBy(customers, 'country', 'countries', env, say, TOP),
      chart: 'BAR',
    },
    {
      key: 'newPerMonth',
      title: say('newPerMonth'),
      header: [say('month'), say('customers')],
      rows: [...newPerMonth],
      chart: 'COLUMN',
    },
    {
      key: 'reviewsDue',
      title: say('reviewsDue'),
      header: [say('weekOf'), say('reviews')],
      rows: due.map((n, w) => [civilFromDayNumber(today + 7 * w), n]),
      chart: 'COLUMN',
    },
    {
      key: 'cycles',
      title: say('cycles'),
      header: [say('dueMonth'), say('byLink'), say('byStaff'), say('corrected'), say('noAnswer')],
      rows: answerRows(sheets.answers, sheets.log, env.today),
      chart: 'COLUMN',
      stacked: true,
    },
    {
      key: 'interactions',
      title: say('interactions'),
      header: [say('month'), ...kinds.map((k) => k.labels[env.lang])],
      rows: [...perMonth].map(([m, counts]) => [m, ...counts]),
      chart: 'COLUMN',
      stacked: true,
    },
    purchaseTable(sheets.purchases, months, env, say),
    {
      key: 'property',
      title: say('propertyByState'),
      header: ['', say('items')],
      rows: [...held, [say('overdue'), overdue]],
      chart: 'BAR',
    },
  ];
}

/** Amounts per month in each currency the purchases use: two columns per currency, never added across currencies. */
function purchaseTable(purchases: SheetCells, months: string[], env: DashboardEnv, say: Say): SummaryTable {
  const { currencies, rows } = purchaseMonths(purchases, months, { ...env, earlier: say('earlier') });
  return {
    key: 'purchases',
    title: say('purchases'),
    header: [
      say('month'),
      ...currencies.flatMap((c) => [`${say('bought')} ${c}`, `${say('overdueAmount')} ${c}`]),
    ],
    rows,
    chart: 'COLUMN',
  };
}
