/**
 * Checks every field of a response before the widget trusts it. Each decoder is built from
 * small checks; it returns a typed value or throws DecodeError naming the path that was wrong.
 * Unknown extra fields are ignored so backends can grow the API without breaking widgets.
 */
import type { Author, Comment, RepliesPage, ReportResult, Thread, ThreadPage, Viewer } from './types.js';
import { REPORT_REASONS } from './types.js';

export class DecodeError extends Error {
  override name = 'DecodeError';
  constructor(readonly path: string, expected: string) {
    super(`${path}: expected ${expected}`);
  }
}

type Check<T> = (value: unknown, path: string) => T;
type Obj = Record<string, unknown>;

const fail = (path: string, expected: string): never => {
  throw new DecodeError(path, expected);
};

const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check<string> = (v, p) => (typeof v === 'string' ? v : fail(p, 'a string'));
const id: Check<string> = (v, p) => string(v, p) || fail(p, 'a non-empty string');
const count: Check<number> = (v, p) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : fail(p, 'a whole number ≥ 0'));
const bool: Check<boolean> = (v, p) => (typeof v === 'boolean' ? v : fail(p, 'true or false'));
const time: Check<string> = (v, p) => (Number.isNaN(Date.parse(string(v, p))) ? fail(p, 'an ISO 8601 timestamp') : (v as string));
const oneOf = <T extends string>(allowed: readonly T[]): Check<T> =>
  (v, p) => (allowed.includes(v as T) ? (v as T) : fail(p, allowed.join(' | ')));
const optional = <T>(check: Check<T>): Check<T | null> => (v, p) => (v == null ? null : check(v, p));
const orElse = <T>(check: Check<T>, fallback: T): Check<T> => (v, p) => (v === undefined ? fallback : check(v, p));
const list = <T>(item: Check<T>): Check<T[]> =>
  (v, p) => (Array.isArray(v) ? v.map((x, i) => item(x, `${p}[${i}]`)) : fail(p, 'an array'));

function object<T>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> {
  return (v, p) => {
    const o = isObject(v) ? v : fail(p, 'an object');
    const result = {} as T;
    for (const key in fields) result[key] = fields[key](o[key], `${p}.${key}`);
    return result;
  };
}

const thread = object<Thread>({
  id,
  title: optional(string),
  url: optional(string),
  status: oneOf(['open', 'closed']),
  commentCount: count,
  maxCommentLength: (v, p) => count(v, p) || fail(p, 'a whole number ≥ 1'),
  editWindowSeconds: orElse(count, 300),
});

const viewer = optional(object<Viewer>({
  id,
  displayName: string,
  subscriber: bool,
  status: oneOf(['active', 'banned', 'suspended']),
  suspendedUntil: optional(time),
}));

const author = object<Author>({ id, displayName: string, badges: orElse(list(string), []) });

const commentFields = object({
  id,
  parentId: optional(string),
  author,
  createdAt: time,
  editedAt: optional(time),
  status: oneOf(['published', 'pending', 'removed'] as const),
  viewerReported: orElse(bool, false),
  recommendations: orElse(count, 0),
  viewerRecommended: orElse(bool, false),
  featured: orElse(bool, false),
});

/** A comment; top-level ones (depth 0) carry their first replies, replies carry none. */
const comment = (depth: 0 | 1): Check<Comment> => (v, p) => {
  const fields = commentFields(v, p);
  const o = v as Obj;
  const replies = depth ? [] : orElse(list(comment(1)), [])(o.replies, `${p}.replies`);
  return {
    ...fields,
    // A removed comment's text is never shown, whatever a backend sends.
    body: fields.status === 'removed' ? '' : string(o.body, `${p}.body`),
    removedBy: fields.status !== 'removed' ? null : o.removedBy === 'author' ? 'author' : 'moderator',
    replies,
    replyCount: orElse(count, replies.length)(o.replyCount, `${p}.replyCount`),
  };
};

const cursor: Check<string | null> = (v, p) => optional(string)(v, p) || null;

export const decodeComment = (value: unknown, path = 'comment'): Comment => comment(0)(value, path);

export const decodeThreadPage = (value: unknown): ThreadPage =>
  object<ThreadPage>({
    thread, viewer, comments: list(comment(0)), nextCursor: cursor, lastEventId: cursor, featured: orElse(list(comment(1)), []),
  })(value, 'response');

/** Replies are flat: anything nested under a reply is ignored. */
export const decodeRepliesPage = (value: unknown): RepliesPage =>
  object<RepliesPage>({ comments: list(comment(1)), nextCursor: cursor })(value, 'response');

export const decodeReportResult = (value: unknown): ReportResult =>
  object<ReportResult>({ commentId: id, reason: oneOf(REPORT_REASONS) })(value, 'response');

/** The `{error:{code,message}}` body of a failed request, or null when it is not one. */
export function decodeErrorBody(value: unknown): { code: string; message: string } | null {
  const error = isObject(value) ? value.error : null;
  if (!isObject(error) || typeof error.code !== 'string' || !error.code) return null;
  return { code: error.code, message: typeof error.message === 'string' ? error.message : '' };
}
