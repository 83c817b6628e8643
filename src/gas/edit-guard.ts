// The installable onEdit guard: reverts and audits hand edits to add-on-only cells, and re-applies protections after a Team edit.
import type { AuditRow } from '../domain/audit';
import { type Lang, t } from '../domain/i18n';
import { guardedColumns, sheetKind } from '../domain/protection-plan';
import { roleOf } from '../domain/roles';
import { type RecordType, recordTypes } from '../schema';
import { appendAudit } from './audit-log';
import { cachedMap, columnOf } from './column-map';
import { ensureProtections, recordedGuard } from './protections';
import { spreadsheetOwner, withDocumentLock } from './session';
import { readTeam } from './team';

type Range = GoogleAppsScript.Spreadsheet.Range;

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

function cellBounds(a1: string) {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (!m) return null;
  return { row: Number(m[2]), col: col(m[1]), lastRow: Number(m[4] ?? m[2]), lastCol: col(m[3] ?? m[1]) };
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * Runs as the Admin who installed it, for every edit anyone makes by hand (script writes fire no onEdit, so
 * the add-on's own writes never come here). It costs three calls for an edit it leaves alone.
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
  const a1 = range.getA1Notation();
  const at = cellBounds(a1);
  if (!at) return;
  if (sheetKind(rt) === 'admin') {
    if (rt.key === 'team') teamChanged(sheet.getParent(), lang);
    return;
  }
  if (at.lastRow < 2) return;
  const map = cachedMap(rt.sheetName);
  if (!map) return;
  const guarded = guardedColumns(rt, fieldColumns(map.keys));
  const hit = guarded === 'sheet' ? true : guarded.some((c) => c >= at.col && c <= at.lastCol);
  if (!hit) return;

  const single = at.row === at.lastRow && at.col === at.lastCol;
  const who = e.user?.getEmail() ?? '';
  const base = { time: new Date(), user: who, source: 'sheetEdit' };
  const fieldAt = (c: number) => map.keys[c - 1] ?? '';
  let row: AuditRow;
  if (single) {
    // e.oldValue is absent when the cell was empty.
    range.setValue(text(e.oldValue));
    const field = fieldAt(at.col);
    row = {
      ...base,
      action: 'revert',
      record: recordOf(rt, sheet, at.row, field, e.oldValue, map.keys ?? []),
      field,
      oldValue: text(e.oldValue),
      newValue: text(e.value),
    };
  } else {
    // A paste or fill: the event carries no old values, so nothing can be put back. Say so in Audit.
    const cells = (at.lastRow - at.row + 1) * (at.lastCol - at.col + 1);
    row = {
      ...base,
      action: 'handEdit',
      record: `${rt.sheetName}!${a1}`,
      field:
        guarded === 'sheet'
          ? ''
          : guarded
              .filter((c) => c >= at.col && c <= at.lastCol)
              .map(fieldAt)
              .join(', '),
      oldValue: '',
      newValue: t(lang, 'handEditNotReverted', { cells }),
    };
  }
  appendAudit(sheet.getParent(), [row], lang);
}

function fieldColumns(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  keys.forEach((k, i) => {
    if (k) out[k] = i + 1;
  });
  return out;
}

/** The record an edited row belongs to: its ID (the old one when the ID itself was overwritten), else the cell. */
function recordOf(
  rt: RecordType,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  field: string,
  oldValue: unknown,
  keys: readonly string[],
): string {
  if (sheetKind(rt) === 'log' || !keys.includes('id')) return `${rt.sheetName}!${row}`;
  if (field === 'id') return text(oldValue);
  return text(sheet.getRange(row, columnOf({ keys: [...keys], headers: [] }, 'id')).getValue());
}

/** Team changed by hand (only Admins can): protections follow, if the guard's creator is still an Admin. */
function teamChanged(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, lang: Lang) {
  const me = Session.getEffectiveUser().getEmail().trim().toLowerCase();
  const owner = spreadsheetOwner(ss);
  if (roleOf(me, owner, readTeam(ss)) !== 'Admin') return;
  withDocumentLock(() => ensureProtections(ss, { owner, lang }));
}
