// The default dropdown lists: stable item keys with English and Chinese labels.
import { COUNTRY_ROWS } from './countries';
import { purchaseLists } from './purchase-lists';
import { ROLES, roleLabels } from './roles';
import type { ListDecl, ListItem, ListRegistry, Localized } from './types';

type ItemRow = readonly [key: string, en: string, zh: string];

function list(key: string, labels: Localized, help: Localized, rows: readonly ItemRow[]): ListDecl {
  return { key, labels, help, items: rows.map(([k, en, zh]): ListItem => ({ key: k, labels: { en, zh } })) };
}

export const customerType = list(
  'customerType',
  { en: 'Customer type', zh: '客户类型' },
  { en: 'Whether the customer is a person or a company.', zh: '客户是个人还是企业。' },
  [
    ['individual', 'Individual', '个人'],
    ['company', 'Company', '企业'],
  ],
);

export const customerStatus = list(
  'customerStatus',
  { en: 'Status', zh: '状态' },
  { en: 'Where the relationship stands; drives the review cadence.', zh: '客户关系所处阶段，决定复核周期。' },
  [
    ['prospect', 'Prospect', '潜在客户'],
    ['active', 'Active', '活跃'],
    ['inactive', 'Inactive', '不活跃'],
    ['dormant', 'Dormant', '休眠'],
    ['lost', 'Lost', '已流失'],
  ],
);

export const customerTier = list(
  'customerTier',
  { en: 'Tier', zh: '客户等级' },
  {
    en: 'How important the customer is; VIPs are reviewed most often.',
    zh: '客户重要程度；VIP 客户复核最频繁。',
  },
  [
    ['vip', 'VIP', 'VIP'],
    ['key', 'Key', '重点'],
    ['regular', 'Regular', '普通'],
  ],
);

export const customerSource = list(
  'customerSource',
  { en: 'Source', zh: '客户来源' },
  { en: 'How the customer first came to us.', zh: '客户最初的来源渠道。' },
  [
    ['referral', 'Referral', '转介绍'],
    ['website', 'Website', '网站'],
    ['walkIn', 'Walk-in', '到店'],
    ['phone', 'Phone', '电话'],
    ['event', 'Event', '活动'],
    ['socialMedia', 'Social media', '社交媒体'],
    ['advertising', 'Advertising', '广告'],
    ['other', 'Other', '其他'],
  ],
);

export const contactChannel = list(
  'contactChannel',
  { en: 'Preferred channel', zh: '首选联系方式' },
  { en: 'How the customer prefers to be contacted.', zh: '客户希望的联系方式。' },
  [
    ['email', 'Email', '电子邮件'],
    ['phone', 'Phone', '电话'],
    ['sms', 'SMS', '短信'],
    ['wechat', 'WeChat', '微信'],
    ['mail', 'Mail', '邮寄'],
  ],
);

export const creditRating = list(
  'creditRating',
  { en: 'Credit rating', zh: '信用等级' },
  { en: 'A is the best, D the worst.', zh: 'A 为最好，D 为最差。' },
  [
    ['a', 'A', 'A'],
    ['b', 'B', 'B'],
    ['c', 'C', 'C'],
    ['d', 'D', 'D'],
  ],
);

export const gender = list(
  'gender',
  { en: 'Gender', zh: '性别' },
  { en: 'As the customer states it.', zh: '以客户本人陈述为准。' },
  [
    ['female', 'Female', '女'],
    ['male', 'Male', '男'],
    ['other', 'Other', '其他'],
    ['undisclosed', 'Prefer not to say', '不愿透露'],
  ],
);

export const recordState = list(
  'recordState',
  { en: 'Record state', zh: '记录状态' },
  { en: 'Where an entry stands in the maker-checker review.', zh: '记录在双人复核流程中的状态。' },
  [
    ['pendingReview', 'Pending review', '待审核'],
    ['approved', 'Approved', '已审核'],
    ['returned', 'Returned', '已退回'],
    ['archived', 'Archived', '已归档'],
  ],
);

export const interactionKind = list(
  'interactionKind',
  { en: 'Interaction kind', zh: '互动类型' },
  { en: 'What the contact was about.', zh: '此次联系的性质。' },
  [
    ['consultation', 'Consultation', '咨询'],
    ['complaint', 'Complaint', '投诉'],
    ['suggestion', 'Suggestion', '建议'],
    ['followUpVisit', 'Follow-up visit', '回访'],
  ],
);

export const interactionOutcome = list(
  'interactionOutcome',
  { en: 'Outcome', zh: '处理结果' },
  { en: 'How the interaction ended.', zh: '互动的处理结果。' },
  [
    ['resolved', 'Resolved', '已解决'],
    ['followUpNeeded', 'Follow-up needed', '需跟进'],
    ['escalated', 'Escalated', '已上报'],
    ['noActionNeeded', 'No action needed', '无需处理'],
  ],
);

export const propertyKind = list(
  'propertyKind',
  { en: 'Property kind', zh: '财产类别' },
  { en: 'What sort of item the customer left with us.', zh: '客户交存物品的类别。' },
  [
    ['documents', 'Documents', '文件资料'],
    ['electronics', 'Electronics', '电子设备'],
    ['valuables', 'Valuables', '贵重物品'],
    ['equipment', 'Tools and equipment', '工具设备'],
    ['vehicle', 'Vehicle', '车辆'],
    ['other', 'Other', '其他'],
  ],
);

export const propertyState = list(
  'propertyState',
  { en: 'Property state', zh: '财产状态' },
  { en: 'Where the item is in its life with us.', zh: '物品当前所处的状态。' },
  [
    ['received', 'Received', '已接收'],
    ['inspected', 'Inspected', '已检验'],
    ['inUse', 'In use', '使用中'],
    ['damagedAwaitingRepair', 'Damaged, awaiting repair', '损坏待修'],
    ['returned', 'Returned', '已归还'],
  ],
);

export const returnMethod = list(
  'returnMethod',
  { en: 'Return method', zh: '归还方式' },
  { en: 'How the item went back to the customer.', zh: '物品归还客户的方式。' },
  [
    ['inPerson', 'Collected in person', '本人领取'],
    ['agent', 'Collected by an agent', '委托他人领取'],
    ['courier', 'Courier', '快递'],
    ['post', 'Post', '邮寄'],
  ],
);

export const conditionOnReceipt = list(
  'conditionOnReceipt',
  { en: 'Condition on receipt', zh: '接收时状况' },
  { en: 'The state the item was in when we took it.', zh: '接收物品时的状况。' },
  [
    ['new', 'New', '全新'],
    ['good', 'Good', '良好'],
    ['worn', 'Worn', '有磨损'],
    ['damaged', 'Damaged', '已损坏'],
  ],
);

export const productPreference = list(
  'productPreference',
  { en: 'Product preference', zh: '产品偏好' },
  { en: 'The kind of product the customer is most interested in.', zh: '客户最感兴趣的产品类型。' },
  [
    ['standard', 'Standard', '标准产品'],
    ['premium', 'Premium', '高端产品'],
    ['subscription', 'Subscription', '订阅服务'],
    ['service', 'Service', '服务'],
    ['other', 'Other', '其他'],
  ],
);

export const promotionPreference = list(
  'promotionPreference',
  { en: 'Promotion preference', zh: '促销偏好' },
  { en: 'Which offers the customer wants to hear about.', zh: '客户希望收到哪类优惠信息。' },
  [
    ['allOffers', 'All offers', '全部优惠'],
    ['newProducts', 'New products only', '仅新品'],
    ['discounts', 'Discounts only', '仅折扣'],
    ['events', 'Events only', '仅活动'],
    ['none', 'None', '不接收'],
  ],
);

export const consentPurpose = list(
  'consentPurpose',
  { en: 'Consent purpose', zh: '同意用途' },
  { en: 'What the customer agreed we may use their details for.', zh: '客户同意我们使用其信息的用途。' },
  [
    ['service', 'Service communication', '服务通知'],
    ['dataReview', 'Periodic data review', '定期信息核对'],
    ['marketing', 'Marketing', '营销推广'],
    ['all', 'All of the above', '以上全部'],
  ],
);

// ISO 3166-1 codes are the keys because the phone library takes them as regions; the labels are what the
// sheet stores, and the aliases (CLDR's other names, endonyms, USA, 香港…) are accepted when typed or imported.
export const countries: ListDecl = {
  key: 'countries',
  labels: { en: 'Country', zh: '国家/地区' },
  help: {
    en: 'Country or region; also the default region for phone numbers.',
    zh: '国家或地区；也是电话号码的默认区号。',
  },
  items: COUNTRY_ROWS.map((row): ListItem => {
    const [key, en, zh, ...aliases] = row.split('|');
    return { key, labels: { en, zh }, aliases };
  }),
};

// Item keys are the Role names themselves so a Team row maps to a Role without a lookup table.
export const teamRole = list(
  'teamRole',
  { en: 'Team role', zh: '团队角色' },
  { en: 'What a team member may do in the register.', zh: '团队成员在登记簿中的权限。' },
  ROLES.map((role): ItemRow => [role, roleLabels[role].en, roleLabels[role].zh]),
);

export const language = list(
  'language',
  { en: 'Language', zh: '语言' },
  {
    en: 'Language of headers, stored list labels and customer emails.',
    zh: '表头、下拉选项和客户邮件所用的语言。',
  },
  [
    ['en', 'English', '英文'],
    ['zh', 'Chinese', '中文'],
  ],
);

export const idStyle = list(
  'idStyle',
  { en: 'ID format', zh: '编号格式' },
  {
    en: 'Plain (C-000123) or Chinese style: GR/QY + year + serial (QY2026000123).',
    zh: '简单格式（C-000123）或中式格式：GR/QY + 年份 + 序号（QY2026000123）。',
  },
  [
    ['plain', 'Plain (C-000123)', '简单（C-000123）'],
    ['yearly', 'Chinese style (QY2026000123)', '中式（QY2026000123）'],
  ],
);

export const auditAction = list(
  'auditAction',
  { en: 'Audit action', zh: '审计操作' },
  { en: 'What was done to the record.', zh: '对记录执行的操作。' },
  [
    ['create', 'Create', '新建'],
    ['update', 'Update', '修改'],
    ['approve', 'Approve', '审核通过'],
    ['return', 'Return for correction', '退回修改'],
    ['duplicateConfirmed', 'Created despite a likely duplicate', '确认疑似重复后仍新建'],
    ['revert', 'Hand edit reverted', '已撤销手工修改'],
    ['handEdit', 'Hand edit not reverted', '手工修改（未撤销）'],
    ['invalidValue', 'Invalid value kept: check it', '无效值已保留：请核对'],
    [
      'overwritten',
      'Overwritten by a write meant for another record: check it',
      '被写给其他记录的数据覆盖：请核对',
    ],
    ['archive', 'Archive', '归档'],
    ['import', 'Import', '导入'],
    ['setup', 'Set up', '初始化'],
    ['settings', 'Change settings', '修改设置'],
    ['restore', 'Restore from backup', '从备份恢复'],
    ['confirmReview', 'Details confirmed', '信息已确认'],
    ['withdrawConsent', 'Consent withdrawn', '撤回同意'],
    ['requestChange', 'Change requested', '提交变更请求'],
    ['rejectChange', 'Change request rejected', '变更请求被拒绝'],
  ],
);

export const auditSource = list(
  'auditSource',
  { en: 'Audit source', zh: '审计来源' },
  { en: 'Where the change came from.', zh: '变更的来源。' },
  [
    ['sidebar', 'Sidebar form', '侧边栏表单'],
    ['sheetEdit', 'Direct sheet edit', '直接编辑表格'],
    ['import', 'Import', '导入'],
    ['reminder', 'Reminder run', '提醒任务'],
    ['setup', 'Set up', '初始化'],
    ['dataCheck', 'Data check', '数据检查'],
    ['restore', 'Restore from backup', '从备份恢复'],
    ['customerLink', 'Customer link', '客户链接'],
    ['changeRequest', 'Change request', '变更请求'],
    ['credit', 'Credit figures from purchases', '按购买记录计算信用'],
  ],
);

export const reminderKind = list(
  'reminderKind',
  { en: 'Reminder kind', zh: '提醒类型' },
  { en: 'Who a reminder went to and why.', zh: '提醒的对象和原因。' },
  [
    ['customerReview', 'Customer data review', '客户信息核对'],
    ['managerDigest', 'Manager digest', '经理汇总'],
    ['propertyReturn', 'Property return due', '财产到期归还'],
  ],
);

export const reminderOutcome = list(
  'reminderOutcome',
  { en: 'Reminder outcome', zh: '提醒结果' },
  { en: 'What happened when the reminder was due.', zh: '提醒到期时的处理结果。' },
  [
    ['sent', 'Sent', '已发送'],
    // Written before a batch of sends and replaced by the outcome after: left behind, it means "unknown".
    ['sending', 'Sending', '发送中'],
    ['skippedNoConsent', 'Skipped: no consent', '跳过：未获同意'],
    ['skippedNoEmail', 'Skipped: no email', '跳过：无邮箱'],
    ['skippedChannel', 'Skipped: prefers another channel', '跳过：偏好其他联系方式'],
    ['quotaReached', 'Stopped: mail quota reached', '停止：邮件配额已用完'],
    ['failed', 'Failed', '失败'],
    ['confirmed', 'Confirmed by the customer', '客户已确认'],
    ['changeRequested', 'Customer sent changes', '客户提交了变更'],
    ['consentWithdrawn', 'Customer withdrew consent', '客户撤回同意'],
  ],
);

export const changeState = list(
  'changeState',
  { en: 'Change request state', zh: '变更请求状态' },
  { en: 'Whether staff have decided on the change.', zh: '员工是否已处理该变更。' },
  [
    ['pending', 'Pending', '待处理'],
    ['applied', 'Applied', '已采纳'],
    ['rejected', 'Rejected', '已拒绝'],
  ],
);

export const confirmedBy = list(
  'confirmedBy',
  { en: 'Confirmed by', zh: '确认方式' },
  { en: 'How the customer confirmed their details.', zh: '客户确认信息的方式。' },
  [
    ['link', 'Review link', '核对链接'],
    ['phone', 'Phone', '电话'],
    ['inPerson', 'In person', '当面'],
    ['reply', 'Email reply', '邮件回复'],
  ],
);

const all: readonly ListDecl[] = [
  customerType,
  customerStatus,
  customerTier,
  customerSource,
  contactChannel,
  creditRating,
  gender,
  recordState,
  interactionKind,
  interactionOutcome,
  propertyKind,
  propertyState,
  returnMethod,
  conditionOnReceipt,
  productPreference,
  promotionPreference,
  consentPurpose,
  countries,
  teamRole,
  language,
  idStyle,
  auditAction,
  auditSource,
  reminderKind,
  reminderOutcome,
  changeState,
  confirmedBy,
  ...purchaseLists,
];

export const defaultLists: ListRegistry = Object.freeze(Object.fromEntries(all.map((l) => [l.key, l])));
