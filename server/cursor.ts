// Opaque cursors: base64url JSON of [kind, ...position]. The kind keeps a cursor from one
// listing (or sort order) from being read as another; anything malformed is invalid_cursor.
import { ApiError } from './errors.js';
import type { Position, QueueOrder, QueuePosition, TopPosition } from './store.js';

const invalidCursor = (): ApiError => new ApiError(400, 'invalid_cursor', 'The cursor is not one this server issued.');

function encode(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function decode(kind: string, raw: string): unknown[] {
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(raw)) throw invalidCursor();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(values) || values[0] !== kind) throw invalidCursor();
  return values.slice(1);
}

function encodePosition(kind: string, position: Position): string {
  return encode([kind, position.createdAt, position.id]);
}

/** The cursor that continues a listing of `kind` strictly after `position`. */
export const cursorAfter = (kind: string, position: Position): string => encodePosition(kind, position);

export function decodePosition(kind: string, raw: string): Position {
  const [createdAt, id, ...rest] = decode(kind, raw);
  if (typeof createdAt !== 'string' || typeof id !== 'string' || rest.length > 0) throw invalidCursor();
  return { createdAt, id };
}

/** Pages fetch one row more than they show, to learn whether another page exists. */
export function paginate<T extends Position>(rows: T[], limit: number, kind: string): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodePosition(kind, last) : null };
}

/** A sort=top reading: the snapshot its first page fixed, and where it is (docs/api.md). */
export interface TopReading {
  snapshot: string;
  after: TopPosition | null;
}

export const encodeTopCursor = (snapshot: string, p: TopPosition): string => encode(['top', snapshot, p.score, p.createdAt, p.id]);

export function decodeTopCursor(raw: string): TopReading {
  const [snapshot, score, createdAt, id, ...rest] = decode('top', raw);
  if (typeof snapshot !== 'string' || Number.isNaN(Date.parse(snapshot)) || !Number.isSafeInteger(score) || (score as number) < 0
    || typeof createdAt !== 'string' || typeof id !== 'string' || rest.length > 0) throw invalidCursor();
  return { snapshot, after: { score: score as number, createdAt, id } };
}

export function encodeQueuePosition(position: QueuePosition, order: QueueOrder = 'count'): string {
  return order === 'newest'
    ? encode(['reports-newest', position.lastReportAt, position.commentId])
    : encode(['reports', position.openReports, position.firstReportAt, position.commentId]);
}

/** A cursor of one order is invalid in the other; the fields the order does not use are left empty. */
export function decodeQueuePosition(raw: string, order: QueueOrder = 'count'): QueuePosition {
  if (order === 'newest') {
    const [lastReportAt, commentId, ...rest] = decode('reports-newest', raw);
    if (typeof lastReportAt !== 'string' || typeof commentId !== 'string' || rest.length > 0) throw invalidCursor();
    return { openReports: 0, firstReportAt: '', lastReportAt, commentId };
  }
  const [openReports, firstReportAt, commentId, ...rest] = decode('reports', raw);
  if (!Number.isInteger(openReports) || typeof firstReportAt !== 'string' || typeof commentId !== 'string' || rest.length > 0) {
    throw invalidCursor();
  }
  return { openReports: openReports as number, firstReportAt, lastReportAt: '', commentId };
}

/** The audit log's cursor: the id of the last entry shown (pages go back in time). */
export const encodeAuditCursor = (id: number): string => encode(['audit', id]);

export function decodeAuditCursor(raw: string): number {
  const [id, ...rest] = decode('audit', raw);
  if (!Number.isSafeInteger(id) || (id as number) < 1 || rest.length > 0) throw invalidCursor();
  return id as number;
}
