// MailApp behind two calls: send one rendered email, and how many recipients the account may still email today.
import type { OutgoingEmail } from '../domain/reminders';

export function sendMail(m: OutgoingEmail) {
  MailApp.sendEmail(m.to, m.subject, m.body, {
    htmlBody: m.htmlBody,
    name: m.name,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
  });
}

export function remainingQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
