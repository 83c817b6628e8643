import { Emulator } from '../emulator/src';
import { OWNER, TEAM } from '../test/helpers/users';
import { careScenarios } from './bench/care-scenarios';
async function main() {
  const rows = Number(process.argv[2] ?? 1000);
  const emu = new Emulator({ owner: OWNER, editors: TEAM, now: '2026-11-23T00:00:00Z' }).loadBundle('dist');
  const s = careScenarios.find((x) => x.name === 'backup')!;
  await s.prepare(emu, rows);
  for (const n of ['Customers','Interactions','Property','Reminder log','Audit']) { const sh=(emu as any); }
  s.run(emu, rows);
  for (const f of emu.drive.files) console.log(f.name, Buffer.byteLength(f.content));
}
main();
