// The message catalogue in English and Chinese, the translator t(), and the locale-to-language rule.

import type { Role } from '../schema';
import { roleLabels } from '../schema';

export type Lang = 'en' | 'zh';

const en = {
  required: '{field} is required.',
  invalidEmail: '{field}: "{value}" is not a valid email address.',
  invalidPhone: '{field}: "{value}" is not a valid phone number.',
  notInList: '{field}: "{value}" is not one of the choices in the {list} list.',
  tooLong: '{field} is too long: at most {max} characters.',
  notText: '{field} must be text.',
  invalidCharacters: '{field} contains control characters.',
  notADate: '{field}: "{value}" is not a date (yyyy-mm-dd).',
  dateImpossible: '{field}: "{value}" is not a day of the calendar (check the month and the day).',
  dateTwoDigitYear: '{field}: "{value}" has a two-digit year; write the year in full (1990).',
  dateInFuture: '{field}: {value} is in the future (today is {today}).',
  dateTooEarly: '{field}: {value} is before {min}.',
  dateReadDayFirst:
    '{field}: "{value}" could be either day or month first; it was read day first, as {date}. If you meant {other}, enter {other}.',
  notADateTime: '{field}: "{value}" is not a date and time (yyyy-mm-dd hh:mm).',
  notANumber: '{field}: "{value}" is not a number.',
  notAnInteger: '{field}: "{value}" is not a whole number.',
  tooSmall: '{field} must be at least {min}.',
  tooLarge: '{field} must be at most {max}.',
  notABoolean: '{field} must be ticked or unticked.',
  invalidId: '{field}: "{value}" is not a valid ID.',
  unknownField: '"{field}" is not a field of {record}.',
  notAllowedForRole: '{field}: only {roles} may change this field.',
  systemField: '{field} is filled in by the add-on and cannot be edited.',
  notAnObject: 'The {record} data sent is not a record.',
  notOnTeam: '{user} is not on the team of this register; ask an admin to add you.',
  actionNotAllowed: 'Only {roles} may {action}.',
  recordNotFound: 'No {record} with ID {id} was found.',
  sheetMissing: 'The sheet "{sheet}" is missing: an admin must run Set up register.',
  columnMissing: 'The column "{column}" is missing: an admin must run Set up register.',
  busy: 'Someone else is saving to the register right now. Nothing was changed: try again in a moment.',
  unexpectedError:
    'The add-on hit an unexpected error. Try again; if it keeps happening, tell your admin the time ({time}): the details are in the script’s execution log.',
  noIdentity:
    'Google did not tell the add-on who you are. Open the spreadsheet while signed in to your own Google account, then try again.',
  setUpAction: 'set up the register',
  foreignSheet:
    'The sheet "{sheet}" already exists and is not a register sheet (unknown headers: {headers}). Rename it, or rename its headers to the register\'s, then run Set up register again. Nothing was changed.',
  setupDone: 'The register is set up (schema version {version}).',
  setupNoChange: 'The register is already up to date (schema version {version}). Nothing was changed.',
  badRequest: 'The request was refused: {where}: {reason}',
  remindersOwnedByOther:
    'Reminders run as {owner}. To send them from your account instead, take them over (Admin section: Take over).',
  remindersTakeOverAsk:
    'Reminders run as {owner}. Take them over, so they are sent from your account? Their trigger sends nothing from then on.',
  reminderRunNotAdmin:
    '{account} is no longer an active Admin on Team, so the daily run sent nothing. An Admin can take reminders over.',
  reminderRunError: 'The daily run failed: {detail}',
  remindersSilent:
    'Reminders have not run successfully since {date}: due customers are neither emailed nor listed. If {owner} lost access to the file, take reminders over.',
  reminderDigestSilent:
    'Note for admins: the daily reminder run had not succeeded since {date}. Customers who fell due in that time are listed below.',
  reminderDigestCareStalled:
    'Note for admins: the daily run no longer starts the {job}: it takes about {minutes} min, more than one execution of the daily run can give it. Run it with {menu} in the add-on’s menu, where it has a whole execution to itself.',
  remindersOn: 'Reminders are on: every day at {hour}:00 ({zone}), sent from {owner}.',
  remindersOff: 'Reminders are off.',
  remindersZones:
    'Note: the spreadsheet’s time zone ({sheet}) differs from the script’s ({script}). Reminders follow the spreadsheet’s.',
  staleEdit:
    'This record was changed by someone else since you opened it. Reload it to see the current values, then make your change again.',
  ownApproval: 'You entered this record, so someone else must approve it.',
  notPending: 'This record is not pending review.',
  changeNotPending: 'Change request {id} was already decided, or does not exist.',
  changeOutdated:
    '{field} of {id} was changed since the customer asked ("{held}" now, "{old}" then). Check with the customer, then reject the request or enter the change yourself.',
  changeSeveralCustomers: 'Decide on one customer’s change requests at a time.',
  ownerNotOnTeam: '{field}: "{value}" is not an active member of the Team.',
  unknownCustomer: 'There is no customer with ID {id}.',
  alreadyPaid: 'Purchase {id} is paid: there is nothing to write off.',
  or: ' or ',
  listSeparator: ', ',
  reminderAddress: 'Address',
  reminderNotOnFile: '(not on file)',
  reminderFieldSeparator: ': ',
  reminderDayOne: '1 day',
  reminderDays: '{count} days',
  reminderDigestSubject:
    'Customer register, {date}: {customers} reviews due, {property} property returns, {followUps} follow-ups',
  reminderDigestIntro: 'This is what needs your attention in the customer register today ({date}).',
  reminderDigestCustomers: 'Customers due or overdue for review ({count})',
  reminderDigestProperty: 'Customer property late or due back within {days} ({count})',
  reminderDigestFollowUps: 'Follow-ups due ({count})',
  reminderDigestMore: '…and {count} more: see the register.',
  reminderDigestSubjectWork: ', {count} waiting in My work',
  reminderDigestWork: 'My work ({count})',
  reminderWorkPending: 'Your entries waiting for review',
  reminderWorkReturned: 'Returned to you with the manager’s comment',
  reminderWorkChanges: 'Change requests for your customers',
  reminderWorkChangesAll: 'Change requests waiting for a decision',
  reminderWorkToReview: 'Entries by others waiting for your review',
  reminderForCustomer: 'for {id} {name}',
  reminderReviewDueToday: 'review due today',
  reminderReviewOverdue: 'review due {date}, {days} overdue',
  reminderNoteEmailToday: 'the review email goes out today',
  reminderNoteEmailedThisCycle: 'review email already sent this cycle; awaiting a reply',
  reminderNoteUnknown:
    'unknown whether the review email was sent (the run stopped while sending): check the Sent mail, then set its Reminder log row to Sent, or to Failed to have it sent again',
  reminderNoteFailed: 'the review email failed today: {detail}',
  reminderNoteDeferred: 'daily mail quota reached; the email goes out on a later day',
  reminderNoteNoConsent: 'no consent to email: please review by other means',
  reminderNoteConsentWithdrawn: 'withdrew consent through their link on {detail}: no more emails',
  reminderNoteNoEmail: 'no email address: please review by other means',
  reminderNoteInvalidEmail: 'the email address "{email}" is not valid: please correct it',
  reminderNoteChannel: 'prefers {channel}: please review that way',
  reminderPropertyDueToday: 'expected back today',
  reminderPropertyLate: 'expected back {date}, {days} late',
  reminderPropertyDueIn: 'expected back {date}, in {days}',
  reminderFollowUpDue: 'follow-up due {date}',
  reminderClauseSeparator: '; ',
  reminderNoteDuplicateId: 'another row has the same ID, so no email is sent: give each customer its own ID',
  protectAction: 'apply or check protections',
  protectionsApplied: 'Protections applied: {count} protections match the Team and the schema.',
  protectionsUnchanged:
    'Protections already match the Team and the schema ({count} protections). Nothing was changed.',
  protectionsOk: 'Protections match the Team and the schema ({count} protections).',
  protectionsFound: 'Protections no longer match the Team and the schema:',
  protectionsRepairAsk: 'Repair them now?',
  protectionsRepaired: 'Repaired: protections match the Team and the schema again.',
  driftMissing: '{sheet} · {what}: not protected (its protection was removed, or the columns are new).',
  driftUncovered: '{sheet} · {what}: new column not protected: {fields}.',
  driftRange: '{sheet} · {what}: the protection no longer covers the right cells.',
  driftEditorAdded: '{sheet} · {what}: {user} was added as an editor by hand.',
  driftEditorMissing: '{sheet} · {what}: {user} should be an editor and is not.',
  driftWarningOnly: '{sheet} · {what}: changed to warning only.',
  driftNotWarningOnly: '{sheet} · {what}: no longer warning only, so the add-on cannot write it for clerks.',
  driftDescription: '{sheet} · {what}: the description was changed.',
  driftExtra: '{sheet}: a protection that is no longer needed or is a duplicate: "{description}".',
  driftGuard: 'The edit guard (it reverts hand edits to add-on-only cells) is not installed.',
  handEditNotReverted: 'edited {cells} cells at once: cannot be reverted automatically, check them',
  pastedOldValue: '(not known: pasted or filled)',
  careWouldChange: 'Not in the register’s standard form.',
  careDuplicate: 'Same {field} as {id}: likely the same customer.',
  careNoOwner: 'No owner: nobody is responsible for this customer.',
  careOwnerGone: 'The owner is not an active member of the Team.',
  careReviewOverdue: 'Review overdue by {days} days.',
  carePropertyOverdue: 'Not returned: {days} days past the expected return date.',
  careUnknownCustomer: 'No customer has this ID.',
  careCheckDone: 'Data check done: {findings} findings, {safe} with a safe fix.',
  careCheckMore: '…and {count} more findings not listed.',
  careCheckContinues:
    'Data check under way: {records} records checked so far, {findings} findings. It goes on with the daily run; choose Data check again to go on now.',
  careFixesDone: 'Safe fixes applied: {count} cells in {records} records.',
  careFixesNone: 'No safe fix to apply.',
  careDashboardDone: 'The Dashboard sheet is up to date.',
  careBackupsListed: 'Snapshots are kept in the Google Drive of the admin who took them.',
  careBackupUnreadable:
    'This snapshot cannot be opened from your account: it is in the Google Drive of {by}, or it was deleted. Ask {by} to restore from it.',
  careRestoreNothing: 'Choose records or sheets to restore.',
  careRestored: 'Restored {records} records and {sheets} whole sheets; each change is recorded in Audit.',
  careBackupTaken: 'Snapshot saved in your Google Drive: {records} records.',
  careBackupUnderWay:
    'Backup under way: {records} records read so far. It goes on with the next Back up now, or in the daily run.',
  careBackupBusy:
    'A backup by {by} is under way; it goes on in their Google Drive. Yours can start when it ends, or after 6 hours without a step.',
  careBackupMoving:
    'Rows kept moving (sorted, inserted or deleted) while the backup read them, so it was stopped and its files trashed. Back up again when the register is quieter.',
  careRestoreContinues:
    'Restore under way: {records} records restored in this step, each recorded in Audit; it goes on in the next call.',
  careFixesAsk:
    'Apply the {count} safe fixes now (normalize phones and emails, trim text)? Each is recorded in Audit.',
  printCardTitle: 'Customer record',
  printReceiptTitle: 'Property receipt',
  printReceiptNo: 'Receipt no.',
  printCustomer: 'Customer',
  printCredit: 'Credit',
  printPropertyHeld: 'Property held',
  printPurchases: 'Latest purchases',
  printTerms: 'Terms',
  printCustomerSignature: 'Customer’s signature',
  printStaffSignature: 'Received by (signature)',
  printDate: 'Date',
  printPrinted: 'Printed {time} by {user}',
  printNone: 'None.',
  importSheet: 'Import {time}',
  importTitle: 'Import customers',
  importNoSheet: 'There is no sheet "{sheet}" to import from (the register’s own sheets cannot be imported).',
  importTooLarge:
    'Too large to import at once: at most {rows} rows and {columns} columns. Nothing was imported.',
  importRowHeader: 'Row in file',
  importFieldHeader: 'Field',
  importValueHeader: 'Value',
  importReasonHeader: 'Reason',
  importSkipped: 'Likely duplicate of {ids} ({matched}): skipped.',
  importFilled: 'Likely duplicate of {id}: its empty fields were filled from this row ({fields}).',
  importFilledNothing:
    'Likely duplicate of {id}: it had no empty field this row could fill; nothing imported.',
  importAnyway: 'Likely duplicate of {ids}: imported anyway as {id}.',
  importSummary:
    '{file}: {imported} imported, {filled} existing records filled, {skipped} skipped, {refused} refused.',
} as const;

export type MessageKey = keyof typeof en;

// Typed against the English keys so a message missing in Chinese does not compile.
const zh: Readonly<Record<MessageKey, string>> = {
  required: '“{field}”为必填项。',
  invalidEmail: '“{field}”：“{value}”不是有效的电子邮件地址。',
  invalidPhone: '“{field}”：“{value}”不是有效的电话号码。',
  notInList: '“{field}”：“{value}”不在“{list}”列表的选项中。',
  tooLong: '“{field}”过长：最多 {max} 个字符。',
  notText: '“{field}”必须是文本。',
  invalidCharacters: '“{field}”包含控制字符。',
  notADate: '“{field}”：“{value}”不是日期（yyyy-mm-dd）。',
  dateImpossible: '“{field}”：“{value}”不是日历上存在的日期（请检查月份和日期）。',
  dateTwoDigitYear: '“{field}”：“{value}”的年份只有两位，请写完整的年份（如 1990）。',
  dateInFuture: '“{field}”：{value} 晚于今天（今天是 {today}）。',
  dateTooEarly: '“{field}”：{value} 早于 {min}。',
  dateReadDayFirst:
    '“{field}”：“{value}”的日和月可以互换，已按“日在前”读作 {date}。如果指的是 {other}，请输入 {other}。',
  notADateTime: '“{field}”：“{value}”不是日期时间（yyyy-mm-dd hh:mm）。',
  notANumber: '“{field}”：“{value}”不是数字。',
  notAnInteger: '“{field}”：“{value}”不是整数。',
  tooSmall: '“{field}”不能小于 {min}。',
  tooLarge: '“{field}”不能大于 {max}。',
  notABoolean: '“{field}”只能勾选或不勾选。',
  invalidId: '“{field}”：“{value}”不是有效的编号。',
  unknownField: '“{field}”不是“{record}”的字段。',
  notAllowedForRole: '“{field}”：只有{roles}可以修改此字段。',
  systemField: '“{field}”由插件自动填写，不能编辑。',
  notAnObject: '提交的“{record}”数据不是一条记录。',
  notOnTeam: '{user} 不是本登记簿的团队成员，请联系管理员添加。',
  actionNotAllowed: '只有{roles}可以{action}。',
  recordNotFound: '未找到编号为 {id} 的“{record}”。',
  sheetMissing: '缺少工作表“{sheet}”：请管理员运行“设置登记表”。',
  columnMissing: '缺少“{column}”列：请管理员运行“设置登记表”。',
  busy: '其他人正在保存登记表。本次未做任何更改，请稍后重试。',
  unexpectedError:
    '插件发生意外错误。请重试；如果仍然出错，请把发生时间（{time}）告诉管理员：详细信息在脚本的执行日志中。',
  noIdentity: 'Google 没有告诉插件您是谁。请先登录您自己的 Google 账号再打开表格，然后重试。',
  setUpAction: '设置登记表',
  foreignSheet:
    '工作表“{sheet}”已存在，但不是登记表的工作表（无法识别的表头：{headers}）。请将其改名，或将表头改为登记表的表头，然后重新运行“设置登记表”。未做任何更改。',
  setupDone: '登记表已设置完成（结构版本 {version}）。',
  setupNoChange: '登记表已是最新（结构版本 {version}），未做任何更改。',
  badRequest: '请求被拒绝：{where}：{reason}',
  remindersOwnedByOther: '提醒以 {owner} 的账户运行。如需改由您的账户发送，请接管提醒（管理栏目：接管）。',
  remindersTakeOverAsk:
    '提醒以 {owner} 的账户运行。是否接管，改由您的账户发送？此后对方的触发器不再发送任何邮件。',
  reminderRunNotAdmin: '{account} 已不是团队中的在职管理员，因此每日任务未发送任何邮件。管理员可以接管提醒。',
  reminderRunError: '每日任务运行失败：{detail}',
  remindersSilent:
    '提醒自 {date} 起未能成功运行：到期客户既未收到邮件，也未列入摘要。如果 {owner} 已无法访问此文件，请接管提醒。',
  reminderDigestSilent: '管理员请注意：每日提醒任务自 {date} 起未能成功运行。期间到期的客户已列在下方。',
  reminderDigestCareStalled:
    '管理员请注意：每日任务已不再启动{job}：它约需 {minutes} 分钟，超过每日任务一次执行所能给出的时间。请在附加组件菜单中选择“{menu}”运行，它会独占一次完整的执行。',
  remindersOn: '提醒已开启：每天 {hour}:00（{zone}），由 {owner} 发出。',
  remindersOff: '提醒已关闭。',
  remindersZones: '注意：表格的时区（{sheet}）与脚本的时区（{script}）不同。提醒按表格的时区发送。',
  staleEdit: '您打开此记录后，其他人已修改了它。请重新加载查看最新内容，然后再修改。',
  ownApproval: '此记录由您录入，须由其他人审核。',
  notPending: '此记录不在待审核状态。',
  changeNotPending: '变更请求 {id} 已处理或不存在。',
  changeOutdated:
    '客户提出请求后，{id} 的“{field}”已被修改（现为“{held}”，当时为“{old}”）。请与客户核实后拒绝该请求，或由您自行修改。',
  changeSeveralCustomers: '请每次只处理一位客户的变更请求。',
  ownerNotOnTeam: '“{field}”：“{value}”不是团队中的在职成员。',
  unknownCustomer: '没有编号为 {id} 的客户。',
  alreadyPaid: '购买记录 {id} 已付清，无需核销。',
  or: '或',
  listSeparator: '、',
  reminderAddress: '地址',
  reminderNotOnFile: '（未登记）',
  reminderFieldSeparator: '：',
  reminderDayOne: '1 天',
  reminderDays: '{count} 天',
  reminderDigestSubject:
    '客户登记簿 {date}：{customers} 位客户待核对，{property} 件财产待归还，{followUps} 条待跟进',
  reminderDigestIntro: '以下是客户登记簿今天（{date}）需要您处理的事项。',
  reminderDigestCustomers: '待核对或逾期未核对的客户（{count}）',
  reminderDigestProperty: '已逾期或 {days}内应归还的客户财产（{count}）',
  reminderDigestFollowUps: '待跟进的互动（{count}）',
  reminderDigestMore: '……另有 {count} 条，请在登记簿中查看。',
  reminderDigestSubjectWork: '，我的工作 {count} 项',
  reminderDigestWork: '我的工作（{count}）',
  reminderWorkPending: '您录入、等待审核的记录',
  reminderWorkReturned: '退回给您（附经理意见）的记录',
  reminderWorkChanges: '您客户的变更请求',
  reminderWorkChangesAll: '等待处理的客户变更请求',
  reminderWorkToReview: '他人录入、等待您审核的记录',
  reminderForCustomer: '客户 {id} {name}',
  reminderReviewDueToday: '今天应核对',
  reminderReviewOverdue: '应于 {date} 核对，已逾期 {days}',
  reminderNoteEmailToday: '核对邮件今天发出',
  reminderNoteEmailedThisCycle: '本周期的核对邮件已发出，等待客户回复',
  reminderNoteUnknown:
    '无法确定核对邮件是否已发出（发送时任务中断）：请查看“已发送”邮件，然后将其提醒日志行设为“已发送”，或设为“失败”以重新发送',
  reminderNoteFailed: '核对邮件今天发送失败：{detail}',
  reminderNoteDeferred: '已达每日邮件配额，邮件将在之后发出',
  reminderNoteNoConsent: '客户未同意接收邮件：请通过其他方式核对',
  reminderNoteConsentWithdrawn: '客户已于 {detail} 通过链接撤回同意：不再发送邮件',
  reminderNoteNoEmail: '没有电子邮件地址：请通过其他方式核对',
  reminderNoteInvalidEmail: '电子邮件地址“{email}”无效：请更正',
  reminderNoteChannel: '客户偏好{channel}：请通过该方式核对',
  reminderPropertyDueToday: '应于今天归还',
  reminderPropertyLate: '应于 {date} 归还，已逾期 {days}',
  reminderPropertyDueIn: '应于 {date} 归还，还有 {days}',
  reminderFollowUpDue: '应于 {date} 跟进',
  reminderClauseSeparator: '；',
  reminderNoteDuplicateId: '另有一行使用相同编号，因此不发送邮件：请为每位客户设置唯一编号',
  protectAction: '应用或检查保护',
  protectionsApplied: '已应用保护：{count} 项保护与团队和字段权限一致。',
  protectionsUnchanged: '保护已与团队和字段权限一致（{count} 项保护），未做任何更改。',
  protectionsOk: '保护与团队和字段权限一致（{count} 项保护）。',
  protectionsFound: '以下保护与团队和字段权限不一致：',
  protectionsRepairAsk: '现在修复吗？',
  protectionsRepaired: '已修复：保护重新与团队和字段权限一致。',
  driftMissing: '{sheet} · {what}：未受保护（保护已被删除，或这些列是新增的）。',
  driftUncovered: '{sheet} · {what}：新增的列未受保护：{fields}。',
  driftRange: '{sheet} · {what}：保护范围已不正确。',
  driftEditorAdded: '{sheet} · {what}：{user} 被手工添加为编辑者。',
  driftEditorMissing: '{sheet} · {what}：{user} 应为编辑者，但未列入。',
  driftWarningOnly: '{sheet} · {what}：已被改为仅警告。',
  driftNotWarningOnly: '{sheet} · {what}：已不再是仅警告，插件无法代文员写入。',
  driftDescription: '{sheet} · {what}：说明已被修改。',
  driftExtra: '{sheet}：一项多余或重复的保护：“{description}”。',
  driftGuard: '编辑守护（撤销对插件专用单元格的手工修改）未安装。',
  handEditNotReverted: '一次修改了 {cells} 个单元格：无法自动撤销，请核对',
  pastedOldValue: '（未知：粘贴或填充）',
  careWouldChange: '不符合登记簿的标准格式。',
  careDuplicate: '与 {id} 的“{field}”相同：疑似同一客户。',
  careNoOwner: '无负责人：没有人负责此客户。',
  careOwnerGone: '负责人不是团队中的在职成员。',
  careReviewOverdue: '复核已逾期 {days} 天。',
  carePropertyOverdue: '未归还：已超过预计归还日期 {days} 天。',
  careUnknownCustomer: '没有客户使用此编号。',
  careCheckDone: '数据检查完成：共 {findings} 项问题，其中 {safe} 项可安全修正。',
  careCheckMore: '……另有 {count} 项问题未列出。',
  careCheckContinues:
    '数据检查进行中：已检查 {records} 条记录，发现 {findings} 项问题。每日任务会继续检查；也可再次选择“数据检查”立即继续。',
  careFixesDone: '已应用安全修正：{records} 条记录中的 {count} 个单元格。',
  careFixesNone: '没有可安全修正的问题。',
  careDashboardDone: '仪表板工作表已更新。',
  careBackupsListed: '快照保存在创建它的管理员的 Google 云端硬盘中。',
  careBackupUnreadable:
    '无法从您的账号打开此快照：它在 {by} 的 Google 云端硬盘中，或已被删除。请让 {by} 进行恢复。',
  careRestoreNothing: '请选择要恢复的记录或工作表。',
  careRestored: '已恢复 {records} 条记录和 {sheets} 个整张工作表；每项修改都已记入审计。',
  careBackupTaken: '快照已保存到您的 Google 云端硬盘：{records} 条记录。',
  careBackupUnderWay: '备份进行中：已读取 {records} 条记录。再次点击“立即备份”或由每日任务继续。',
  careBackupBusy:
    '{by} 的备份正在进行，保存在其 Google 云端硬盘中。该备份完成后（或 6 小时无进展后）才能开始您的备份。',
  careBackupMoving:
    '备份读取期间行一再移动（排序、插入或删除），备份已停止，其文件已移到回收站。请在登记簿较空闲时再备份。',
  careRestoreContinues: '正在恢复：本步已恢复 {records} 条记录，均已记入审计；下一次调用继续。',
  careFixesAsk: '现在应用 {count} 项安全修正（规范电话和邮箱、去除多余空格）吗？每项修改都会记入审计。',
  printCardTitle: '客户信息表',
  printReceiptTitle: '财产收据',
  printReceiptNo: '收据编号',
  printCustomer: '客户',
  printCredit: '信用',
  printPropertyHeld: '代管财产',
  printPurchases: '最近购买记录',
  printTerms: '条款',
  printCustomerSignature: '客户签名',
  printStaffSignature: '接收人签名',
  printDate: '日期',
  printPrinted: '{user} 于 {time} 打印',
  printNone: '无。',
  importSheet: '导入 {time}',
  importTitle: '导入客户',
  importNoSheet: '没有可导入的工作表“{sheet}”（登记簿自身的工作表不能导入）。',
  importTooLarge: '一次导入的内容过多：最多 {rows} 行、{columns} 列。未导入任何内容。',
  importRowHeader: '文件行号',
  importFieldHeader: '字段',
  importValueHeader: '值',
  importReasonHeader: '原因',
  importSkipped: '疑似与 {ids} 重复（{matched}）：已跳过。',
  importFilled: '疑似与 {id} 重复：已用此行补全其空白字段（{fields}）。',
  importFilledNothing: '疑似与 {id} 重复：此行没有可补全的空白字段，未导入。',
  importAnyway: '疑似与 {ids} 重复：仍作为 {id} 导入。',
  importSummary:
    '{file}：导入 {imported} 条，补全现有记录 {filled} 条，跳过 {skipped} 条，拒绝 {refused} 条。',
};

const catalogue: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, zh };

export type MessageParams = Readonly<Record<string, string | number>>;

// getOwnPropertyDescriptor rather than Object.hasOwn, which is ES2022 and not assumed in Apps Script.
/** Unknown placeholders are left visible so a missing parameter shows up in review instead of vanishing. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return catalogue[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.getOwnPropertyDescriptor(params, name) ? String(params[name]) : whole,
  );
}

/** "Admin or Manager" / "管理员或经理": the roles named in a refusal. */
export function roleList(lang: Lang, roles: readonly Role[]): string {
  const names = roles.map((r) => roleLabels[r][lang]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(t(lang, 'listSeparator'))}${t(lang, 'or')}${names[names.length - 1]}`;
}

/** Apps Script and browsers spell Chinese locales as zh, zh-CN, zh_CN, zh-TW, zh-Hans…; all map to Chinese. */
export function langFromLocale(locale: string | null | undefined): Lang {
  if (typeof locale !== 'string') return 'en';
  return /^zh(?:[-_]|$)/i.test(locale.trim()) ? 'zh' : 'en';
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh';
}
