// Who may edit what: file sharing, protections (mirroring, explicit editors, warning-only, domain) and the checks writes run.

import { messages } from '../behaviour';
import type { ExecutionContext } from '../execution';
import type { Axis } from './axis';
import { intersects, subtract } from './rects';
import type { ProtectionState, Rect, SpreadsheetState } from './state';

export function canEditFile(state: SpreadsheetState, user: string): boolean {
  return user !== '' && (user === state.owner || state.editors.includes(user));
}

function inDomain(state: SpreadsheetState, user: string): boolean {
  return (
    state.workspaceDomain !== null && user.toLowerCase().endsWith(`@${state.workspaceDomain.toLowerCase()}`)
  );
}

/** The editors a protection reports: while it mirrors the file, the file's editors (never the owner). */
export function protectionEditors(state: SpreadsheetState, p: ProtectionState): string[] {
  return p.explicit ? [...p.editors] : state.editors.filter((e) => e !== state.owner);
}

export function canEditProtection(state: SpreadsheetState, p: ProtectionState, user: string): boolean {
  if (user !== '' && user === state.owner) return true;
  if (!canEditFile(state, user)) return false;
  if (p.warningOnly || !p.explicit) return true;
  if (p.editors.includes(user)) return true;
  return p.domainEdit && inDomain(state, user);
}

/** Script runs and people typing are checked; the emulator's own fixture building is not. */
function checked(ctx: ExecutionContext): boolean {
  return ctx.kind !== 'emulator';
}

/**
 * A viewer (or anyone without edit access) gets the protected-cell message for every write: it is the text
 * Sheets uses for edits the user may not make, and keeps one message for "you may not write here".
 */
export function assertFileWritable(state: SpreadsheetState, ctx: ExecutionContext): void {
  if (checked(ctx) && !canEditFile(state, ctx.actingUser)) throw new Error(messages.protectedCell);
}

function blocking(state: SpreadsheetState, ctx: ExecutionContext, sheetId: number): ProtectionState[] {
  return state.protections.filter(
    (p) => p.sheetId === sheetId && !canEditProtection(state, p, ctx.actingUser),
  );
}

/** Throws unless the acting user may change every cell of `rect`. */
export function assertCellsWritable(
  state: SpreadsheetState,
  ctx: ExecutionContext,
  sheetId: number,
  rect: Rect,
): void {
  if (!checked(ctx)) return;
  assertFileWritable(state, ctx);
  for (const p of blocking(state, ctx, sheetId)) {
    if (
      p.type === 'RANGE'
        ? p.rect !== null && intersects(p.rect, rect)
        : subtract(rect, p.unprotected).length > 0
    ) {
      throw new Error(messages.protectedCell);
    }
  }
}

/**
 * Throws unless the acting user may delete or move rows/columns `first..last` (inclusive) or, with
 * `inside`, insert between `first` and `last` (only a protection holding both lines would grow).
 */
export function assertLinesWritable(
  state: SpreadsheetState,
  ctx: ExecutionContext,
  sheetId: number,
  axis: Axis,
  first: number,
  last: number,
  inside = false,
): void {
  if (!checked(ctx)) return;
  assertFileWritable(state, ctx);
  for (const p of blocking(state, ctx, sheetId)) {
    if (p.type === 'SHEET' || p.rect === null) throw new Error(messages.protectedCell);
    const [start, len] = axis === 'row' ? [p.rect.r, p.rect.nr] : [p.rect.c, p.rect.nc];
    const hit = inside ? first >= start && last < start + len : first < start + len && last >= start;
    if (hit) throw new Error(messages.protectedCell);
  }
}

/** Throws unless the acting user may change the sheet as a whole (rename, delete, hide): any blocking protection on it refuses. */
export function assertSheetWritable(
  state: SpreadsheetState,
  ctx: ExecutionContext,
  sheetId: number,
  anyProtection: boolean,
): void {
  if (!checked(ctx)) return;
  assertFileWritable(state, ctx);
  const refused = blocking(state, ctx, sheetId).some((p) => anyProtection || p.type === 'SHEET');
  if (refused) throw new Error(messages.protectedCell);
}

/** Changing a protection itself: the owner, or someone the protection lets edit. */
export function assertProtectionChangeable(
  state: SpreadsheetState,
  ctx: ExecutionContext,
  p: ProtectionState,
): void {
  if (!checked(ctx)) return;
  assertFileWritable(state, ctx);
  if (!canEditProtection(state, p, ctx.actingUser)) throw new Error(messages.protectedCell);
}
