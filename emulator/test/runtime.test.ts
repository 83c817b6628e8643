// Executions: fresh globals per call, the script realm's missing globals, the fake clock and the 6-minute kill.
import { messages } from '../src';
import { CLERK, OWNER, scriptEmulator } from './runtime-helpers';

describe('executions', () => {
  test('each call is a fresh execution: globals set by one are gone in the next', () => {
    const emu = scriptEmulator('var n = 0; function bump() { n += 1; return n; }');
    expect(emu.run(OWNER, 'bump')).toBe(1);
    expect(emu.run(OWNER, 'bump')).toBe(1);
  });

  test('the script runs as the calling user', () => {
    const emu = scriptEmulator(
      'function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }',
    );
    expect(emu.run(CLERK, 'who')).toEqual([CLERK, CLERK]);
  });

  test('the script realm lacks what Apps Script lacks', () => {
    const emu = scriptEmulator(`function probe() {
      return ['require', 'process', 'URL', 'URLSearchParams', 'TextEncoder', 'setTimeout', 'setInterval',
        'structuredClone', 'window', 'atob', 'btoa', 'fetch', 'crypto', 'Buffer', 'module', 'exports']
        .filter(function (n) { return typeof globalThis[n] !== 'undefined'; });
    }`);
    expect(emu.run(OWNER, 'probe')).toEqual([]);
  });

  test('calling a missing function fails with the Apps Script message', () => {
    const emu = scriptEmulator('function a() {}');
    expect(() => emu.run(OWNER, 'nope')).toThrow('Script function not found: nope');
  });

  test('Date inside the script reads the fake clock, and sleep advances it', () => {
    const emu = scriptEmulator(
      'function t() { var a = new Date().toISOString(); Utilities.sleep(90000); return [a, Date.now()]; }',
      {
        now: '2026-03-01T08:00:00Z',
      },
    );
    const [a, b] = emu.run(OWNER, 't') as [string, number];
    // Loading the bundle costs modelled time too, so the script starts a moment after the clock.
    expect(Date.parse(a) - Date.parse('2026-03-01T08:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(a) - Date.parse('2026-03-01T08:00:00Z')).toBeLessThan(1000);
    expect(b - Date.parse(a)).toBe(90000);
    expect(emu.now()).toBeGreaterThanOrEqual(b);
  });

  test('local time in the script is the script time zone', () => {
    const emu = scriptEmulator(
      `function h() {
        var d = new Date(); var e = new Date(2026, 0, 31, 23, 30); e.setDate(e.getDate() + 1);
        return [d.getHours(), d.getTimezoneOffset(), e.toISOString(), String(e).slice(0, 24), new Date('2026-07-01T09:00:00').toISOString()];
      }`,
      { now: '2026-03-01T08:00:00Z', scriptTimeZone: 'Asia/Shanghai' },
    );
    expect(emu.run(OWNER, 'h')).toEqual([
      16,
      -480,
      '2026-02-01T15:30:00.000Z',
      'Sun Feb 01 2026 23:30:00',
      '2026-07-01T01:00:00.000Z',
    ]);
  });

  test('local time follows daylight saving in zones that have it', () => {
    const emu = scriptEmulator(
      'function h(t) { return [new Date(t).getHours(), new Date(t).getTimezoneOffset()]; }',
      {
        scriptTimeZone: 'Europe/London',
      },
    );
    expect(emu.run(OWNER, 'h', Date.parse('2026-01-15T12:00:00Z'))).toEqual([12, 0]);
    expect(emu.run(OWNER, 'h', Date.parse('2026-07-15T12:00:00Z'))).toEqual([13, -60]);
  });

  test('an execution past 6 minutes is killed, even if the script catches the error', () => {
    const emu = scriptEmulator(`var done = 0;
      function long() { for (var i = 0; i < 10; i++) { try { Utilities.sleep(60000); done++; } catch (e) {} } return 'finished'; }`);
    expect(() => emu.run(OWNER, 'long')).toThrow(messages.maxExecutionTime);
    expect(emu.meter.last?.error).toBe(messages.maxExecutionTime);
  });

  test('service calls are counted and priced by the cost model', () => {
    const emu = scriptEmulator(
      `function p() { var s = PropertiesService.getDocumentProperties(); s.setProperty('a', '1'); s.getProperty('a'); }`,
    );
    emu.run(OWNER, 'p');
    const rec = emu.meter.last;
    expect(rec?.calls).toEqual({ 'PropertiesService.setProperty': 1, 'PropertiesService.getProperty': 1 });
    expect(rec?.modelledMs).toBeGreaterThan(0);
  });

  test('service errors are Errors of the script realm named Exception', () => {
    const emu = scriptEmulator(
      `function f() { try { Utilities.formatDate('x', 'UTC', 'yyyy'); } catch (e) { return [e instanceof Error, e.name, String(e)]; } }`,
    );
    expect(emu.run(OWNER, 'f')).toEqual([true, 'Exception', 'Exception: Invalid argument: date']);
  });
});
