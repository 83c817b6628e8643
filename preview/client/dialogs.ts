// The alert dialog: what the add-on's Ui.alert showed, and refusals, one after another like Sheets shows them.
/// <reference lib="dom" />
import { byId } from './dom';

const queue: { title: string; text: string }[] = [];

function showNext() {
  const dialog = byId<HTMLDialogElement>('alert');
  const next = queue[0];
  if (!next || dialog.open) return;
  byId('alert-title').textContent = next.title;
  byId('alert-text').textContent = next.text;
  dialog.showModal();
}

export function initDialogs() {
  const dialog = byId<HTMLDialogElement>('alert');
  byId('alert-ok').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    queue.shift();
    showNext();
  });
}

export function alertBox(text: string, title = 'Customer Register') {
  queue.push({ title, text });
  showNext();
}

/** A short line under the toolbar: what the last action did. */
export function notice(text: string) {
  const bar = byId('notice');
  bar.textContent = text;
  bar.hidden = text === '';
}
