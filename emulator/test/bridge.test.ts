// google.script.run's wire rules: JSON-safe arguments only, Dates back as null, private and unknown functions refused.
import { BridgeError } from '../src';
import { CLERK, scriptEmulator } from './runtime-helpers';

const code = `
function echo(x) { return x; }
function when() { return { at: new Date(), list: [1, undefined, 3], fn: function () {} }; }
function secret_() { return 'hidden'; }
function kind(x) { return [typeof x, Array.isArray(x), x instanceof Object]; }
function boom() { throw new Error('Nope: field "phone" is invalid'); }`;

describe('google.script.run bridge', () => {
  const emu = scriptEmulator(code);

  test('plain objects and arrays cross as JSON and arrive as objects of the script realm', () => {
    expect(emu.scriptRun(CLERK, 'echo', { a: [1, 'x', null, true] })).toEqual({ a: [1, 'x', null, true] });
    expect(emu.scriptRun(CLERK, 'kind', { a: 1 })).toEqual(['object', false, true]);
  });

  test('a Date argument fails the request', () => {
    expect(() => emu.scriptRun(CLERK, 'echo', new Date())).toThrow(BridgeError);
  });

  test('a function argument fails the request', () => {
    expect(() => emu.scriptRun(CLERK, 'echo', { f: () => 1 })).toThrow(BridgeError);
  });

  test('a returned Date arrives as null, undefined in arrays as null, functions vanish', () => {
    expect(emu.scriptRun(CLERK, 'when')).toEqual({ at: null, list: [1, null, 3] });
  });

  test('functions whose names end in an underscore cannot be called', () => {
    expect(() => emu.scriptRun(CLERK, 'secret_')).toThrow('Script function not found: secret_');
  });

  test('a server exception reaches the caller with its message', () => {
    expect(emu.scriptRunJson(CLERK, 'boom', '[]')).toEqual({
      ok: false,
      error: 'Nope: field "phone" is invalid',
    });
  });

  test('someone with no access to the file is refused', () => {
    expect(() => emu.scriptRun('stranger@elsewhere.com', 'echo', 1)).toThrow('no access');
  });
});
