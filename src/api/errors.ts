/** Every way a request can fail, as one typed error the UI maps to words and a next step. */

export type ApiErrorKind =
  | 'http' // the backend answered with status ≥ 400
  | 'network' // no answer: connection refused or dropped, CORS refusal, offline
  | 'timeout' // no answer within the time limit
  | 'invalid-response'; // an answer the widget cannot read: not JSON, HTML, wrong shape

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    /** HTTP status, 0 when there was no answer. */
    readonly status: number,
    /** The API's error code (`rate_limited`, `banned`…), or the kind when the backend gave none. */
    readonly code: string,
    message: string,
    /** Seconds from `Retry-After`, when the backend sent one. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }

  /** True when trying the same request again later may succeed. */
  get retryable(): boolean {
    return this.kind !== 'http' || this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

/** No answer within the time limit (a request, or a chunk of the widget's own code). */
export const timedOut = (): ApiError => new ApiError('timeout', 0, 'timeout', 'Timed out');

/** No answer at all (offline, refused, dropped); `cause` is what the platform threw. */
export const unreachable = (cause: unknown): ApiError =>
  new ApiError('network', 0, 'network', cause instanceof Error ? cause.message : 'Network error');

/** Reads `Retry-After` as seconds (delta-seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isSafeInteger(seconds) ? Math.min(seconds, 86_400) : null; // a day at most; nonsense is ignored
  }
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : NaN; // an HTTP date has a day and month name
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
