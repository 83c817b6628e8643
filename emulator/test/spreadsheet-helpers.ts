// Test helper: a SpreadsheetModel with a fake execution context that records every charge.
/// <reference types="google-apps-script" />

import { type Behaviour, defaultBehaviour } from '../src/behaviour';
import type { ExecutionContext, ExecutionKind } from '../src/execution';
import { SpreadsheetModel } from '../src/spreadsheet';

export const OWNER = 'owner@example.com';
export const EDITOR = 'clerk@example.com';
export const OTHER = 'helper@example.com';
export const VIEWER = 'viewer@example.com';

export type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Charge {
  method: string;
  cells: number;
  /** Cells a TextFinder scanned on Google's side. */
  scanned?: number;
}

export interface FakeContext extends ExecutionContext {
  readonly charges: Charge[];
  readonly writes: string[];
}

export function fakeContext(actingUser = OWNER, kind: ExecutionKind = 'direct'): FakeContext {
  const charges: Charge[] = [];
  const writes: string[] = [];
  return {
    actingUser,
    activeUserEmail: actingUser,
    effectiveUserEmail: actingUser,
    authMode: 'FULL',
    kind,
    realmDate: Date,
    now: () => 0,
    charge(service: string, method: string, cells = 0, scanned = 0) {
      charges.push(
        scanned
          ? { method: `${service}.${method}`, cells, scanned }
          : { method: `${service}.${method}`, cells },
      );
    },
    spend() {},
    noteWrite(sheetName: string, a1: string) {
      writes.push(`${sheetName}!${a1}`);
    },
    charges,
    writes,
  };
}

export function newModel(
  behaviour: Partial<Behaviour> = {},
  workspaceDomain: string | null = null,
): SpreadsheetModel {
  return new SpreadsheetModel({
    id: 'sheet-file-1',
    name: 'Customer register',
    owner: OWNER,
    editors: [EDITOR, OTHER],
    viewers: [VIEWER],
    timeZone: 'Asia/Shanghai',
    locale: 'en_US',
    behaviour: { ...defaultBehaviour, ...behaviour },
    workspaceDomain,
  });
}

/** The SpreadsheetApp a script running as `user` sees, typed like the real one. */
export function appFor(model: SpreadsheetModel, user = OWNER, kind: ExecutionKind = 'direct') {
  const ctx = fakeContext(user, kind);
  const app = model.createSpreadsheetApp(ctx, { getUi: () => 'ui' }) as unknown as App;
  return { app, ctx, ss: app.getActive(), sheet: app.getActive().getSheets()[0] };
}

/** Runs `fn` and returns the message it threw ('' when it did not throw). */
export function thrown(fn: () => unknown): string {
  try {
    fn();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
