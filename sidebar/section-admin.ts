// The Admin section: review reminders on, off or taken over, whose account runs them and how the runs went, a dry run of today's, and a test email.
import type { ReminderPreview, ReminderStatus } from '../src/shared/rpc';
import type { App } from './app';
import { fill, h } from './dom';

/** Customer emails listed in a preview; the rest are counted. */
const SHOWN = 20;

export function adminSection(app: App): { el: HTMLElement; onShow(): void } {
  const { tr } = app;
  const status = h('div', { className: 'reminder-status', 'aria-live': 'polite' });
  const preview = h('div', { className: 'reminder-preview', 'aria-live': 'polite' });
  const button = (className: string, label: string, work: () => Promise<void>) =>
    h('button', { type: 'button', className, onclick: () => void run(work) }, label);
  const on = button('turn-on primary', tr('turnOn'), () => turn('turnRemindersOn'));
  const off = button('turn-off', tr('turnOff'), () => turn('turnRemindersOff'));
  const takeOver = button('take-over primary', tr('takeOver'), takeOverNow);
  takeOver.hidden = true;
  const buttons = [
    on,
    off,
    takeOver,
    button('preview', tr('previewToday'), showPreview),
    button('test-mail', tr('sendTest'), sendTest),
  ];

  // One request at a time: a double click cannot send two test emails.
  async function run(work: () => Promise<void>) {
    app.clearNotice();
    for (const b of buttons) b.disabled = true;
    try {
      await work();
    } catch (e) {
      // The server's refusal is a whole sentence in the user's language (e.g. another admin owns the trigger).
      app.notify('error', e instanceof Error ? e.message : String(e));
    } finally {
      for (const b of buttons) b.disabled = false;
      on.disabled = status.dataset.on === 'true';
      off.disabled = status.dataset.on === 'false';
    }
  }

  function showStatus(s: ReminderStatus) {
    status.dataset.on = String(s.on);
    takeOver.hidden = !s.canTakeOver;
    const time = `${String(s.hour).padStart(2, '0')}:00`;
    const warn = (className: string, text: string) =>
      h('p', { className: `warn ${className}`, role: 'alert' }, text);
    fill(
      status,
      h('p', { className: 'state' }, tr(s.on ? 'remindersOn' : 'remindersOff')),
      s.runsAs ? h('p', { className: 'runs-as' }, tr('runsAs', { email: s.runsAs })) : null,
      h('p', { className: 'meta' }, tr('dailyAt', { time, zone: s.spreadsheetTimeZone })),
      s.runsAs && !s.runnerIsAdmin ? warn('runner-warning', tr('runnerNotAdmin', { email: s.runsAs })) : null,
      s.silentSince
        ? warn('silent-warning', tr('silentSince', { time: s.silentSince, email: s.runsAs }))
        : null,
      s.runsAs
        ? h(
            'p',
            { className: 'note last-success' },
            s.lastSuccess ? tr('lastSuccess', { time: s.lastSuccess }) : tr('neverRun'),
          )
        : null,
      s.lastFailure
        ? h(
            'p',
            { className: 'note last-failure' },
            tr('lastFailure', { time: s.lastFailure.at, message: s.lastFailure.message }),
          )
        : null,
      s.timeZonesDiffer
        ? h(
            'p',
            { className: 'warn zone-warning', role: 'alert' },
            tr('zonesDiffer', { sheet: s.spreadsheetTimeZone, script: s.scriptTimeZone }),
          )
        : null,
    );
  }

  async function turn(name: 'turnRemindersOn' | 'turnRemindersOff') {
    const s = await app.call(name, {});
    showStatus(s);
    app.notify('ok', tr(s.on ? 'remindersOn' : 'remindersOff'));
  }

  // Asked for by name: turning on while another admin runs reminders is refused, so a click cannot take over by accident.
  async function takeOverNow() {
    showStatus(await app.call('turnRemindersOn', { takeOver: true }));
    app.notify('ok', tr('tookOver'));
  }

  function previewList(p: ReminderPreview) {
    const more = p.emails.length - SHOWN;
    const skipped = p.skipped.filter((s) => s.record).length;
    return [
      h('p', { className: 'note' }, tr('previewFor', { date: p.today })),
      h('h3', {}, tr('previewEmails', { n: p.emails.length })),
      h(
        'ul',
        { className: 'results emails' },
        ...p.emails
          .slice(0, SHOWN)
          .map((e) =>
            h(
              'li',
              { 'data-id': e.customerId },
              `${e.customerId} → ${e.recipient}`,
              h('div', { className: 'meta' }, e.subject),
            ),
          ),
      ),
      more > 0 ? h('p', { className: 'note' }, tr('previewMore', { n: more })) : null,
      h('h3', {}, tr('previewDigests', { n: p.digests.length })),
      h(
        'ul',
        { className: 'results digests' },
        ...p.digests.map((d) =>
          h(
            'li',
            { 'data-recipient': d.recipient },
            d.recipient,
            h('div', { className: 'meta' }, tr('digestCounts', { ...d })),
          ),
        ),
      ),
      p.deferred ? h('p', { className: 'note deferred' }, tr('previewDeferred', { n: p.deferred })) : null,
      skipped ? h('p', { className: 'note' }, tr('previewSkipped', { n: skipped })) : null,
    ];
  }

  async function showPreview() {
    fill(preview, h('p', { className: 'note' }, tr('loading')));
    try {
      fill(preview, ...previewList(await app.call('previewReminders', {})));
    } catch (e) {
      preview.replaceChildren();
      throw e;
    }
  }

  async function sendTest() {
    const r = await app.call('sendTestReminder', {});
    app.notify('ok', tr('testSent', { to: r.to, subject: r.subject }));
  }

  const el = h(
    'section',
    { 'data-section': 'admin', className: 'admin' },
    h('h2', {}, tr('adminTitle')),
    status,
    h('div', { className: 'row' }, on, off, takeOver),
    h('div', { className: 'row' }, ...buttons.slice(3)),
    preview,
  );
  // Loaded when the tab is opened, never at start: the form is usable before any round trip.
  return {
    el,
    onShow: () =>
      void run(async () => {
        fill(status, h('p', { className: 'note' }, tr('loading')));
        try {
          showStatus(await app.call('reminderStatus', {}));
        } catch (e) {
          status.replaceChildren();
          throw e;
        }
      }),
  };
}
