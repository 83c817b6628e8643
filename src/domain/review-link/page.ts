// The customer's pages as HTML: self-contained (no script, no outside request), every value escaped, readable at 360 px.
import type { FieldDecl, ListRegistry } from '../../schema';
import type { Lang } from '../i18n';
import type { DetailLine } from '../reminders/customer-details';
import { escapeHtml } from '../reminders/template';
import { type PageKey, say } from './text';
import type { LinkAction, LinkParams } from './token';

const STYLE =
  'body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#202124;background:#f8f9fa}' +
  'main{box-sizing:border-box;max-width:36rem;margin:0 auto;padding:16px;background:#fff;min-height:100vh}' +
  'h1{font-size:1.4rem;margin:0 0 12px}h2{font-size:1.15rem}table{border-collapse:collapse;width:100%}' +
  'th,td{text-align:left;vertical-align:top;padding:6px 8px 6px 0;border-bottom:1px solid #e0e0e0;overflow-wrap:anywhere}' +
  'th{width:40%;font-weight:600}label{display:block;margin:12px 0 4px;font-weight:600}' +
  'input,select{box-sizing:border-box;width:100%;font:inherit;padding:10px;border:1px solid #9aa0a6;border-radius:6px}' +
  'button{font:inherit;width:100%;padding:12px;margin:16px 0 8px;border:0;border-radius:6px;background:#1a73e8;color:#fff}' +
  '.err{color:#b3261e}.bad{border-color:#b3261e}nav a{display:block;padding:8px 0}';

/** Where the page's forms post and its links point: the deployment's /exec address. */
export interface PageContext {
  lang: Lang;
  url: string;
}

/** A served page: the title Apps Script puts on its tab, and the whole document. */
export interface Page {
  title: string;
  html: string;
}

function document(lang: Lang, body: string): Page {
  const html =
    `<!DOCTYPE html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><base target="_top">' +
    `<title>${escapeHtml(say(lang, 'title'))}</title><style>${STYLE}</style></head>` +
    `<body><main>${body}</main></body></html>`;
  return { title: say(lang, 'title'), html };
}

function query(params: Readonly<Record<string, string>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

export function linkUrl(url: string, params: LinkParams): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query({ ...params })}`;
}

function hidden(params: LinkParams, action: LinkAction): string {
  return Object.entries({ ...params, a: action })
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`)
    .join('');
}

function form(ctx: PageContext, params: LinkParams, action: LinkAction, inner: string, button: PageKey) {
  return (
    `<form method="post" action="${escapeHtml(ctx.url)}">${hidden(params, action)}${inner}` +
    `<button type="submit">${escapeHtml(say(ctx.lang, button))}</button></form>`
  );
}

function nav(ctx: PageContext, params: LinkParams, actions: readonly LinkAction[]): string {
  const label: Record<LinkAction, PageKey> = {
    confirm: 'confirmButton',
    correct: 'changeLink',
    stop: 'stopLink',
  };
  const links = actions.map(
    (a) =>
      `<a href="${escapeHtml(linkUrl(ctx.url, { ...params, a }))}">${escapeHtml(say(ctx.lang, label[a]))}</a>`,
  );
  return `<nav>${links.join('')}</nav>`;
}

function detailsTable(lines: readonly DetailLine[]): string {
  const rows = lines.map((l) => `<tr><th>${escapeHtml(l.label)}</th><td>${escapeHtml(l.value)}</td></tr>`);
  return `<table>${rows.join('')}</table>`;
}

/** A page that only says something: a refusal, a thank-you. */
export function messagePage(lang: Lang, key: PageKey, params: Readonly<Record<string, string>> = {}): Page {
  return document(
    lang,
    `<h1>${escapeHtml(say(lang, 'title'))}</h1><p>${escapeHtml(say(lang, key, params))}</p>`,
  );
}

export function confirmPage(ctx: PageContext, params: LinkParams, id: string, lines: readonly DetailLine[]) {
  return document(
    ctx.lang,
    `<h1>${escapeHtml(say(ctx.lang, 'confirmHeading'))}</h1><p>${escapeHtml(say(ctx.lang, 'heldIntro', { id }))}</p>` +
      detailsTable(lines) +
      form(ctx, params, 'confirm', '', 'confirmButton') +
      nav(ctx, params, ['correct', 'stop']),
  );
}

export function stopPage(ctx: PageContext, params: LinkParams) {
  return document(
    ctx.lang,
    `<h1>${escapeHtml(say(ctx.lang, 'stopHeading'))}</h1><p>${escapeHtml(say(ctx.lang, 'stopIntro'))}</p>` +
      form(ctx, params, 'stop', '', 'stopButton') +
      nav(ctx, params, ['confirm', 'correct']),
  );
}

export interface FormField {
  decl: FieldDecl;
  /** As held (or as the customer typed it, when the form comes back with errors). */
  value: string;
  error?: string;
}

function input(ctx: PageContext, f: FormField, lists: ListRegistry): string {
  const id = `f-${f.decl.key}`;
  const bad = f.error ? ' class="bad" aria-invalid="true"' : '';
  const described = f.error ? ` aria-describedby="${id}-e"` : '';
  const label = `<label for="${id}">${escapeHtml(f.decl.labels[ctx.lang])}</label>`;
  const error = f.error ? `<div class="err" id="${id}-e">${escapeHtml(f.error)}</div>` : '';
  const name = `name="v.${f.decl.key}" id="${id}"${bad}${described}`;
  if (f.decl.type === 'list' && f.decl.list) {
    const items = lists[f.decl.list]?.items ?? [];
    const known = items.some((i) => i.key === f.value);
    const options = [
      `<option value="">${escapeHtml(say(ctx.lang, 'none'))}</option>`,
      // A stored value no longer on the list stays selectable, so sending the form does not blank it.
      ...(known || f.value === ''
        ? []
        : [`<option value="${escapeHtml(f.value)}" selected>${escapeHtml(f.value)}</option>`]),
      ...items.map(
        (i) =>
          `<option value="${escapeHtml(i.key)}"${i.key === f.value ? ' selected' : ''}>${escapeHtml(i.labels[ctx.lang])}</option>`,
      ),
    ];
    return `${label}<select ${name}>${options.join('')}</select>${error}`;
  }
  const type = f.decl.type === 'email' ? 'email' : f.decl.type === 'phone' ? 'tel' : 'text';
  const max = f.decl.maxLength ? ` maxlength="${f.decl.maxLength}"` : '';
  return `${label}<input type="${type}" ${name} value="${escapeHtml(f.value)}"${max}>${error}`;
}

export function correctPage(
  ctx: PageContext,
  params: LinkParams,
  fields: readonly FormField[],
  lists: ListRegistry,
  notice: PageKey | null,
) {
  const top = notice ? `<p class="err" role="alert">${escapeHtml(say(ctx.lang, notice))}</p>` : '';
  return document(
    ctx.lang,
    `<h1>${escapeHtml(say(ctx.lang, 'correctHeading'))}</h1><p>${escapeHtml(say(ctx.lang, 'correctIntro'))}</p>${top}` +
      form(ctx, params, 'correct', fields.map((f) => input(ctx, f, lists)).join(''), 'sendButton') +
      nav(ctx, params, ['confirm', 'stop']),
  );
}
