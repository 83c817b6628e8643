// The day's reminder plan: which customers get a review email, in what order, what each owner's digest says, and what is skipped.
import type { Settings } from '../../schema';
import type { CareJob } from '../care/schedule';
import { dayNumber } from './civil-date';
import type { DigestCustomer, DigestFollowUp, DigestNote, DigestProperty, Routed } from './digest-items';
import { followUpsDue, propertyDue } from './digest-items';
import { BLOCKER_OUTCOME, reachByEmail } from './eligibility';
import type { LogEntry, LogRow } from './reminder-log';
import { cycleState, digestsAlreadySent, indexReviewLog, loggedSkips, skipKey } from './reminder-log';
import { reviewMonths } from './review-schedule';
import type { Row } from './row';
import { integerSetting, isTicked, mailbox, text } from './row';
import { type WorkCounts, type WorkEntry, workCounts, workTotal } from './work';

/** A care job the daily run no longer starts, and what its last run took. */
export interface StalledJob {
  job: CareJob;
  tookMs: number;
}

export interface PlanInput {
  /** 'yyyy-mm-dd' in the spreadsheet's time zone. */
  today: string;
  settings: Settings;
  customers: readonly Row[];
  property?: readonly Row[];
  interactions?: readonly Row[];
  /** Reminder log rows; at least those of the current cycles and of today's digests. */
  log?: readonly LogEntry[];
  /** MailApp.getRemainingDailyQuota() at the start of the run. */
  remainingQuota: number;
  /** Defaults to the quotaReserve setting. */
  reserve?: number;
  /** Gets the lines nobody on the team owns (usually the admin the trigger runs as). */
  fallbackRecipient: string;
  /** Active team emails; an owner not among them is treated as no owner. Omit to trust every owner. */
  staff?: readonly string[] | null;
  /** Today's digest recipients already marked outside the log (which anyone may clear): never a second digest. */
  digestsMarked?: readonly string[];
  /** Every digest of today went out already: plan emails only (the rows read may not carry what digests list). */
  digestsDone?: boolean;
  /** Set when no run had succeeded for two days ('yyyy-mm-dd hh:mm'): every admin's digest says so. */
  silentSince?: string | null;
  /** The active Admins and the owner, who are told when the run had been silent. */
  admins?: readonly string[];
  /** Care jobs the daily run no longer starts (their last run took longer than an execution gives them): admins are told. */
  careStalled?: readonly StalledJob[];
  /** Active staff, and whether each reviews (Manager, Admin): whose My work counts the digests carry. */
  workers?: readonly { email: string; manager: boolean }[];
  /** The customers pending review or returned (WORK_STATES), with who entered them. */
  workEntries?: readonly WorkEntry[];
  /** The customer ID of each pending change request (those customers come with their Owner). */
  requestCustomers?: readonly string[];
}

export interface PlannedEmail {
  customerId: string;
  recipient: string;
  cycle: string;
  daysOverdue: number;
  customer: Row;
  /** Sort key: cycle, then customer ID, so the most overdue go first and ties never reorder. */
  key: string;
}

export interface PlannedDigest {
  recipient: string;
  /** Digests are daily: the cycle is today's date. */
  cycle: string;
  customers: DigestCustomer[];
  property: DigestProperty[];
  followUps: DigestFollowUp[];
  /** For admins after a silence: no run had succeeded since then. */
  silentSince?: string;
  /** For admins: the care jobs the daily run no longer starts. */
  careStalled?: StalledJob[];
  /** What waits in the recipient's My work, as the sidebar counts it. */
  work?: { counts: WorkCounts; manager: boolean };
}

export interface ReminderPlan {
  today: string;
  /** Sent first: one per person, few, and what staff act on. */
  digests: PlannedDigest[];
  /** Then the customer emails, most overdue first. */
  emails: PlannedEmail[];
  /** Eligible but beyond today's quota; planned again tomorrow. */
  deferred: PlannedEmail[];
  deferredDigests: PlannedDigest[];
  /** Lines no team member could receive because the fallback recipient is not an address. */
  unrouted: PlannedDigest | null;
  /** Skip rows to append now (each reason once per customer per cycle). */
  log: LogRow[];
  /** Emails the quota allows after the reserve. */
  available: number;
}

// The date is fixed width, so comparing keys as strings orders by due date (most overdue first), then ID.
function sortKey(due: string, id: string): string {
  return `${due} ${id}`;
}

const byKey = (a: PlannedEmail, b: PlannedEmail) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byRecipient = (a: PlannedDigest, b: PlannedDigest) =>
  a.recipient < b.recipient ? -1 : a.recipient > b.recipient ? 1 : 0;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function noteDetail(note: DigestNote, customer: Row): string {
  if (note === 'invalidEmail') return text(customer, 'email');
  if (note === 'channel') return text(customer, 'preferredChannel');
  return '';
}

function duplicateIds(customers: readonly Row[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const customer of customers) {
    const id = text(customer, 'id');
    if (id === '') continue;
    if (seen.has(id)) twice.add(id);
    else seen.add(id);
  }
  return twice;
}

/** Each worker's My work counts, on their digest (one is made for them when nothing else is due). */
function placeWork(
  input: PlanInput,
  customersById: ReadonlyMap<string, Row>,
  route: (candidates: readonly string[]) => PlannedDigest,
) {
  const entries = input.workEntries ?? [];
  const owners = (input.requestCustomers ?? []).map((id) => {
    const c = customersById.get(id);
    return c ? text(c, 'owner') : '';
  });
  for (const w of input.workers ?? []) {
    const address = mailbox(w.email);
    if (address === null) continue;
    const counts = workCounts(entries, owners, address, w.manager);
    if (workTotal(counts) > 0) route([address]).work = { counts, manager: w.manager };
  }
}

export function planReminders(input: PlanInput): ReminderPlan {
  const { today, settings } = input;
  const now = dayNumber(today);
  if (now === null) throw new RangeError(`today is not a yyyy-mm-dd date: ${today}`);
  const log = input.log ?? [];
  const reviewLog = indexReviewLog(log);
  const skipsLogged = loggedSkips(log);
  const staff = input.staff ? new Set(input.staff.map((s) => s.trim().toLowerCase())) : null;
  const fallback = mailbox(input.fallbackRecipient) ?? '';
  const digests = new Map<string, PlannedDigest>();
  const rows: LogRow[] = [];

  const route = (candidates: readonly string[]): PlannedDigest => {
    let recipient = fallback;
    for (const candidate of candidates) {
      const address = mailbox(candidate);
      if (address !== null && (staff === null || staff.has(address))) {
        recipient = address;
        break;
      }
    }
    let digest = digests.get(recipient);
    if (!digest) {
      digest = { recipient, cycle: today, customers: [], property: [], followUps: [] };
      digests.set(recipient, digest);
    }
    return digest;
  };

  const customersById = new Map<string, Row>();
  const duplicates = duplicateIds(input.customers);
  const candidates: { email: PlannedEmail; line: DigestCustomer }[] = [];
  // A register has a handful of status × tier pairs; reading the settings once per pair, not per row.
  const cadence = new Map<string, boolean>();
  const reviewed = (status: string, tier: string) => {
    const pair = `${status}\u0000${tier}`;
    let yes = cadence.get(pair);
    if (yes === undefined) {
      yes = reviewMonths(settings, status, tier) !== null;
      cadence.set(pair, yes);
    }
    return yes;
  };

  for (const customer of input.customers) {
    const id = text(customer, 'id');
    if (id !== '' && !customersById.has(id)) customersById.set(id, customer);
    if (id === '' || text(customer, 'recordState') !== 'approved') continue;
    const cycle = text(customer, 'nextReviewDue');
    // 'yyyy-mm-dd' strings order like the dates, so most rows, not yet due, are dropped without parsing.
    if (cycle > today) continue;
    const due = dayNumber(cycle);
    if (due === null || due > now || !reviewed(text(customer, 'status'), text(customer, 'tier'))) continue;

    const line: DigestCustomer = {
      id,
      name: text(customer, 'name'),
      nextReviewDue: cycle,
      daysOverdue: now - due,
      note: 'emailToday',
      detail: '',
    };
    route([text(customer, 'owner')]).customers.push(line);

    // The log knows customers by ID, so with two rows sharing one it could not stop a second email.
    if (duplicates.has(id)) {
      line.note = 'duplicateId';
      continue;
    }
    // Withdrawn through their link: the owner learns it from the digest; the link already logged it.
    const withdrawn = text(customer, 'consentWithdrawn');
    if (withdrawn !== '' && !isTicked(customer, 'consent')) {
      line.note = 'consentWithdrawn';
      line.detail = withdrawn;
      continue;
    }
    const state = cycleState(reviewLog.get(id), cycle, text(customer, 'reviewCycle'), today);
    if (state.state === 'sent') {
      line.note = 'emailedThisCycle';
      line.detail = text(customer, 'lastReminded');
      continue;
    }
    if (state.state === 'unknown') {
      line.note = 'unknownWhetherSent';
      line.detail = state.since;
      continue;
    }
    const reach = reachByEmail(customer);
    if (!reach.ok) {
      line.note = reach.blocker;
      line.detail = noteDetail(reach.blocker, customer);
      const outcome = BLOCKER_OUTCOME[reach.blocker];
      if (!skipsLogged.has(skipKey(id, cycle, outcome))) {
        rows.push({ record: id, recipient: '', kind: 'customerReview', cycle, outcome, detail: line.detail });
      }
      continue;
    }
    if (state.state === 'failedToday' && state.recipient === reach.address) {
      line.note = 'sendFailed';
      line.detail = state.detail;
      continue;
    }
    candidates.push({
      email: {
        customerId: id,
        recipient: reach.address,
        cycle,
        daysOverdue: now - due,
        customer,
        key: sortKey(cycle, id),
      },
      line,
    });
  }

  const warningDays = Math.max(0, integerSetting(settings, 'propertyReturnWarningDays') ?? 0);
  const place = <T>(items: Routed<T>[], pick: (d: PlannedDigest) => T[]) => {
    for (const { candidates: who, item } of items) pick(route(who)).push(item);
  };
  place(propertyDue(input.property ?? [], now, warningDays, customersById), (d) => d.property);
  place(followUpsDue(input.interactions ?? [], now, customersById), (d) => d.followUps);
  if (!input.digestsDone) placeWork(input, customersById, route);
  // A silent run is news for every admin, whether or not they own anything due today.
  if (input.silentSince)
    for (const admin of input.admins ?? []) {
      if (mailbox(admin) !== null) route([admin]).silentSince = input.silentSince;
    }
  // So is a care job the run has stopped starting: otherwise nobody would know backups stopped.
  if (input.careStalled?.length)
    for (const admin of input.admins ?? []) {
      if (mailbox(admin) !== null) route([admin]).careStalled = [...input.careStalled];
    }

  const reserve = Math.max(0, input.reserve ?? integerSetting(settings, 'quotaReserve') ?? 0);
  const quota = Number.isFinite(input.remainingQuota) ? Math.floor(input.remainingQuota) : 0;
  const available = Math.max(0, quota - reserve);

  const sent = digestsAlreadySent(log, today);
  for (const r of input.digestsMarked ?? []) sent.add(r.trim().toLowerCase());
  let unrouted: PlannedDigest | null = null;
  const due: PlannedDigest[] = [];
  for (const digest of digests.values()) {
    digest.customers.sort((a, b) => b.daysOverdue - a.daysOverdue || byId(a, b));
    digest.property.sort((a, b) => b.daysLate - a.daysLate || byId(a, b));
    digest.followUps.sort((a, b) => b.daysOverdue - a.daysOverdue || byId(a, b));
    if (digest.recipient === '') unrouted = digest;
    else if (!sent.has(digest.recipient) && !input.digestsDone) due.push(digest);
  }
  due.sort(byRecipient);
  const digestCount = Math.min(due.length, available);

  candidates.sort((a, b) => byKey(a.email, b.email));
  const emailBudget = available - digestCount;
  const emails: PlannedEmail[] = [];
  const deferred: PlannedEmail[] = [];
  for (const { email, line } of candidates) {
    if (emails.length < emailBudget) emails.push(email);
    else {
      line.note = 'deferred';
      deferred.push(email);
    }
  }
  if (deferred.length > 0 && !skipsLogged.has(skipKey('', today, 'quotaReached'))) {
    rows.push({
      record: '',
      recipient: '',
      kind: 'customerReview',
      cycle: today,
      outcome: 'quotaReached',
      detail: String(deferred.length),
    });
  }

  return {
    today,
    digests: due.slice(0, digestCount),
    emails,
    deferred,
    deferredDigests: due.slice(digestCount),
    unrouted,
    log: rows,
    available,
  };
}
