// MailApp: an outbox instead of delivery, the daily recipient quota, and failures a test can inject.
import { limits, messages } from '../behaviour';
import type { Exec } from '../exec';
import { requireFullAuth, scopes } from './auth';

export interface SentMail {
  at: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply: boolean;
}

export interface MailState {
  outbox: SentMail[];
  /** Recipients sent per user per day ('user|yyyy-mm-dd'). */
  used: Record<string, number>;
  dailyQuota: number;
  workspace: boolean;
  /** Injected failures: a recipient address (lower-case) or '*' mapped to the message to throw. */
  failures: Map<string, string>;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function recipients(field: unknown): string[] {
  if (field === undefined || field === null || field === '') return [];
  return String(field)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

type Options = {
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
};

export function createMailApp(exec: Exec, state: MailState, day: () => string) {
  const key = () => `${exec.effectiveUserEmail}|${day()}`;
  const remaining = () => Math.max(0, state.dailyQuota - (state.used[key()] ?? 0));
  const send = (to: unknown, subject: unknown, body: unknown, o: Options = {}) => {
    requireFullAuth(exec, 'MailApp', 'sendEmail', scopes.sendMail);
    exec.charge('MailApp', 'sendEmail');
    const mail: SentMail = {
      at: new Date(exec.now()).toISOString(),
      from: exec.effectiveUserEmail,
      to: recipients(to),
      cc: recipients(o.cc),
      bcc: recipients(o.bcc),
      subject: String(subject ?? ''),
      body: String(body ?? ''),
      htmlBody: o.htmlBody === undefined ? undefined : String(o.htmlBody),
      name: o.name,
      replyTo: o.replyTo,
      noReply: Boolean(o.noReply) && state.workspace,
    };
    const all = [...mail.to, ...mail.cc, ...mail.bcc];
    if (all.length === 0) exec.fail('Failed to send email: no recipient');
    if (all.length > limits.mailRecipientsPerMessage) exec.fail('Invalid argument: too many recipients');
    for (const r of all) if (!EMAIL.test(r)) exec.fail(`Invalid email: ${r}`);
    if (all.length > remaining()) exec.fail(messages.mailQuota);
    for (const r of all) {
      const injected = state.failures.get(r.toLowerCase()) ?? state.failures.get('*');
      if (injected) exec.fail(injected);
    }
    state.used[key()] = (state.used[key()] ?? 0) + all.length;
    state.outbox.push(mail);
  };
  return {
    sendEmail(a: unknown, subject?: unknown, body?: unknown, options?: Options) {
      if (a && typeof a === 'object') {
        const m = a as Options & { to: string; subject: string; body?: string };
        return send(m.to, m.subject, m.body ?? '', m);
      }
      return send(a, subject, body, options);
    },
    getRemainingDailyQuota() {
      exec.charge('MailApp', 'getRemainingDailyQuota');
      return remaining();
    },
  };
}
