// Filling {{placeholder}} templates safely for each part of an email: header line, plain text and HTML.

// C0 and C1 controls plus the Unicode line and paragraph separators: anything a mail header could read as a line break.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Everything but tab and line feed, which plain text may keep.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const BODY_CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export type Values = Readonly<Record<string, string>>;

/**
 * One pass over the template, so a value that itself contains "{{id}}" is never expanded again. Unknown
 * placeholders stay visible so an admin sees the typo in the preview.
 */
export function fillTemplate(
  template: string,
  values: Values,
  encode: (s: string) => string = (s) => s,
): string {
  // A fresh expression per call: a shared /g one carries lastIndex from one call into the next.
  const placeholder = /\{\{(\w+)\}\}/g;
  let out = '';
  let last = 0;
  for (let m = placeholder.exec(template); m !== null; m = placeholder.exec(template)) {
    out += encode(template.slice(last, m.index));
    const own = Object.getOwnPropertyDescriptor(values, m[1]);
    out += own ? (own.value as string) : encode(m[0]);
    last = m.index + m[0].length;
  }
  return out + encode(template.slice(last));
}

const SUBJECT_MAX = 250;

/** One header-safe line: control characters become spaces, so a name cannot start a new header such as Bcc:. */
export function headerLine(text: string, max = SUBJECT_MAX): string {
  const line = text.replace(CONTROL_RE, ' ').replace(/ {2,}/g, ' ').trim();
  // Counted in code points so a Chinese character outside the BMP is never cut in half.
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}

export function plainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(BODY_CONTROL_RE, '');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Escaped, with line breaks kept as <br>. */
export function htmlText(text: string): string {
  return escapeHtml(plainText(text)).replace(/\n/g, '<br>');
}

/**
 * The HTML part of a template: its paragraphs (blank-line separated) become <p>, a paragraph that is just
 * one block placeholder becomes that block, and every piece of text, the admin's and the data's, is escaped.
 */
export function templateToHtml(template: string, inline: Values, blocks: Values): string {
  const escapedInline: Record<string, string> = {};
  for (const key of Object.keys(inline)) escapedInline[key] = htmlText(inline[key]);
  return plainText(template)
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => {
      const block = /^\s*\{\{(\w+)\}\}\s*$/.exec(paragraph);
      const own = block ? Object.getOwnPropertyDescriptor(blocks, block[1]) : undefined;
      if (own) return own.value as string;
      const html = fillTemplate(paragraph.trim(), escapedInline, htmlText);
      return html === '' ? '' : `<p>${html}</p>`;
    })
    .join('\n');
}
