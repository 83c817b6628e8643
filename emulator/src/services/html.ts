// HtmlService and the spreadsheet Ui: HTML outputs, templates with scriptlets, and recorded menus, sidebars and dialogs.
import type { Exec } from '../exec';

export interface MenuRecord {
  title: string;
  /** Built with createAddonMenu(): a sub-menu of Extensions named after the script, not a top-level menu. */
  addOn?: true;
  items: ({ caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord })[];
}
export interface SidebarRecord {
  at: string;
  title: string;
  html: string;
  width: number;
}
export interface UiRecord {
  menus: MenuRecord[];
  sidebars: SidebarRecord[];
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: string[];
}

export function emptyUiRecord(): UiRecord {
  return { menus: [], sidebars: [], dialogs: [], alerts: [] };
}

export interface HtmlOutput {
  getContent(): string;
  setContent(html: string): HtmlOutput;
  append(html: string): HtmlOutput;
  getTitle(): string;
  setTitle(t: string): HtmlOutput;
  getWidth(): number;
  setWidth(w: number): HtmlOutput;
  getHeight(): number;
  setHeight(h: number): HtmlOutput;
  setSandboxMode(m: unknown): HtmlOutput;
  setXFrameOptionsMode(m: unknown): HtmlOutput;
  addMetaTag(name: string, content: string): HtmlOutput;
  setFaviconUrl(url: string): HtmlOutput;
}

function htmlOutput(initial = ''): HtmlOutput {
  let content = initial;
  let title = '';
  let width = 300;
  let height = 500;
  const out: HtmlOutput = {
    getContent: () => content,
    setContent(h) {
      content = String(h);
      return out;
    },
    append(h) {
      content += String(h);
      return out;
    },
    getTitle: () => title,
    setTitle(t) {
      title = String(t);
      return out;
    },
    getWidth: () => width,
    setWidth(w) {
      width = w;
      return out;
    },
    getHeight: () => height,
    setHeight(h) {
      height = h;
      return out;
    },
    setSandboxMode: () => out,
    setXFrameOptionsMode: () => out,
    addMetaTag: () => out,
    setFaviconUrl: () => out,
  };
  return out;
}

const escapeHtml = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** Turns `<? ?>`, `<?= ?>` and `<?!= ?>` scriptlets into the body of a function that returns the HTML. */
export function compileTemplate(source: string): string {
  let body = 'var __out = "";\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    body += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    if (m[1] === '=') body += `__out += __escape(${m[2]});\n`;
    else if (m[1] === '!=') body += `__out += String(${m[2]});\n`;
    else body += `${m[2]}\n`;
    last = re.lastIndex;
  }
  body += `__out += ${JSON.stringify(source.slice(last))};\nreturn __out;`;
  return body;
}

export function createHtmlService(
  exec: Exec,
  files: Map<string, string>,
  evaluate: (body: string, vars: Record<string, unknown>) => string,
) {
  const file = (name: string) => {
    const html = files.get(String(name).replace(/\.html$/, ''));
    if (html === undefined) exec.fail(`No HTML file named ${name} was found.`);
    return html;
  };
  const template = (source: string) => {
    const t: Record<string, unknown> = {
      getRawContent: () => source,
      evaluate: () => {
        const vars: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(t))
          if (!['evaluate', 'getRawContent', 'getCode'].includes(k)) vars[k] = v;
        return htmlOutput(evaluate(compileTemplate(source), { ...vars, __escape: escapeHtml }));
      },
      getCode: () => compileTemplate(source),
    };
    return t;
  };
  return {
    SandboxMode: { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' },
    XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
    createHtmlOutput: (html?: string) => {
      exec.charge('HtmlService', 'createHtmlOutput');
      return htmlOutput(html ?? '');
    },
    createHtmlOutputFromFile: (name: string) => {
      exec.charge('HtmlService', 'createHtmlOutputFromFile');
      return htmlOutput(file(name));
    },
    createTemplate: (html: string) => template(String(html)),
    createTemplateFromFile: (name: string) => {
      exec.charge('HtmlService', 'createTemplateFromFile');
      return template(file(name));
    },
  };
}

const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };

/** The Ui object of SpreadsheetApp.getUi(), recording what it shows into `record`. */
export function createUi(
  exec: Exec,
  record: UiRecord,
  answers: string[],
  available: boolean,
  scriptName: string,
) {
  // Time-driven triggers have no user in front of a document to show anything to.
  if (!available) exec.fail('Cannot call SpreadsheetApp.getUi() from this context.');
  const menu = (title: string, addOn = false) => {
    const m: MenuRecord = addOn ? { title, addOn: true, items: [] } : { title, items: [] };
    const api = {
      addItem(caption: string, functionName: string) {
        m.items.push({ caption: String(caption), functionName: String(functionName) });
        return api;
      },
      addSeparator() {
        m.items.push({ separator: true });
        return api;
      },
      addSubMenu(sub: { __record: MenuRecord }) {
        m.items.push({ submenu: sub.__record });
        return api;
      },
      addToUi() {
        exec.charge('Ui', 'addToUi');
        record.menus = record.menus.filter((x) => x.title !== m.title);
        record.menus.push(m);
      },
      __record: m,
    };
    return api;
  };
  return {
    Button,
    ButtonSet,
    createAddonMenu: () => menu(scriptName, true),
    createMenu: (caption: string) => menu(String(caption)),
    showSidebar(out: HtmlOutput) {
      exec.charge('Ui', 'showSidebar');
      record.sidebars.push({
        at: new Date(exec.now()).toISOString(),
        title: out.getTitle(),
        html: out.getContent(),
        width: 300,
      });
    },
    showModalDialog(out: HtmlOutput, title: string) {
      exec.charge('Ui', 'showModalDialog');
      record.dialogs.push({ title: String(title), html: out.getContent(), modal: true });
    },
    showModelessDialog(out: HtmlOutput, title: string) {
      exec.charge('Ui', 'showModelessDialog');
      record.dialogs.push({ title: String(title), html: out.getContent(), modal: false });
    },
    alert(a: string, b?: string) {
      exec.charge('Ui', 'alert');
      record.alerts.push(b === undefined ? String(a) : `${a}: ${b}`);
      return answers.shift() ?? Button.OK;
    },
    prompt(a: string, b?: string) {
      exec.charge('Ui', 'prompt');
      record.alerts.push(b === undefined ? String(a) : `${a}: ${b}`);
      const text = answers.shift() ?? '';
      return { getResponseText: () => text, getSelectedButton: () => Button.OK };
    },
  };
}
