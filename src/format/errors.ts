/** Turns an ApiError into words a reader understands. */
import type { ApiError } from '../api/errors.js';
import type { CoreStrings } from '../i18n/en.js';

export function describeError(error: ApiError, strings: CoreStrings): string {
  if (error.kind === 'timeout') return strings.errorTimeout;
  if (error.kind === 'network') return strings.errorNetwork;
  if (error.kind === 'invalid-response') return strings.errorInvalid;
  if (error.status === 429) return strings.errorRateLimited(error.retryAfter ?? 30);
  return strings.errorServer;
}
