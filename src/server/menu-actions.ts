// What the menu items run: the same entry points as the sidebar, with the outcome or the refusal shown in a dialog.
import { langFromLocale, t } from '../domain/i18n';
import { UserError } from './caller';
import { entryPoint } from './entry';
import { applyProtections, checkProtections } from './protections';
import { type ReminderStatus, reminderStatus, turnRemindersOff, turnRemindersOn } from './reminders';
import { setUpRegister } from './setup';

function alert(text: string) {
  SpreadsheetApp.getUi().alert(text);
}

/** Refusals are shown as they are; a bug is logged with its stack and shown as a short message (entryPoint). */
function shown<T>(work: () => T, done: (result: T) => string) {
  try {
    alert(entryPoint(() => done(work()))());
  } catch (e) {
    if (e instanceof UserError) alert(e.message);
    else throw e;
  }
}

export function menuSetUpRegister() {
  const lang = langFromLocale(Session.getActiveUserLocale());
  shown(setUpRegister, (r) => t(lang, r.changed ? 'setupDone' : 'setupNoChange', { version: r.toVersion }));
}

export function menuApplyProtections() {
  shown(applyProtections, (r) => [r.message, ...r.drift].join('\n'));
}

/** Shows the drift and asks before repairing: Check protections itself never changes anything unasked. */
export function menuCheckProtections() {
  const lang = langFromLocale(Session.getActiveUserLocale());
  shown(checkProtections, (r) => {
    if (!r.drift.length) return r.message;
    const ui = SpreadsheetApp.getUi();
    const answer = ui.alert(
      r.message,
      [...r.drift, '', t(lang, 'protectionsRepairAsk')].join('\n'),
      ui.ButtonSet.YES_NO,
    );
    return answer === ui.Button.YES ? checkProtections({ repair: true }).message : r.message;
  });
}

function reminderText(s: ReminderStatus) {
  const lang = langFromLocale(Session.getActiveUserLocale());
  const lines = [
    s.on
      ? t(lang, 'remindersOn', { owner: s.runsAs, hour: s.hour, zone: s.spreadsheetTimeZone })
      : t(lang, 'remindersOff'),
  ];
  if (s.silentSince) lines.push(t(lang, 'remindersSilent', { date: s.silentSince, owner: s.runsAs }));
  if (s.lastFailure) lines.push(`${s.lastFailure.at}: ${s.lastFailure.message}`);
  if (s.timeZonesDiffer)
    lines.push(t(lang, 'remindersZones', { sheet: s.spreadsheetTimeZone, script: s.scriptTimeZone }));
  return lines.join('\n');
}

/** Reminders another admin runs are taken over only after the caller says yes: their account stops sending. */
export function menuTurnRemindersOn() {
  const lang = langFromLocale(Session.getActiveUserLocale());
  shown(() => {
    const s = reminderStatus();
    if (!s.canTakeOver) return turnRemindersOn();
    const ui = SpreadsheetApp.getUi();
    const answer = ui.alert(t(lang, 'remindersTakeOverAsk', { owner: s.runsAs }), ui.ButtonSet.YES_NO);
    return answer === ui.Button.YES ? turnRemindersOn({ takeOver: true }) : s;
  }, reminderText);
}

export function menuTurnRemindersOff() {
  shown(turnRemindersOff, reminderText);
}
