// The embedded default Store: one SQLite file (or :memory:) through better-sqlite3.
// Every statement is prepared with bound parameters; id lists travel as one JSON parameter
// expanded by json_each, so no SQL text is ever built from input.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ChangeFeed } from './change-feed.js';
import { migrate } from './sqlite-migrations.js';
import type {
  ChangeListener, CommentRecord, CommentSearch, CommentStatus, AuditRecord, AuditRow, EventRecord, EventRow, ExportTable, ImportBatch, ImportResult, NewCommentRecord, Position, TopPosition, QueueEntry, QueueOrder, QueuePosition, RateRule,
  ReplySummary, ReportClosure, ReportReason, ReportRecord, Store, ThreadRecord, ThreadStatus,
  UserClaims, UserRecord, UserStatus,
} from './store.js';
import { EXPORT_TABLES, likePattern, NUMBERED, toAudit, toEvent } from './store.js';

interface CommentRow {
  id: string; thread_id: string; parent_id: string | null; root_id: string | null; body: string;
  status: CommentStatus; created_at: string; edited_at: string | null;
  recommendation_count: number; featured_at: string | null; deleted_at: string | null;
  author_id: string; display_name: string; subscriber: number; staff: number;
}
interface UserRow {
  id: string; display_name: string; subscriber: number; staff: number; status: UserStatus; suspended_until: string | null;
}
interface ThreadRow { id: string; title: string; url: string; status: ThreadStatus; comment_count: number }
interface ReportRow { comment_id: string; reporter_id: string; reason: ReportReason; note: string | null; created_at: string; body: string | null }

const COMMENT_COLUMNS = `c.id, c.thread_id, c.parent_id, c.root_id, c.body, c.status, c.created_at, c.edited_at,
  c.recommendation_count, c.featured_at, c.deleted_at, u.id AS author_id, u.display_name, u.subscriber, u.staff`;
const COMMENT_FROM = 'FROM comments c JOIN users u ON u.id = c.author_id';
// Pending comments exist only for their author.
const visible = (alias: string): string => `(${alias}.status <> 'pending' OR ${alias}.author_id = @viewerId)`;
const VISIBLE = visible('c');
const REPORT_COLUMNS = 'comment_id, reporter_id, reason, note, created_at, body';

const toComment = (r: CommentRow): CommentRecord => ({
  id: r.id, threadId: r.thread_id, parentId: r.parent_id, rootId: r.root_id, body: r.body,
  status: r.status, createdAt: r.created_at, editedAt: r.edited_at,
  recommendations: r.recommendation_count, featuredAt: r.featured_at, deletedAt: r.deleted_at,
  author: { id: r.author_id, displayName: r.display_name, subscriber: r.subscriber === 1, staff: r.staff === 1 },
});
const toUser = (r: UserRow): UserRecord => ({
  id: r.id, displayName: r.display_name, subscriber: r.subscriber === 1, staff: r.staff === 1,
  status: r.status, suspendedUntil: r.suspended_until,
});
const toThread = (r: ThreadRow): ThreadRecord => ({
  id: r.id, title: r.title, url: r.url, status: r.status, commentCount: r.comment_count,
});
const toReport = (r: ReportRow): ReportRecord => ({
  commentId: r.comment_id, reporterId: r.reporter_id, reason: r.reason, note: r.note, createdAt: r.created_at, body: r.body,
});

/** How often another process's (or connection's) writes to the same file are looked for. */
const DATA_VERSION_POLL_MS = 200;

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly feed = new ChangeFeed();
  private poll: NodeJS.Timeout | null = null;
  private dataVersion = 0;
  /** Its own writes are told at once; a file can only be written by processes on this host. */
  readonly watching = true;

  /** Opens (creating the folder and file if needed) and migrates the database. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
  }

  watch(listener: ChangeListener): () => void {
    return this.feed.add(listener, () => {
      // PRAGMA data_version changes when another connection commits, never for this one's writes.
      this.dataVersion = this.readDataVersion();
      this.poll = setInterval(() => {
        const version = this.readDataVersion();
        if (version === this.dataVersion) return;
        this.dataVersion = version;
        this.feed.emit(null);
      }, DATA_VERSION_POLL_MS);
      this.poll.unref();
    }, () => this.stopPolling());
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }

  /** Prepared once per SQL text: preparing is the costly part of a query. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async upsertUser(claims: UserClaims, now: string): Promise<UserRecord> {
    // Only write when the claims changed, so reads by a signed-in viewer stay reads.
    const result = this.sql(`INSERT INTO users (id, display_name, subscriber, staff, updated_at)
      VALUES (@id, @displayName, @subscriber, @staff, @now)
      ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, subscriber = excluded.subscriber,
        staff = excluded.staff, updated_at = excluded.updated_at
      WHERE display_name IS NOT excluded.display_name OR subscriber IS NOT excluded.subscriber
        OR staff IS NOT excluded.staff`)
      .run({ ...claims, subscriber: claims.subscriber ? 1 : 0, staff: claims.staff ? 1 : 0, now });
    // A new name or badge shows on every comment the user wrote, in any thread.
    if (result.changes > 0) this.feed.emit(null);
    return (await this.getUser(claims.id))!;
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = this.sql('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async setUserStatus(id: string, status: UserStatus, suspendedUntil: string | null): Promise<UserRecord | null> {
    this.sql('UPDATE users SET status = ?, suspended_until = ? WHERE id = ?').run(status, suspendedUntil, id);
    return this.getUser(id);
  }

  async getThread(id: string): Promise<ThreadRecord | null> {
    const row = this.sql('SELECT id, title, url, status, published_count AS comment_count FROM threads WHERE id = ?')
      .get(id) as ThreadRow | undefined;
    return row ? toThread(row) : null;
  }

  async setThreadStatus(id: string, status: ThreadStatus): Promise<ThreadRecord | null> {
    if (this.sql('UPDATE threads SET status = ? WHERE id = ?').run(status, id).changes > 0) this.feed.emit(id);
    return this.getThread(id);
  }

  async countPublished(threadIds: readonly string[]): Promise<Map<string, number>> {
    const rows = this.sql('SELECT id, published_count FROM threads WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(threadIds)) as Array<{ id: string; published_count: number }>;
    const counts = new Map(threadIds.map((id) => [id, 0]));
    for (const row of rows) counts.set(row.id, row.published_count);
    return counts;
  }

  async listEvents(threadId: string, afterSeq: number, limit: number): Promise<EventRecord[]> {
    const rows = this.sql('SELECT seq, thread_id, kind, comment_id FROM events WHERE thread_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(threadId, afterSeq, limit) as EventRow[];
    return rows.map(toEvent);
  }

  async lastEventSeq(threadId: string): Promise<number> {
    const row = this.sql('SELECT MAX(seq) AS seq FROM events WHERE thread_id = ?').get(threadId) as { seq: number | null };
    return row.seq ?? 0;
  }

  async getComment(id: string): Promise<CommentRecord | null> {
    const row = this.sql(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM} WHERE c.id = ?`).get(id) as CommentRow | undefined;
    return row ? toComment(row) : null;
  }

  async listTopLevel(q: { threadId: string; order: 'asc' | 'desc'; after: Position | null; limit: number; viewerId: string | null }): Promise<CommentRecord[]> {
    const direction = q.order === 'asc' ? 'ASC' : 'DESC';
    const keyset = q.after ? `AND (c.created_at, c.id) ${q.order === 'asc' ? '>' : '<'} (@createdAt, @id)` : '';
    const rows = this.sql(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM}
      WHERE c.thread_id = @threadId AND c.root_id IS NULL AND ${VISIBLE} ${keyset}
      ORDER BY c.created_at ${direction}, c.id ${direction} LIMIT @limit`)
      .all({ threadId: q.threadId, viewerId: q.viewerId ?? '', limit: q.limit, ...q.after }) as CommentRow[];
    return rows.map(toComment);
  }

  async listTop(q: { threadId: string; snapshot: string; after: TopPosition | null; limit: number; viewerId: string | null }): Promise<Array<CommentRecord & { score: number }>> {
    // The count as of the snapshot is a fact no later write changes (docs/api.md, sort=top).
    const keyset = q.after ? 'WHERE (score, created_at, id) < (@score, @createdAt, @id)' : '';
    const rows = this.sql(`SELECT * FROM (SELECT ${COMMENT_COLUMNS},
        (SELECT COUNT(*) FROM recommendations r WHERE r.comment_id = c.id AND r.created_at < @snapshot
          AND (r.removed_at IS NULL OR r.removed_at >= @snapshot)) AS score
      ${COMMENT_FROM}
      WHERE c.thread_id = @threadId AND c.root_id IS NULL AND c.created_at < @snapshot AND ${VISIBLE}) ${keyset}
      ORDER BY score DESC, created_at DESC, id DESC LIMIT @limit`)
      .all({ threadId: q.threadId, snapshot: q.snapshot, viewerId: q.viewerId ?? '', limit: q.limit, ...q.after }) as Array<CommentRow & { score: number }>;
    return rows.map((r) => ({ ...toComment(r), score: r.score }));
  }

  async listFeatured(threadId: string, limit: number): Promise<CommentRecord[]> {
    const rows = this.sql(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM}
      WHERE c.thread_id = ? AND c.featured_at IS NOT NULL AND c.status = 'published' ORDER BY c.featured_at DESC, c.id DESC LIMIT ?`)
      .all(threadId, limit) as CommentRow[];
    return rows.map(toComment);
  }

  async recommendedBy(viewerId: string, commentIds: readonly string[]): Promise<Set<string>> {
    const rows = this.sql(`SELECT comment_id FROM recommendations WHERE user_id = ? AND removed_at IS NULL
      AND comment_id IN (SELECT value FROM json_each(?))`).all(viewerId, JSON.stringify(commentIds)) as Array<{ comment_id: string }>;
    return new Set(rows.map((r) => r.comment_id));
  }

  async setRecommendation(commentId: string, userId: string, on: boolean, now: string): Promise<{ changed: boolean; recommendations: number }> {
    const result = this.db.transaction(() => {
      const changes = on
        ? this.sql(`INSERT INTO recommendations (comment_id, user_id, created_at) VALUES (?, ?, ?)
            ON CONFLICT (comment_id, user_id) WHERE removed_at IS NULL DO NOTHING`).run(commentId, userId, now).changes
        : this.sql('UPDATE recommendations SET removed_at = ? WHERE comment_id = ? AND user_id = ? AND removed_at IS NULL').run(now, commentId, userId).changes;
      const row = this.sql('SELECT thread_id, recommendation_count FROM comments WHERE id = ?').get(commentId) as { thread_id: string; recommendation_count: number };
      return { changed: changes > 0, recommendations: row.recommendation_count, threadId: row.thread_id };
    }).immediate();
    if (result.changed) this.feed.emit(result.threadId);
    return { changed: result.changed, recommendations: result.recommendations };
  }

  async editComment(id: string, body: string, now: string): Promise<CommentRecord | null> {
    this.db.transaction(() => {
      this.sql('INSERT INTO comment_revisions (comment_id, body, replaced_at) SELECT id, body, ? FROM comments WHERE id = ?').run(now, id);
      this.sql('UPDATE comments SET body = ?, edited_at = ? WHERE id = ?').run(body, now, id);
    }).immediate();
    return this.changed(id);
  }

  async deleteByAuthor(id: string, now: string): Promise<CommentRecord | null> {
    this.sql("UPDATE comments SET status = 'removed', deleted_at = ?, featured_at = NULL WHERE id = ? AND deleted_at IS NULL").run(now, id);
    return this.changed(id);
  }

  async setFeatured(id: string, at: string | null): Promise<CommentRecord | null> {
    this.sql('UPDATE comments SET featured_at = ? WHERE id = ?').run(at, id);
    return this.changed(id);
  }

  /** The comment after a write to it, its thread told to the change feed. */
  private async changed(id: string): Promise<CommentRecord | null> {
    const comment = await this.getComment(id);
    if (comment) this.feed.emit(comment.threadId);
    return comment;
  }

  async listReplies(q: { rootId: string; after: Position | null; limit: number; viewerId: string | null }): Promise<CommentRecord[]> {
    const keyset = q.after ? 'AND (c.created_at, c.id) > (@createdAt, @id)' : '';
    const rows = this.sql(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM}
      WHERE c.root_id = @rootId AND ${VISIBLE} ${keyset} ORDER BY c.created_at, c.id LIMIT @limit`)
      .all({ rootId: q.rootId, viewerId: q.viewerId ?? '', limit: q.limit, ...q.after }) as CommentRow[];
    return rows.map(toComment);
  }

  async summarizeReplies(rootIds: readonly string[], viewerId: string | null, inline: number): Promise<Map<string, ReplySummary>> {
    const summaries = new Map<string, ReplySummary>(rootIds.map((id) => [id, { count: 0, first: [] }]));
    const params = { rootIds: JSON.stringify(rootIds), viewerId: viewerId ?? '', inline };
    // Two set queries for the whole page, each walking only the conversation index: the sizes,
    // and the first replies of every conversation (a LIMIT per root, not a window over all).
    const counts = this.sql(`SELECT c.root_id, COUNT(*) AS n FROM comments c
      WHERE c.root_id IN (SELECT value FROM json_each(@rootIds)) AND ${VISIBLE} GROUP BY c.root_id`)
      .all(params) as Array<{ root_id: string; n: number }>;
    for (const row of counts) summaries.get(row.root_id)!.count = row.n;
    if (inline === 0 || counts.length === 0) return summaries;
    const first = this.sql(`SELECT ${COMMENT_COLUMNS} FROM json_each(@rootIds) j
      JOIN comments c ON c.id IN (SELECT x.id FROM comments x WHERE x.root_id = j.value AND ${visible('x')}
        ORDER BY x.created_at, x.id LIMIT @inline)
      JOIN users u ON u.id = c.author_id
      ORDER BY c.created_at, c.id`).all(params) as CommentRow[];
    for (const row of first) summaries.get(row.root_id!)!.first.push(toComment(row));
    return summaries;
  }

  async reportedBy(viewerId: string, commentIds: readonly string[]): Promise<Set<string>> {
    const rows = this.sql(`SELECT comment_id FROM reports WHERE status = 'open' AND reporter_id = ?
      AND comment_id IN (SELECT value FROM json_each(?))`).all(viewerId, JSON.stringify(commentIds)) as Array<{ comment_id: string }>;
    return new Set(rows.map((r) => r.comment_id));
  }

  async findByIdempotencyKey(userId: string, key: string, since: string): Promise<CommentRecord | null> {
    const row = this.sql('SELECT comment_id FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at >= ?')
      .get(userId, key, since) as { comment_id: string } | undefined;
    return row ? this.getComment(row.comment_id) : null;
  }

  async createComment(input: NewCommentRecord): Promise<CommentRecord> {
    const { idempotency } = input;
    const id = this.db.transaction((): string => {
      if (idempotency !== null) {
        // Expired keys go first (an index range delete), so a reused expired key is free again.
        this.sql('DELETE FROM idempotency_keys WHERE created_at < ?').run(idempotency.since);
        const first = this.sql('SELECT comment_id FROM idempotency_keys WHERE user_id = ? AND key = ?')
          .get(input.authorId, idempotency.key) as { comment_id: string } | undefined;
        if (first) return first.comment_id;
      }
      // Thread metadata arrives with posts; keep the first values, fill in what was missing.
      this.sql(`INSERT INTO threads (id, title, url, created_at) VALUES (@id, @title, @url, @now)
        ON CONFLICT (id) DO UPDATE SET
          title = CASE WHEN threads.title = '' THEN excluded.title ELSE threads.title END,
          url = CASE WHEN threads.url = '' THEN excluded.url ELSE threads.url END`)
        .run({ ...input.thread, now: input.createdAt });
      this.sql(`INSERT INTO comments (id, thread_id, parent_id, root_id, author_id, body, status, created_at)
        VALUES (@id, @threadId, @parentId, @rootId, @authorId, @body, @status, @createdAt)`)
        .run({
          id: input.id, threadId: input.thread.id, parentId: input.parentId, rootId: input.rootId,
          authorId: input.authorId, body: input.body, status: input.status, createdAt: input.createdAt,
        });
      if (idempotency !== null) {
        this.sql('INSERT INTO idempotency_keys (user_id, key, comment_id, created_at) VALUES (?, ?, ?, ?)')
          .run(input.authorId, idempotency.key, input.id, input.createdAt);
      }
      return input.id;
    }).immediate();
    if (id === input.id) this.feed.emit(input.thread.id);
    return (await this.getComment(id))!;
  }

  async recordAudit(e: AuditRecord): Promise<void> {
    this.sql('INSERT INTO audit_log (at, actor, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.at, e.actor, e.action, e.target.type, e.target.id, e.detail);
  }

  async listAudit({ before, limit, target }: { before: number | null; limit: number; target?: AuditRecord['target'] }): Promise<Array<AuditRecord & { id: number }>> {
    const rows = this.sql(`SELECT * FROM audit_log WHERE (@before IS NULL OR id < @before)
      AND (@type IS NULL OR (target_type = @type AND target_id = @id)) ORDER BY id DESC LIMIT @limit`)
      .all({ before, limit, type: target?.type ?? null, id: target?.id ?? null }) as AuditRow[];
    return rows.map(toAudit);
  }

  async importBatch(batch: ImportBatch): Promise<ImportResult> {
    const result = this.db.transaction((): ImportResult => {
      const done: ImportResult = { threads: 0, users: 0, comments: 0, orphans: [] };
      for (const t of batch.threads) {
        done.threads += this.sql(`INSERT INTO threads (id, title, url, status, created_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (id) DO NOTHING`).run(t.id, t.title, t.url, t.status, t.createdAt).changes;
      }
      for (const u of batch.users) {
        done.users += this.sql(`INSERT INTO users (id, display_name, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`)
          .run(u.id, u.displayName, u.updatedAt).changes;
      }
      const created: string[] = [];
      for (const c of batch.comments) {
        let rootId: string | null = null;
        if (c.parentId !== null) {
          const parent = this.sql('SELECT id, root_id, thread_id FROM comments WHERE id = ?').get(c.parentId) as
            { id: string; root_id: string | null; thread_id: string } | undefined;
          if (!parent || parent.thread_id !== c.threadId) {
            done.orphans.push(c);
            continue;
          }
          rootId = parent.root_id ?? parent.id;
        }
        const changes = this.sql(`INSERT INTO comments (id, thread_id, parent_id, root_id, author_id, body, status, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`)
          .run(c.id, c.threadId, c.parentId, rootId, c.authorId, c.body, c.status, c.createdAt).changes;
        if (changes) created.push(c.id);
        done.comments += changes;
      }
      // History is not news: no live event for what was imported.
      if (created.length) this.sql("DELETE FROM events WHERE kind = 'comment' AND comment_id IN (SELECT value FROM json_each(?))").run(JSON.stringify(created));
      return done;
    }).immediate();
    if (result.threads || result.comments) this.feed.emit(null);
    return result;
  }

  async reassignAuthor(fromUserId: string, toUserId: string): Promise<number> {
    const changes = this.db.transaction(() => {
      // The user may not have signed in yet: they start with the imported name, which their first token replaces.
      this.sql(`INSERT INTO users (id, display_name, updated_at) SELECT ?, display_name, updated_at FROM users WHERE id = ?
        ON CONFLICT (id) DO NOTHING`).run(toUserId, fromUserId);
      return this.sql('UPDATE comments SET author_id = ? WHERE author_id = ?').run(toUserId, fromUserId).changes;
    }).immediate();
    if (changes) this.feed.emit(null);
    return changes;
  }

  async exportRows(table: ExportTable, after: string | null, limit: number): Promise<Array<Record<string, unknown> & { key: string }>> {
    const key = NUMBERED.has(table) ? "printf('%020d', id)" : 'id';
    const columns = table === 'threads' ? 'id, title, url, status, created_at' : '*';
    const rows = this.sql(`SELECT ${columns}, ${key} AS key FROM ${EXPORT_TABLES.includes(table) ? table : 'none'}
      WHERE ? IS NULL OR ${key} > ? ORDER BY ${key} LIMIT ?`).all(after, after, limit) as Array<Record<string, unknown> & { key: string }>;
    return rows;
  }

  async setCommentStatus(id: string, status: CommentStatus): Promise<CommentRecord | null> {
    this.sql('UPDATE comments SET status = ? WHERE id = ?').run(status, id);
    return this.changed(id);
  }

  async findOpenReport(commentId: string, reporterId: string): Promise<ReportRecord | null> {
    const row = this.sql(`SELECT ${REPORT_COLUMNS} FROM reports WHERE comment_id = ? AND reporter_id = ? AND status = 'open'`)
      .get(commentId, reporterId) as ReportRow | undefined;
    return row ? toReport(row) : null;
  }

  async openReport(report: ReportRecord): Promise<{ created: boolean; report: ReportRecord }> {
    // The text as it is now goes with the report: a later edit cannot hide what was reported.
    const result = this.sql(`INSERT INTO reports (comment_id, reporter_id, reason, note, created_at, body)
      VALUES (@commentId, @reporterId, @reason, @note, @createdAt, (SELECT body FROM comments WHERE id = @commentId))
      ON CONFLICT (comment_id, reporter_id) WHERE status = 'open' DO NOTHING`)
      .run({ commentId: report.commentId, reporterId: report.reporterId, reason: report.reason, note: report.note, createdAt: report.createdAt });
    if (result.changes === 1) return { created: true, report: (await this.findOpenReport(report.commentId, report.reporterId))! };
    return { created: false, report: (await this.findOpenReport(report.commentId, report.reporterId))! };
  }

  async closeReports(commentId: string, reporterId: string | null, closure: ReportClosure, now: string): Promise<void> {
    this.sql(`UPDATE reports SET status = @closure, closed_at = @now
      WHERE comment_id = @commentId AND status = 'open' AND (@reporterId IS NULL OR reporter_id = @reporterId)`)
      .run({ commentId, reporterId, closure, now });
  }

  async listPending(q: { after: Position | null; limit: number }): Promise<CommentRecord[]> {
    const keyset = q.after ? 'AND (c.created_at, c.id) > (@createdAt, @id)' : '';
    const rows = this.sql(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM}
      WHERE c.status = 'pending' ${keyset} ORDER BY c.created_at, c.id LIMIT @limit`)
      .all({ limit: q.limit, ...q.after }) as CommentRow[];
    return rows.map(toComment);
  }

  async listReportQueue(q: { after: QueuePosition | null; limit: number; order: QueueOrder }): Promise<Array<QueueEntry & { position: QueuePosition }>> {
    // Descending count as an ascending -count, so one row-value comparison carries the keyset.
    const [keyset, orderBy] = q.order === 'newest'
      ? ['HAVING (MAX(created_at), comment_id) < (@lastReportAt, @commentId)', 'last_at DESC, comment_id DESC']
      : ['HAVING (-COUNT(*), MIN(created_at), comment_id) > (-@openReports, @firstReportAt, @commentId)', 'n DESC, first_at ASC, comment_id ASC'];
    const heads = this.sql(`SELECT comment_id, COUNT(*) AS n, MIN(created_at) AS first_at, MAX(created_at) AS last_at FROM reports
      WHERE status = 'open' GROUP BY comment_id ${q.after ? keyset : ''} ORDER BY ${orderBy} LIMIT @limit`)
      .all({ limit: q.limit, ...q.after }) as Array<{ comment_id: string; n: number; first_at: string; last_at: string }>;
    const reportsOf = this.sql(`SELECT ${REPORT_COLUMNS} FROM reports WHERE comment_id = ? AND status = 'open' ORDER BY created_at, id`);
    const entries = [];
    for (const head of heads) {
      const comment = (await this.getComment(head.comment_id))!;
      const reports = (reportsOf.all(head.comment_id) as ReportRow[]).map(toReport);
      entries.push({ comment, reports, position: { openReports: head.n, firstReportAt: head.first_at, lastReportAt: head.last_at, commentId: head.comment_id } });
    }
    return entries;
  }

  async reopenReports(commentId: string): Promise<number> {
    return this.sql(`UPDATE reports SET status = 'open', closed_at = NULL
      WHERE comment_id = @commentId AND status IN ('dismissed', 'actioned')
        AND closed_at = (SELECT MAX(closed_at) FROM reports WHERE comment_id = @commentId AND status IN ('dismissed', 'actioned'))
        AND NOT EXISTS (SELECT 1 FROM reports o WHERE o.comment_id = @commentId AND o.reporter_id = reports.reporter_id AND o.status = 'open')`)
      .run({ commentId }).changes;
  }

  async searchComments(q: CommentSearch): Promise<CommentRecord[]> {
    // SQLite's LIKE folds ASCII case only, as the PostgreSQL store's lower() under COLLATE "C" does.
    const rows = this.sql(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM}
      WHERE (@status IS NULL OR c.status = @status) AND (@authorId IS NULL OR c.author_id = @authorId)
        AND (@pattern IS NULL OR c.body LIKE @pattern ESCAPE '\\' OR u.display_name LIKE @pattern ESCAPE '\\'
          OR u.id LIKE @pattern ESCAPE '\\')
        AND (@createdAt IS NULL OR (c.created_at, c.id) < (@createdAt, @id))
      ORDER BY c.created_at DESC, c.id DESC LIMIT @limit`)
      .all({
        status: q.status, authorId: q.authorId, pattern: q.text === null ? null : likePattern(q.text),
        createdAt: q.before?.createdAt ?? null, id: q.before?.id ?? null, limit: q.limit,
      }) as CommentRow[];
    return rows.map(toComment);
  }

  async countByStatus(authorId: string): Promise<Record<CommentStatus, number>> {
    const rows = this.sql('SELECT status, COUNT(*) AS n FROM comments WHERE author_id = ? GROUP BY status').all(authorId) as
      Array<{ status: CommentStatus; n: number }>;
    const counts: Record<CommentStatus, number> = { published: 0, pending: 0, removed: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async takeRateToken(bucket: string, rule: RateRule, nowMs: number): Promise<number> {
    return this.db.transaction((): number => {
      const row = this.sql('SELECT window_start, count FROM rate_windows WHERE bucket = ?').get(bucket) as
        | { window_start: number; count: number } | undefined;
      if (!row || row.window_start + rule.windowMs <= nowMs) {
        this.sql(`INSERT INTO rate_windows (bucket, window_start, count) VALUES (?, ?, 1)
          ON CONFLICT (bucket) DO UPDATE SET window_start = excluded.window_start, count = 1`).run(bucket, nowMs);
        return 0;
      }
      if (row.count < rule.limit) {
        this.sql('UPDATE rate_windows SET count = count + 1 WHERE bucket = ?').run(bucket);
        return 0;
      }
      return Math.max(1, Math.ceil((row.window_start + rule.windowMs - nowMs) / 1000));
    }).immediate();
  }

  async ping(): Promise<void> {
    this.sql('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.stopPolling();
    this.db.close();
  }
}
