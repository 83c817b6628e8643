// ContentService: the text outputs a web app may return instead of HTML.
import type { Exec } from '../exec';

const MimeType = {
  TEXT: 'text/plain',
  JSON: 'application/json',
  CSV: 'text/csv',
  JAVASCRIPT: 'application/javascript',
  ICAL: 'text/calendar',
  VCARD: 'text/vcard',
  ATOM: 'application/atom+xml',
  RSS: 'application/rss+xml',
} as const;

export interface TextOutput {
  getContent(): string;
  getMimeType(): string;
  setContent(s: string): TextOutput;
  append(s: string): TextOutput;
  setMimeType(m: string): TextOutput;
}

export function textOutput(initial = ''): TextOutput {
  let content = initial;
  let mime: string = MimeType.TEXT;
  const out: TextOutput = {
    getContent: () => content,
    getMimeType: () => mime,
    setContent(s) {
      content = String(s);
      return out;
    },
    append(s) {
      content += String(s);
      return out;
    },
    setMimeType(m) {
      mime = String(m);
      return out;
    },
  };
  return out;
}

export function createContentService(exec: Exec) {
  return {
    MimeType,
    createTextOutput(s?: string) {
      exec.charge('ContentService', 'createTextOutput');
      return textOutput(s ?? '');
    },
  };
}
