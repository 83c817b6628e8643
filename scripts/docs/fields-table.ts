// Renders the README's field reference: one Markdown table per record type, straight from the schema.

import type { FieldDecl, ListRegistry, RecordType } from '../../src/schema';
import { defaultLists, recordTypes, roleLabels, settingDecls } from '../../src/schema';

/** Table cells are one line and may not contain a bare '|'. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

function whoMayEdit(field: FieldDecl): string {
  if (field.system) return 'add-on only';
  if (field.editableBy.length === 0) return 'nobody';
  return field.editableBy.map((r) => roleLabels[r].en).join(', ');
}

function listCell(field: FieldDecl, lists: ListRegistry): string {
  if (field.list === undefined) return '';
  return cell(lists[field.list]?.labels.en ?? field.list);
}

function fieldsTable(recordType: RecordType, lists: ListRegistry): string {
  const rows = recordType.fields.map((f) =>
    [
      `\`${f.key}\``,
      cell(f.labels.en),
      cell(f.labels.zh),
      f.type,
      listCell(f, lists),
      f.required ? 'yes' : '',
      whoMayEdit(f),
      cell(f.help.en),
      cell(f.help.zh),
    ].join(' | '),
  );
  return [
    `### ${recordType.labels.en} · ${recordType.labels.zh} (\`${recordType.sheetName}\` sheet)`,
    '',
    '| key | English label | 中文标签 | type | list | required | who may edit | help | 说明 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

function settingsTable(): string {
  const rows = settingDecls.map((s) => {
    const shown =
      s.default === null
        ? '(blank)'
        : `\`${cell(String(s.default)).slice(0, 60)}${String(s.default).length > 60 ? '…' : ''}\``;
    return `| \`${s.key}\` | ${cell(s.labels.en)} | ${cell(s.labels.zh)} | ${s.type} | ${shown} | ${cell(s.help.en)} | ${cell(s.help.zh)} |`;
  });
  return [
    '### Settings values (rows of the `Settings` sheet)',
    '',
    '| key | English label | 中文标签 | type | default | help | 说明 |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function renderFieldsTable(
  registry: Readonly<Record<string, RecordType>> = recordTypes,
  lists: ListRegistry = defaultLists,
): string {
  const intro = '_Generated from `src/schema` by `npx tsx scripts/gen-docs.ts`; do not edit by hand._';
  return [intro, ...Object.values(registry).map((rt) => fieldsTable(rt, lists)), settingsTable()].join(
    '\n\n',
  );
}
