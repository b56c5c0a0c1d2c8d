/**
 * Checks every field of a response before the widget trusts it. A decoder either returns a
 * typed value or throws DecodeError naming the path that was wrong; it never trusts `as`.
 */
import type {
  Author, Comment, CommentStatus, RepliesPage, ReportReason, ReportResult, Thread,
  ThreadPage, ThreadStatus, Viewer, ViewerStatus,
} from './types.js';
import { REPORT_REASONS } from './types.js';

export class DecodeError extends Error {
  override name = 'DecodeError';
  constructor(readonly path: string, expected: string) {
    super(`${path}: expected ${expected}`);
  }
}

type Obj = Record<string, unknown>;

const MAX_DEPTH = 1; // replies nest one level under a top-level comment

function obj(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DecodeError(path, 'an object');
  return value as Obj;
}

function str(o: Obj, key: string, path: string): string {
  const value = o[key];
  if (typeof value !== 'string') throw new DecodeError(`${path}.${key}`, 'a string');
  return value;
}

function id(o: Obj, key: string, path: string): string {
  const value = str(o, key, path);
  if (!value) throw new DecodeError(`${path}.${key}`, 'a non-empty string');
  return value;
}

function optStr(o: Obj, key: string, path: string): string | null {
  return o[key] == null ? null : str(o, key, path);
}

function count(o: Obj, key: string, path: string): number {
  const value = o[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DecodeError(`${path}.${key}`, 'a whole number ≥ 0');
  }
  return value;
}

function bool(o: Obj, key: string, path: string, fallback?: boolean): boolean {
  const value = o[key];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'boolean') throw new DecodeError(`${path}.${key}`, 'true or false');
  return value;
}

function oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[]): T {
  const value = o[key];
  if (!allowed.includes(value as T)) throw new DecodeError(`${path}.${key}`, allowed.join(' | '));
  return value as T;
}

function timestamp(o: Obj, key: string, path: string): string {
  const value = str(o, key, path);
  if (Number.isNaN(Date.parse(value))) throw new DecodeError(`${path}.${key}`, 'an ISO 8601 timestamp');
  return value;
}

function optTimestamp(o: Obj, key: string, path: string): string | null {
  return o[key] == null ? null : timestamp(o, key, path);
}

function list<T>(o: Obj, key: string, path: string, item: (v: unknown, p: string) => T, fallback?: T[]): T[] {
  const value = o[key];
  if (value === undefined && fallback) return fallback;
  if (!Array.isArray(value)) throw new DecodeError(`${path}.${key}`, 'an array');
  return value.map((v, i) => item(v, `${path}.${key}[${i}]`));
}

export function decodeThread(value: unknown, path = 'thread'): Thread {
  const o = obj(value, path);
  const maxCommentLength = count(o, 'maxCommentLength', path);
  if (maxCommentLength < 1) throw new DecodeError(`${path}.maxCommentLength`, 'a whole number ≥ 1');
  return {
    id: id(o, 'id', path),
    title: optStr(o, 'title', path),
    url: optStr(o, 'url', path),
    status: oneOf<ThreadStatus>(o, 'status', path, ['open', 'closed']),
    commentCount: count(o, 'commentCount', path),
    maxCommentLength,
  };
}

export function decodeViewer(value: unknown, path = 'viewer'): Viewer | null {
  if (value === null || value === undefined) return null;
  const o = obj(value, path);
  const status = oneOf<ViewerStatus>(o, 'status', path, ['active', 'banned', 'suspended']);
  return {
    id: id(o, 'id', path),
    displayName: str(o, 'displayName', path),
    subscriber: bool(o, 'subscriber', path),
    status,
    suspendedUntil: optTimestamp(o, 'suspendedUntil', path),
  };
}

function decodeAuthor(value: unknown, path: string): Author {
  const o = obj(value, path);
  return {
    id: id(o, 'id', path),
    displayName: str(o, 'displayName', path),
    badges: list(o, 'badges', path, (v, p) => {
      if (typeof v !== 'string') throw new DecodeError(p, 'a string');
      return v;
    }, []),
  };
}

function decodeCommentAt(value: unknown, path: string, depth: number): Comment {
  const o = obj(value, path);
  const replies = depth < MAX_DEPTH ? list(o, 'replies', path, (v, p) => decodeCommentAt(v, p, depth + 1), []) : [];
  const status = oneOf<CommentStatus>(o, 'status', path, ['published', 'pending', 'removed']);
  return {
    id: id(o, 'id', path),
    parentId: optStr(o, 'parentId', path),
    author: decodeAuthor(o.author, `${path}.author`),
    body: status === 'removed' ? '' : str(o, 'body', path),
    createdAt: timestamp(o, 'createdAt', path),
    editedAt: optTimestamp(o, 'editedAt', path),
    status,
    replyCount: o.replyCount === undefined ? replies.length : count(o, 'replyCount', path),
    replies,
    viewerReported: bool(o, 'viewerReported', path, false),
  };
}

export function decodeComment(value: unknown, path = 'comment'): Comment {
  return decodeCommentAt(value, path, 0);
}

function decodeCursor(o: Obj, path: string): string | null {
  const cursor = optStr(o, 'nextCursor', path);
  return cursor === '' ? null : cursor;
}

export function decodeThreadPage(value: unknown): ThreadPage {
  const o = obj(value, 'response');
  return {
    thread: decodeThread(o.thread, 'response.thread'),
    viewer: decodeViewer(o.viewer, 'response.viewer'),
    comments: list(o, 'comments', 'response', (v, p) => decodeCommentAt(v, p, 0)),
    nextCursor: decodeCursor(o, 'response'),
  };
}

export function decodeRepliesPage(value: unknown): RepliesPage {
  const o = obj(value, 'response');
  return {
    // Replies are flat: anything nested under a reply is ignored.
    comments: list(o, 'comments', 'response', (v, p) => decodeCommentAt(v, p, MAX_DEPTH)),
    nextCursor: decodeCursor(o, 'response'),
  };
}

export function decodeReportResult(value: unknown): ReportResult {
  const o = obj(value, 'response');
  return { commentId: id(o, 'commentId', 'response'), reason: oneOf<ReportReason>(o, 'reason', 'response', REPORT_REASONS) };
}

export function decodeCounts(value: unknown): Record<string, number> {
  const counts = obj(obj(value, 'response').counts, 'response.counts');
  const result: Record<string, number> = {};
  for (const key of Object.keys(counts)) result[key] = count(counts, key, 'response.counts');
  return result;
}

/** The `{error:{code,message}}` body of a failed request, or null when it is not one. */
export function decodeErrorBody(value: unknown): { code: string; message: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const error = (value as Obj).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as Obj;
  if (typeof code !== 'string' || !code) return null;
  return { code, message: typeof message === 'string' ? message : '' };
}
