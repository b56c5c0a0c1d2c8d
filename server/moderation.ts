// Moderation: the functions behind both the admin HTTP API and `npm run moderate`, so the
// two can never disagree about what "remove" or "ban" means.
import { presentComments, presentOne } from './comment-views.js';
import type { Clock } from './comments-service.js';
import { cursorAfter, decodeAuditCursor, decodePosition, decodeQueuePosition, encodeAuditCursor, encodeQueuePosition, paginate } from './cursor.js';
import { ApiError, commentNotFound } from './errors.js';
import { presentAdminComment, presentThread, presentViewer, type AdminCommentJson, type CommentJson, type ThreadJson, type ThreadLimits, type ViewerJson } from './present.js';
import type { AuditRecord, CommentRecord, CommentStatus, QueueOrder, ReportRecord, Store, UserStatus } from './store.js';
import { isThreadId } from './validate.js';

export interface AdminReportsPageJson {
  items: Array<{
    comment: CommentJson;
    threadId: string;
    reports: Array<{ reason: ReportRecord['reason']; note: string | null; reporterId: string; createdAt: string; body: string }>;
  }>;
  nextCursor: string | null;
}

export interface AdminPendingPageJson {
  items: Array<{ comment: CommentJson; threadId: string }>;
  nextCursor: string | null;
}

export interface AdminAuditPageJson {
  items: AuditRecord[];
  nextCursor: string | null;
}

export interface AdminCommentsPageJson {
  items: AdminCommentJson[];
  nextCursor: string | null;
}

export interface AdminContextJson {
  comment: AdminCommentJson;
  thread: ThreadJson;
  parent: AdminCommentJson | null;
  replies: AdminCommentJson[];
}

export interface AdminUserHistoryJson {
  user: ViewerJson;
  counts: Record<CommentStatus, number>;
  comments: AdminCommentJson[];
  sanctions: AuditRecord[];
}

/** What the desk's history and context show at most. */
const HISTORY_SIZE = 20;
const CONTEXT_REPLIES = 20;
/** A reply's own replies are looked for among this many of its conversation. */
const CONTEXT_SCAN = 200;

/** Who the audit log names when no moderator name came with the request. */
export const DEFAULT_ACTOR = 'admin';

const userNotFound = (): ApiError => new ApiError(404, 'user_not_found', 'No user with that id has signed in here.');
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export class Moderation {
  constructor(
    private readonly store: Store,
    private readonly limits: ThreadLimits,
    private readonly clock: Clock = Date.now,
  ) {}

  private nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  async listReports(limit: number, cursor: string | null, order: QueueOrder = 'count'): Promise<AdminReportsPageJson> {
    const after = cursor === null ? null : decodeQueuePosition(cursor, order);
    const entries = await this.store.listReportQueue({ after, limit: limit + 1, order });
    const page = entries.slice(0, limit);
    const comments = await presentComments(this.store, page.map((e) => e.comment), null);
    const last = page[page.length - 1];
    return {
      items: page.map((entry, i) => ({
        comment: comments[i]!,
        threadId: entry.comment.threadId,
        // The text each report was made against (reports from before #16 kept none: the stored text).
        reports: entry.reports.map(({ reason, note, reporterId, createdAt, body }) => ({ reason, note, reporterId, createdAt, body: body ?? entry.comment.body })),
      })),
      nextCursor: entries.length > limit && last ? encodeQueuePosition(last.position, order) : null,
    };
  }

  /** Comments awaiting approval (PARLEY_PREMODERATE), oldest first: restore approves, remove rejects. */
  async listPending(limit: number, cursor: string | null): Promise<AdminPendingPageJson> {
    const after = cursor === null ? null : decodePosition('pending', cursor);
    const { page, nextCursor } = paginate(await this.store.listPending({ after, limit: limit + 1 }), limit, 'pending');
    const comments = await presentComments(this.store, page, null);
    return { items: page.map((record, i) => ({ comment: comments[i]!, threadId: record.threadId })), nextCursor };
  }

  /** Any comments, newest first, by status and a literal search in the author and the text. */
  async searchComments(limit: number, cursor: string | null, status: CommentStatus | null, text: string | null): Promise<AdminCommentsPageJson> {
    const before = cursor === null ? null : decodePosition('admin-comments', cursor);
    const rows = await this.store.searchComments({ status, text, authorId: null, before, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(presentAdminComment), nextCursor: rows.length > limit && last ? cursorAfter('admin-comments', last) : null };
  }

  /** The comment it answers and what answers it, removed ones' text included. */
  async context(commentId: string): Promise<AdminContextJson> {
    const target = await this.store.getComment(commentId);
    if (!target) throw commentNotFound();
    const [thread, parent] = await Promise.all([
      this.store.getThread(target.threadId),
      target.parentId === null ? null : this.store.getComment(target.parentId),
    ]);
    let replies: CommentRecord[];
    if (target.rootId === null) {
      replies = await this.store.listReplies({ rootId: target.id, after: null, limit: CONTEXT_REPLIES, viewerId: null });
    } else {
      const conversation = await this.store.listReplies({ rootId: target.rootId, after: null, limit: CONTEXT_SCAN, viewerId: null });
      replies = conversation.filter((r) => r.parentId === target.id).slice(0, CONTEXT_REPLIES);
    }
    return {
      comment: presentAdminComment(target),
      // A comment always has its thread; the fallback only keeps the type honest.
      thread: presentThread(thread ?? { id: target.threadId, title: '', url: '', status: 'open', commentCount: 0 }, this.limits),
      parent: parent ? presentAdminComment(parent) : null,
      replies: replies.map(presentAdminComment),
    };
  }

  /** A user's standing, latest comments of any status, and the audit entries that name them. */
  async userHistory(userId: string): Promise<AdminUserHistoryJson> {
    const user = await this.store.getUser(userId);
    if (!user) throw userNotFound();
    const [counts, comments, sanctions] = await Promise.all([
      this.store.countByStatus(userId),
      this.store.searchComments({ status: null, text: null, authorId: userId, before: null, limit: HISTORY_SIZE }),
      this.store.listAudit({ before: null, limit: HISTORY_SIZE, target: { type: 'user', id: userId } }),
    ]);
    return {
      user: presentViewer(user, this.nowIso()),
      counts,
      comments: comments.map(presentAdminComment),
      sanctions: sanctions.map(({ id: _, ...entry }) => entry),
    };
  }

  /** Undoes a dismissal or a removal's closing of the reports: the comment is back in the queue. */
  async reopenReports(commentId: string, actor = DEFAULT_ACTOR): Promise<CommentJson> {
    const record = await this.store.getComment(commentId);
    if (!record) throw commentNotFound();
    const reopened = await this.store.reopenReports(commentId);
    await this.audit(actor, 'reopen-reports', 'comment', commentId, `${reopened} reopened`);
    return presentOne(this.store, record, null);
  }

  /** Hides the text (replies stay) and settles the reports that led here. */
  async remove(commentId: string, actor = DEFAULT_ACTOR): Promise<CommentJson> {
    const comment = await this.changeComment(commentId, 'removed');
    await this.store.closeReports(commentId, null, 'actioned', this.nowIso());
    await this.audit(actor, 'remove', 'comment', commentId);
    return comment;
  }

  /** Publishes a removed comment again, or approves a pending one; an author's deletion is final. */
  async restore(commentId: string, actor = DEFAULT_ACTOR): Promise<CommentJson> {
    if ((await this.store.getComment(commentId))?.deletedAt != null) throw commentNotFound();
    const comment = await this.changeComment(commentId, 'published');
    await this.audit(actor, 'restore', 'comment', commentId);
    return comment;
  }

  async dismissReports(commentId: string, actor = DEFAULT_ACTOR): Promise<CommentJson> {
    const record = await this.store.getComment(commentId);
    if (!record) throw commentNotFound();
    await this.store.closeReports(commentId, null, 'dismissed', this.nowIso());
    await this.audit(actor, 'dismiss-reports', 'comment', commentId);
    return presentOne(this.store, record, null);
  }

  /** Features a published comment (the strip above its thread), or stops featuring it. */
  async feature(commentId: string, on: boolean, actor = DEFAULT_ACTOR): Promise<CommentJson> {
    const record = await this.store.getComment(commentId);
    if (!record || (on && record.status !== 'published')) throw commentNotFound();
    const changed = await this.store.setFeatured(commentId, on ? (record.featuredAt ?? this.nowIso()) : null);
    await this.audit(actor, on ? 'feature' : 'unfeature', 'comment', commentId);
    return presentOne(this.store, changed!, null);
  }

  async ban(userId: string, actor = DEFAULT_ACTOR): Promise<ViewerJson> {
    const user = await this.changeUser(userId, 'banned', null);
    await this.audit(actor, 'ban', 'user', userId);
    return user;
  }

  async suspend(userId: string, until: unknown, actor = DEFAULT_ACTOR): Promise<ViewerJson> {
    if (typeof until !== 'string' || !ISO_TIMESTAMP.test(until) || !(Date.parse(until) > this.clock())) {
      throw new ApiError(422, 'invalid_until', 'until must be an ISO 8601 timestamp in the future.');
    }
    const user = await this.changeUser(userId, 'suspended', new Date(until).toISOString());
    await this.audit(actor, 'suspend', 'user', userId, `until ${user.suspendedUntil}`);
    return user;
  }

  /** Lifts a ban or a suspension. */
  async unban(userId: string, actor = DEFAULT_ACTOR): Promise<ViewerJson> {
    const user = await this.changeUser(userId, 'active', null);
    await this.audit(actor, 'unban', 'user', userId);
    return user;
  }

  async setThreadStatus(threadId: unknown, status: unknown, actor = DEFAULT_ACTOR): Promise<ThreadJson> {
    if (!isThreadId(threadId)) throw new ApiError(422, 'invalid_thread', 'thread must be a thread id.');
    if (status !== 'open' && status !== 'closed') throw new ApiError(422, 'invalid_status', 'status must be open or closed.');
    const thread = await this.store.setThreadStatus(threadId, status);
    if (!thread) throw new ApiError(404, 'thread_not_found', 'No thread with that id has comments.');
    await this.audit(actor, status === 'closed' ? 'close' : 'reopen', 'thread', threadId);
    return presentThread(thread, this.limits);
  }

  /** Who did what when, newest first. */
  async listAudit(limit: number, cursor: string | null): Promise<AdminAuditPageJson> {
    const before = cursor === null ? null : decodeAuditCursor(cursor);
    const rows = await this.store.listAudit({ before, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      items: page.map(({ id: _, ...entry }) => entry),
      nextCursor: rows.length > limit ? encodeAuditCursor(page[page.length - 1]!.id) : null,
    };
  }

  private audit(actor: string, action: AuditRecord['action'], type: AuditRecord['target']['type'], id: string, detail: string | null = null): Promise<void> {
    return this.store.recordAudit({ at: this.nowIso(), actor, action, target: { type, id }, detail });
  }

  private async changeComment(commentId: string, status: CommentStatus): Promise<CommentJson> {
    const record = await this.store.setCommentStatus(commentId, status);
    if (!record) throw commentNotFound();
    return presentOne(this.store, record, null);
  }

  private async changeUser(userId: string, status: UserStatus, suspendedUntil: string | null): Promise<ViewerJson> {
    const user = await this.store.setUserStatus(userId, status, suspendedUntil);
    if (!user) throw userNotFound();
    return presentViewer(user, this.nowIso());
  }
}
