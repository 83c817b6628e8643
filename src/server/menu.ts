// The add-on menu: the items the person's role may use, or only "Open form" while Apps Script does not say who they are.
import { CARE_MENU_CAPTIONS } from '../domain/care/job-names';
import type { Lang } from '../domain/i18n';
import { caller } from '../gas/session';
import { addMenu, isAuthModeNone, type MenuItem, uiLang } from '../gas/ui';
import { ADMIN_ONLY, MANAGERS, ROLES, type Role, STAFF } from '../schema';
import { identify } from './caller';

interface Entry {
  caption: Record<Lang, string>;
  functionName: string;
  /** The roles the entry point itself allows: the menu only saves people a refusal. */
  roles: readonly Role[];
}

const openForm: Entry = {
  caption: { en: 'Open form', zh: '打开表单' },
  functionName: 'openForm',
  roles: ROLES,
};

/** Groups of entries, separated in the menu. */
const groups: readonly (readonly Entry[])[] = [
  [
    openForm,
    { caption: { en: 'Import customers', zh: '导入客户' }, functionName: 'openImport', roles: MANAGERS },
  ],
  [
    {
      caption: { en: 'Set up register', zh: '设置登记表' },
      functionName: 'menuSetUpRegister',
      roles: ADMIN_ONLY,
    },
    {
      caption: { en: 'Apply protections', zh: '应用保护' },
      functionName: 'menuApplyProtections',
      roles: ADMIN_ONLY,
    },
    {
      caption: { en: 'Check protections', zh: '检查保护' },
      functionName: 'menuCheckProtections',
      roles: ADMIN_ONLY,
    },
  ],
  [
    { caption: CARE_MENU_CAPTIONS.dataCheck, functionName: 'menuRunDataCheck', roles: MANAGERS },
    { caption: CARE_MENU_CAPTIONS.dashboard, functionName: 'menuRefreshDashboard', roles: STAFF },
    { caption: CARE_MENU_CAPTIONS.backup, functionName: 'menuBackupNow', roles: ADMIN_ONLY },
  ],
  [
    {
      caption: { en: 'Turn reminders on', zh: '开启提醒' },
      functionName: 'menuTurnRemindersOn',
      roles: ADMIN_ONLY,
    },
    {
      caption: { en: 'Turn reminders off', zh: '关闭提醒' },
      functionName: 'menuTurnRemindersOff',
      roles: ADMIN_ONLY,
    },
  ],
];

/** The items for `role`; with no role known, only "Open form", which any team member may use and which tells who they are. */
function menuItems(role: Role | null, lang: Lang): (MenuItem | null)[] {
  const out: (MenuItem | null)[] = [];
  for (const group of groups) {
    const mine = group.filter((e) => (role ? e.roles.includes(role) : e === openForm));
    if (!mine.length) continue;
    if (out.length) out.push(null);
    for (const e of mine) out.push({ caption: e.caption[lang], functionName: e.functionName });
  }
  return out;
}

/** Builds the menu for `role`, e.g. once "Open form" has identified the person. */
export function showMenu(role: Role | null) {
  addMenu(menuItems(role, uiLang()));
}

/** The role of whoever opened the file, when Apps Script says who they are (a simple onOpen often may not). */
function openerRole(authMode: unknown): Role | null {
  // In AuthMode.NONE reading the Team sheet or the document properties is an error.
  if (isAuthModeNone(authMode) || !caller().email) return null;
  try {
    return identify().role;
  } catch (e) {
    // The menu is the way in: a failed lookup must still leave "Open form", which reports what went wrong.
    console.error(e);
    return null;
  }
}

export function buildMenu(authMode: unknown) {
  showMenu(openerRole(authMode));
}
