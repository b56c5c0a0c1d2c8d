// The reader-facing rules of api-v1: reading a thread, posting, reporting. HTTP details stay in
// the routes; storage stays behind Store. Every rule here holds whatever the client does.
import { randomUUID } from 'node:crypto';
import { presentComments, presentFlat, presentOne } from './comment-views.js';
import type { ServerConfig } from './config.js';
import { cursorAfter, decodePosition, decodeTopCursor, encodeTopCursor, paginate, type TopReading } from './cursor.js';
import { ApiError, commentNotFound, unauthenticated } from './errors.js';
import { PageCache } from './page-cache.js';
import { presentThread, presentViewer, type CommentJson, type RecommendationResultJson, type ReportResultJson, type ThreadJson, type ViewerJson } from './present.js';
import { isActionable, requireGoodStanding } from './standing.js';
import { REPORT_REASONS, type CommentRecord, type Position, type RateRule, type ReportReason, type Store, type ThreadRecord, type UserClaims, type UserRecord } from './store.js';
import { MAX_NOTE_LENGTH, isThreadId, parseCommentBody, parseNewThread } from './validate.js';

const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_COUNT_THREADS = 50;

export interface ThreadPageJson {
  thread: ThreadJson;
  viewer: ViewerJson | null;
  comments: CommentJson[];
  nextCursor: string | null;
  /** The thread's last live event before this answer was read (GET /events?since=). */
  lastEventId: string;
  /** First page only: published featured comments, most recently featured first. */
  featured?: CommentJson[];
}

/** Featured comments the first page carries at most. */
const MAX_FEATURED = 5;
/** Where a page starts: a position in newest/oldest, or a top reading (its snapshot and position). */
type PageStart = { sort: 'newest' | 'oldest'; after: Position | null } | { sort: 'top'; reading: TopReading };

export interface CommentContextJson {
  thread: ThreadJson;
  viewer: ViewerJson | null;
  lastEventId: string;
  targetId: string;
  comment: CommentJson;
  repliesCursor: string | null;
  nextCursor: string | null;
}

/** Replies read at a time while looking for a linked reply, and the most sent before it. */
const CONTEXT_SCAN = 100;
const CONTEXT_BEFORE = 200;

export type Clock = () => number;

const rateLimited = (retryAfter: number, what: string): ApiError =>
  new ApiError(429, 'rate_limited', `Too many ${what}; try again in ${retryAfter} seconds.`, { 'Retry-After': String(retryAfter) });

export class CommentsService {
  /** Signed-out pages and counts: the same for every such reader (see page-cache.ts). */
  private readonly signedOut: PageCache<unknown> | null;

  constructor(
    private readonly store: Store,
    private readonly config: Pick<ServerConfig, 'maxCommentLength' | 'editWindowSeconds' | 'postRate' | 'reportRate' | 'recommendRate' | 'premoderate' | 'pageCacheMs'>,
    private readonly clock: Clock = Date.now,
  ) {
    this.signedOut = config.pageCacheMs > 0 ? new PageCache(store, { ttlMs: config.pageCacheMs, maxEntries: 5000, clock }) : null;
  }

  /** From the signed-out cache when there is one; a viewer's own answer is never cached. */
  private shared<T>(key: string, threadIds: readonly string[], load: () => Promise<T>): Promise<T> {
    return this.signedOut ? (this.signedOut.get(key, threadIds, load) as Promise<T>) : load();
  }

  private nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  /** The stored user behind a token, refreshed from its claims. */
  async viewer(claims: UserClaims | null): Promise<UserRecord | null> {
    return claims === null ? null : this.store.upsertUser(claims, this.nowIso());
  }

  async threadPage(q: { threadId: string | null; sort: string | null; limit: number; cursor: string | null }, viewer: UserRecord | null): Promise<ThreadPageJson> {
    if (!isThreadId(q.threadId)) throw new ApiError(400, 'invalid_thread', 'thread is required (1–512 characters).');
    const sort = q.sort ?? 'newest';
    if (sort !== 'newest' && sort !== 'oldest' && sort !== 'top') throw new ApiError(400, 'invalid_sort', 'sort must be newest, oldest or top.');
    const cursor = q.cursor;
    const start = (): PageStart => sort === 'top'
      // A top reading's first page fixes its snapshot: now (docs/api.md, sort=top).
      ? { sort, reading: cursor === null ? { snapshot: this.nowIso(), after: null } : decodeTopCursor(cursor) }
      : { sort, after: cursor === null ? null : decodePosition(sort, cursor) };
    start(); // a bad cursor is refused before anything is read or cached
    if (viewer === null) {
      const threadId = q.threadId;
      const key = JSON.stringify(['page', threadId, sort, q.limit, cursor]);
      return this.shared(key, [threadId], () => this.loadThreadPage(threadId, start(), q.limit, null));
    }
    return this.loadThreadPage(q.threadId, start(), q.limit, viewer);
  }

  private async loadThreadPage(threadId: string, start: PageStart, limit: number, viewer: UserRecord | null): Promise<ThreadPageJson> {
    const viewerId = viewer?.id ?? null;
    // Read first: an event committed while the page is read is then replayed (and deduped by
    // the client), never skipped.
    const lastEventId = String(await this.store.lastEventSeq(threadId));
    const first = start.sort === 'top' ? start.reading.after === null : start.after === null;
    const [thread, { page, nextCursor }, featured] = await Promise.all([
      this.store.getThread(threadId),
      this.readTopLevel(threadId, start, limit, viewerId),
      first ? this.store.listFeatured(threadId, MAX_FEATURED) : null,
    ]);
    return {
      thread: this.presentThreadOf(threadId, thread),
      viewer: viewer && presentViewer(viewer, this.nowIso()),
      comments: await presentComments(this.store, page, viewerId),
      nextCursor,
      lastEventId,
      ...(featured && { featured: await presentFlat(this.store, featured, viewerId) }),
    };
  }

  private async readTopLevel(threadId: string, start: PageStart, limit: number, viewerId: string | null): Promise<{ page: CommentRecord[]; nextCursor: string | null }> {
    if (start.sort !== 'top') {
      const rows = await this.store.listTopLevel({ threadId, order: start.sort === 'oldest' ? 'asc' : 'desc', after: start.after, limit: limit + 1, viewerId });
      return paginate(rows, limit, start.sort);
    }
    const { snapshot, after } = start.reading;
    const rows = await this.store.listTop({ threadId, snapshot, after, limit: limit + 1, viewerId });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { page, nextCursor: rows.length > limit && last ? encodeTopCursor(snapshot, last) : null };
  }

  /** Threads are created by their first post; until then a thread is open and empty. */
  private presentThreadOf(threadId: string, thread: ThreadRecord | null): ThreadJson {
    return presentThread(thread ?? { id: threadId, title: '', url: '', status: 'open', commentCount: 0 }, this.config);
  }

  /**
   * One comment in place (a `#comment-{id}` link): its conversation from the start through it
   * and a page after, and the cursor that continues the top-level list after that conversation.
   */
  async context(commentId: string, q: { sort: string | null; limit: number; threadId: string | null }, viewer: UserRecord | null): Promise<CommentContextJson> {
    const sort = q.sort ?? 'newest';
    if (sort !== 'newest' && sort !== 'oldest') throw new ApiError(400, 'invalid_sort', 'sort must be newest or oldest.');
    const viewerId = viewer?.id ?? null;
    const target = await this.store.getComment(commentId);
    // A link never leads to a removed comment's placeholder, nor to someone else's pending one.
    if (target === null || !isActionable(target, viewerId ?? '')) throw commentNotFound();
    // Asked from a thread's page: a comment of another thread is not found there.
    if (q.threadId !== null && target.threadId !== q.threadId) throw commentNotFound();
    const root = target.rootId === null ? target : await this.store.getComment(target.rootId);
    if (root === null) throw commentNotFound();
    const lastEventId = String(await this.store.lastEventSeq(root.threadId));
    // The conversation up to the target (a reply far down arrives with what precedes it, so the
    // reader can read up to it — at most CONTEXT_BEFORE replies of it), then `limit` more.
    let replies: CommentRecord[] = [];
    let after: Position | null = null;
    if (target !== root) {
      for (;;) {
        const rows = await this.store.listReplies({ rootId: root.id, after, limit: CONTEXT_SCAN, viewerId });
        const at = rows.findIndex((r) => r.id === target.id);
        replies.push(...(at >= 0 ? rows.slice(0, at + 1) : rows));
        after = replies[replies.length - 1] ?? after;
        replies = replies.slice(-(CONTEXT_BEFORE + 1));
        if (at >= 0) break;
        if (rows.length < CONTEXT_SCAN) throw commentNotFound(); // not in its conversation for this viewer
      }
    }
    const kind = `replies:${root.id}`;
    const [thread, more, next] = await Promise.all([
      this.store.getThread(root.threadId),
      this.store.listReplies({ rootId: root.id, after, limit: q.limit + 1, viewerId }),
      this.store.listTopLevel({ threadId: root.threadId, order: sort === 'oldest' ? 'asc' : 'desc', after: root, limit: 1, viewerId }),
    ]);
    const tail = paginate(more, q.limit, kind);
    const [comment] = await presentComments(this.store, [root], viewerId);
    return {
      thread: this.presentThreadOf(root.threadId, thread),
      viewer: viewer && presentViewer(viewer, this.nowIso()),
      lastEventId,
      targetId: target.id,
      comment: { ...comment!, replies: await presentComments(this.store, [...replies, ...tail.page], viewerId) },
      repliesCursor: tail.nextCursor,
      nextCursor: next.length > 0 ? cursorAfter(sort, root) : null,
    };
  }

  async replies(commentId: string, q: { limit: number; cursor: string | null }, viewer: UserRecord | null): Promise<{ comments: CommentJson[]; nextCursor: string | null }> {
    const viewerId = viewer?.id ?? null;
    const root = await this.store.getComment(commentId);
    const visible = root !== null && (root.status !== 'pending' || root.author.id === viewerId);
    if (!visible || root.rootId !== null) throw commentNotFound();
    // The kind names the conversation, so a cursor from another one is refused.
    const kind = `replies:${root.id}`;
    const after = q.cursor === null ? null : decodePosition(kind, q.cursor);
    const rows = await this.store.listReplies({ rootId: root.id, after, limit: q.limit + 1, viewerId });
    const { page, nextCursor } = paginate(rows, q.limit, kind);
    return { comments: await presentComments(this.store, page, viewerId), nextCursor };
  }

  async post(viewer: UserRecord | null, body: Record<string, unknown>, idempotencyKey: string | null): Promise<CommentJson> {
    if (viewer === null) throw unauthenticated();
    const nowMs = this.clock();
    const idempotencySince = new Date(nowMs - IDEMPOTENCY_WINDOW_MS).toISOString();
    if (idempotencyKey !== null) {
      const first = await this.store.findByIdempotencyKey(viewer.id, idempotencyKey, idempotencySince);
      if (first) return presentOne(this.store, first, viewer.id);
    }
    const thread = parseNewThread(body.thread);
    const text = parseCommentBody(body.body, this.config.maxCommentLength);
    const parentId = body.parentId ?? null;
    if (parentId !== null && (typeof parentId !== 'string' || parentId === '')) {
      throw new ApiError(422, 'invalid_parent', 'parentId must be a comment id or null.');
    }
    const nowIso = new Date(nowMs).toISOString();
    requireGoodStanding(viewer, nowIso);
    if (!viewer.subscriber) throw new ApiError(403, 'not_subscriber', 'Only subscribers can comment.');
    const existing = await this.store.getThread(thread.id);
    if (existing?.status === 'closed') throw new ApiError(403, 'thread_closed', 'This thread is closed to new comments.');
    let rootId: string | null = null;
    if (parentId !== null) {
      const parent = await this.store.getComment(parentId);
      if (!isActionable(parent, viewer.id) || parent!.threadId !== thread.id) throw commentNotFound();
      rootId = parent!.rootId ?? parent!.id;
    }
    await this.spend(`post:${viewer.id}`, this.config.postRate, nowMs, 'comments');
    const created = await this.store.createComment({
      id: `c-${randomUUID()}`,
      thread,
      parentId,
      rootId,
      authorId: viewer.id,
      body: text,
      status: this.config.premoderate ? 'pending' : 'published',
      createdAt: nowIso,
      idempotency: idempotencyKey === null ? null : { key: idempotencyKey, since: idempotencySince },
    });
    return presentOne(this.store, created, viewer.id);
  }

  async report(viewer: UserRecord | null, commentId: string, body: Record<string, unknown>): Promise<{ created: boolean; result: ReportResultJson }> {
    if (viewer === null) throw unauthenticated();
    const reason = body.reason;
    if (!REPORT_REASONS.includes(reason as ReportReason)) {
      throw new ApiError(422, 'invalid_reason', `reason must be one of ${REPORT_REASONS.join(', ')}.`);
    }
    const note = body.note ?? null;
    if (note !== null && (typeof note !== 'string' || [...note].length > MAX_NOTE_LENGTH)) {
      throw new ApiError(422, 'invalid_note', `note must be text of at most ${MAX_NOTE_LENGTH} characters.`);
    }
    const nowMs = this.clock();
    const nowIso = new Date(nowMs).toISOString();
    requireGoodStanding(viewer, nowIso);
    const comment = await this.store.getComment(commentId);
    if (!isActionable(comment, viewer.id)) throw commentNotFound();
    if (comment!.author.id === viewer.id) throw new ApiError(403, 'own_comment', 'You cannot report your own comment.');
    const open = await this.store.findOpenReport(commentId, viewer.id);
    if (open) return { created: false, result: { commentId, reason: open.reason } };
    await this.spend(`report:${viewer.id}`, this.config.reportRate, nowMs, 'reports');
    const trimmed = typeof note === 'string' && note.trim() !== '' ? note.trim() : null;
    const { created, report } = await this.store.openReport({ commentId, reporterId: viewer.id, reason: reason as ReportReason, note: trimmed, createdAt: nowIso });
    return { created, result: { commentId, reason: report.reason } };
  }

  /** PUT (`on`) or DELETE /comments/{id}/recommendation. */
  async recommend(viewer: UserRecord | null, commentId: string, on: boolean): Promise<RecommendationResultJson> {
    if (viewer === null) throw unauthenticated();
    const nowMs = this.clock();
    const nowIso = new Date(nowMs).toISOString();
    if (on) {
      requireGoodStanding(viewer, nowIso);
      if (!viewer.subscriber) throw new ApiError(403, 'not_subscriber', 'Only subscribers can recommend comments.');
    }
    const comment = await this.store.getComment(commentId);
    // Pending comments are their author's alone, and an author cannot recommend their own.
    if (comment === null || comment.status !== 'published') throw commentNotFound();
    if (on && comment.author.id === viewer.id) throw new ApiError(403, 'own_comment', 'You cannot recommend your own comment.');
    const standing = (await this.store.recommendedBy(viewer.id, [commentId])).has(commentId);
    if (standing === on) return { commentId, recommendations: comment.recommendations, viewerRecommended: on };
    if (on) await this.spend(`recommend:${viewer.id}`, this.config.recommendRate, nowMs, 'recommendations');
    const { recommendations } = await this.store.setRecommendation(commentId, viewer.id, on, nowIso);
    return { commentId, recommendations, viewerRecommended: on };
  }

  /** The viewer's own comment that they may still change, or the documented refusal. */
  private async ownComment(viewer: UserRecord, commentId: string): Promise<CommentRecord> {
    const comment = await this.store.getComment(commentId);
    if (!isActionable(comment, viewer.id)) throw commentNotFound();
    if (comment!.author.id !== viewer.id) throw new ApiError(403, 'not_author', 'Only its author can change a comment.');
    return comment!;
  }

  /** PATCH /comments/{id}: the author mends the body within the edit window. */
  async edit(viewer: UserRecord | null, commentId: string, body: Record<string, unknown>): Promise<CommentJson> {
    if (viewer === null) throw unauthenticated();
    const text = parseCommentBody(body.body, this.config.maxCommentLength);
    const comment = await this.ownComment(viewer, commentId);
    const nowMs = this.clock();
    const nowIso = new Date(nowMs).toISOString();
    requireGoodStanding(viewer, nowIso);
    const thread = await this.store.getThread(comment.threadId);
    if (thread?.status === 'closed') throw new ApiError(403, 'thread_closed', 'This thread is closed.');
    if (nowMs - Date.parse(comment.createdAt) > this.config.editWindowSeconds * 1000) {
      throw new ApiError(403, 'edit_window_closed', 'This comment can no longer be edited.');
    }
    if (text === comment.body) return presentOne(this.store, comment, viewer.id);
    await this.spend(`post:${viewer.id}`, this.config.postRate, nowMs, 'comments');
    const edited = await this.store.editComment(commentId, text, nowIso);
    return presentOne(this.store, edited!, viewer.id);
  }

  /** DELETE /comments/{id}: the author's own deletion, final, at any time. */
  async deleteOwn(viewer: UserRecord | null, commentId: string): Promise<CommentJson> {
    if (viewer === null) throw unauthenticated();
    const existing = await this.store.getComment(commentId);
    // A repeat answers the same.
    if (existing?.deletedAt != null && existing.author.id === viewer.id) return presentOne(this.store, existing, viewer.id);
    await this.ownComment(viewer, commentId);
    const deleted = await this.store.deleteByAuthor(commentId, this.nowIso());
    return presentOne(this.store, deleted!, viewer.id);
  }

  async withdrawReport(viewer: UserRecord | null, commentId: string): Promise<void> {
    if (viewer === null) throw unauthenticated();
    await this.store.closeReports(commentId, viewer.id, 'withdrawn', this.nowIso());
  }

  async counts(threadIds: string[]): Promise<{ counts: Record<string, number> }> {
    if (threadIds.length === 0 || !threadIds.every(isThreadId)) {
      throw new ApiError(400, 'invalid_thread', 'Give 1–50 thread ids, each 1–512 characters.');
    }
    const unique = [...new Set(threadIds)];
    if (unique.length > MAX_COUNT_THREADS) throw new ApiError(400, 'too_many_threads', `At most ${MAX_COUNT_THREADS} thread ids per request.`);
    unique.sort();
    return this.shared(JSON.stringify(['counts', ...unique]), unique, async () => ({ counts: Object.fromEntries(await this.store.countPublished(unique)) }));
  }

  private async spend(bucket: string, rule: RateRule, nowMs: number, what: string): Promise<void> {
    const retryAfter = await this.store.takeRateToken(bucket, rule, nowMs);
    if (retryAfter > 0) throw rateLimited(retryAfter, what);
  }
}
