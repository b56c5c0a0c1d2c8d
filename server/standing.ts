// Whether a signed-in user may write at all; shared by posting and reporting.
import { ApiError, unauthenticated } from './errors.js';
import { effectiveStatus } from './present.js';
import type { UserRecord } from './store.js';

export function requireGoodStanding(user: UserRecord | null, nowIso: string): UserRecord {
  if (user === null) throw unauthenticated();
  const { status, suspendedUntil } = effectiveStatus(user, nowIso);
  if (status === 'banned') throw new ApiError(403, 'banned', 'This account can no longer take part in comments.');
  if (status === 'suspended') throw new ApiError(403, 'suspended', `This account is suspended until ${suspendedUntil}.`);
  return user;
}

/** A comment this viewer may reply to or report: it exists, is not removed, and is visible. */
export function isActionable(comment: { status: string; author: { id: string } } | null, viewerId: string): boolean {
  if (comment === null || comment.status === 'removed') return false;
  return comment.status !== 'pending' || comment.author.id === viewerId;
}
