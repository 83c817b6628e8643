// doGet / doPost of the customer web app: a signed link shows a page (GET) and acts only from the page's button (POST).
import type { Lang } from '../domain/i18n';
import { registerLang } from '../domain/reminders';
import { customerDetails } from '../domain/reminders/customer-details';
import { customerLang } from '../domain/reminders/email';
import { confirmationStamp } from '../domain/review-confirmation';
import { customerEditableFields, requestedChanges, submittedValues } from '../domain/review-link/correction';
import {
  confirmPage,
  correctPage,
  type FormField,
  messagePage,
  type Page,
  type PageContext,
  stopPage,
} from '../domain/review-link/page';
import type { PageKey } from '../domain/review-link/text';
import { checkLink, type LinkClaim, type LinkParams } from '../domain/review-link/token';
import { validateRecord } from '../domain/validation';
import { appendAudit } from '../gas/audit-log';
import { appendChangeRequests, readChangeRequestsBy } from '../gas/change-requests';
import { type Loaded, loadRecord } from '../gas/records';
import { appendReminderLog } from '../gas/reminder-log-rows';
import { burstExceeded, linkSigner, registerSpreadsheet, todayIn, withWebAppLock } from '../gas/review-links';
import { readSettings } from '../gas/settings';
import { htmlPage } from '../gas/web-output';
import { customer, defaultLists, type Settings, type WireValue } from '../schema';
import { phoneRegion } from './context';
import { webEntryPoint } from './entry';
import { type Writer, writeUpdate } from './record-update';

/** Submissions one link may make (a second thought, a typo fixed); more go through staff. */
const SUBMISSIONS_PER_LINK = 3;
/** POSTs per minute across all links before the web app refuses: a burst is a script, not a customer. */
const POSTS_PER_MINUTE = 30;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
interface WebEvent {
  parameter?: Record<string, unknown>;
}

interface Visit {
  ss: Spreadsheet;
  settings: Settings;
  tz: string;
  today: string;
  claim: LinkClaim;
  params: LinkParams;
  found: Loaded;
  ctx: PageContext;
}

export function doGet(e?: WebEvent) {
  return htmlPage(answer(e, false));
}

export function doPost(e?: WebEvent) {
  return htmlPage(answer(e, true));
}

/** The visitor's language as far as it is known yet: the register's once read, then the customer's. */
interface Said {
  lang: Lang;
}

function answer(e: WebEvent | undefined, post: boolean): Page {
  const said: Said = { lang: 'en' };
  return webEntryPoint(
    () => serve(e, post, said),
    (busy) => messagePage(said.lang, busy ? 'busy' : 'unavailable'),
  );
}

/** Every refusal is a plain page in the visitor's language; none says whether another customer or ID exists. */
function serve(e: WebEvent | undefined, post: boolean, said: Said): Page {
  const parameter = e?.parameter ?? {};
  const ss = registerSpreadsheet();
  if (!ss) return messagePage('en', 'unavailable');
  const settings = readSettings(ss);
  const lang = registerLang(settings);
  said.lang = lang;
  if (post && burstExceeded(POSTS_PER_MINUTE)) return messagePage(lang, 'busy');
  const tz = ss.getSpreadsheetTimeZone();
  const today = todayIn(tz);
  const check = checkLink(parameter, today, linkSigner());
  if (!check.ok) return messagePage(lang, check.reason);
  const open = () => {
    const found = loadRecord(ss, customer, check.claim.customerId, tz);
    if (!found) return null;
    const ctx = { lang: customerLang(found.values, settings), url: String(settings.webAppUrl ?? '') };
    said.lang = ctx.lang;
    const params = {
      a: check.action,
      c: check.claim.customerId,
      r: check.claim.cycle,
      x: check.claim.expires,
      s: String(parameter.s),
    };
    return { ss, settings, tz, today, claim: check.claim, params, found, ctx };
  };
  if (!post) {
    const v = open();
    return v ? show(v) : messagePage(lang, 'invalid');
  }
  return withWebAppLock(() => {
    const v = open();
    if (!v) return messagePage(lang, 'invalid');
    if (check.action === 'confirm') return confirm(v);
    if (check.action === 'stop') return stop(v);
    return correct(v, parameter);
  });
}

const current = (v: Visit) => v.found.values.nextReviewDue === v.claim.cycle;
const withdrawn = (v: Visit) => v.found.values.consent !== true && Boolean(v.found.values.consentWithdrawn);

function show(v: Visit): Page {
  if (v.params.a === 'stop')
    return withdrawn(v) ? messagePage(v.ctx.lang, 'alreadyStopped') : stopPage(v.ctx, v.params);
  if (!current(v)) return messagePage(v.ctx.lang, 'used');
  if (v.params.a === 'confirm')
    return confirmPage(
      v.ctx,
      v.params,
      v.claim.customerId,
      customerDetails(v.found.values, v.ctx.lang, defaultLists),
    );
  return correctPage(v.ctx, v.params, formFields(v.found.values), defaultLists, null);
}

function formFields(values: Record<string, WireValue>, errors: Record<string, string> = {}): FormField[] {
  return customerEditableFields(customer).map((decl) => ({
    decl,
    value: values[decl.key] === null || values[decl.key] === undefined ? '' : String(values[decl.key]),
    error: errors[decl.key],
  }));
}

/** The customer writes as themselves: their address (or their ID) in Updated by and in Audit. */
function writer(v: Visit): Writer {
  const email = String(v.found.values.email ?? '').trim();
  return {
    ss: v.ss,
    email: email || v.claim.customerId,
    lang: v.ctx.lang,
    registerLang: registerLang(v.settings),
    tz: v.tz,
  };
}

function logOutcome(v: Visit, outcome: string) {
  appendReminderLog(
    v.ss,
    [
      {
        record: v.claim.customerId,
        recipient: String(v.found.values.email ?? ''),
        kind: 'customerReview',
        cycle: v.claim.cycle,
        outcome,
        detail: '',
      },
    ],
    registerLang(v.settings),
  );
}

function confirm(v: Visit): Page {
  if (!current(v)) return messagePage(v.ctx.lang, 'used');
  const stamp = confirmationStamp(v.settings, v.found.values, v.today);
  const { nextReviewDue } = stamp;
  writeUpdate(writer(v), customer, v.found, stamp, 'confirmReview', undefined, 'customerLink');
  logOutcome(v, 'confirmed');
  return nextReviewDue
    ? messagePage(v.ctx.lang, 'confirmed', { date: nextReviewDue })
    : messagePage(v.ctx.lang, 'confirmedNoDate');
}

function stop(v: Visit): Page {
  if (withdrawn(v)) return messagePage(v.ctx.lang, 'alreadyStopped');
  writeUpdate(
    writer(v),
    customer,
    v.found,
    { consent: false, consentWithdrawn: v.today },
    'withdrawConsent',
    undefined,
    'customerLink',
  );
  logOutcome(v, 'consentWithdrawn');
  return messagePage(v.ctx.lang, 'stopped');
}

function correct(v: Visit, parameter: Record<string, unknown>): Page {
  if (!current(v)) return messagePage(v.ctx.lang, 'used');
  const fields = customerEditableFields(customer);
  const sent = submittedValues(fields, parameter);
  const again = (notice: PageKey, errors: Record<string, string> = {}) =>
    correctPage(v.ctx, v.params, formFields({ ...v.found.values, ...sent }, errors), defaultLists, notice);
  const earlier = readChangeRequestsBy(v.ss, v.tz, 'customerId', [v.claim.customerId]).filter(
    (r) => r.customerId === v.claim.customerId && r.cycle === v.claim.cycle,
  );
  if (new Set(earlier.map((r) => r.receivedAt)).size >= SUBMISSIONS_PER_LINK)
    return messagePage(v.ctx.lang, 'limit');
  // The sidebar's own rules, in the customer's language, as a clerk's edit of these fields would be judged.
  const checked = validateRecord(customer, sent, {
    lang: v.ctx.lang,
    role: 'Clerk',
    mode: 'update',
    phoneRegion: phoneRegion(sent, v.settings),
  });
  if (!checked.ok)
    return again('fixErrors', Object.fromEntries(checked.errors.map((e) => [e.field, e.message])));
  const changes = requestedChanges(fields, v.found.values, checked.value);
  if (!changes.length) return again('noChange');
  const now = new Date();
  const lang = registerLang(v.settings);
  const text = (x: WireValue) => (x === null ? '' : String(x));
  const ids = appendChangeRequests(
    v.ss,
    changes.map((c) => ({
      customerId: v.claim.customerId,
      field: c.field,
      oldValue: text(c.oldValue),
      newValue: text(c.newValue),
      receivedAt: '',
      source: 'customerLink',
      cycle: v.claim.cycle,
      state: 'pending',
    })),
    lang,
    now,
  );
  const user = writer(v).email;
  appendAudit(
    v.ss,
    changes.map((c, i) => ({
      time: now,
      user,
      action: 'requestChange',
      record: v.claim.customerId,
      field: c.field,
      oldValue: text(c.oldValue),
      newValue: `${text(c.newValue)} (${ids[i]})`,
      source: 'customerLink',
    })),
    lang,
  );
  logOutcome(v, 'changeRequested');
  return messagePage(v.ctx.lang, 'received');
}
