// The storage interface. Everything the server persists goes through it, so a second
// implementation (PostgreSQL for several instances, see docs/deployment.md) replaces
// sqlite-store.ts without touching the HTTP layer or the rules. Methods are async for that
// reason, even though better-sqlite3 answers synchronously.

export type UserStatus = 'active' | 'banned' | 'suspended';
export type ThreadStatus = 'open' | 'closed';
export type CommentStatus = 'published' | 'pending' | 'removed';
export type ReportReason = 'offensive' | 'abusive' | 'spam' | 'off_topic' | 'other';
/** Why a report stopped being open. */
export type ReportClosure = 'withdrawn' | 'dismissed' | 'actioned';

export const REPORT_REASONS: readonly ReportReason[] = ['offensive', 'abusive', 'spam', 'off_topic', 'other'];

/** What a viewer token says about its holder; upserted on every authenticated request. */
export interface UserClaims {
  id: string;
  displayName: string;
  subscriber: boolean;
  staff: boolean;
}

export interface UserRecord extends UserClaims {
  status: UserStatus;
  /** Set while `status` is `suspended`; the rules treat a past date as active. */
  suspendedUntil: string | null;
}

export interface ThreadRecord {
  id: string;
  title: string;
  url: string;
  status: ThreadStatus;
  /** Published comments, replies included. */
  commentCount: number;
}

export interface CommentRecord {
  id: string;
  threadId: string;
  parentId: string | null;
  /** The top-level comment of the conversation; null on a top-level comment. */
  rootId: string | null;
  author: UserClaims;
  body: string;
  status: CommentStatus;
  createdAt: string;
  editedAt: string | null;
  /** Standing recommendations now (kept on the row by the database). */
  recommendations: number;
  /** When an editor featured it; null when not featured. */
  featuredAt: string | null;
  /** When its author deleted it (status is then `removed`); null otherwise. */
  deletedAt: string | null;
}

/** A keyset position: comments are ordered by (createdAt, id). */
export interface Position {
  createdAt: string;
  id: string;
}

/** A sort=top position: (count as of the reading's snapshot, createdAt, id), all descending. */
export interface TopPosition {
  score: number;
  createdAt: string;
  id: string;
}

export interface ReplySummary {
  /** Replies this viewer may see in the conversation. */
  count: number;
  /** The first of them, oldest first. */
  first: CommentRecord[];
}

export interface NewCommentRecord {
  id: string;
  thread: { id: string; url: string; title: string };
  parentId: string | null;
  rootId: string | null;
  authorId: string;
  body: string;
  status: CommentStatus;
  createdAt: string;
  /**
   * Remembered with the comment, atomically, so a racing repeat finds the first result. Keys
   * created before `since` have expired: they are forgotten and may be used again.
   */
  idempotency: { key: string; since: string } | null;
}

export interface ReportRecord {
  commentId: string;
  reporterId: string;
  reason: ReportReason;
  note: string | null;
  createdAt: string;
  /** The comment's text when the report was made (null on reports older than #16). */
  body?: string | null;
}

export interface QueuePosition {
  openReports: number;
  /** When the oldest open report was made: among equals, who has waited longest comes first. */
  firstReportAt: string;
  /** When the latest open report was made: what `newest` orders by. */
  lastReportAt: string;
  commentId: string;
}

/** The report queue's orders: most open reports first, or the latest report first. */
export type QueueOrder = 'count' | 'newest';

/** What the moderation desk's search asks for: every part optional, all of them must hold. */
export interface CommentSearch {
  status: CommentStatus | null;
  /** A substring of the author's name or id or of the text, matched literally, ASCII case folded. */
  text: string | null;
  authorId: string | null;
  /** Newest first: strictly before this position. */
  before: Position | null;
  limit: number;
}

/** `text` as a LIKE pattern with `\` as the escape: wildcards in the input match themselves. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

export interface QueueEntry {
  comment: CommentRecord;
  reports: ReportRecord[];
}

export interface RateRule {
  limit: number;
  windowMs: number;
}

/** History brought in from another system (`npm run import`), written as it was. */
export interface ImportBatch {
  /** Created unless a thread with the id exists (then left as it is). */
  threads: Array<{ id: string; title: string; url: string; status: ThreadStatus; createdAt: string }>;
  /** Imported authors: created unless the id exists; they hold no token until the publisher maps them. */
  users: Array<{ id: string; displayName: string; updatedAt: string }>;
  /** In order; a reply's parent earlier in the batch or already stored. Created unless the id exists. */
  comments: Array<{ id: string; threadId: string; parentId: string | null; authorId: string; body: string; status: CommentStatus; createdAt: string }>;
}

export interface ImportResult {
  threads: number;
  users: number;
  comments: number;
  /** Replies whose parent is not stored (yet): not written; the importer tries them again later. */
  orphans: ImportBatch['comments'];
}

/** The tables `npm run export` writes out, in an order that can be read back. */
export const EXPORT_TABLES = ['users', 'threads', 'comments', 'reports', 'audit_log', 'recommendations', 'comment_revisions'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
/** Tables keyed by a generated number (exported in that order, zero-padded so text order is number order). */
export const NUMBERED: ReadonlySet<ExportTable> = new Set(['reports', 'audit_log', 'recommendations', 'comment_revisions']);

/** One moderation action, as the audit log keeps it. */
export interface AuditRecord {
  at: string;
  /** Who: the moderator's name sent with the admin token, or the CLI's user. */
  actor: string;
  action: 'remove' | 'restore' | 'dismiss-reports' | 'reopen-reports' | 'feature' | 'unfeature' | 'ban' | 'suspend' | 'unban' | 'close' | 'reopen';
  target: { type: 'comment' | 'user' | 'thread'; id: string };
  /** What else the action said (a suspension's end). */
  detail: string | null;
}

/** What the live event log (GET /events) records: written by the database's own triggers. */
export type EventKind = 'comment' | 'removed' | 'thread';

export interface EventRecord {
  /** Grows within a thread in commit order: a stream resumes after the last it sent. */
  seq: number;
  threadId: string;
  kind: EventKind;
  /** The comment a `comment` or `removed` event is about; null for `thread`. */
  commentId: string | null;
}

/** An events row as both stores read it (the seq as a JS number: 2^53 events is far off). */
export interface EventRow { seq: number; thread_id: string; kind: EventKind; comment_id: string | null }
export const toEvent = (r: EventRow): EventRecord => ({ seq: Number(r.seq), threadId: r.thread_id, kind: r.kind, commentId: r.comment_id });

export interface AuditRow { id: number; at: string; actor: string; action: AuditRecord['action']; target_type: AuditRecord['target']['type']; target_id: string; detail: string | null }
export const toAudit = (r: AuditRow): AuditRecord & { id: number } => ({
  id: Number(r.id), at: r.at, actor: r.actor, action: r.action, target: { type: r.target_type, id: r.target_id }, detail: r.detail,
});

/** A committed change a signed-out reader could see: the thread's id, or null for "any thread". */
export type ChangeListener = (threadId: string | null) => void;

export interface Store {
  upsertUser(claims: UserClaims, now: string): Promise<UserRecord>;
  getUser(id: string): Promise<UserRecord | null>;
  /** Null when the user does not exist. */
  setUserStatus(id: string, status: UserStatus, suspendedUntil: string | null): Promise<UserRecord | null>;

  getThread(id: string): Promise<ThreadRecord | null>;
  setThreadStatus(id: string, status: ThreadStatus): Promise<ThreadRecord | null>;
  /** Published comments per thread id; unknown threads are 0. */
  countPublished(threadIds: readonly string[]): Promise<Map<string, number>>;

  getComment(id: string): Promise<CommentRecord | null>;
  /** Top-level comments visible to the viewer, strictly after `after` in the given order. */
  listTopLevel(query: {
    threadId: string;
    order: 'asc' | 'desc';
    after: Position | null;
    limit: number;
    viewerId: string | null;
  }): Promise<CommentRecord[]>;
  /**
   * Top-level comments created before `snapshot`, by their recommendation count as of
   * `snapshot` (rows created before it and not taken back before it), then newest, then id —
   * strictly after `after`. Each record carries that count as `score`.
   */
  listTop(query: { threadId: string; snapshot: string; after: TopPosition | null; limit: number; viewerId: string | null }): Promise<Array<CommentRecord & { score: number }>>;
  /** Published featured comments of a thread, most recently featured first. */
  listFeatured(threadId: string, limit: number): Promise<CommentRecord[]>;
  /** Which of the comments the viewer recommends now. */
  recommendedBy(viewerId: string, commentIds: readonly string[]): Promise<Set<string>>;
  /** Recommends (`on`) or takes back; a no-op when already so. Returns the count after. */
  setRecommendation(commentId: string, userId: string, on: boolean, now: string): Promise<{ changed: boolean; recommendations: number }>;
  /** Replaces the body, keeping the old text in comment_revisions, and sets editedAt. */
  editComment(id: string, body: string, now: string): Promise<CommentRecord | null>;
  /** The author's deletion: status removed, deletedAt set, no longer featured. */
  deleteByAuthor(id: string, now: string): Promise<CommentRecord | null>;
  /** Features (`at` a time) or unfeatures (`null`). */
  setFeatured(id: string, at: string | null): Promise<CommentRecord | null>;
  /** A conversation, oldest first, strictly after `after`. */
  listReplies(query: { rootId: string; after: Position | null; limit: number; viewerId: string | null }): Promise<CommentRecord[]>;
  summarizeReplies(rootIds: readonly string[], viewerId: string | null, inline: number): Promise<Map<string, ReplySummary>>;
  /** Which of the comments the viewer has an open report on. */
  reportedBy(viewerId: string, commentIds: readonly string[]): Promise<Set<string>>;

  /** The comment a user created with this key since `since`, if any. */
  findByIdempotencyKey(userId: string, key: string, since: string): Promise<CommentRecord | null>;
  /** Creates the thread if needed; with a key already taken, returns the first comment instead. */
  createComment(input: NewCommentRecord): Promise<CommentRecord>;
  setCommentStatus(id: string, status: CommentStatus): Promise<CommentRecord | null>;

  findOpenReport(commentId: string, reporterId: string): Promise<ReportRecord | null>;
  /** Opens a report unless one is open already; returns the open one either way. */
  openReport(report: ReportRecord): Promise<{ created: boolean; report: ReportRecord }>;
  closeReports(commentId: string, reporterId: string | null, closure: ReportClosure, now: string): Promise<void>;
  /** Comments awaiting approval (premoderation), oldest first, strictly after `after`. */
  listPending(query: { after: Position | null; limit: number }): Promise<CommentRecord[]>;
  /**
   * Comments with open reports. `count`: most reported first, then longest waiting, then by
   * comment id; `newest`: latest open report first, then comment id descending.
   */
  listReportQueue(query: { after: QueuePosition | null; limit: number; order: QueueOrder }): Promise<Array<QueueEntry & { position: QueuePosition }>>;
  /**
   * Reopens the reports closed (dismissed or actioned) at the comment's latest closing, except a
   * reporter's who has one open again; returns how many.
   */
  reopenReports(commentId: string): Promise<number>;
  /** Any comments, newest first, as the search asks. */
  searchComments(query: CommentSearch): Promise<CommentRecord[]>;
  /** How many comments the author has in each status. */
  countByStatus(authorId: string): Promise<Record<CommentStatus, number>>;

  /** Counts one action against a fixed window: 0 when allowed, else seconds until it would be. */
  takeRateToken(bucket: string, rule: RateRule, nowMs: number): Promise<number>;

  /**
   * Tells `listener` of every committed change to what a thread's signed-out page shows, made by
   * this instance or any other on the same database, soon after it commits (PostgreSQL: NOTIFY;
   * SQLite: its own writes, and other connections' through `PRAGMA data_version`). Null names
   * every thread: a rename, or a feed that lost and regained its connection. Returns the unsubscribe.
   */
  watch(listener: ChangeListener): () => void;
  /** False while changes could go unseen (the feed is reconnecting): nothing may be cached then. */
  readonly watching: boolean;

  /** The thread's events strictly after `afterSeq`, in seq order, at most `limit`. */
  listEvents(threadId: string, afterSeq: number, limit: number): Promise<EventRecord[]>;
  /** The thread's last event's seq; 0 when it has none. */
  lastEventSeq(threadId: string): Promise<number>;

  recordAudit(entry: AuditRecord): Promise<void>;
  /** The audit log, newest first, strictly before entry `before` (an id from an earlier page). */
  listAudit(query: { before: number | null; limit: number; target?: AuditRecord['target'] }): Promise<Array<AuditRecord & { id: number }>>;

  /** Writes imported history in one transaction; what exists already (by id) is left alone. */
  importBatch(batch: ImportBatch): Promise<ImportResult>;
  /** Gives an imported author's comments to a real user (the publisher's mapping); returns how many. */
  reassignAuthor(fromUserId: string, toUserId: string): Promise<number>;
  /** A table's rows (columns as stored, times as ISO text), by key, strictly after `after`. */
  exportRows(table: ExportTable, after: string | null, limit: number): Promise<Array<Record<string, unknown> & { key: string }>>;

  /** Throws unless the storage answers: the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
