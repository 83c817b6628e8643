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
  importCustomers: { en: 'import customers', zh: '导入客户' },
} as const;
