// DriveApp under drive.file: files land in the creating account's Drive and only that account's runs can open them.
import { Emulator } from '../src';
import { CLERK, OWNER, scriptEmulator } from './runtime-helpers';

const SCRIPT = `
function save(text) { return DriveApp.createFile('snapshot.json', text, 'application/json').getId(); }
function load(id) { var f = DriveApp.getFileById(id); return [f.getName(), f.getBlob().getDataAsString(), f.isTrashed()]; }
function trash(id) { DriveApp.getFileById(id).setTrashed(true); }
function onOpen() { DriveApp.createFile('x', 'y'); }
`;

test('a file created by a script is read back by the same account, in its Drive', () => {
  const emu = scriptEmulator(SCRIPT);
  const id = emu.run(OWNER, 'save', '{"a":1}') as string;
  expect(emu.run(OWNER, 'load', id)).toEqual(['snapshot.json', '{"a":1}', false]);
  expect(emu.drive.files[0]).toMatchObject({ owner: OWNER, mimeType: 'application/json' });
  emu.run(OWNER, 'trash', id);
  expect(emu.run(OWNER, 'load', id)).toEqual(['snapshot.json', '{"a":1}', true]);
});

test('another account cannot open it, nor anyone an unknown ID', () => {
  const emu = scriptEmulator(SCRIPT);
  const id = emu.run(OWNER, 'save', 'x') as string;
  expect(() => emu.run(CLERK, 'load', id)).toThrow(/No item with the given ID could be found/);
  expect(() => emu.run(OWNER, 'load', 'nope')).toThrow(/No item with the given ID/);
});

test('a simple trigger may not use it, and files survive the JSON round trip', () => {
  const emu = scriptEmulator(SCRIPT);
  emu.open(OWNER);
  expect(emu.triggerFailures.map((f) => f.error).join('\n')).toMatch(
    /DriveApp.createFile. Required permissions: https:\/\/www.googleapis.com\/auth\/drive.file/,
  );
  emu.run(OWNER, 'save', 'kept');
  const back = Emulator.fromJSON(JSON.parse(JSON.stringify(emu.toJSON())));
  expect(back.drive.files.map((f) => f.content)).toEqual(['kept']);
});

test('a file over the 50 MB blob limit is refused, and moving content costs time by its size', () => {
  const emu = scriptEmulator(SCRIPT);
  const big = 'x'.repeat(52_428_801);
  expect(() => emu.run(OWNER, 'save', big)).toThrow(/Blob too large/);
  expect(emu.drive.files).toHaveLength(0);
  emu.run(OWNER, 'save', 'x'.repeat(10 * 1024 * 1024));
  emu.run(OWNER, 'save', 'x');
  const [large, small] = emu.meter.executions.slice(-2).map((e) => e.modelledMs);
  // 10 MB at the estimated 0.1 ms a KB: about a second more than a one-byte file.
  expect(large - small).toBeGreaterThan(1000);
  expect(large - small).toBeLessThan(1100);
});
