// The preview's one emulator: loaded from its JSON file, or seeded with the demo register on first start, and saved back.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Emulator } from '../emulator/src';
import { bundleGlobals } from './bundle';
import { todayAt } from './clock';
import { DEMO_TEAM } from './demo-data';
import { DEMO_OWNER, HISTORY_DAYS, type SeedReport, seedDemo } from './seed';

export interface StoreOptions {
  /** Where the state file lives (git-ignored: .preview/). */
  stateDir: string;
  /** The built add-on: Code.js, sidebar.html, appsscript.json. */
  distDir: string;
  /** Throw the saved state away and seed again. */
  reset?: boolean;
  /**
   * The demo's "now" when seeding (default: today 10:00 in the spreadsheet's time zone). After the 09:00 reminder
   * hour on purpose: the seed turns reminders on at "now", so "Advance to tomorrow 09:00" is their first run.
   */
  now?: number;
}

const TIME_ZONE = 'Asia/Shanghai';

export class PreviewStore {
  readonly file: string;
  readonly globals: ReadonlySet<string>;
  readonly distDir: string;
  emu: Emulator;
  /** Set when this start seeded the demo: which parts went through the add-on and which were written as rows. */
  readonly seeded?: SeedReport;

  constructor(o: StoreOptions) {
    this.file = join(o.stateDir, 'state.json');
    this.distDir = o.distDir;
    this.globals = bundleGlobals(o.distDir);
    mkdirSync(o.stateDir, { recursive: true });
    if (o.reset) rmSync(this.file, { force: true });
    if (existsSync(this.file)) {
      try {
        this.emu = Emulator.load(this.file).loadBundle(o.distDir);
      } catch (e) {
        throw new Error(`Cannot read ${this.file} (${(e as Error).message}); start again with --reset.`);
      }
    } else {
      const now = o.now ?? todayAt(Date.now(), TIME_ZONE, 10);
      // Every team member may open the file; what each may do is the add-on's business (its Team sheet and roles).
      this.emu = new Emulator({
        owner: DEMO_OWNER,
        editors: DEMO_TEAM.map((m) => m.email),
        timeZone: TIME_ZONE,
        scriptName: 'Customer Register',
        now: now - HISTORY_DAYS * 86400000,
      }).loadBundle(o.distDir);
      this.seeded = seedDemo(this.emu, this.globals, now);
      this.save();
    }
  }

  /** Writes the whole state atomically: a crash mid-write leaves the previous state, never half a file. */
  save() {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.emu.toJSON()));
    renameSync(tmp, this.file);
  }
}
