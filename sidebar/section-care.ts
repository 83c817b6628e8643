// The care section: run the data check and apply its safe fixes, refresh the dashboard, and (Admins) back up, compare and restore.

import { joinComparison, LISTED, type SheetComparison } from '../src/shared/care';
import type {
  BackupComparison,
  BackupList,
  DataCheckReport,
  RestoreReport,
  StepCursor,
} from '../src/shared/rpc';
import type { App } from './app';
import { fill, h } from './dom';

/** Steps a comparison, a restore or a backup may take before the sidebar stops asking (a register far beyond its size). */
const MAX_STEPS = 30;

export function careSection(app: App): { el: HTMLElement } {
  const { tr } = app;
  const admin = app.boot.role === 'Admin';
  const scores = h('ul', { className: 'results scores', 'aria-live': 'polite' });
  const fixes = h('button', { type: 'button', className: 'apply-fixes primary', hidden: true });
  const backups = h('ul', { className: 'results backups' });
  const diff = h('div', { className: 'backup-diff', 'aria-live': 'polite' });
  const controls: HTMLButtonElement[] = [fixes];
  const button = (className: string, label: string, work: () => Promise<void>) => {
    const b = h('button', { type: 'button', className, onclick: () => void run(work) }, label);
    controls.push(b);
    return b;
  };

  // One request at a time: a double click cannot apply the fixes or restore twice.
  async function run(work: () => Promise<void>) {
    app.clearNotice();
    for (const b of controls) b.disabled = true;
    try {
      await work();
    } catch (e) {
      app.notify('error', e instanceof Error ? e.message : String(e));
    } finally {
      for (const b of controls) b.disabled = false;
    }
  }

  function showCheck(r: DataCheckReport) {
    fill(
      scores,
      ...r.scores.map((s) =>
        h(
          'li',
          { 'data-sheet': s.sheet },
          s.before === null
            ? tr('scoreLine', { sheet: s.sheet, score: s.score })
            : tr('scoreChange', {
                sheet: s.sheet,
                score: s.score,
                change: `${s.score - s.before >= 0 ? '+' : ''}${Math.round((s.score - s.before) * 10) / 10}`,
              }),
        ),
      ),
    );
    fixes.textContent = tr('applyFixes', { n: r.safe });
    fixes.hidden = r.safe === 0;
    app.notify('ok', r.message);
  }
  fixes.onclick = () =>
    void run(async () => {
      const r = await app.call('applyDataFixes', {});
      fixes.hidden = true;
      app.notify('ok', r.message);
    });

  /** A large register's backup is taken in steps: Back up now asks again while one is under way, saying each step. */
  async function backUpInSteps(): Promise<BackupList> {
    let list = await app.call('backupNow', {});
    for (let calls = 1; list.underWay; calls++) {
      if (calls >= MAX_STEPS) {
        app.notify('info', tr('backupStopped', { calls }));
        return list;
      }
      app.notify('info', list.message);
      list = await app.call('backupNow', {});
    }
    app.notify('ok', list.message);
    return list;
  }

  async function listBackups(work: 'listBackups' | 'backupNow') {
    const list = work === 'backupNow' ? await backUpInSteps() : await app.call('listBackups', {});
    fill(
      backups,
      ...(list.backups.length
        ? list.backups.map((b) =>
            h(
              'li',
              { 'data-id': b.id },
              tr('backupLine', { at: b.at, records: b.records, by: b.by }),
              h(
                'button',
                { type: 'button', className: 'compare', onclick: () => void run(() => compare(b.id)) },
                tr('compare'),
              ),
            ),
          )
        : [h('li', { className: 'note' }, tr('noBackups'))]),
    );
  }

  /** The whole comparison: a large register's comes in steps, each merged into what the earlier ones found. */
  async function compareInSteps(id: string): Promise<{ takenAt: string; sheets: SheetComparison[] }> {
    const sheets: SheetComparison[] = [];
    let next: StepCursor | null = null;
    let takenAt = '';
    for (let calls = 0; calls < MAX_STEPS; calls++) {
      const c: BackupComparison = await app.call('compareBackup', next ? { id, next } : { id });
      takenAt = c.takenAt;
      for (const s of c.sheets) joinComparison(sheets, s);
      next = c.next;
      if (!next) break;
      const at = sheets[sheets.length - 1]?.label ?? '';
      fill(diff, h('p', { className: 'note' }, tr('comparing', { sheet: at, row: next.from + 2 })));
    }
    return { takenAt, sheets };
  }

  /** The restore asked for, again with `next` until it is done; each step's message is shown as it goes. */
  async function restoreInSteps(req: {
    id: string;
    records: { sheet: string; id: string }[];
    sheets: string[];
  }) {
    let records = 0;
    const sheets = new Set<string>();
    let next: StepCursor | null = null;
    for (let calls = 1; calls <= MAX_STEPS; calls++) {
      const r: RestoreReport = await app.call('restoreBackup', next ? { ...req, next } : req);
      records += r.records;
      for (const s of r.sheets) sheets.add(s);
      next = r.next;
      if (!next) {
        app.notify(
          'ok',
          calls === 1 ? r.message : tr('restoredInSteps', { records, sheets: sheets.size, calls }),
        );
        return;
      }
      app.notify('info', r.message);
    }
  }

  /** The differences, with a box per changed or deleted record and one per sheet, and a restore button. */
  async function compare(id: string) {
    const c = await compareInSteps(id);
    const boxes: { input: HTMLInputElement; sheet: string; id?: string }[] = [];
    const box = (label: string, sheet: string, record?: string) => {
      const input = h('input', { type: 'checkbox' });
      boxes.push({ input, sheet, id: record });
      return h('label', { className: 'check' }, input, ` ${label}`);
    };
    const restore = button('restore primary', tr('restoreChosen'), async () => {
      const chosen = boxes.filter((b) => b.input.checked);
      await restoreInSteps({
        id,
        records: chosen.filter((b) => b.id).map((b) => ({ sheet: b.sheet, id: b.id as string })),
        sheets: chosen.filter((b) => !b.id).map((b) => b.sheet),
      });
    });
    fill(
      diff,
      h('p', { className: 'note' }, c.takenAt),
      ...c.sheets.map((s) =>
        h(
          'div',
          { className: 'sheet-diff', 'data-sheet': s.sheet },
          h(
            'p',
            {},
            tr('diffLine', {
              sheet: s.label,
              changed: s.changedCount,
              removed: s.removedCount,
              added: s.added,
            }),
          ),
          s.changedCount || s.removedCount ? box(tr('wholeSheet'), s.sheet) : null,
          s.byRecord && (s.changedCount > LISTED || s.removedCount > LISTED)
            ? h('p', { className: 'note' }, tr('diffListed', { n: LISTED }))
            : null,
          ...(s.byRecord
            ? [
                ...s.changed.map((x) => box(`${x.id}: ${x.fields.join(', ')}`, s.sheet, x.id)),
                ...s.removed.map((x) => box(x, s.sheet, x)),
              ]
            : []),
        ),
      ),
      restore,
    );
  }

  const el = h(
    'section',
    { 'data-section': 'care', className: 'care' },
    h('h2', {}, tr('careTitle')),
    h(
      'div',
      { className: 'row' },
      button('run-check primary', tr('runCheck'), async () => showCheck(await app.call('runDataCheck', {}))),
      fixes,
    ),
    scores,
    h(
      'div',
      { className: 'row' },
      button('refresh-dashboard', tr('refreshDashboard'), async () => {
        app.notify('ok', (await app.call('refreshDashboard', {})).message);
      }),
    ),
    admin ? h('h3', {}, tr('backupsTitle')) : null,
    admin
      ? h(
          'div',
          { className: 'row' },
          button('back-up', tr('backUpNow'), () => listBackups('backupNow')),
          button('list-backups', tr('showBackups'), () => listBackups('listBackups')),
        )
      : null,
    admin ? backups : null,
    admin ? diff : null,
  );
  // Nothing is loaded until asked for: opening the tab costs no round trip.
  return { el };
}
