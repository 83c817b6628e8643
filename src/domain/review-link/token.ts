// A customer's review link: what it names (one customer, one review cycle, an expiry), how it is signed, and how a visit is checked.
import { civilFromDayNumber, dayNumber } from '../reminders/civil-date';

export type LinkAction = 'confirm' | 'correct' | 'stop';
const LINK_ACTIONS: readonly LinkAction[] = ['confirm', 'correct', 'stop'];

export interface LinkClaim {
  customerId: string;
  /** The review cycle the email was sent for: the customer's Next review due at the time. */
  cycle: string;
  /** Last day the link works, 'yyyy-mm-dd' in the spreadsheet's zone. */
  expires: string;
}

/** The query parameters of a link; short, so the URL survives mail clients that wrap long lines. */
export interface LinkParams {
  a: LinkAction;
  c: string;
  r: string;
  x: string;
  s: string;
}

/** Signs bytes of a message: HMAC-SHA256 with the script's secret, base64url (src/gas). */
export type Signer = (message: string) => string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9-]{1,40}$/;
const SIG = /^[A-Za-z0-9_-]{43}$/;

/** Versioned so a later format cannot be confused with this one; the action is not signed: every link may do all three. */
function message(c: LinkClaim): string {
  return `crl1\n${c.customerId}\n${c.cycle}\n${c.expires}`;
}

export function linkParams(claim: LinkClaim, action: LinkAction, sign: Signer): LinkParams {
  return { a: action, c: claim.customerId, r: claim.cycle, x: claim.expires, s: sign(message(claim)) };
}

export function expiryFrom(today: string, days: number): string {
  return civilFromDayNumber((dayNumber(today) ?? 0) + days);
}

type LinkCheck =
  | { ok: true; claim: LinkClaim; action: LinkAction }
  | { ok: false; reason: 'invalid' | 'expired' };

/** Same-length comparison that looks at every character, so timing does not say how much of a forgery was right. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks a visit's parameters. `sign` is null when the script has no secret (never set up, or removed):
 * then no link is valid. The signature is checked before the expiry, so only a real link hears "expired".
 */
export function checkLink(
  params: Readonly<Record<string, unknown>>,
  today: string,
  sign: Signer | null,
): LinkCheck {
  const get = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : '');
  const action = get('a') as LinkAction;
  const claim = { customerId: get('c'), cycle: get('r'), expires: get('x') };
  const sig = get('s');
  const wellFormed =
    LINK_ACTIONS.includes(action) &&
    ID.test(claim.customerId) &&
    DAY.test(claim.cycle) &&
    DAY.test(claim.expires) &&
    SIG.test(sig);
  if (!wellFormed || sign === null || !sameText(sign(message(claim)), sig))
    return { ok: false, reason: 'invalid' };
  if (claim.expires < today) return { ok: false, reason: 'expired' };
  return { ok: true, claim, action };
}
