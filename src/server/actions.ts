// The names of the actions a refusal message mentions, in both languages.
export const actions = {
  createCustomer: { en: 'create customers', zh: '新建客户' },
  editCustomer: { en: 'edit customers', zh: '修改客户' },
  readRegister: { en: 'read the register', zh: '查看登记簿' },
  review: { en: 'review entries', zh: '审核记录' },
  logInteraction: { en: 'log interactions', zh: '记录互动' },
  handleProperty: { en: 'record customer property', zh: '登记客户财产' },
  openForm: { en: 'open the form', zh: '打开表单' },
  manageReminders: { en: 'manage reminders', zh: '管理提醒' },
  confirmReview: { en: 'confirm reviews', zh: '确认复核' },
  runDataCheck: { en: 'run the data check', zh: '运行数据检查' },
  refreshDashboard: { en: 'refresh the dashboard', zh: '刷新仪表板' },
  manageBackups: { en: 'back up and restore the register', zh: '备份和恢复登记簿' },
  decideChanges: { en: 'decide on customers’ change requests', zh: '处理客户的变更请求' },
  recordPurchase: { en: 'record purchases', zh: '登记购买记录' },
  writeOff: { en: 'write off purchases', zh: '核销购买记录' },
  print: { en: 'print records and receipts', zh: '打印记录和收据' },
} as const;
