// The Reminder log record type: every reminder sent or skipped, so none is sent twice for a cycle.
import { defineRecordType, l, systemField } from './define';

export const reminderLog = defineRecordType({
  key: 'reminderLog',
  sheetName: 'Reminder log',
  labels: l('Reminder log', '提醒日志'),
  fields: [
    systemField({
      key: 'time',
      labels: l('Time', '时间'),
      type: 'dateTime',
      help: l('When the reminder was handled.', '处理提醒的时间。'),
    }),
    systemField({
      key: 'record',
      labels: l('Record', '记录编号'),
      type: 'id',
      help: l('ID of the customer or item concerned.', '相关客户或物品的编号。'),
    }),
    systemField({
      key: 'recipient',
      labels: l('Recipient', '收件人'),
      type: 'email',
      help: l('Where the reminder went.', '提醒的收件地址。'),
    }),
    systemField({
      key: 'kind',
      labels: l('Kind', '类型'),
      type: 'list',
      list: 'reminderKind',
      help: l('Customer review, manager digest or property return.', '客户信息核对、经理汇总或财产归还。'),
    }),
    systemField({
      key: 'cycle',
      labels: l('Cycle', '周期'),
      type: 'text',
      maxLength: 40,
      help: l('The review cycle the reminder belongs to.', '提醒所属的核对周期。'),
    }),
    systemField({
      key: 'outcome',
      labels: l('Outcome', '结果'),
      type: 'list',
      list: 'reminderOutcome',
      help: l('Sent, skipped and why, or failed.', '已发送、跳过及原因，或失败。'),
    }),
    systemField({
      key: 'detail',
      labels: l('Detail', '详情'),
      type: 'longText',
      help: l('Error text or other detail.', '错误信息或其他详情。'),
    }),
  ],
});
