// Whether a due customer may be emailed at all: consent, an address, and email as an accepted channel.
import type { Row } from './row';
import { isTicked, mailbox, text } from './row';

export type Blocker = 'noConsent' | 'noEmail' | 'invalidEmail' | 'channel';

type Reachability = { ok: true; address: string } | { ok: false; blocker: Blocker };

/**
 * Checked in this order so the log names the most fundamental reason: without consent the address does
 * not matter. A blank channel means the customer stated no preference, so email is acceptable.
 */
export function reachByEmail(customer: Row): Reachability {
  if (!isTicked(customer, 'consent')) return { ok: false, blocker: 'noConsent' };
  const raw = text(customer, 'email');
  if (raw === '') return { ok: false, blocker: 'noEmail' };
  const address = mailbox(raw);
  if (address === null) return { ok: false, blocker: 'invalidEmail' };
  const channel = text(customer, 'preferredChannel');
  if (channel !== '' && channel !== 'email') return { ok: false, blocker: 'channel' };
  return { ok: true, address };
}

/** The reminderOutcome item a blocker is logged as. */
export const BLOCKER_OUTCOME: Readonly<Record<Blocker, string>> = {
  noConsent: 'skippedNoConsent',
  noEmail: 'skippedNoEmail',
  invalidEmail: 'skippedNoEmail',
  channel: 'skippedChannel',
};
