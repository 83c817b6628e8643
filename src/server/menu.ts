// The add-on menu, built by onOpen and onInstall: a short menu before authorization, the full one after.
import { addMenu } from '../gas/ui';

type Lang = 'en' | 'zh';

const captions = {
  openForm: { en: 'Open form', zh: '打开表单' },
  setup: { en: 'Set up register', zh: '设置登记表' },
  applyProtections: { en: 'Apply protections', zh: '应用保护' },
  checkProtections: { en: 'Check protections', zh: '检查保护' },
  remindersOn: { en: 'Turn reminders on', zh: '开启提醒' },
  remindersOff: { en: 'Turn reminders off', zh: '关闭提醒' },
  help: { en: 'Help', zh: '帮助' },
} as const;

export const MENU_TITLE = 'Customer Register / 客户登记';

function lang(): Lang {
  return /^zh/i.test(Session.getActiveUserLocale()) ? 'zh' : 'en';
}

export function buildMenu(authMode: GoogleAppsScript.Script.AuthMode | string | undefined) {
  const l = lang();
  // In AuthMode.NONE nothing may be read, so the menu cannot depend on the register's state.
  const limited = String(authMode) === String(ScriptApp.AuthMode.NONE);
  const items = limited
    ? [{ caption: captions.setup[l], functionName: 'menuSetUpRegister' }]
    : [
        { caption: captions.openForm[l], functionName: 'openForm' },
        null,
        { caption: captions.setup[l], functionName: 'menuSetUpRegister' },
        { caption: captions.applyProtections[l], functionName: 'menuApplyProtections' },
        { caption: captions.checkProtections[l], functionName: 'menuCheckProtections' },
        null,
        { caption: captions.remindersOn[l], functionName: 'menuTurnRemindersOn' },
        { caption: captions.remindersOff[l], functionName: 'menuTurnRemindersOff' },
      ];
  addMenu(MENU_TITLE, items);
}
