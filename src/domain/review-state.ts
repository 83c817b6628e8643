// Maker-checker after a change: which entries go back to review, the same rule for the sidebar and for hand edits in the grid.
import type { Role, WireValue } from '../schema';

/**
 * Maker-checker after a change by someone who is not a reviewer (or whose role is unknown, as in a hand edit
 * on an account outside a Workspace domain): an approved or returned entry goes back to pending review.
 * Returns the new state, or null when it stays.
 */
export function stateAfterEdit(role: Role | null, state: WireValue): string | null {
  if (role === 'Admin' || role === 'Manager') return null;
  return state === 'approved' || state === 'returned' ? 'pendingReview' : null;
}
