// The three links of a review email, each a signed URL of the customer page.
import { linkUrl } from './page';
import { type LinkClaim, linkParams, type Signer } from './token';

export interface ReviewLinks {
  confirm: string;
  correct: string;
  stop: string;
}

export function reviewLinks(url: string, claim: LinkClaim, sign: Signer): ReviewLinks {
  const to = (a: 'confirm' | 'correct' | 'stop') => linkUrl(url, linkParams(claim, a, sign));
  return { confirm: to('confirm'), correct: to('correct'), stop: to('stop') };
}
