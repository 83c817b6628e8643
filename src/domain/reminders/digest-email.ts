// The staff digest rendered as an email: My work counts, customers due, property due back and follow-ups, in the register's language.
import type { ListRegistry, Settings } from '../../schema';
import { defaultLists } from '../../schema';
import { CARE_JOB_NAMES, CARE_MENU_CAPTIONS } from '../care/job-names';
import type { Lang, MessageKey } from '../i18n';
import { t } from '../i18n';
import { listLabel } from './customer-details';
import type { DigestCustomer, DigestFollowUp, DigestNote, DigestProperty } from './digest-items';
import type { OutgoingEmail } from './email';
import { htmlDocument, registerLang, senderOf } from './email';
import type { PlannedDigest } from './plan';
import { integerSetting } from './row';
import { escapeHtml, headerLine, htmlText, plainText } from './template';
import { type WorkCounts, workTotal } from './work';

// MailApp refuses bodies over a few hundred kilobytes; past this many lines a section points to the register.
const MAX_LINES = 200;

const NOTE_KEY: Readonly<Record<DigestNote, MessageKey>> = {
  emailToday: 'reminderNoteEmailToday',
  emailedThisCycle: 'reminderNoteEmailedThisCycle',
  unknownWhetherSent: 'reminderNoteUnknown',
  sendFailed: 'reminderNoteFailed',
  deferred: 'reminderNoteDeferred',
  duplicateId: 'reminderNoteDuplicateId',
  consentWithdrawn: 'reminderNoteConsentWithdrawn',
  noConsent: 'reminderNoteNoConsent',
  noEmail: 'reminderNoteNoEmail',
  invalidEmail: 'reminderNoteInvalidEmail',
  channel: 'reminderNoteChannel',
};

function daysText(lang: Lang, days: number): string {
  return days === 1 ? t(lang, 'reminderDayOne') : t(lang, 'reminderDays', { count: days });
}

interface Line {
  /** Who or what: ID and name. */
  head: string;
  /** When and why. */
  text: string;
}

function customerLine(c: DigestCustomer, lang: Lang, lists: ListRegistry): Line {
  const when =
    c.daysOverdue === 0
      ? t(lang, 'reminderReviewDueToday')
      : t(lang, 'reminderReviewOverdue', { date: c.nextReviewDue, days: daysText(lang, c.daysOverdue) });
  const channel = c.note === 'channel' ? listLabel(lists, 'contactChannel', c.detail, lang) : '';
  const note = t(lang, NOTE_KEY[c.note], { detail: c.detail, email: c.detail, channel });
  return { head: `${c.id} ${c.name}`.trim(), text: `${when}${t(lang, 'reminderClauseSeparator')}${note}` };
}

function propertyLine(p: DigestProperty, lang: Lang): Line {
  const when =
    p.daysLate === 0
      ? t(lang, 'reminderPropertyDueToday')
      : p.daysLate > 0
        ? t(lang, 'reminderPropertyLate', { date: p.expectedReturn, days: daysText(lang, p.daysLate) })
        : t(lang, 'reminderPropertyDueIn', { date: p.expectedReturn, days: daysText(lang, -p.daysLate) });
  const owner = t(lang, 'reminderForCustomer', { id: p.customerId, name: p.customerName }).trim();
  return { head: `${p.id} ${p.item}`.trim(), text: `${owner}${t(lang, 'reminderClauseSeparator')}${when}` };
}

function followUpLine(f: DigestFollowUp, lang: Lang, lists: ListRegistry): Line {
  const kind = listLabel(lists, 'interactionKind', f.kind, lang);
  const when = t(lang, 'reminderFollowUpDue', { date: f.nextFollowUp });
  const summary = f.summary.replace(/\s+/g, ' ').trim();
  const short = Array.from(summary).length > 160 ? `${Array.from(summary).slice(0, 159).join('')}…` : summary;
  return {
    head: `${f.customerId} ${f.customerName}`.trim(),
    text: [when, kind, short].filter((s) => s !== '').join(t(lang, 'reminderClauseSeparator')),
  };
}

/** The counts the sidebar's My work shows, one line each; the items themselves are in the sidebar. */
function workLines(work: PlannedDigest['work'], lang: Lang): Line[] {
  if (!work) return [];
  const lines: [MessageKey, keyof WorkCounts][] = [
    ['reminderWorkReturned', 'returned'],
    ['reminderWorkPending', 'pending'],
    ['reminderWorkToReview', 'toReview'],
    [work.manager ? 'reminderWorkChangesAll' : 'reminderWorkChanges', 'changeRequests'],
  ];
  return lines
    .filter(([, k]) => work.counts[k] > 0)
    .map(([key, k]) => ({ head: t(lang, key), text: String(work.counts[k]) }));
}

interface Section {
  title: string;
  lines: Line[];
}

function sectionText(s: Section, lang: Lang): string {
  const shown = s.lines
    .slice(0, MAX_LINES)
    .map((l) => `- ${l.head}${t(lang, 'reminderFieldSeparator')}${l.text}`);
  if (s.lines.length > MAX_LINES)
    shown.push(t(lang, 'reminderDigestMore', { count: s.lines.length - MAX_LINES }));
  return `${s.title}\n${shown.join('\n')}`;
}

function sectionHtml(s: Section, lang: Lang): string {
  const rows = s.lines
    .slice(0, MAX_LINES)
    .map(
      (l) =>
        `<tr><td style="padding:2px 12px 2px 0">${htmlText(l.head)}</td><td>${htmlText(l.text)}</td></tr>`,
    )
    .join('');
  const more =
    s.lines.length > MAX_LINES
      ? `<p>${escapeHtml(t(lang, 'reminderDigestMore', { count: s.lines.length - MAX_LINES }))}</p>`
      : '';
  return `<h3>${escapeHtml(s.title)}</h3><table style="border-collapse:collapse">${rows}</table>${more}`;
}

/** One staff member's digest; sections with nothing in them are left out. */
export function renderDigestEmail(
  digest: PlannedDigest,
  settings: Settings,
  lists: ListRegistry = defaultLists,
): OutgoingEmail {
  const lang = registerLang(settings);
  const warning = daysText(lang, Math.max(0, integerSetting(settings, 'propertyReturnWarningDays') ?? 0));
  const work = digest.work ? workTotal(digest.work.counts) : 0;
  const sections: Section[] = [
    { title: t(lang, 'reminderDigestWork', { count: work }), lines: workLines(digest.work, lang) },
    {
      title: t(lang, 'reminderDigestCustomers', { count: digest.customers.length }),
      lines: digest.customers.map((c) => customerLine(c, lang, lists)),
    },
    {
      title: t(lang, 'reminderDigestProperty', { count: digest.property.length, days: warning }),
      lines: digest.property.map((p) => propertyLine(p, lang)),
    },
    {
      title: t(lang, 'reminderDigestFollowUps', { count: digest.followUps.length }),
      lines: digest.followUps.map((f) => followUpLine(f, lang, lists)),
    },
  ].filter((s) => s.lines.length > 0);
  const notes = [
    digest.silentSince ? t(lang, 'reminderDigestSilent', { date: digest.silentSince }) : '',
    ...(digest.careStalled ?? []).map((s) =>
      t(lang, 'reminderDigestCareStalled', {
        job: CARE_JOB_NAMES[s.job][lang],
        minutes: (Math.round(s.tookMs / 6000) / 10).toFixed(1),
        menu: CARE_MENU_CAPTIONS[s.job][lang],
      }),
    ),
  ].filter(Boolean);
  const intro = [...notes, t(lang, 'reminderDigestIntro', { date: digest.cycle })].join('\n\n');
  const sender = senderOf(settings);
  return {
    to: digest.recipient,
    subject: headerLine(
      t(lang, 'reminderDigestSubject', {
        date: digest.cycle,
        customers: digest.customers.length,
        property: digest.property.length,
        followUps: digest.followUps.length,
      }) + (work > 0 ? t(lang, 'reminderDigestSubjectWork', { count: work }) : ''),
    ),
    body: plainText([intro, ...sections.map((s) => sectionText(s, lang))].join('\n\n')),
    htmlBody: htmlDocument(
      `${notes.map((n) => `<p><strong>${escapeHtml(n)}</strong></p>`).join('')}<p>${escapeHtml(t(lang, 'reminderDigestIntro', { date: digest.cycle }))}</p>${sections.map((s) => sectionHtml(s, lang)).join('')}`,
      lang,
    ),
    name: sender.name,
    replyTo: null,
  };
}
