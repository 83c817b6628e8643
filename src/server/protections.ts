// Entry points for protections: Apply and Check protections (Admin only), and the onEdit guard's trigger handler.
import { boolean, object } from 'zod';
import { type Lang, t } from '../domain/i18n';
import { driftMessage } from '../domain/protection-drift';
import { type EditEvent, guardEdit as guard } from '../gas/edit-guard';
import {
  ensureProtections,
  GUARD_HANDLER,
  inspectProtections,
  installGuard,
  repairProtections,
} from '../gas/protections';
import { withDocumentLock } from '../gas/session';
import { recordedLanguage } from '../gas/setup';
import { ownTriggerId } from '../gas/trigger-origin';
import { ADMIN_ONLY, recordTypes } from '../schema';
import { authorize, type Context } from './context';
import { parseRequest } from './requests';

const action = { en: t('en', 'protectAction'), zh: t('zh', 'protectAction') };
const checkRequest = object({ repair: boolean().optional() }).strict();

export interface ProtectionReport {
  /** Protections the plan holds. */
  count: number;
  /** What drifted, one sentence each in the caller's language; empty when all matched. */
  drift: string[];
  repaired: boolean;
  message: string;
}

function label(sheet: string, field: string, lang: Lang): string {
  const rt = Object.values(recordTypes).find((r) => r.sheetName === sheet);
  return rt?.fields.find((f) => f.key === field)?.labels[lang] ?? field;
}

function messages(c: Context, drift: Parameters<typeof driftMessage>[0][], guardMissing: boolean): string[] {
  const out = drift.map((d) => driftMessage(d, c.lang, (s, f) => label(s, f, c.registerLang)));
  if (guardMissing) out.push(t(c.lang, 'driftGuard'));
  return out;
}

/** "Apply protections": repairs whatever differs from the plan and installs the guard; a second run changes nothing. */
export function applyProtections(): ProtectionReport {
  const c = authorize(ADMIN_ONLY, action);
  return withDocumentLock(() => {
    const r = ensureProtections(c.ss, { owner: c.owner, lang: c.registerLang });
    const changed = r.changes > 0 || r.guardInstalled;
    return {
      count: r.count,
      drift: messages(c, r.drift, r.guardInstalled),
      repaired: changed,
      message: t(c.lang, changed ? 'protectionsApplied' : 'protectionsUnchanged', { count: r.count }),
    };
  });
}

/** "Check protections": reports drift in the caller's language; with `{ repair: true }` also repairs it. */
export function checkProtections(arg?: unknown): ProtectionReport {
  const c = authorize(ADMIN_ONLY, action);
  const req = parseRequest(checkRequest, arg ?? {}, c.lang);
  const o = { owner: c.owner, lang: c.registerLang };
  return withDocumentLock(() => {
    const x = inspectProtections(c.ss, o);
    const drift = messages(c, x.drift, x.guard === 'missing');
    if (!drift.length)
      return {
        count: x.planned.length,
        drift,
        repaired: false,
        message: t(c.lang, 'protectionsOk', { count: x.planned.length }),
      };
    if (!req.repair)
      return { count: x.planned.length, drift, repaired: false, message: t(c.lang, 'protectionsFound') };
    repairProtections(c.ss, x);
    if (x.guard === 'missing') installGuard(c.ss);
    return { count: x.planned.length, drift, repaired: true, message: t(c.lang, 'protectionsRepaired') };
  });
}

/**
 * The installable onEdit trigger's handler; it runs as the Admin who applied protections. Called any other
 * way (a page's google.script.run, with an event it made up) it does nothing: it would write as the caller.
 */
export function guardEdit(e: EditEvent) {
  if (!ownTriggerId(GUARD_HANDLER, e)) return;
  guard(e, recordedLanguage() ?? 'en');
}
