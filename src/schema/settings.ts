// The settings an admin may change, with their types and defaults, and the Settings sheet that stores them.

import type { FieldInput } from './define';
import { defineField, defineRecordType, editable, l, systemField } from './define';
import { ADMIN_ONLY } from './roles';
import type { RecordType, SettingDecl, WireValue } from './types';

function setting(input: Omit<FieldInput, 'editableBy'> & { default: WireValue }): SettingDecl {
  return { ...defineField({ ...input, editableBy: ADMIN_ONLY }), default: input.default };
}

function reviewMonths(key: string, en: string, zh: string, months: number | null): SettingDecl {
  return setting({
    key,
    labels: l(`Review every (months): ${en}`, `复核周期（月）：${zh}`),
    type: 'integer',
    min: 1,
    max: 120,
    default: months,
    help: l(
      `Months between data reviews for ${en} customers; blank means never.`,
      `${zh}客户的信息核对间隔月数；留空表示不核对。`,
    ),
  });
}

const PLACEHOLDERS = '{{name}}, {{id}}, {{details}}, {{senderName}}, {{replyTo}}';

export const settingDecls: readonly SettingDecl[] = [
  setting({
    key: 'language',
    labels: l('Language', '语言'),
    type: 'list',
    list: 'language',
    required: true,
    default: 'en',
    help: l(
      'Language of headers, stored list labels and customer emails.',
      '表头、下拉选项和客户邮件所用的语言。',
    ),
  }),
  setting({
    key: 'defaultPhoneRegion',
    labels: l('Default phone region', '默认电话区号'),
    type: 'list',
    list: 'countries',
    required: true,
    default: 'CN',
    help: l(
      'Country assumed for phone numbers typed without a +country code.',
      '未输入国际区号（+）的电话号码默认所属国家或地区。',
    ),
  }),
  // VIP is a tier and takes precedence; the others are statuses.
  reviewMonths('reviewMonthsVip', 'VIP', 'VIP', 1),
  reviewMonths('reviewMonthsActive', 'active', '活跃', 3),
  reviewMonths('reviewMonthsInactive', 'inactive', '不活跃', 6),
  reviewMonths('reviewMonthsDormant', 'dormant', '休眠', 12),
  reviewMonths('reviewMonthsProspect', 'prospect', '潜在', null),
  reviewMonths('reviewMonthsLost', 'lost', '已流失', null),
  setting({
    key: 'reminderHour',
    labels: l('Reminder hour', '提醒时间（时）'),
    type: 'integer',
    min: 0,
    max: 23,
    required: true,
    default: 9,
    help: l(
      'Hour of the day, in the spreadsheet time zone, when reminders go out.',
      '每天发送提醒的整点（按表格时区）。',
    ),
  }),
  setting({
    key: 'senderName',
    labels: l('Sender name', '发件人名称'),
    type: 'text',
    maxLength: 100,
    default: 'Customer Register',
    help: l('Name customers see on reminder emails.', '客户在提醒邮件中看到的发件人名称。'),
  }),
  setting({
    key: 'senderNameZh',
    labels: l('Sender name (Chinese)', '发件人名称（中文）'),
    type: 'text',
    maxLength: 100,
    default: null,
    help: l(
      'Name customers who read Chinese see on their emails; blank means the sender name above.',
      '使用中文的客户在邮件中看到的发件人名称；留空则使用上面的发件人名称。',
    ),
  }),
  setting({
    key: 'webAppUrl',
    labels: l('Customer page address', '客户页面地址'),
    type: 'text',
    maxLength: 300,
    default: null,
    help: l(
      'The /exec address of the web app deployment; review emails carry links to it. Blank: emails ask for a reply.',
      'Web 应用部署的 /exec 地址；核对邮件中的链接指向此处。留空则邮件请客户回复。',
    ),
  }),
  setting({
    key: 'linkExpiryDays',
    labels: l('Customer links valid (days)', '客户链接有效期（天）'),
    type: 'integer',
    min: 1,
    max: 365,
    required: true,
    default: 30,
    help: l('Days a review email’s links keep working.', '核对邮件中链接的有效天数。'),
  }),
  setting({
    key: 'replyTo',
    labels: l('Reply-to address', '回复地址'),
    type: 'email',
    default: null,
    help: l(
      'Where customers’ replies go; blank means the sender.',
      '客户回复邮件的地址；留空则回复给发件人。',
    ),
  }),
  setting({
    key: 'quotaReserve',
    labels: l('Mail quota reserve', '邮件配额保留量'),
    type: 'integer',
    min: 0,
    max: 1500,
    required: true,
    default: 10,
    help: l(
      'Emails left unused each day so people can still send mail from the account.',
      '每天保留不用的邮件配额，以便账号仍可发送其他邮件。',
    ),
  }),
  setting({
    key: 'propertyReturnWarningDays',
    labels: l('Property return warning (days)', '财产归还提前提醒（天）'),
    type: 'integer',
    min: 0,
    max: 365,
    required: true,
    default: 7,
    help: l(
      'Days before the expected return date to warn the responsible person.',
      '在预计归还日期前多少天提醒责任人。',
    ),
  }),
  setting({
    key: 'backupEveryDays',
    labels: l('Back up every (days)', '备份间隔（天）'),
    type: 'integer',
    min: 1,
    max: 365,
    default: 7,
    help: l(
      'Days between snapshots of the register in the reminders admin’s Google Drive; blank means no scheduled backup.',
      '登记簿快照保存到负责提醒的管理员的 Google 云端硬盘的间隔天数；留空表示不定时备份。',
    ),
  }),
  setting({
    key: 'backupsKept',
    labels: l('Backups kept', '保留备份数'),
    type: 'integer',
    min: 1,
    // The list of snapshots lives in one document property (9 KB): thirty entries fit with room to spare.
    max: 30,
    required: true,
    default: 8,
    help: l(
      'How many snapshots to keep; older ones are moved to the Drive trash.',
      '保留的快照数量；更早的快照会移到云端硬盘回收站。',
    ),
  }),
  setting({
    key: 'idStyle',
    labels: l('ID format', '编号格式'),
    type: 'list',
    list: 'idStyle',
    required: true,
    default: 'plain',
    help: l(
      'Plain (C-000123) or Chinese style: GR/QY + year + serial (QY2026000123).',
      '简单格式（C-000123）或中式格式：GR/QY + 年份 + 序号（QY2026000123）。',
    ),
  }),
  setting({
    key: 'reminderSubjectEn',
    labels: l('Reminder subject (English)', '提醒邮件主题（英文）'),
    type: 'text',
    maxLength: 200,
    required: true,
    default: 'Please check the details we hold for you',
    help: l(`Placeholders: ${PLACEHOLDERS}.`, `可用占位符：${PLACEHOLDERS}。`),
  }),
  setting({
    key: 'reminderBodyEn',
    labels: l('Reminder body (English)', '提醒邮件正文（英文）'),
    type: 'longText',
    required: true,
    default:
      'Dear {{name}},\n\nThese are the details we hold for you (reference {{id}}):\n\n{{details}}\n\n' +
      'Please reply to confirm they are correct, or tell us what has changed.\n\n{{senderName}}',
    help: l(`Placeholders: ${PLACEHOLDERS}.`, `可用占位符：${PLACEHOLDERS}。`),
  }),
  setting({
    key: 'reminderSubjectZh',
    labels: l('Reminder subject (Chinese)', '提醒邮件主题（中文）'),
    type: 'text',
    maxLength: 200,
    required: true,
    default: '请核对我们保存的您的信息',
    help: l(`Placeholders: ${PLACEHOLDERS}.`, `可用占位符：${PLACEHOLDERS}。`),
  }),
  setting({
    key: 'reminderBodyZh',
    labels: l('Reminder body (Chinese)', '提醒邮件正文（中文）'),
    type: 'longText',
    required: true,
    default:
      '{{name}}，您好：\n\n以下是我们保存的您的信息（编号 {{id}}）：\n\n{{details}}\n\n' +
      '如信息无误，请回复确认；如有变更，请告知我们。\n\n{{senderName}}',
    help: l(`Placeholders: ${PLACEHOLDERS}.`, `可用占位符：${PLACEHOLDERS}。`),
  }),
  setting({
    key: 'defaultCurrency',
    labels: l('Default currency', '默认币种'),
    type: 'list',
    list: 'currency',
    required: true,
    default: 'CNY',
    help: l(
      'Currency of a purchase saved without one, and of the credit totals on Customers.',
      '未填币种的购买记录所用币种，也是“客户”表信用合计的币种。',
    ),
  }),
  setting({
    key: 'receiptTermsEn',
    labels: l('Property receipt terms (English)', '财产收据条款（英文）'),
    type: 'longText',
    default:
      'We hold the item above for you and return it on presentation of this receipt. ' +
      'Please collect it by the expected return date.',
    help: l('Printed on property receipts in English.', '打印在英文财产收据上。'),
  }),
  setting({
    key: 'receiptTermsZh',
    labels: l('Property receipt terms (Chinese)', '财产收据条款（中文）'),
    type: 'longText',
    default: '本店代为保管上述物品，凭本收据领取。请于预计归还日期前领取。',
    help: l('Printed on property receipts in Chinese.', '打印在中文财产收据上。'),
  }),
];

/** The settings as one record, so the same validation that checks a customer checks a settings change. */
export const settingsValues: RecordType = {
  key: 'settingsValues',
  sheetName: 'Settings',
  labels: l('Settings', '设置'),
  fields: settingDecls,
};

export type Settings = Record<string, WireValue>;

export function defaultSettings(): Settings {
  const out: Settings = {};
  for (const decl of settingDecls) out[decl.key] = decl.default;
  return out;
}

/** The Settings sheet: one row per setting; rows are found by key, never by position. */
export const settingsSheet = defineRecordType({
  key: 'settings',
  sheetName: 'Settings',
  labels: l('Settings', '设置'),
  fields: [
    systemField({
      key: 'key',
      labels: l('Key', '键名'),
      type: 'text',
      maxLength: 100,
      help: l('Stable name of the setting; do not change.', '设置的固定名称，请勿修改。'),
    }),
    systemField({
      key: 'label',
      labels: l('Setting', '设置项'),
      type: 'text',
      maxLength: 200,
      width: 240,
      help: l('What the setting is, in the register language.', '设置项说明（按登记簿语言）。'),
    }),
    editable(ADMIN_ONLY, {
      key: 'value',
      labels: l('Value', '值'),
      type: 'longText',
      width: 320,
      help: l('The value; checked when the add-on reads it.', '设置值；插件读取时会校验。'),
    }),
    systemField({
      key: 'help',
      labels: l('Help', '说明'),
      type: 'longText',
      width: 360,
      help: l('What the setting does.', '设置项的作用。'),
    }),
  ],
});
