// The execution context: who is running, in which auth mode and trigger kind, and the meter every service call goes through.

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** How the execution was started; decides what the script may do (simple triggers may not send mail, etc.). */
export type ExecutionKind =
  | 'direct' // a test or the preview calling a global as a user (like the Apps Script editor's Run)
  | 'script-run' // google.script.run from the sidebar: runs as the person using it
  | 'simple-trigger' // onOpen / onEdit / onInstall simple triggers
  | 'installable-trigger' // runs as the trigger's creator
  | 'web-app' // doGet / doPost of the deployed web app: no container, no active document
  | 'user' // not a script at all: a person typing into the grid
  | 'emulator'; // the emulator itself (setting up fixtures): bypasses protections, validation and metering

export interface ExecutionContext {
  /** The person the code acts as: edits are checked against this user's rights. '' when unknown. */
  readonly actingUser: string;
  /** What Session.getActiveUser().getEmail() returns ('' in simple triggers and other unauthorised contexts). */
  readonly activeUserEmail: string;
  /** What Session.getEffectiveUser().getEmail() returns (the trigger's creator in installable triggers). */
  readonly effectiveUserEmail: string;
  readonly authMode: AuthMode;
  readonly kind: ExecutionKind;
  /** The Date constructor of the script's realm (reads the fake clock), used to build Date values for getValues. */
  readonly realmDate: DateConstructor;
  /** The execution's current modelled time in epoch ms. */
  now(): number;
  /**
   * Counts one service call and the cells it moved, advances the modelled clock by the cost model,
   * and throws `Exceeded maximum execution time` once the execution has run past its limit.
   */
  charge(service: string, method: string, cells?: number, scanned?: number): void;
  /** Advances the modelled clock without counting a call (Utilities.sleep, lock waits). */
  spend(ms: number): void;
  /** Wall-clock time spent inside an emulated service call: Apps Script's own work, not the script's compute. */
  addServiceTime?(ms: number): void;
  /** Reports that the script wrote cells, so the runtime can keep a log of script writes (they fire no onEdit). */
  noteWrite?(sheetName: string, a1: string): void;
}

/** A context for the emulator's own fixture building: no meter, no checks. */
export function emulatorContext(now: () => number = Date.now): ExecutionContext {
  return {
    actingUser: '',
    activeUserEmail: '',
    effectiveUserEmail: '',
    authMode: 'FULL',
    kind: 'emulator',
    realmDate: Date,
    now,
    charge() {},
    spend() {},
  };
}
