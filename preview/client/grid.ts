// The sheet grid: display values in a table with a sticky header, marked dropdowns and checkboxes, shaded protections, and typing into cells.
/// <reference lib="dom" />
import { columnLetter } from '../../emulator/src/spreadsheet/a1';
import { CELL, type SheetView } from '../wire';
import { el } from './dom';

/** Called when the person commits what they typed into a cell. */
export type CommitEdit = (a1: string, input: string) => void;

const ROW_HEIGHT = 24;

function cellClass(flags: number): string {
  const classes = [];
  if (flags & CELL.dropdown) classes.push('dropdown');
  if (flags & CELL.checkbox) classes.push('checkbox');
  if (flags & CELL.protected) classes.push('protected');
  if (flags & CELL.lockedForYou) classes.push('locked');
  return classes.join(' ');
}

function cellTitle(flags: number): string {
  if (flags & CELL.lockedForYou) return 'Protected: you may not edit this cell';
  if (flags & CELL.protected) return 'Protected range (you may edit it)';
  return '';
}

/** Draws `view` into `table`; returns nothing to keep: the table is the state (the selected cell is its class). */
export function renderGrid(table: HTMLTableElement, view: SheetView, commit: CommitEdit) {
  const cols = el('colgroup', {}, el('col', { attrs: { style: 'width:48px' } }));
  for (const w of view.widths) cols.append(el('col', { attrs: { style: `width:${w}px` } }));
  const letters = el('tr', {}, el('th', { className: 'corner' }));
  for (let c = 1; c <= view.widths.length; c++) letters.append(el('th', { text: columnLetter(c) }));
  const head = el('thead', {}, letters);
  const body = el('tbody');
  view.rows.forEach((row, r) => {
    const frozen = r < view.frozenRows;
    const tr = el('tr', { className: frozen ? 'frozen' : '' }, el('th', { text: String(r + 1) }));
    // Frozen rows stick under the column letters, one row height apart.
    if (frozen) tr.style.setProperty('--top', `${ROW_HEIGHT * (r + 1)}px`);
    row.forEach((value, c) => {
      const flags = view.flags[r][c];
      const td = el('td', {
        className: cellClass(flags),
        text:
          flags & CELL.checkbox && (value === 'TRUE' || value === 'FALSE')
            ? value === 'TRUE'
              ? '☑'
              : '☐'
            : value,
        title: value.length > 20 ? value : cellTitle(flags),
        attrs: { 'data-a1': `${columnLetter(c + 1)}${r + 1}`, 'data-value': value },
      });
      tr.append(td);
    });
    body.append(tr);
  });
  table.replaceChildren(cols, head, body);
  table.style.width = `${48 + view.widths.reduce((a, b) => a + b, 0)}px`;
  wire(table, commit);
}

function selected(table: HTMLTableElement) {
  return table.querySelector<HTMLTableCellElement>('td.selected');
}

function select(table: HTMLTableElement, td: HTMLTableCellElement | null | undefined) {
  if (!td) return;
  selected(table)?.classList.remove('selected');
  td.classList.add('selected');
  td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function startEdit(td: HTMLTableCellElement, commit: CommitEdit, initial?: string) {
  if (td.querySelector('input')) return;
  const before = td.dataset.value ?? '';
  const input = el('input', { className: 'cell-input', attrs: { 'aria-label': `Edit ${td.dataset.a1}` } });
  input.value = initial ?? before;
  const shown = Array.from(td.childNodes);
  td.replaceChildren(input);
  input.focus();
  let done = false;
  const finish = (save: boolean) => {
    if (done) return;
    done = true;
    td.replaceChildren(...shown);
    td.closest('table')?.focus();
    if (save && input.value !== before) commit(td.dataset.a1 ?? '', input.value);
  };
  input.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Enter') finish(true);
    if (e.key === 'Escape') finish(false);
  });
  // Leaving the cell without Enter keeps the old value: nothing is written by accident.
  input.addEventListener('blur', () => finish(false));
}

/** Mouse and keyboard: click selects, double-click, Enter or typing edits, arrows move, Delete clears. */
function wire(table: HTMLTableElement, commit: CommitEdit) {
  table.tabIndex = 0;
  table.onclick = (e) => select(table, (e.target as HTMLElement).closest('td'));
  table.ondblclick = (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (td) startEdit(td, commit);
  };
  table.onkeydown = (e) => {
    const td = selected(table);
    if (!td) return;
    const tr = td.parentElement as HTMLTableRowElement;
    const move: Record<string, () => HTMLTableCellElement | null | undefined> = {
      ArrowUp: () => (tr.previousElementSibling as HTMLTableRowElement | null)?.cells[td.cellIndex],
      ArrowDown: () => (tr.nextElementSibling as HTMLTableRowElement | null)?.cells[td.cellIndex],
      ArrowLeft: () => (td.cellIndex > 1 ? tr.cells[td.cellIndex - 1] : td),
      ArrowRight: () => tr.cells[td.cellIndex + 1],
    };
    if (move[e.key]) {
      e.preventDefault();
      select(table, move[e.key]());
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit(td, commit);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      if (td.dataset.value) commit(td.dataset.a1 ?? '', '');
    } else if (e.key === ' ' && td.classList.contains('checkbox')) {
      e.preventDefault();
      commit(td.dataset.a1 ?? '', td.dataset.value === 'TRUE' ? 'FALSE' : 'TRUE');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(td, commit, e.key);
    }
  };
}
