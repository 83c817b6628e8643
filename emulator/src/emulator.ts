// The Emulator: one spreadsheet with its bound script, run as named users in executions of their own on a fake clock.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { type Behaviour, defaultBehaviour, limits, messages, personChange } from './behaviour';
import { BridgeError, checkCallable, encodeArgs, encodeResult } from './bridge';
import { costs } from './costs';
import { Exec, KilledError } from './exec';
import type { AuthMode, ExecutionContext, ExecutionKind } from './execution';
import { Meter } from './meter';
import { REALM_DATE_SOURCE } from './realm-date';
import { createCacheService, emptyCacheStores } from './services/cache';
import { createContentService } from './services/content';
import { createDriveApp, type DriveState, emptyDrive } from './services/drive';
import { formatDate } from './services/format-date';
import { createHtmlService, createUi, emptyUiRecord, type UiRecord } from './services/html';
import { createLockService, type LockTable, releaseAll } from './services/lock';
import { createMailApp, type MailState } from './services/mail';
import { createPropertiesService, emptyPropertyStores, type PropertyStores } from './services/properties';
import { createScriptApp, nextRunAfter, type TriggerRecord, type TriggerState } from './services/script-app';
import { createLogging, createSession, user as userObject } from './services/session';
import { createUtilities } from './services/utilities';
import { type LineChange, type SortSpec, SpreadsheetModel, type SpreadsheetState } from './spreadsheet';
import { createCharts } from './spreadsheet/facade-chart';

export interface EmulatorOptions {
  /** The spreadsheet's owner (default owner@example.com). */
  owner?: string;
  editors?: string[];
  viewers?: string[];
  name?: string;
  /** The spreadsheet's time zone (default Asia/Shanghai). */
  timeZone?: string;
  /** The script's time zone (default: appsscript.json's, else the spreadsheet's). */
  scriptTimeZone?: string;
  /** The spreadsheet's locale and every user's default locale (default en_US). */
  locale?: string;
  /** Per-user locales, e.g. { 'li@example.com': 'zh-CN' }. */
  locales?: Record<string, string>;
  /** The fake clock's start (default 2026-11-23T01:00:00Z). */
  now?: string | number | Date;
  /** Users of this domain are one Workspace: installable triggers can see each other's email (default example.com). */
  workspaceDomain?: string | null;
  /** MailApp's daily recipient quota (default 100: a consumer account). */
  mailQuota?: number;
  /**
   * The name Extensions shows the menu of `createAddonMenu()` under: a bound script's project title, or the
   * add-on's name when it runs as an Editor add-on (default 'Untitled project', Apps Script's own default).
   */
  scriptName?: string;
  behaviour?: Partial<Behaviour>;
}

export interface CallInfo {
  execution: number;
  fn: string;
  user: string;
  service: string;
  method: string;
}

/** What a person's action in the grid returns: refused actions carry Apps Script's message and change nothing. */
export type PersonResult = { ok: true } | { ok: false; error: string };

export interface TriggerFailure {
  at: string;
  handler: string;
  user: string;
  error: string;
}

interface RunOptions {
  fn: string;
  user: string;
  kind: ExecutionKind;
  authMode: AuthMode;
  activeUserEmail: string;
  effectiveUserEmail: string;
  args: (realm: vm.Context) => unknown[];
  limitMs?: number;
  uiAvailable?: boolean;
}

/** appsscript.json's `webapp` section: who the web app runs as and who may open it. */
export interface WebAppManifest {
  executeAs: 'USER_DEPLOYING' | 'USER_ACCESSING';
  access: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
}

/** What a visit to the web app's /exec URL served: an HtmlOutput's page, a TextOutput's text, or the error page. */
export type WebAppResponse =
  | { ok: true; kind: 'html' | 'text'; body: string; title: string; mimeType: string }
  | { ok: false; error: string };

export interface WebAppRequest {
  /** Query parameters; a repeated parameter as an array. */
  query?: Record<string, string | string[]>;
  /** A POST body as sent. Form-encoded bodies also fill e.parameter, as Apps Script does. */
  body?: string;
  contentType?: string;
  /** The signed-in visitor, or '' (default) for an anonymous one. */
  visitor?: string;
}

const toMs = (t: string | number | Date) => (typeof t === 'number' ? t : new Date(t).getTime());

export class Emulator {
  readonly spreadsheet: SpreadsheetModel;
  readonly meter = new Meter();
  readonly logs: string[] = [];
  readonly triggerFailures: TriggerFailure[] = [];
  /** Called before every service call of every execution: lets a test run another execution in between. */
  readonly hooks: {
    beforeCall?: (info: CallInfo) => void;
    /** Extra modelled milliseconds for a call: a slow service, or an execution pushed past its limit. */
    extraCost?: (info: CallInfo) => number;
  } = {};
  /** The script's own properties, as the project's settings page shows them: a test may read, change or delete them. */
  get scriptProperties(): Record<string, string> {
    return this.properties.script;
  }
  /** Answers the next Ui.alert / Ui.prompt calls will get (default OK / ''). */
  readonly uiAnswers: string[] = [];
  scriptTimeZone: string;
  workspaceDomain: string | null;
  scriptName: string;
  private clock: number;
  private properties: PropertyStores = emptyPropertyStores();
  /** The files scripts created in their accounts' Drives (DriveApp under drive.file). */
  drive: DriveState = emptyDrive();
  private caches = emptyCacheStores();
  private locks: LockTable = new Map();
  private triggerState: TriggerState = { list: [], nextId: 1 };
  private mailState: MailState;
  private locales: Record<string, string>;
  private ui = new Map<string, UiRecord>();
  private files = new Map<string, string>();
  private script?: vm.Script;
  private bundleKb = 0;
  private nextExecution = 1;
  private stack: Exec[] = [];
  private explicitScriptTimeZone: boolean;
  /** From appsscript.json; null when the manifest has no `webapp` section (no web app can be deployed). */
  webAppManifest: WebAppManifest | null = null;
  /** appsscript.json's enabled advanced services: only these become globals, as in Apps Script. */
  advancedServices: { symbol: string; id: string }[] = [];

  constructor(o: EmulatorOptions = {}) {
    const behaviour = { ...defaultBehaviour, ...o.behaviour };
    this.spreadsheet = new SpreadsheetModel({
      name: o.name ?? 'Customer register',
      owner: o.owner ?? 'owner@example.com',
      editors: o.editors,
      viewers: o.viewers,
      timeZone: o.timeZone ?? 'Asia/Shanghai',
      locale: o.locale ?? 'en_US',
      behaviour,
      workspaceDomain: o.workspaceDomain === undefined ? 'example.com' : o.workspaceDomain,
    });
    this.explicitScriptTimeZone = o.scriptTimeZone !== undefined;
    this.scriptTimeZone = o.scriptTimeZone ?? o.timeZone ?? 'Asia/Shanghai';
    this.workspaceDomain = o.workspaceDomain === undefined ? 'example.com' : o.workspaceDomain;
    this.scriptName = o.scriptName ?? 'Untitled project';
    this.clock = toMs(o.now ?? '2026-11-23T01:00:00Z');
    this.locales = { ...o.locales };
    this.defaultLocale = o.locale ?? 'en_US';
    this.mailState = {
      outbox: [],
      used: {},
      dailyQuota: o.mailQuota ?? limits.mailDailyConsumer,
      workspace: this.workspaceDomain !== null,
      failures: new Map(),
    };
  }

  private defaultLocale: string;

  // ---- the bundle -------------------------------------------------------------------------------

  /** Loads dist/Code.js and every .html beside it (what clasp would push). */
  loadBundle(dir = 'dist'): this {
    const code = readFileSync(join(dir, 'Code.js'), 'utf8');
    this.script = new vm.Script(code, { filename: 'Code.js' });
    this.bundleKb = Buffer.byteLength(code) / 1024;
    for (const f of readdirSync(dir))
      if (f.endsWith('.html')) this.files.set(f.slice(0, -5), readFileSync(join(dir, f), 'utf8'));
    const manifest = join(dir, 'appsscript.json');
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8'));
      if (!this.explicitScriptTimeZone && json.timeZone) this.scriptTimeZone = json.timeZone;
      this.webAppManifest = json.webapp ?? null;
      this.advancedServices = (json.dependencies?.enabledAdvancedServices ?? []).map(
        (x: { userSymbol: string; serviceId: string }) => ({ symbol: x.userSymbol, id: x.serviceId }),
      );
    }
    return this;
  }

  // ---- people and time --------------------------------------------------------------------------

  now(): number {
    return this.stack.length ? this.stack[this.stack.length - 1].now() : this.clock;
  }

  setLocale(email: string, locale: string) {
    this.locales[email] = locale;
  }

  /** What a user sees: menus built by onOpen, sidebars and dialogs shown, alerts. */
  uiOf(email: string): UiRecord {
    let r = this.ui.get(email);
    if (!r) {
      r = emptyUiRecord();
      this.ui.set(email, r);
    }
    return r;
  }

  get outbox() {
    return this.mailState.outbox;
  }

  get mail() {
    const s = this.mailState;
    return {
      /** Makes sendEmail throw `message` for this recipient ('*' for everyone). */
      failFor: (address: string, message: string) => void s.failures.set(address.toLowerCase(), message),
      clearFailures: () => s.failures.clear(),
      setDailyQuota: (n: number) => {
        s.dailyQuota = n;
      },
      /** Recipients left today for a user. */
      remaining: (email: string) => Math.max(0, s.dailyQuota - (s.used[`${email}|${this.day()}`] ?? 0)),
    };
  }

  triggers(): readonly TriggerRecord[] {
    return this.triggerState.list;
  }

  /** A person deletes a trigger in the Apps Script editor's Triggers page. */
  deleteTrigger(id: string) {
    const i = this.triggerState.list.findIndex((t) => t.id === id);
    if (i >= 0) this.triggerState.list.splice(i, 1);
  }

  /** Moves the clock forward (to an instant or by `ms`), firing every time-driven trigger that falls due, as its creator. */
  advanceClock(to: { ms: number } | string | number | Date) {
    const end =
      typeof to === 'object' && 'ms' in to ? this.clock + to.ms : toMs(to as string | number | Date);
    for (let fired = 0; fired < 10000; fired++) {
      const due = this.triggerState.list
        .filter((t) => t.event === 'CLOCK' && !t.spent && t.nextRun !== undefined && t.nextRun <= end)
        .sort((a, b) => (a.nextRun as number) - (b.nextRun as number))[0];
      if (!due?.schedule || due.nextRun === undefined) break;
      const at = due.nextRun;
      this.clock = Math.max(this.clock, at);
      const s = due.schedule;
      if (s.kind === 'once') due.spent = true;
      else due.nextRun = nextRunAfter(s, s.kind === 'days' ? at + (s.days - 1) * 86400000 : at);
      this.fire(due, (realm) => [this.clockEvent(realm, due, at)]);
    }
    this.clock = Math.max(this.clock, end);
  }

  // ---- running code -----------------------------------------------------------------------------

  /** Runs a global as `user` (like Run in the script editor, or a menu item): a full-authorization execution. */
  run(user: string, fn: string, ...args: unknown[]): unknown {
    this.requireAccess(user);
    return this.execute({
      fn,
      user,
      kind: 'direct',
      authMode: 'FULL',
      activeUserEmail: user,
      effectiveUserEmail: user,
      args: () => args,
    });
  }

  /** Calls a server function the way google.script.run does from the sidebar, with its serialization rules. */
  scriptRun(user: string, fn: string, ...args: unknown[]): unknown {
    const out = this.scriptRunJson(user, fn, encodeArgs(args));
    if (!out.ok) throw new BridgeError(out.error);
    return out.json === undefined ? undefined : JSON.parse(out.json);
  }

  /** The JSON form of scriptRun, for the preview server and browser tests: arguments and result as JSON text. */
  scriptRunJson(
    user: string,
    fn: string,
    argsJson: string,
  ): { ok: true; json?: string } | { ok: false; error: string } {
    try {
      checkCallable(fn);
      this.requireAccess(user);
      const parsed = JSON.parse(argsJson);
      if (!Array.isArray(parsed)) throw new BridgeError('Arguments must be a JSON array.');
      const result = this.execute({
        fn,
        user,
        kind: 'script-run',
        authMode: 'FULL',
        activeUserEmail: user,
        effectiveUserEmail: user,
        args: (realm) => vm.runInContext('JSON', realm).parse(argsJson),
      });
      return { ok: true, json: encodeResult(result) };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  }

  /**
   * A visit to the deployed web app (its /exec URL): doGet or doPost in an execution of its own, run as
   * the manifest says (USER_DEPLOYING: the spreadsheet's owner, whoever visits). An anonymous visitor has no
   * active user. The page a thrown error would show comes back as `{ ok: false }`.
   */
  webApp(method: 'GET' | 'POST', request: WebAppRequest = {}): WebAppResponse {
    const m = this.webAppManifest;
    if (!m)
      throw new Error('appsscript.json has no webapp section: the script cannot be deployed as a web app.');
    const visitor = request.visitor ?? '';
    const signedIn = visitor !== '';
    const allowed =
      m.access === 'ANYONE_ANONYMOUS' ||
      (m.access === 'ANYONE' && signedIn) ||
      (m.access === 'DOMAIN' && signedIn && visitor.endsWith(`@${this.workspaceDomain}`)) ||
      (m.access === 'MYSELF' && visitor === this.spreadsheet.owner);
    if (!allowed) return { ok: false, error: signedIn ? 'You need access' : 'Sign in required' };
    const deploying = m.executeAs === 'USER_DEPLOYING';
    const runAs = deploying ? this.spreadsheet.owner : visitor;
    const fn = method === 'GET' ? 'doGet' : 'doPost';
    const query = request.query ?? {};
    const fromBody =
      method === 'POST' && /^application\/x-www-form-urlencoded/.test(request.contentType ?? '')
        ? formFields(request.body ?? '')
        : {};
    const parameters: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(query)) parameters[k] = Array.isArray(v) ? [...v] : [v];
    for (const [k, v] of Object.entries(fromBody)) parameters[k] = [...(parameters[k] ?? []), ...v];
    const queryString = Object.entries(query)
      .flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`),
      )
      .join('&');
    try {
      const out = this.execute({
        fn,
        user: runAs,
        kind: 'web-app',
        authMode: 'FULL',
        // The deployer's own visit is known; another visitor is not, even signed in, when the app runs as the deployer.
        activeUserEmail: deploying ? (visitor === runAs ? visitor : '') : visitor,
        effectiveUserEmail: runAs,
        args: (realm) => {
          const json = JSON.stringify({
            parameter: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, v[0]])),
            parameters,
            queryString,
            pathInfo: '',
            contextPath: '',
            contentLength: method === 'POST' ? Buffer.byteLength(request.body ?? '') : -1,
            ...(method === 'POST'
              ? {
                  postData: {
                    contents: request.body ?? '',
                    length: Buffer.byteLength(request.body ?? ''),
                    type: request.contentType ?? 'application/octet-stream',
                    name: 'postData',
                  },
                }
              : {}),
          });
          return [vm.runInContext('JSON', realm).parse(json)];
        },
      }) as { getContent?: () => string; getTitle?: () => string; getMimeType?: () => string } | null;
      if (!out || typeof out.getContent !== 'function')
        return { ok: false, error: 'The script completed but did not return anything.' };
      if (typeof out.getMimeType === 'function')
        return { ok: true, kind: 'text', body: out.getContent(), title: '', mimeType: out.getMimeType() };
      return {
        ok: true,
        kind: 'html',
        body: out.getContent(),
        title: out.getTitle?.() ?? '',
        mimeType: 'text/html',
      };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  }

  /**
   * A user opens the spreadsheet: simple onOpen, then installable onOpen triggers. The simple trigger runs
   * without the user's authorization, so by default it does not learn their email; `identified` models what
   * Google documents as the usual exception (the developer themselves, or a user of the developer's Workspace
   * domain). AuthMode.NONE never identifies anyone.
   */
  open(user: string, o: { authMode?: 'NONE' | 'LIMITED'; identified?: boolean } = {}) {
    this.requireAccess(user);
    const record = this.uiOf(user);
    record.menus = [];
    const authMode = o.authMode ?? 'LIMITED';
    const known = o.identified && authMode !== 'NONE' ? user : '';
    this.simpleTrigger('onOpen', user, authMode, known, (realm) => [
      {
        authMode,
        user: userObject(known),
        get source() {
          return realm.SpreadsheetApp.getActive();
        },
      },
    ]);
    for (const t of this.triggerState.list.filter((x) => x.event === 'ON_OPEN'))
      this.fire(
        t,
        (realm) => [
          {
            authMode: 'FULL',
            triggerUid: t.id,
            user: userObject(this.visibleTo(t.creator, user)),
            get source() {
              return realm.SpreadsheetApp.getActive();
            },
          },
        ],
        user,
      );
    return record;
  }

  /** The add-on is installed by `user`: onInstall runs with full authorization. */
  install(user: string) {
    this.requireAccess(user);
    return this.execute({
      fn: 'onInstall',
      user,
      kind: 'simple-trigger',
      authMode: 'FULL',
      activeUserEmail: user,
      effectiveUserEmail: user,
      uiAvailable: true,
      args: (realm) => [
        {
          authMode: 'FULL',
          get source() {
            return realm.SpreadsheetApp.getActive();
          },
        },
      ],
    });
  }

  /**
   * A person types `input` into a cell: validation and protections apply against that person, then
   * simple onEdit and installable onEdit triggers fire (with `e.value` / `e.oldValue`), then installable
   * onChange (EDIT). With a block of values instead, a paste or fill over `a1` (whole rows '5:7' and
   * columns 'D:F' accepted): the block lands at the range's top-left and fills only its own cells, every
   * cell parsed as typed and checked, all or nothing; then ONE onEdit per trigger whose `e.range` is the
   * whole range in the form given, with no `e.value` and no `e.oldValue`.
   */
  edit(user: string, sheetName: string, a1: string, input: string): PersonResult;
  edit(user: string, sheetName: string, a1: string, values: string[][]): PersonResult;
  edit(user: string, sheetName: string, a1: string, input: string | string[][]): PersonResult {
    this.requireAccess(user);
    const ctx = this.personContext(user);
    let change: { sheetName: string; a1: string; value?: unknown; oldValue?: unknown };
    try {
      change =
        typeof input === 'string'
          ? this.spreadsheet.userEdit(ctx, sheetName, a1, input)
          : this.spreadsheet.userPaste(ctx, sheetName, a1, input);
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
    const event = (realm: vm.Context, extra: Record<string, unknown>) => {
      const e: Record<string, unknown> = {
        ...extra,
        get source() {
          return realm.SpreadsheetApp.getActive();
        },
        get range() {
          return realm.SpreadsheetApp.getActive().getSheetByName(change.sheetName).getRange(change.a1);
        },
      };
      if (change.value !== '' && change.value !== undefined) e.value = displayText(change.value);
      if (change.oldValue !== '' && change.oldValue !== undefined) e.oldValue = displayText(change.oldValue);
      return e;
    };
    this.simpleTrigger('onEdit', user, 'LIMITED', '', (realm) => [
      event(realm, { authMode: 'LIMITED', user: userObject('') }),
    ]);
    for (const t of this.triggerState.list.filter((x) => x.event === 'ON_EDIT'))
      this.fire(
        t,
        (realm) => [
          event(realm, {
            authMode: 'FULL',
            triggerUid: t.id,
            user: userObject(this.visibleTo(t.creator, user)),
          }),
        ],
        user,
      );
    this.fireChange(user, personChange.edit);
    return { ok: true };
  }

  /**
   * A person sorts a range (Data > Sort range), e.g. 'A2:Z' below a header: rows move with their values,
   * formats, validations and notes. Fires installable onChange (behaviour.ts personChange.sort), no onEdit.
   */
  sortRange(user: string, sheetName: string, a1: string, sortSpec: SortSpec | SortSpec[]): PersonResult {
    const specs = Array.isArray(sortSpec) ? sortSpec : [sortSpec];
    return this.person(user, personChange.sort, (ctx) =>
      this.spreadsheet.userSort(ctx, sheetName, a1, specs),
    );
  }

  /** A person inserts `howMany` rows before `beforeRow`: onChange INSERT_ROW. */
  insertRows(user: string, sheetName: string, beforeRow: number, howMany: number): PersonResult {
    return this.lines(user, sheetName, personChange.insertRows, {
      kind: 'insert',
      axis: 'row',
      at: beforeRow,
      count: howMany,
    });
  }

  /** A person deletes `howMany` rows from `firstRow`: onChange REMOVE_ROW. */
  deleteRows(user: string, sheetName: string, firstRow: number, howMany: number): PersonResult {
    return this.lines(user, sheetName, personChange.removeRows, {
      kind: 'delete',
      axis: 'row',
      at: firstRow,
      count: howMany,
    });
  }

  /** A person inserts `howMany` columns before `beforeColumn`: onChange INSERT_COLUMN. */
  insertColumns(user: string, sheetName: string, beforeColumn: number, howMany: number): PersonResult {
    return this.lines(user, sheetName, personChange.insertColumns, {
      kind: 'insert',
      axis: 'column',
      at: beforeColumn,
      count: howMany,
    });
  }

  /** A person deletes `howMany` columns from `firstColumn`: onChange REMOVE_COLUMN. */
  deleteColumns(user: string, sheetName: string, firstColumn: number, howMany: number): PersonResult {
    return this.lines(user, sheetName, personChange.removeColumns, {
      kind: 'delete',
      axis: 'column',
      at: firstColumn,
      count: howMany,
    });
  }

  /** A person drags columns: `destinationIndex` in pre-move positions, as Sheet.moveColumns takes it. */
  moveColumns(
    user: string,
    sheetName: string,
    firstColumn: number,
    howMany: number,
    destinationIndex: number,
  ): PersonResult {
    return this.lines(user, sheetName, personChange.move, {
      kind: 'move',
      axis: 'column',
      from: firstColumn,
      count: howMany,
      to: destinationIndex,
    });
  }

  /** A person drags rows: `destinationIndex` in pre-move positions, as Sheet.moveRows takes it. */
  moveRows(
    user: string,
    sheetName: string,
    firstRow: number,
    howMany: number,
    destinationIndex: number,
  ): PersonResult {
    return this.lines(user, sheetName, personChange.move, {
      kind: 'move',
      axis: 'row',
      from: firstRow,
      count: howMany,
      to: destinationIndex,
    });
  }

  /**
   * The owner removes a person's access: they are no longer an editor or viewer. Their installable triggers
   * stay listed (only they could delete them) and fail on every firing without running.
   */
  removeAccess(email: string) {
    this.spreadsheet.removeAccess(email);
  }

  /** The owner transfers the file: `to` owns it (and every protection), the previous owner stays an editor. */
  transferOwnership(to: string) {
    this.spreadsheet.transferOwnership(to);
  }

  // ---- state ------------------------------------------------------------------------------------

  toJSON(): EmulatorState {
    return {
      format: 'gas-emulator/1',
      clock: this.clock,
      scriptTimeZone: this.scriptTimeZone,
      workspaceDomain: this.workspaceDomain,
      scriptName: this.scriptName,
      locales: this.locales,
      defaultLocale: this.defaultLocale,
      spreadsheet: this.spreadsheet.toJSON(),
      properties: this.properties,
      drive: this.drive,
      triggers: this.triggerState,
      mail: {
        outbox: this.mailState.outbox,
        used: this.mailState.used,
        dailyQuota: this.mailState.dailyQuota,
        workspace: this.mailState.workspace,
      },
    };
  }

  static fromJSON(state: EmulatorState, o: { behaviour?: Partial<Behaviour> } = {}): Emulator {
    if (state.format !== 'gas-emulator/1') throw new Error(`Unknown emulator state format: ${state.format}`);
    const emu = new Emulator({
      scriptTimeZone: state.scriptTimeZone,
      workspaceDomain: state.workspaceDomain,
      scriptName: state.scriptName,
      now: state.clock,
      locale: state.defaultLocale,
      locales: state.locales,
    });
    (emu as { spreadsheet: SpreadsheetModel }).spreadsheet = SpreadsheetModel.fromJSON(state.spreadsheet, {
      ...defaultBehaviour,
      ...o.behaviour,
    });
    emu.properties = state.properties;
    emu.drive = state.drive ?? emptyDrive();
    emu.triggerState = state.triggers;
    emu.mailState = { ...state.mail, failures: new Map() };
    return emu;
  }

  save(path: string) {
    writeFileSync(path, JSON.stringify(this.toJSON()));
  }

  static load(path: string, o: { behaviour?: Partial<Behaviour> } = {}): Emulator {
    return Emulator.fromJSON(JSON.parse(readFileSync(path, 'utf8')), o);
  }

  // ---- internals --------------------------------------------------------------------------------

  /** A person acting in the grid, not a script: checked against their rights, not metered, on the current clock. */
  private personContext(user: string): ExecutionContext {
    return {
      actingUser: user,
      activeUserEmail: user,
      effectiveUserEmail: user,
      authMode: 'FULL',
      kind: 'user',
      realmDate: Date,
      now: () => this.now(),
      charge() {},
      spend() {},
    };
  }

  /** Runs one action of a person; when it succeeds, fires installable onChange with `changeType` (no onEdit). */
  private person(user: string, changeType: string, act: (ctx: ExecutionContext) => void): PersonResult {
    this.requireAccess(user);
    try {
      act(this.personContext(user));
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
    this.fireChange(user, changeType);
    return { ok: true };
  }

  private lines(user: string, sheetName: string, changeType: string, ch: LineChange): PersonResult {
    return this.person(user, changeType, (ctx) => this.spreadsheet.userLines(ctx, sheetName, ch));
  }

  private fireChange(user: string, changeType: string) {
    for (const t of this.triggerState.list.filter((x) => x.event === 'ON_CHANGE'))
      this.fire(
        t,
        (realm) => [
          {
            authMode: 'FULL',
            changeType,
            triggerUid: t.id,
            user: userObject(this.visibleTo(t.creator, user)),
            get source() {
              return realm.SpreadsheetApp.getActive();
            },
          },
        ],
        user,
      );
  }

  private requireAccess(user: string) {
    const m = this.spreadsheet;
    if (!m.canEditFile(user) && !m.canViewFile(user))
      throw new BridgeError(`${user} has no access to this spreadsheet.`);
  }

  private day() {
    return formatDate(this.now(), this.scriptTimeZone, 'yyyy-MM-dd');
  }

  /** What an installable trigger created by `creator` sees of the person who caused it. */
  private visibleTo(creator: string, person: string) {
    const d = this.workspaceDomain;
    return d && creator.endsWith(`@${d}`) && person.endsWith(`@${d}`)
      ? person
      : creator === person
        ? person
        : '';
  }

  private simpleTrigger(
    fn: 'onOpen' | 'onEdit',
    user: string,
    authMode: AuthMode,
    activeUserEmail: string,
    args: (realm: vm.Context) => unknown[],
  ) {
    if (!this.script) throw new Error('No bundle loaded: call loadBundle() first.');
    if (!this.hasGlobal(fn)) return;
    try {
      this.execute({
        fn,
        user,
        kind: 'simple-trigger',
        authMode,
        activeUserEmail,
        effectiveUserEmail: '',
        args,
        limitMs: limits.simpleTriggerMs,
        uiAvailable: true,
      });
    } catch (e) {
      this.triggerFailures.push({
        at: new Date(this.clock).toISOString(),
        handler: fn,
        user,
        error: errorText(e),
      });
    }
  }

  private fire(t: TriggerRecord, args: (realm: vm.Context) => unknown[], person?: string) {
    const failed = (error: string) =>
      this.triggerFailures.push({
        at: new Date(this.now()).toISOString(),
        handler: t.handler,
        user: t.creator,
        error,
      });
    // A creator who lost access to the file: the trigger stays, and every run fails before any code runs.
    if (!this.spreadsheet.canViewFile(t.creator)) {
      failed(messages.noDocumentAccess);
      return;
    }
    try {
      this.execute({
        fn: t.handler,
        user: t.creator,
        kind: 'installable-trigger',
        authMode: 'FULL',
        activeUserEmail: person === undefined ? t.creator : this.visibleTo(t.creator, person),
        effectiveUserEmail: t.creator,
        args,
        uiAvailable: t.event !== 'CLOCK',
      });
    } catch (e) {
      failed(errorText(e));
    }
  }

  private clockEvent(realm: vm.Context, t: TriggerRecord, at: number) {
    const tz = this.scriptTimeZone;
    const f = (p: string) => Number(formatDate(at, tz, p));
    return {
      authMode: 'FULL',
      triggerUid: t.id,
      year: f('yyyy'),
      month: f('M'),
      'day-of-month': f('d'),
      'day-of-week': f('u'),
      hour: f('H'),
      minute: f('m'),
      second: f('s'),
      timezone: tz,
      get date() {
        return new realm.Date(at);
      },
    };
  }

  private probe?: vm.Context;
  private hasGlobal(fn: string) {
    if (!this.probe) {
      this.probe = vm.createContext({});
      this.script?.runInContext(this.probe);
    }
    return typeof this.probe[fn] === 'function';
  }

  private execute(o: RunOptions): unknown {
    if (!this.script) throw new Error('No bundle loaded: call loadBundle() first.');
    const parent = this.stack[this.stack.length - 1];
    const startedAt = parent ? parent.now() : this.clock;
    const id = this.nextExecution++;
    const record = this.meter.start({ id, fn: o.fn, user: o.user, kind: o.kind, startedAt });
    const exec = new Exec({
      id,
      fn: o.fn,
      kind: o.kind,
      authMode: o.authMode,
      actingUser: o.user,
      activeUserEmail: o.activeUserEmail,
      effectiveUserEmail: o.effectiveUserEmail,
      startedAt,
      limitMs: o.limitMs,
      record,
      beforeCall: this.hooks.beforeCall
        ? (x, service, method) =>
            this.hooks.beforeCall?.({ execution: x.id, fn: x.fn, user: x.actingUser, service, method })
        : undefined,
      extraCost: (x, service, method) =>
        this.hooks.extraCost?.({ execution: x.id, fn: x.fn, user: x.actingUser, service, method }) ?? 0,
    });
    const t0 = performance.now();
    this.stack.push(exec);
    try {
      const realm = this.realm(exec, o);
      exec.spend(costs.startMs + this.bundleKb * costs.loadPerKbMs);
      this.script.runInContext(realm);
      const f = realm[o.fn];
      if (typeof f !== 'function') throw new BridgeError(`Script function not found: ${o.fn}`);
      const args = o.args(realm);
      let result: unknown;
      try {
        result = f(...args);
      } catch (e) {
        if (exec.killed) throw new KilledError(messages.maxExecutionTime);
        throw e;
      }
      // A script that caught the kill still dies: Apps Script stops the execution, not the statement.
      if (exec.killed) throw new KilledError(messages.maxExecutionTime);
      return result;
    } catch (e) {
      record.error = errorText(e);
      throw e;
    } finally {
      exec.ended = true;
      releaseAll(this.locks, exec);
      this.stack.pop();
      record.computeMs = Math.max(0, performance.now() - t0 - record.serviceMs);
      if (!parent) this.clock = Math.max(this.clock, exec.now());
    }
  }

  private realm(exec: Exec, o: RunOptions): vm.Context {
    const sandbox: Record<string, unknown> = {};
    const realm = vm.createContext(sandbox, {
      name: `execution ${exec.id}: ${o.fn}`,
      codeGeneration: { strings: true, wasm: false },
    });
    vm.runInContext(REALM_DATE_SOURCE, realm)(() => exec.now(), this.scriptTimeZone);
    exec.realmDate = vm.runInContext('Date', realm);
    const RealmError = vm.runInContext('Error', realm) as ErrorConstructor;
    exec.realmError = (m) => new RealmError(m);
    const uiUser = o.user;
    const getUi = () =>
      createUi(
        exec,
        this.uiOf(uiUser),
        this.uiAnswers,
        o.uiAvailable ?? o.kind !== 'installable-trigger',
        this.scriptName,
      );
    const sheets = this.spreadsheet.createSpreadsheetApp(exec, { getUi });
    const logging = createLogging(this.logs);
    const locale = this.locales[o.user] ?? this.defaultLocale;
    Object.assign(sandbox, {
      SpreadsheetApp: o.authMode === 'NONE' ? noneModeSpreadsheetApp(exec, getUi) : sheets,
      HtmlService: createHtmlService(exec, this.files, (body, vars) =>
        vm.runInContext(
          '(function (__vars, __body) { return new Function("__vars", "with (__vars) {" + __body + "}")(__vars); })',
          realm,
        )(vars, body),
      ),
      ScriptApp: createScriptApp(exec, this.triggerState, {
        scriptTimeZone: this.scriptTimeZone,
        spreadsheetId: 'spreadsheet-1',
        scriptId: 'script-1',
      }),
      MailApp: createMailApp(exec, this.mailState, () => this.day()),
      LockService: createLockService(exec, this.locks),
      PropertiesService: createPropertiesService(exec, this.properties),
      CacheService: createCacheService(exec, this.caches),
      ContentService: createContentService(exec),
      Session: createSession(exec, { locale, scriptTimeZone: this.scriptTimeZone }),
      Utilities: createUtilities(exec),
      Charts: createCharts(),
      DriveApp: createDriveApp(exec, this.drive),
      Logger: logging.Logger,
      console: logging.console,
    });
    for (const a of this.advancedServices)
      if (a.id === 'sheets')
        sandbox[a.symbol] =
          o.authMode === 'NONE' ? noneModeService(exec) : this.spreadsheet.createSheetsService(exec);
    return realm;
  }
}

export interface EmulatorState {
  format: 'gas-emulator/1';
  clock: number;
  scriptTimeZone: string;
  workspaceDomain: string | null;
  /** Absent in states saved before the option existed. */
  scriptName?: string;
  locales: Record<string, string>;
  defaultLocale: string;
  spreadsheet: SpreadsheetState;
  properties: PropertyStores;
  /** Absent in states saved before DriveApp was modelled. */
  drive?: DriveState;
  triggers: TriggerState;
  mail: Omit<MailState, 'failures'>;
}

/** In AuthMode.NONE an add-on may build its menu but not read the document. */
function noneModeSpreadsheetApp(exec: Exec, getUi: () => unknown) {
  return new Proxy(
    { getUi },
    {
      get(target, prop) {
        if (prop === 'getUi') return target.getUi;
        return () => exec.fail('Authorization is required to perform that action.');
      },
    },
  );
}

/** An advanced service in AuthMode.NONE: the global is there, every call needs authorization. */
function noneModeService(exec: Exec) {
  const refuse = () => exec.fail('Authorization is required to perform that action.');
  return { Spreadsheets: new Proxy({}, { get: () => refuse }) };
}

function displayText(v: unknown) {
  return Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : String(v);
}

/** application/x-www-form-urlencoded fields, repeated names kept in order. */
function formFields(body: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const [k, v = ''] = pair.split('=');
    const decode = (x: string) => decodeURIComponent(x.replace(/\+/g, ' '));
    const key = decode(k);
    out[key] = [...(out[key] ?? []), decode(v)];
  }
  return out;
}

export function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as Error).message);
  return String(e);
}
