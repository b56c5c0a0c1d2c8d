// Checks on request input that several routes share. Each failure is the api-v1 code.
import { ApiError, invalidLimit } from './errors.js';

const MAX_THREAD_ID_LENGTH = 512;
const MAX_TITLE_LENGTH = 300;
const MAX_URL_LENGTH = 2048;
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
export const MAX_NOTE_LENGTH = 500;

export function isThreadId(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_THREAD_ID_LENGTH;
}

/** `?limit=`: absent is the default, anything but an integer 1–100 is invalid_limit. */
export function parseLimit(raw: string | null, fallback = 20): number {
  if (raw === null) return fallback;
  if (!/^\d{1,3}$/.test(raw)) throw invalidLimit();
  const limit = Number(raw);
  if (limit < 1 || limit > 100) throw invalidLimit();
  return limit;
}

export function parseIdempotencyKey(raw: string | string[] | undefined): string | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || raw.length > MAX_IDEMPOTENCY_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new ApiError(400, 'invalid_idempotency_key', `Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters.`);
  }
  return raw;
}

const invalidThread = (message: string): ApiError => new ApiError(422, 'invalid_thread', message);

/** POST /comments `thread`: an id, and optionally the page's http(s) URL and title. */
export function parseNewThread(value: unknown): { id: string; url: string; title: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidThread('thread.id is required.');
  const { id, url = '', title = '' } = value as Record<string, unknown>;
  if (!isThreadId(id)) throw invalidThread(`thread.id must be 1–${MAX_THREAD_ID_LENGTH} characters.`);
  if (typeof title !== 'string' || title.length > MAX_TITLE_LENGTH) throw invalidThread(`thread.title must be text of at most ${MAX_TITLE_LENGTH} characters.`);
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || (url !== '' && !isHttpUrl(url))) {
    throw invalidThread(`thread.url must be an http(s) URL of at most ${MAX_URL_LENGTH} characters.`);
  }
  return { id, url, title: title.trim() };
}

function isHttpUrl(value: string): boolean {
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

// C0 controls except tab and newline, DEL, C1 controls: invisible, and used to smuggle text.
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The stored form of a comment body: LF line ends, trimmed, 1–max code points. */
export function parseCommentBody(value: unknown, maxLength: number): string {
  if (typeof value !== 'string') throw new ApiError(422, 'invalid_body', 'body must be text.');
  const body = value.replace(/\r\n?/g, '\n').trim();
  if (body.length === 0) throw new ApiError(422, 'invalid_body', 'The comment is empty.');
  if ([...body].length > maxLength) throw new ApiError(422, 'invalid_body', `The comment is longer than ${maxLength} characters.`);
  if (FORBIDDEN_CONTROLS.test(body)) throw new ApiError(422, 'invalid_body', 'The comment contains control characters.');
  return body;
}
