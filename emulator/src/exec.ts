// One execution of the script: its user, auth mode, modelled clock, meter record, held locks and the 6-minute kill.
import { limits, messages } from './behaviour';
import { callCost, isSheetWrite, needsSync } from './costs';
import type { AuthMode, ExecutionContext, ExecutionKind } from './execution';
import { type ExecutionRecord, Meter } from './meter';

export interface ExecOptions {
  id: number;
  fn: string;
  kind: ExecutionKind;
  authMode: AuthMode;
  actingUser: string;
  activeUserEmail: string;
  effectiveUserEmail: string;
  startedAt: number;
  limitMs?: number;
  record: ExecutionRecord;
  beforeCall?: (exec: Exec, service: string, method: string) => void;
  /** Fault injection: extra modelled milliseconds for a call (a slow service). */
  extraCost?: (exec: Exec, service: string, method: string) => number;
}

/** Thrown when an execution passes its time limit; scripts cannot catch their way out of it. */
export class KilledError extends Error {}

export class Exec implements ExecutionContext {
  readonly id: number;
  readonly fn: string;
  readonly kind: ExecutionKind;
  readonly authMode: AuthMode;
  readonly actingUser: string;
  readonly activeUserEmail: string;
  readonly effectiveUserEmail: string;
  readonly startedAt: number;
  readonly limitMs: number;
  readonly record: ExecutionRecord;
  realmDate: DateConstructor = Date;
  /** Builds an Error in the script's realm so `instanceof Error` holds there. */
  realmError: (message: string) => Error = (m) => new Error(m);
  elapsed = 0;
  killed = false;
  ended = false;
  private readonly beforeCall?: ExecOptions['beforeCall'];
  private readonly extraCost?: ExecOptions['extraCost'];

  constructor(o: ExecOptions) {
    this.id = o.id;
    this.fn = o.fn;
    this.kind = o.kind;
    this.authMode = o.authMode;
    this.actingUser = o.actingUser;
    this.activeUserEmail = o.activeUserEmail;
    this.effectiveUserEmail = o.effectiveUserEmail;
    this.startedAt = o.startedAt;
    this.limitMs = o.limitMs ?? limits.maxExecutionMs;
    this.record = o.record;
    this.beforeCall = o.beforeCall;
    this.extraCost = o.extraCost;
  }

  now(): number {
    return this.startedAt + this.elapsed;
  }

  addServiceTime(ms: number): void {
    this.record.serviceMs += ms;
  }

  /** Sheet writes still in the script's buffer: the next read or flush pays for reaching the spreadsheet. */
  private pendingWrites = false;

  /** Counts and prices one call: `cells` moved to or from the script, `scanned` searched on Google's side. */
  charge(service: string, method: string, cells = 0, scanned = 0): void {
    this.checkAlive();
    this.beforeCall?.(this, service, method);
    let synced = false;
    if (service === 'SpreadsheetApp') {
      synced = this.pendingWrites && needsSync(method);
      if (synced) this.pendingWrites = false;
      if (isSheetWrite(method)) this.pendingWrites = true;
    }
    Meter.count(this.record, service, method, cells, scanned, synced);
    this.spend(
      callCost(service, method, { cells, scanned, synced }) + (this.extraCost?.(this, service, method) ?? 0),
    );
  }

  spend(ms: number): void {
    this.checkAlive();
    this.elapsed += ms;
    this.record.modelledMs = this.elapsed;
    if (this.elapsed > this.limitMs) {
      this.killed = true;
      throw new KilledError(messages.maxExecutionTime);
    }
  }

  /** Throws an Apps Script service exception (name 'Exception') built in the script's realm. */
  fail(message: string): never {
    const e = this.realmError(message);
    e.name = 'Exception';
    throw e;
  }

  private checkAlive() {
    if (this.killed) throw new KilledError(messages.maxExecutionTime);
  }
}
