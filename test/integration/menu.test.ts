// End to end in the emulator: dist/Code.js is loaded, people open the spreadsheet, and the add-on's menu is recorded.
import type { Emulator } from '../../emulator/src';
import { registerEmulator, teamRegister } from '../helpers/register';
import { ADMIN, CLERK, MANAGER, OWNER, TEAM, VIEWER } from '../helpers/users';

/** Shares the file but is not on the Team sheet: a Viewer to the add-on. */
const OUTSIDER = 'outsider@example.com';
const NAME = 'Customer Register';

const ADMIN_ITEMS = [
  'openForm',
  'openImport',
  'menuSetUpRegister',
  'menuApplyProtections',
  'menuCheckProtections',
  'menuRunDataCheck',
  'menuRefreshDashboard',
  'menuBackupNow',
  'menuTurnRemindersOn',
  'menuTurnRemindersOff',
];
const byRole: [string, string, string[]][] = [
  ['owner', OWNER, ADMIN_ITEMS],
  ['admin', ADMIN, ADMIN_ITEMS],
  ['manager', MANAGER, ['openForm', 'openImport', 'menuRunDataCheck', 'menuRefreshDashboard']],
  ['clerk', CLERK, ['openForm', 'menuRefreshDashboard']],
  ['viewer', VIEWER, ['openForm']],
  ['editor not on Team', OUTSIDER, ['openForm']],
];

function register() {
  return teamRegister({ editors: [...TEAM, OUTSIDER], scriptName: NAME });
}

function menuOf(emu: Emulator, user: string) {
  const menus = emu.uiOf(user).menus;
  expect(menus).toHaveLength(1);
  return menus[0];
}

function functions(emu: Emulator, user: string) {
  return menuOf(emu, user).items.flatMap((i) => ('functionName' in i ? [i.functionName] : []));
}

/** The refusal alerts (or a thrown refusal) a menu item produced for `user`. */
function refusals(emu: Emulator, user: string, fn: string): string[] {
  const alerts = emu.uiOf(user).alerts;
  const before = alerts.length;
  try {
    emu.run(user, fn);
  } catch (e) {
    return [String(e)];
  }
  return alerts.slice(before).filter((a) => /Only .* may/.test(a));
}

describe('a script bound to the spreadsheet: the menu under Extensions, by role', () => {
  test.each(byRole)('%s, known to onOpen, sees exactly the items the role may use', (_role, user, items) => {
    const emu = register();
    emu.open(user, { identified: true });
    expect(emu.triggerFailures).toEqual([]);
    expect(menuOf(emu, user)).toMatchObject({ title: NAME, addOn: true });
    expect(functions(emu, user)).toEqual(items);
  });

  test.each(byRole)(
    '%s, unknown to onOpen, gets "Open form", and after it the role’s items',
    (_r, user, items) => {
      const emu = register();
      emu.open(user);
      expect(emu.triggerFailures).toEqual([]);
      expect(functions(emu, user)).toEqual(['openForm']);
      emu.run(user, 'openForm');
      expect(emu.uiOf(user).sidebars).toHaveLength(1);
      expect(functions(emu, user)).toEqual(items);
    },
  );

  test('every item shown runs without a refusal, and every admin item hidden from a role is refused to it', () => {
    const emu = register();
    for (const [, user, items] of byRole) {
      for (const fn of items) expect([user, fn, refusals(emu, user, fn)]).toEqual([user, fn, []]);
      for (const fn of ADMIN_ITEMS.filter((f) => !items.includes(f)))
        expect([user, fn, refusals(emu, user, fn).length]).toEqual([user, fn, 1]);
    }
  });

  test('separators only stand between groups', () => {
    const emu = register();
    emu.open(OWNER, { identified: true });
    const items = menuOf(emu, OWNER).items;
    expect('separator' in items[0]).toBe(false);
    expect('separator' in items[items.length - 1]).toBe(false);
    expect(items.filter((i) => 'separator' in i)).toHaveLength(3);
  });

  test('a Chinese-speaking user gets the menu in Chinese', () => {
    const emu = teamRegister({ locales: { [CLERK]: 'zh-CN' } });
    emu.open(CLERK, { identified: true });
    expect(menuOf(emu, CLERK).items).toEqual([
      { caption: '打开表单', functionName: 'openForm' },
      { separator: true },
      { caption: '刷新仪表板', functionName: 'menuRefreshDashboard' },
    ]);
  });
});

describe('an Editor add-on in a test deployment', () => {
  test('installed but not enabled in this file (AuthMode.NONE): only "Open form", built without reading anything', () => {
    const emu = registerEmulator({ scriptName: NAME });
    emu.open(CLERK, { authMode: 'NONE', identified: true });
    expect(emu.triggerFailures).toEqual([]);
    expect(menuOf(emu, CLERK)).toEqual({
      title: NAME,
      addOn: true,
      items: [{ caption: 'Open form', functionName: 'openForm' }],
    });
  });

  test('onInstall gives the installing owner the admin menu on a fresh spreadsheet, and set-up works from it', () => {
    const emu = registerEmulator({ scriptName: NAME });
    emu.install(OWNER);
    expect(functions(emu, OWNER)).toEqual(ADMIN_ITEMS);
    emu.run(OWNER, 'menuSetUpRegister');
    expect(emu.uiOf(OWNER).alerts.at(-1)).toMatch(/set up/);
    expect(emu.spreadsheet.sheetNames()).toContain('Customers');
  });

  test('an owner unknown to onOpen who tries "Open form" before set-up is told to set up, and finds it in the menu', () => {
    const emu = registerEmulator({ scriptName: NAME });
    emu.open(OWNER);
    expect(() => emu.run(OWNER, 'openForm')).toThrow(/Set up register/);
    expect(functions(emu, OWNER)).toEqual(ADMIN_ITEMS);
  });
});

test('every function the menu names is a global of the bundle', () => {
  const emu = register();
  emu.open(OWNER, { identified: true });
  for (const fn of functions(emu, OWNER)) expect(() => emu.scriptRun(OWNER, fn)).not.toThrow(/not found/);
});
