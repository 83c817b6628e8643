// Errors as people meet them: a bug reaches the sidebar or a menu as a short message in their language, its stack in the log.
import { registerEmulator, teamRegister } from '../helpers/register';
import { CLERK, OWNER, VIEWER } from '../helpers/users';

const FAULT = 'Service Spreadsheets failed while accessing document with id spreadsheet-1.';

/** Makes the next sheet read of `fn` fail as a flaky Google service does. */
function failNextRead(emu: ReturnType<typeof teamRegister>, fn: string) {
  let failed = false;
  emu.hooks.beforeCall = (info) => {
    if (!failed && info.fn === fn && info.method.endsWith('getValues')) {
      failed = true;
      throw new Error(FAULT);
    }
  };
}

describe('an unexpected server error', () => {
  test('reaches the sidebar as a short message with the time, and the log keeps the stack', () => {
    const emu = teamRegister();
    failNextRead(emu, 'findCustomers');
    expect(() => emu.scriptRun(CLERK, 'findCustomers', { query: 'x' })).toThrow(
      /^The add-on hit an unexpected error\. Try again; .* \(\d{4}-\d\d-\d\dT[\d:.]+Z\)/,
    );
    const logged = emu.logs.filter((l) => l.startsWith('error: '));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(FAULT);
    expect(logged[0]).toMatch(/\n\s+at /);
  });

  test('is said in Chinese to a Chinese-speaking user', () => {
    const emu = teamRegister({ locales: { [CLERK]: 'zh-CN' } });
    failNextRead(emu, 'getCustomer');
    expect(() => emu.scriptRun(CLERK, 'getCustomer', { id: 'C-000001' })).toThrow(/^插件发生意外错误/);
  });

  test('from a menu item is shown in the dialog, not as a raw exception', () => {
    const emu = teamRegister();
    failNextRead(emu, 'menuSetUpRegister');
    expect(() => emu.run(OWNER, 'menuSetUpRegister')).not.toThrow();
    expect(emu.uiOf(OWNER).alerts.at(-1)).toMatch(/^The add-on hit an unexpected error/);
  });
});

test('a refusal still reads as the refusal, not as an unexpected error, and is not logged as one', () => {
  const emu = teamRegister();
  expect(() => emu.scriptRun(VIEWER, 'createCustomer', { values: { name: 'x' } })).toThrow(/^Only .* may/);
  expect(emu.logs.filter((l) => l.startsWith('error: '))).toEqual([]);
});

test('a problem found below the entry points, a sheet not set up, is said in the user’s language', () => {
  const emu = registerEmulator({ locales: { [OWNER]: 'zh-CN' } });
  expect(() => emu.run(OWNER, 'openForm')).toThrow(/^缺少工作表“Settings”：请管理员运行“设置登记表”。$/);
  expect(emu.logs.filter((l) => l.startsWith('error: '))).toEqual([]);
});
