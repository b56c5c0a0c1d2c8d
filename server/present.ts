// Records → the API objects of docs/api.md. The only place that decides what a client sees
// of a stored row (a removed comment's text never leaves the server).
import type { CommentRecord, ReportReason, ThreadRecord, ThreadStatus, UserRecord, UserStatus } from './store.js';

export interface ThreadJson {
  id: string; title: string; url: string; status: ThreadStatus; commentCount: number; maxCommentLength: number; editWindowSeconds: number;
}
/** What the server's settings add to every Thread answer. */
export interface ThreadLimits {
  maxCommentLength: number;
  editWindowSeconds: number;
}
export interface ViewerJson {
  id: string; displayName: string; subscriber: boolean; status: UserStatus; suspendedUntil: string | null;
}
export interface CommentJson {
  id: string;
  parentId: string | null;
  author: { id: string; displayName: string; badges: string[] };
  body: string;
  createdAt: string;
  editedAt: string | null;
  status: CommentRecord['status'];
  removedBy: 'moderator' | 'author' | null;
  replyCount: number;
  replies: CommentJson[];
  viewerReported: boolean;
  recommendations: number;
  viewerRecommended: boolean;
  featured: boolean;
}
export interface RecommendationResultJson {
  commentId: string;
  recommendations: number;
  viewerRecommended: boolean;
}
export interface ReportResultJson {
  commentId: string;
  reason: ReportReason;
}

/** A suspension that has run out is over, without anyone having to lift it. */
export function effectiveStatus(user: UserRecord, nowIso: string): { status: UserStatus; suspendedUntil: string | null } {
  if (user.status === 'suspended' && (user.suspendedUntil === null || user.suspendedUntil <= nowIso)) {
    return { status: 'active', suspendedUntil: null };
  }
  return { status: user.status, suspendedUntil: user.status === 'suspended' ? user.suspendedUntil : null };
}

export function presentViewer(user: UserRecord, nowIso: string): ViewerJson {
  return { id: user.id, displayName: user.displayName, subscriber: user.subscriber, ...effectiveStatus(user, nowIso) };
}

export function presentThread(thread: ThreadRecord, limits: ThreadLimits): ThreadJson {
  return { ...thread, maxCommentLength: limits.maxCommentLength, editWindowSeconds: limits.editWindowSeconds };
}

export function presentComment(
  record: CommentRecord,
  extras: { replyCount: number; replies: CommentJson[]; viewerReported: boolean; viewerRecommended: boolean },
): CommentJson {
  const badges: string[] = [];
  if (record.author.subscriber) badges.push('subscriber');
  if (record.author.staff) badges.push('staff');
  return {
    id: record.id,
    parentId: record.parentId,
    author: { id: record.author.id, displayName: record.author.displayName, badges },
    body: record.status === 'removed' ? '' : record.body,
    createdAt: record.createdAt,
    editedAt: record.editedAt,
    status: record.status,
    removedBy: record.status !== 'removed' ? null : record.deletedAt !== null ? 'author' : 'moderator',
    ...extras,
    recommendations: record.recommendations,
    featured: record.featuredAt !== null,
  };
}

/** A comment as the moderation desk sees it: the text stays even once removed (docs/api.md Decisions 21). */
export interface AdminCommentJson {
  id: string;
  threadId: string;
  parentId: string | null;
  author: { id: string; displayName: string };
  body: string;
  status: CommentRecord['status'];
  createdAt: string;
}

export function presentAdminComment(record: CommentRecord): AdminCommentJson {
  return {
    id: record.id, threadId: record.threadId, parentId: record.parentId,
    author: { id: record.author.id, displayName: record.author.displayName },
    body: record.body, status: record.status, createdAt: record.createdAt,
  };
}
