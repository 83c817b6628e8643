// The installable onEdit guard: reverts hand edits to add-on-only cells, holds hand edits of records to the sidebar's rules, and re-applies protections after a Team edit.
import {
  editedBounds,
  handEditAudit,
  INVALID_BACKGROUND,
  INVALID_NOTE_PREFIX,
  invalidNote,
  type JudgedCell,
  judgeCell,
  logRecoveryAllowed,
} from '../domain/hand-edits';
import type { Lang } from '../domain/i18n';
import { phoneRegion } from '../domain/phone-region';
import { guardedColumns, sheetKind } from '../domain/protection-plan';
import { cellsFromRecord } from '../domain/record-codec';
import { stateAfterEdit } from '../domain/review-state';
import { roleOf } from '../domain/roles';
import type { WireValue } from '../schema';
import { type RecordType, type Role, recordTypes, type Settings } from '../schema';
import { appendAudit } from './audit-log';
import type { VerifiedMap } from './column-map';
import { ensureProtections, recordedGuard } from './protections';
import { type RecordWrite, writeRecords } from './record-writes';
import { wireOf } from './records';
import { spreadsheetOwner, withDocumentLock } from './session';
import { readSettings } from './settings';
import { verifiedMap } from './table';
import { readTeam } from './team';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface EditEvent {
  range: Range;
  value?: unknown;
  oldValue?: unknown;
  triggerUid?: string;
  user?: { getEmail(): string };
}

const bySheet: Readonly<Record<string, RecordType>> = Object.fromEntries(
  Object.values(recordTypes).map((rt) => [rt.sheetName, rt]),
);

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * Runs as the Admin who installed it, for every edit anyone makes by hand (script writes fire no onEdit, so
 * the add-on's own writes never come here). The column map is verified first: after a person moved or
 * inserted columns, a cached map would guard the wrong cells.
 */
export function guardEdit(e: EditEvent, lang: Lang) {
  // Only the recorded guard acts: another Admin's older trigger must not revert or audit a second time.
  const g = recordedGuard();
  if (g && e.triggerUid !== undefined && String(e.triggerUid) !== g.uid) return;
  // The event's range is built on each access: read it once.
  const range = e.range;
  const sheet = range.getSheet();
  const rt = bySheet[sheet.getName()];
  if (!rt) return;
  if (sheetKind(rt) === 'admin') {
    if (rt.key === 'team') teamChanged(sheet.getParent(), lang);
    return;
  }
  const a1 = range.getA1Notation();
  // Whole rows ('5:7') and columns ('D:F') keep their open form: they end where the sheet's content does.
  const open = !/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(a1);
  const size = open ? { lastRow: sheet.getLastRow(), lastColumn: sheet.getLastColumn() } : null;
  const at = editedBounds(a1, size ?? { lastRow: 0, lastColumn: 0 });
  if (!at) return;
  const first = Math.max(at.row, 2);
  if (at.lastRow < first) return;
  const ss = sheet.getParent();
  withDocumentLock(() => {
    const map = verifiedMap(ss, rt.sheetName);
    const columns: number[] = [];
    for (let c = at.col; c <= Math.min(at.lastCol, map.keys.length); c++)
      if (map.keys[c - 1]) columns.push(c);
    if (!columns.length) return;
    new EditCheck(ss, sheet, rt, map, lang, e, range).run(first, at.lastRow, columns);
  });
}

/** One edit event's check: reads the edited rows once, judges each cell of ours, then writes and audits in blocks. */
class EditCheck {
  private readonly tz: string;
  private readonly who: string;
  private role: Role | null | undefined;
  private settings: Settings | undefined;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly sheet: Sheet,
    private readonly rt: RecordType,
    private readonly map: VerifiedMap,
    private readonly lang: Lang,
    private readonly e: EditEvent,
    private readonly range: Range,
  ) {
    this.tz = ss.getSpreadsheetTimeZone();
    this.who = (e.user?.getEmail() ?? '').trim().toLowerCase();
  }

  /** The editor's role; null when Apps Script does not say who edited (outside a Workspace domain). */
  private roleOf(): Role | null {
    if (this.role === undefined)
      this.role = this.who ? roleOf(this.who, spreadsheetOwner(this.ss), readTeam(this.ss)) : null;
    return this.role;
  }

  private wire(key: string, cell: unknown): WireValue {
    return wireOf(this.rt, { [key]: cell }, this.tz)[key] ?? null;
  }

  run(first: number, last: number, columns: number[]) {
    const { rt, map, sheet, e } = this;
    const width = map.keys.length;
    const rows = sheet.getRange(first, 1, last - first + 1, width).getValues();
    const col = (key: string) => map.keys.indexOf(key);
    const isLog = sheetKind(rt) === 'log';
    const recordOf = (i: number) =>
      (!isLog && col('id') >= 0 && text(rows[i][col('id')])) || `${rt.sheetName}!${first + i}`;
    const guarded = guardedColumns(rt, fieldColumns(map.keys));
    const isGuarded = (c: number) => guarded === 'sheet' || guarded.includes(c);
    const oneCell = rows.length === 1 && columns.length === 1 && this.range.getNumColumns() === 1;
    // A one-cell paste also comes without e.value: only a typed edit (or a cleared cell) has a known old value.
    const typed = oneCell && (e.value !== undefined || text(rows[0][columns[0] - 1]) === '');

    const judged: JudgedCell[] = [];
    const rewrite = new Map<string, unknown>();
    const notes = new Map<string, string>();
    const edited = new Set<number>();
    for (let i = 0; i < rows.length; i++) {
      let region: string | undefined;
      for (const c of columns) {
        const key = map.keys[c - 1];
        const after = this.wire(key, rows[i][c - 1]);
        const before = typed ? this.wire(key, e.oldValue ?? '') : undefined;
        if (typed && before === after) continue;
        // A typed ID is not the record's: the old one is.
        const record = key === 'id' && typed && e.oldValue !== undefined ? text(e.oldValue) : recordOf(i);
        const cell = { record, key, before, after };
        if (isGuarded(c)) {
          if (!typed) judged.push({ ...cell, action: 'handEdit' });
          else if (logRecoveryAllowed(rt, key, before ?? null, after, this.roleOf()))
            judged.push({ ...cell, action: 'update' });
          else {
            // e.oldValue is absent when the cell was empty.
            this.range.setValue(text(e.oldValue));
            judged.push({ ...cell, action: 'revert' });
          }
          continue;
        }
        edited.add(i);
        region ??= phoneRegion(this.rowValues(rows[i]), this.settingsOf());
        const j = judgeCell(rt, key, after, { lang: this.lang, phoneRegion: region });
        const at = `${i}:${c}`;
        if (j.kind === 'invalid') {
          notes.set(at, invalidNote(j.message));
          judged.push({ ...cell, action: 'invalidValue' });
          continue;
        }
        notes.set(at, '');
        if (j.kind === 'normalized') rewrite.set(at, cellsFromRecord(rt, { [key]: j.value }, this.lang)[key]);
        judged.push({ ...cell, after: j.value, action: 'update' });
      }
    }
    if (!judged.length) return;
    this.writeBack(first, rows, rewrite);
    this.mark(first, notes);
    judged.push(...this.backToReview(rows, edited, recordOf));
    const where = `${rt.sheetName}!${this.range.getA1Notation()}`;
    appendAudit(
      this.ss,
      handEditAudit(judged, { time: new Date(), user: this.who, where }, this.lang),
      this.lang,
    );
  }

  /** The row's cells of ours by key, as wire values: what the phone region and the review state are read from. */
  private rowValues(row: unknown[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.map.keys.forEach((k, i) => {
      if (k) out[k] = row[i];
    });
    return wireOf(this.rt, out, this.tz);
  }

  private settingsOf(): Settings {
    if (!this.settings) this.settings = readSettings(this.ss);
    return this.settings;
  }

  /** Normalized values in place: one write of the block that spans them, the other cells as just read. */
  private writeBack(first: number, rows: unknown[][], rewrite: Map<string, unknown>) {
    const span = spanOf(rewrite);
    if (!span) return;
    const block = [];
    for (let i = span.r0; i <= span.r1; i++) {
      const line = [];
      for (let c = span.c0; c <= span.c1; c++) {
        const at = `${i}:${c}`;
        line.push(rewrite.has(at) ? rewrite.get(at) : rows[i][c - 1]);
      }
      block.push(line);
    }
    this.sheet.getRange(first + span.r0, span.c0, block.length, block[0].length).setValues(block);
  }

  /**
   * Invalid values kept get a note with the reason and a highlight; a valid value clears only a mark of ours.
   * One read and one write each of notes and backgrounds over the cells judged.
   */
  private mark(first: number, notes: Map<string, string>) {
    const span = spanOf(notes);
    if (!span) return;
    const range = this.sheet.getRange(first + span.r0, span.c0, span.r1 - span.r0 + 1, span.c1 - span.c0 + 1);
    const had = range.getNotes();
    const ours = (note: string) => note.startsWith(INVALID_NOTE_PREFIX);
    let changed = false;
    for (const [at, note] of notes) {
      const [i, c] = at.split(':').map(Number);
      if (note || ours(had[i - span.r0][c - span.c0])) changed = true;
    }
    if (!changed) return;
    const backgrounds = range.getBackgrounds();
    for (const [at, note] of notes) {
      const [i, c] = at.split(':').map(Number);
      const r = i - span.r0;
      const k = c - span.c0;
      if (note) {
        had[r][k] = note;
        backgrounds[r][k] = INVALID_BACKGROUND;
      } else if (ours(had[r][k])) {
        had[r][k] = '';
        backgrounds[r][k] = '#ffffff';
      }
    }
    range.setNotes(had);
    range.setBackgrounds(backgrounds);
  }

  /** Maker-checker: a hand edit of an approved entry by someone who is not a reviewer sends it back to review. */
  private backToReview(
    rows: unknown[][],
    edited: Set<number>,
    recordOf: (i: number) => string,
  ): JudgedCell[] {
    const stateCol = this.map.keys.indexOf('recordState');
    const idCol = this.map.keys.indexOf('id');
    if (stateCol < 0 || idCol < 0 || !edited.size) return [];
    const writes: RecordWrite[] = [];
    const out: JudgedCell[] = [];
    for (const i of edited) {
      const id = text(rows[i][idCol]);
      const state = this.wire('recordState', rows[i][stateCol]);
      const next = id ? stateAfterEdit(this.roleOf(), state) : null;
      if (!next) continue;
      writes.push({ id, cells: cellsFromRecord(this.rt, { recordState: next }, this.lang) });
      out.push({ record: recordOf(i), key: 'recordState', before: state, after: next, action: 'update' });
    }
    if (writes.length) writeRecords(this.ss, this.rt.sheetName, writes);
    return out;
  }
}

/** The smallest block (row indexes, sheet columns) holding every 'i:c' key of a map; null when empty. */
function spanOf(cells: Map<string, unknown>) {
  if (!cells.size) return null;
  let r0 = Infinity;
  let r1 = -Infinity;
  let c0 = Infinity;
  let c1 = -Infinity;
  for (const at of cells.keys()) {
    const [i, c] = at.split(':').map(Number);
    r0 = Math.min(r0, i);
    r1 = Math.max(r1, i);
    c0 = Math.min(c0, c);
    c1 = Math.max(c1, c);
  }
  return { r0, r1, c0, c1 };
}

function fieldColumns(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  keys.forEach((k, i) => {
    if (k) out[k] = i + 1;
  });
  return out;
}

/** Team changed by hand (only Admins can): protections follow, if the guard's creator is still an Admin. */
function teamChanged(ss: Spreadsheet, lang: Lang) {
  const me = Session.getEffectiveUser().getEmail().trim().toLowerCase();
  const owner = spreadsheetOwner(ss);
  if (roleOf(me, owner, readTeam(ss)) !== 'Admin') return;
  withDocumentLock(() => ensureProtections(ss, { owner, lang }));
}
