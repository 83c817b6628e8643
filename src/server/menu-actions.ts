// What the menu items run: the same entry points as the sidebar, with the outcome or the refusal shown in a dialog.
import { t } from '../domain/i18n';
import { alert, askYesNo, uiLang } from '../gas/ui';
import { UserError } from './caller';
import { entryPoint } from './entry';
import { applyProtections, checkProtections } from './protections';
import { type ReminderStatus, reminderStatus, turnRemindersOff, turnRemindersOn } from './reminders';
import { setUpRegister } from './setup';

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
  const lang = uiLang();
  shown(setUpRegister, (r) => t(lang, r.changed ? 'setupDone' : 'setupNoChange', { version: r.toVersion }));
}

export function menuApplyProtections() {
  shown(applyProtections, (r) => [r.message, ...r.drift].join('\n'));
}

/** Shows the drift and asks before repairing: Check protections itself never changes anything unasked. */
export function menuCheckProtections() {
  const lang = uiLang();
  shown(checkProtections, (r) => {
    if (!r.drift.length) return r.message;
    const repair = askYesNo(r.message, [...r.drift, '', t(lang, 'protectionsRepairAsk')].join('\n'));
    return repair ? checkProtections({ repair: true }).message : r.message;
  });
}

function reminderText(s: ReminderStatus) {
  const lang = uiLang();
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
  const lang = uiLang();
  shown(() => {
    const s = reminderStatus();
    if (!s.canTakeOver) return turnRemindersOn();
    return askYesNo(t(lang, 'remindersTakeOverAsk', { owner: s.runsAs }))
      ? turnRemindersOn({ takeOver: true })
      : s;
  }, reminderText);
}

export function menuTurnRemindersOff() {
  shown(turnRemindersOff, reminderText);
}
