// The import dialog: read a file or a sheet, map its columns, preview every row as it will be stored, then import in chunks.
import type { DateOrder } from '../../src/domain/import/mangled';
import { type ColumnTarget, matchHeaders } from '../../src/domain/import/mapping';
import {
  type FileRow,
  fileTable,
  IMPORT_CHUNK,
  MAX_COLUMNS,
  MAX_FILE_BYTES,
  MAX_ROWS,
  type TableProblem,
} from '../../src/domain/import/table';
import type { DuplicateChoice, ImportBoot, ImportRowCheck } from '../../src/shared/rpc';
import { fill, h } from '../dom';
import { call } from '../rpc-client';
import { decodeAs, decodeFile, type Encoding } from './decode';
import {
  dateQuestions,
  importIdOf,
  type Prepared,
  prepareRows,
  type RowVerdict,
  refusedCsv,
  verdicts,
} from './plan';
import { importTranslator } from './strings';

/** The preview lists this many rows; the summary counts them all. */
const SHOWN = 300;

interface Source {
  name: string;
  text: string;
  headers: string[];
  rows: FileRow[];
}

function start(boot: ImportBoot, root: HTMLElement) {
  const tr = importTranslator(boot.lang);
  document.documentElement.lang = boot.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = tr('title');
  const label = new Map(boot.fields.map((f) => [f.key, f.label]));
  const fieldName = (k: string) => label.get(k) ?? k;
  const notice = h('div', { className: 'notice', role: 'status', hidden: true });
  const say = (kind: 'info' | 'ok' | 'error', text: string, ...extra: HTMLElement[]) => {
    notice.className = `notice ${kind}`;
    fill(notice, h('span', {}, text), ...extra);
    notice.hidden = false;
  };

  let source: Source | null = null;
  let bytes: Uint8Array | null = null;
  let targets: ColumnTarget[] = [];
  let orders: Record<string, DateOrder> = {};
  const defaults: Record<string, string> = {};
  let prepared: Prepared | null = null;
  let checked: RowVerdict[] = [];
  const choices: Record<string, DuplicateChoice> = {};

  const columns = h('section', { hidden: true });
  const preview = h('section', { hidden: true });
  const result = h('section', { hidden: true });
  const encodingSelect = h('select', {
    'aria-label': tr('encoding'),
    onchange: () => bytes && readText(decodeAs(bytes, encodingSelect.value as Encoding), fileName),
  });
  for (const e of ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'])
    encodingSelect.append(h('option', { value: e }, e.toUpperCase()));
  const encodingRow = h(
    'div',
    { className: 'inline', hidden: true },
    h('label', {}, tr('encoding')),
    encodingSelect,
  );
  let fileName = '';

  const problemText = (p: TableProblem) => {
    if (p.problem === 'tooManyRows') return tr('tooManyRows', { rows: p.rows, max: MAX_ROWS });
    if (p.problem === 'tooManyColumns')
      return tr('tooManyColumns', { line: p.line, columns: p.columns, max: MAX_COLUMNS });
    return tr(p.problem);
  };

  function reset() {
    source = null;
    prepared = null;
    checked = [];
    for (const s of [columns, preview, result]) s.hidden = true;
  }

  function readText(text: string | string[][], name: string, encoding = '') {
    reset();
    const table = fileTable(text);
    if (!table.ok) return say('error', problemText(table));
    source = {
      name,
      text: typeof text === 'string' ? text : JSON.stringify(text),
      headers: table.headers,
      rows: table.rows,
    };
    targets = savedMapping(table.headers) ?? matchHeaders(table.headers);
    say(
      'info',
      tr('fileRead', {
        file: name,
        rows: table.rows.length,
        columns: table.headers.length,
        encoding: encoding || '—',
      }),
    );
    renderColumns();
  }

  async function readFile(file: File) {
    fileName = file.name;
    if (file.size > MAX_FILE_BYTES)
      return say(
        'error',
        tr('tooBig', { size: (file.size / 1048576).toFixed(1), max: MAX_FILE_BYTES / 1048576 }),
      );
    bytes = new Uint8Array(await file.arrayBuffer());
    const decoded = decodeFile(bytes);
    if (!decoded.ok) {
      reset();
      encodingRow.hidden = true;
      return say('error', tr(decoded.problem));
    }
    encodingSelect.value = decoded.encoding;
    encodingRow.hidden = false;
    readText(decoded.text, file.name, decoded.encoding.toUpperCase());
    if (decoded.unsure) say('info', tr('encodingUnsure'));
  }

  const mappingKey = (headers: readonly string[]) => `cr.import.mapping.${headers.join('\u0001')}`;
  function savedMapping(headers: readonly string[]): ColumnTarget[] | null {
    try {
      const saved = JSON.parse(localStorage.getItem(mappingKey(headers)) ?? 'null');
      if (Array.isArray(saved) && saved.length === headers.length) {
        say('info', tr('mappingReused'));
        return saved as ColumnTarget[];
      }
    } catch {
      // No storage in this frame: the automatic mapping stands.
    }
    return null;
  }

  function targetSelect(i: number) {
    const select = h('select', {
      'aria-label': source?.headers[i] ?? '',
      onchange: () => {
        targets[i] = select.value;
        renderColumns();
      },
    });
    const options: [string, string][] = [
      ...boot.fields.map((f) => [f.key, f.label] as [string, string]),
      ['firstName', tr('firstName')],
      ['lastName', tr('lastName')],
      ['notes', tr('toNotes')],
      ['ignore', tr('ignore')],
    ];
    for (const [value, text] of options) select.append(h('option', { value }, text));
    select.value = targets[i];
    return select;
  }

  function renderColumns() {
    if (!source) return;
    const src = source;
    preview.hidden = true;
    result.hidden = true;
    const questions = dateQuestions(src.headers, targets, src.rows);
    orders = Object.fromEntries(
      questions.filter((q) => q.order === 'ambiguous').map((q) => [q.field, orders[q.field] ?? 'dmy']),
    );
    const table = h(
      'table',
      {},
      h('tr', {}, h('th', {}, tr('column')), h('th', {}, tr('sample')), h('th', {}, tr('fills'))),
      ...src.headers.map((head, i) =>
        h(
          'tr',
          {},
          h('td', {}, head),
          h('td', {}, src.rows.find((r) => r.cells[i])?.cells[i] ?? ''),
          h('td', {}, targetSelect(i)),
        ),
      ),
    );
    const dates = questions.map((q) => {
      if (q.order === 'mixed') return h('p', { className: 'note' }, tr('mixedOrder', { column: q.column }));
      const select = h('select', {
        'aria-label': q.column,
        onchange: () => {
          orders[q.field] = select.value as DateOrder;
        },
      });
      select.append(
        h('option', { value: 'dmy' }, tr('dayFirst')),
        h('option', { value: 'mdy' }, tr('monthFirst')),
      );
      select.value = orders[q.field];
      return h(
        'div',
        { className: 'inline' },
        h('span', {}, tr('dateOrder', { column: q.column, example: q.example })),
        select,
      );
    });
    const fallbacks = boot.fields
      .filter((f) => f.required && f.options.length)
      .map((f) => {
        const select = h('select', {
          'aria-label': tr('whenEmpty', { field: f.label }),
          onchange: () => {
            defaults[f.key] = select.value;
          },
        });
        select.append(
          h('option', { value: '' }, '—'),
          ...f.options.map((o) => h('option', { value: o.key }, o.label)),
        );
        select.value = defaults[f.key] ?? '';
        return h('div', { className: 'inline' }, h('span', {}, tr('whenEmpty', { field: f.label })), select);
      });
    const save = h(
      'button',
      {
        type: 'button',
        onclick: () => {
          try {
            localStorage.setItem(mappingKey(src.headers), JSON.stringify(targets));
            say('ok', tr('mappingSaved'));
          } catch (e) {
            say('error', tr('failed', { message: String(e) }));
          }
        },
      },
      tr('saveMapping'),
    );
    const check = h(
      'button',
      { type: 'button', className: 'primary', onclick: () => void runCheck() },
      tr('check'),
    );
    fill(
      columns,
      h('h2', {}, tr('stepColumns')),
      h('div', { className: 'scroll' }, table),
      ...dates,
      ...fallbacks,
      h('div', { className: 'inline' }, save, check),
    );
    columns.hidden = false;
  }

  async function runCheck() {
    if (!source) return;
    prepared = prepareRows(source.headers, targets, source.rows, orders, defaults);
    const checks: ImportRowCheck[] = [];
    const rows = prepared.rows;
    try {
      for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
        say('info', tr('checking', { done: i, total: rows.length }));
        const out = await call('checkImport', { rows: rows.slice(i, i + IMPORT_CHUNK) });
        checks.push(...out.rows);
      }
    } catch (e) {
      return say('error', tr('failed', { message: e instanceof Error ? e.message : String(e) }));
    }
    checked = verdicts(prepared, checks);
    notice.hidden = true;
    renderPreview('all');
  }

  const isDuplicate = (v: RowVerdict) => v.check.duplicates.length > 0 || v.inFile !== null;

  function renderPreview(filter: 'all' | 'refused' | 'changed' | 'duplicates' | 'flagged') {
    const count = (f: (v: RowVerdict) => boolean) => checked.filter(f).length;
    const refused = (v: RowVerdict) => v.check.errors.length > 0;
    const tests = {
      all: () => true,
      refused,
      changed: (v: RowVerdict) => v.changes.length > 0,
      duplicates: isDuplicate,
      flagged: (v: RowVerdict) => v.flags.length > 0,
    };
    const summary = tr('summary', {
      total: checked.length,
      ok: count((v) => !refused(v)),
      refused: count(refused),
      changed: count(tests.changed),
      duplicates: count(isDuplicate),
      flagged: count(tests.flagged),
    });
    const filterSelect = h('select', {
      'aria-label': tr('show'),
      onchange: () => renderPreview(filterSelect.value as typeof filter),
    });
    for (const [k, key] of [
      ['all', 'showAll'],
      ['refused', 'showRefused'],
      ['changed', 'showChanged'],
      ['duplicates', 'showDuplicates'],
      ['flagged', 'showFlagged'],
    ] as const)
      filterSelect.append(h('option', { value: k }, tr(key)));
    filterSelect.value = filter;
    const shown = checked.filter(tests[filter]);
    const table = h(
      'table',
      {},
      h(
        'tr',
        {},
        ...(['line', 'name', 'stored', 'problems', 'duplicate'] as const).map((k) => h('th', {}, tr(k))),
      ),
      ...shown.slice(0, SHOWN).map(rowView),
    );
    const forAll = choiceSelect(tr('forAll'), choices['*'] ?? 'skip', (c) => {
      choices['*'] = c;
    });
    const approve = h('input', { type: 'checkbox', id: 'approve' });
    const go = h(
      'button',
      { type: 'button', className: 'primary', onclick: () => void runImport(approve.checked) },
      tr('importRows', { count: count((v) => !refused(v)) }),
    );
    fill(
      preview,
      h('h2', {}, tr('stepPreview')),
      h('p', { className: 'summary' }, summary),
      h('div', { className: 'inline' }, h('label', {}, tr('show')), filterSelect),
      shown.length > SHOWN
        ? h('p', { className: 'note' }, tr('shownFirst', { count: SHOWN, total: shown.length }))
        : null,
      h('div', { className: 'scroll' }, table),
      h('div', { className: 'inline' }, h('span', {}, tr('forAll')), forAll),
      h('div', { className: 'inline' }, approve, h('label', { for: 'approve' }, tr('approve'))),
      go,
    );
    preview.hidden = false;
  }

  function choiceSelect(name: string, value: DuplicateChoice, set: (c: DuplicateChoice) => void) {
    const select = h('select', { 'aria-label': name, onchange: () => set(select.value as DuplicateChoice) });
    select.append(
      h('option', { value: 'skip' }, tr('choiceSkip')),
      h('option', { value: 'fill' }, tr('choiceFill')),
      h('option', { value: 'import' }, tr('choiceImport')),
    );
    select.value = value;
    return select;
  }

  function rowView(v: RowVerdict) {
    const stored = v.check.errors.length
      ? ''
      : v.changes.length
        ? v.changes.map(([f, from, to]) => `${fieldName(f)}: ${from} → ${to}`).join('\n')
        : Object.entries(v.check.values)
            .filter(([, x]) => x !== null && x !== '')
            .map(([f, x]) => `${fieldName(f)}: ${x}`)
            .slice(0, 4)
            .join(' · ');
    const problems = [
      ...v.check.errors.map((e) => e.message),
      ...v.flags.map((f) => {
        const params = { field: fieldName(f.field), value: f.value, reading: v.sent[f.field] ?? '' };
        return tr(
          f.kind === 'scientific'
            ? 'flagScientific'
            : f.kind === 'leadingZero'
              ? 'flagLeadingZero'
              : f.kind === 'ambiguousDate'
                ? 'flagAmbiguousDate'
                : 'flagMixedDate',
          params,
        );
      }),
    ];
    const dupText = [
      ...v.check.duplicates.map((d) =>
        tr('ofRegister', { id: d.id, name: d.name, matched: d.matched.join(', ') }),
      ),
      ...(v.inFile ? [tr('ofFile', { line: v.inFile.line, matched: v.inFile.matched.join(', ') })] : []),
    ];
    const dupCell = h('td', {}, dupText.join('; '));
    if (dupText.length && !v.check.errors.length)
      dupCell.append(
        choiceSelect(
          `${tr('duplicate')} ${v.check.line}`,
          choices[String(v.check.line)] ?? choices['*'] ?? 'skip',
          (c) => {
            choices[String(v.check.line)] = c;
          },
        ),
      );
    return h(
      'tr',
      { 'data-line': v.check.line },
      h('td', {}, String(v.check.line)),
      h('td', {}, v.sent.name ?? ''),
      h('td', { style: 'white-space: pre-line' }, stored),
      h(
        'td',
        { className: v.check.errors.length ? 'bad' : v.flags.length ? 'warn' : '' },
        problems.join('\n'),
      ),
      dupCell,
    );
  }

  /**
   * Hands `csv` to the browser as a file. Apps Script's dialog frame is sandboxed with `allow-downloads`
   * (test/e2e/import.test.ts serves it with the same sandbox), so a link to a Blob works there; the BOM
   * makes Excel read the UTF-8 as such. The link is in the page while clicked, as some browsers require.
   */
  function saveFile(name: string, csv: string) {
    const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv' }));
    const a = h('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    // Some browsers still read the Blob after the click returns: it is let go a minute later, not kept.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async function runImport(approve: boolean) {
    if (!source || !prepared) return say('error', tr('checkFirst'));
    const src = source;
    const rows = prepared.rows;
    const importId = importIdOf(`${src.name}\u0000${src.text}`);
    const reasons = new Map<number, string>();
    const { '*': all = 'skip', ...perRow } = choices;
    const bar = h('progress', { max: rows.length, value: 0 });
    fill(result, h('h2', {}, tr('stepImport')), bar);
    result.hidden = false;
    try {
      for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
        say('info', tr('importing', { done: i, total: rows.length }));
        const out = await call('importCustomers', {
          importId,
          rows: rows.slice(i, i + IMPORT_CHUNK),
          approve,
          duplicates: all,
          choices: perRow,
        });
        for (const line of out.refused)
          reasons.set(
            line,
            out.report
              .filter((l) => l.line === line)
              .map((l) => l.reason)
              .join(' '),
          );
        bar.value = Math.min(rows.length, i + IMPORT_CHUNK);
      }
      const done = await call('finishImport', { importId, file: src.name });
      say('ok', tr('done', { summary: done.summary }));
      const csv = refusedCsv(src.headers, src.rows, reasons, tr('reasonColumn'));
      const download = h(
        'button',
        { type: 'button', onclick: () => saveFile(`refused-${src.name.replace(/\.\w+$/, '')}.csv`, csv) },
        tr('downloadRefused'),
      );
      fill(
        result,
        h('h2', {}, tr('stepImport')),
        bar,
        h('p', { className: 'summary' }, done.summary),
        done.reportSheet ? h('p', {}, tr('report', { sheet: done.reportSheet })) : null,
        reasons.size ? download : null,
      );
    } catch (e) {
      const resume = h('button', { type: 'button', onclick: () => void runImport(approve) }, tr('resume'));
      say('error', tr('stopped', { message: e instanceof Error ? e.message : String(e) }), resume);
    }
  }

  const fileInput = h('input', {
    type: 'file',
    accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values',
    'aria-label': tr('chooseFile'),
    onchange: () => {
      const f = fileInput.files?.[0];
      if (f) void readFile(f).catch((e) => say('error', tr('failed', { message: String(e) })));
    },
  });
  const sheetSelect = h('select', { 'aria-label': tr('orSheet') });
  for (const name of boot.sheets) sheetSelect.append(h('option', { value: name }, name));
  const readSheet = h(
    'button',
    {
      type: 'button',
      disabled: boot.sheets.length === 0,
      onclick: async () => {
        try {
          const out = await call('readImportSheet', { sheet: sheetSelect.value });
          encodingRow.hidden = true;
          bytes = null;
          readText(out.rows, sheetSelect.value);
        } catch (e) {
          say('error', tr('failed', { message: e instanceof Error ? e.message : String(e) }));
        }
      },
    },
    tr('readSheet'),
  );
  fill(
    root,
    h('header', {}, h('h1', {}, tr('title'))),
    h('p', { className: 'note' }, tr('intro')),
    notice,
    h(
      'section',
      {},
      h('h2', {}, tr('stepSource')),
      h('div', { className: 'inline' }, h('label', {}, tr('chooseFile')), fileInput),
      h(
        'div',
        { className: 'inline' },
        h('label', {}, tr('orSheet')),
        boot.sheets.length ? sheetSelect : h('span', {}, tr('noSheets')),
        readSheet,
      ),
      encodingRow,
    ),
    columns,
    preview,
    result,
  );
}

const root = document.getElementById('app');
// The sidebar declares window.__BOOT__ as its own boot data; this page is served with the import's.
const boot = (window as unknown as { __BOOT__?: ImportBoot }).__BOOT__;
if (root && boot) {
  root.className = 'import';
  start(boot, root);
}
