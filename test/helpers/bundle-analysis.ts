// Static analysis of dist/Code.js: top-level function declarations, free globals, and the OAuth scopes its calls need.
import { parse } from 'acorn';
import { analyze } from 'eslint-scope';

type Node = { type: string; id?: { name: string } | null; start: number };

export function parseScript(code: string) {
  return parse(code, { ecmaVersion: 2022, sourceType: 'script', ranges: true }) as unknown as {
    body: Node[];
  };
}

export function topLevelFunctions(code: string): string[] {
  return parseScript(code)
    .body.filter((n) => n.type === 'FunctionDeclaration' && n.id)
    .map((n) => (n.id as { name: string }).name);
}

/**
 * Globals the code reads or calls without declaring them. A `typeof x` probe may name a missing global,
 * and so may a use guarded by such a probe just before it (`typeof File<"u"&&e instanceof File`).
 */
export function freeGlobals(code: string): string[] {
  const ast = parseScript(code);
  // biome-ignore lint/suspicious/noExplicitAny: eslint-scope's types want an ESTree Program
  const scope = analyze(ast as any, { ecmaVersion: 2022, sourceType: 'script' });
  const names = new Set<string>();
  for (const ref of scope.globalScope?.through ?? []) {
    const { name, range, start } = ref.identifier as {
      name: string;
      range?: [number, number];
      start?: number;
    };
    const at = range?.[0] ?? start ?? 0;
    if (/typeof\s*\(?\s*$/.test(code.slice(Math.max(0, at - 8), at))) continue;
    if (code.slice(Math.max(0, at - 80), at).includes(`typeof ${name}`)) continue;
    names.add(name);
  }
  return [...names].sort();
}

/** ECMAScript's own globals, which Apps Script's V8 runtime has. */
export const ECMASCRIPT_GLOBALS = [
  'Object',
  'Function',
  'Array',
  'Number',
  'parseFloat',
  'parseInt',
  'Infinity',
  'NaN',
  'undefined',
  'Boolean',
  'String',
  'Symbol',
  'Date',
  'Promise',
  'RegExp',
  'Error',
  'AggregateError',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'globalThis',
  'JSON',
  'Math',
  'Intl',
  'ArrayBuffer',
  'Uint8Array',
  'Int8Array',
  'Uint16Array',
  'Int16Array',
  'Uint32Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
  'Uint8ClampedArray',
  'BigUint64Array',
  'BigInt64Array',
  'DataView',
  'Map',
  'BigInt',
  'Set',
  'WeakMap',
  'WeakSet',
  'Proxy',
  'Reflect',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'escape',
  'unescape',
  'eval',
  'isFinite',
  'isNaN',
  'WeakRef',
  'FinalizationRegistry',
];

/** The Apps Script services and globals the add-on may use. */
export const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'HtmlService',
  'ScriptApp',
  'MailApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'ContentService',
  'Session',
  'Utilities',
  'Charts',
  'DriveApp',
  // The Sheets advanced service: a global only because appsscript.json enables it.
  'Sheets',
  'Logger',
  'console',
];

/** What needs which scope: a pattern over the bundle's text and the scope it needs. */
export const SCOPE_RULES: { pattern: RegExp; scope: string }[] = [
  { pattern: /\bSpreadsheetApp\b/, scope: 'https://www.googleapis.com/auth/spreadsheets.currentonly' },
  { pattern: /\bSpreadsheetApp\.open(ById|ByUrl)?\b/, scope: 'https://www.googleapis.com/auth/spreadsheets' },
  // The Sheets advanced service is a REST API: spreadsheets.currentonly (an Apps Script scope) does not cover it.
  { pattern: /\.Spreadsheets\.(batchUpdate|get)\(/, scope: 'https://www.googleapis.com/auth/spreadsheets' },
  { pattern: /\.getUi\(\)|\bHtmlService\b/, scope: 'https://www.googleapis.com/auth/script.container.ui' },
  { pattern: /\bMailApp\b/, scope: 'https://www.googleapis.com/auth/script.send_mail' },
  { pattern: /\bDriveApp\b/, scope: 'https://www.googleapis.com/auth/drive.file' },
  {
    pattern: /\bScriptApp\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)\b/,
    scope: 'https://www.googleapis.com/auth/script.scriptapp',
  },
  {
    pattern: /\bSession\.(getActiveUser|getEffectiveUser)\b/,
    scope: 'https://www.googleapis.com/auth/userinfo.email',
  },
];

/** A scope that grants everything another does: listing both would ask for the narrower one for nothing. */
const SUBSUMES: Record<string, string> = {
  'https://www.googleapis.com/auth/spreadsheets': 'https://www.googleapis.com/auth/spreadsheets.currentonly',
};

export function requiredScopes(code: string): string[] {
  const found = new Set(SCOPE_RULES.filter((r) => r.pattern.test(code)).map((r) => r.scope));
  for (const s of [...found]) if (SUBSUMES[s]) found.delete(SUBSUMES[s]);
  return [...found].sort();
}
