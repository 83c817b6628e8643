// End to end in the emulator: dist/Code.js is loaded, a user opens the spreadsheet, and the add-on's menu is recorded.
import { Emulator } from '../../emulator/src';
import { CLERK, OWNER, TEAM } from '../helpers/users';

function emulator() {
  return new Emulator({ owner: OWNER, editors: TEAM }).loadBundle('dist');
}

describe('the add-on menu', () => {
  test('opening the spreadsheet builds the full menu once the add-on may run', () => {
    const emu = emulator();
    const ui = emu.open(CLERK);
    expect(emu.triggerFailures).toEqual([]);
    expect(ui.menus).toHaveLength(1);
    expect(ui.menus[0].title).toBe('Customer Register / 客户登记');
    expect(ui.menus[0].items).toEqual(
      expect.arrayContaining([
        { caption: 'Open form', functionName: 'openForm' },
        { caption: 'Set up register', functionName: 'menuSetUpRegister' },
      ]),
    );
  });

  test('in AuthMode.NONE the menu is built without reading anything', () => {
    const emu = emulator();
    const ui = emu.open(CLERK, { authMode: 'NONE' });
    expect(emu.triggerFailures).toEqual([]);
    expect(ui.menus[0].items).toEqual([{ caption: 'Set up register', functionName: 'menuSetUpRegister' }]);
  });

  test('a Chinese-speaking user gets the menu in Chinese', () => {
    const emu = new Emulator({ owner: OWNER, editors: TEAM, locales: { [CLERK]: 'zh-CN' } }).loadBundle(
      'dist',
    );
    const ui = emu.open(CLERK);
    expect(ui.menus[0].items).toEqual(
      expect.arrayContaining([{ caption: '打开表单', functionName: 'openForm' }]),
    );
  });

  test('every function the menu names is a global of the bundle', () => {
    const emu = emulator();
    const ui = emu.open(OWNER);
    for (const item of ui.menus[0].items)
      if ('functionName' in item)
        expect(() => emu.scriptRun(OWNER, item.functionName)).not.toThrow(/not found/);
  });
});
