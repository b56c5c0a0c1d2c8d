// The Store for several instances: PostgreSQL through node-postgres (`pg`). Everything that must
// hold across instances rests on the database's own guarantees — the idempotency key and the one
// open report are unique rows claimed with INSERT … ON CONFLICT, a rate window is one atomic
// upsert, users' standing and threads' status are read from their rows on every request — so no
// state that matters lives in a process. SQL text is constant; every value is a bound parameter
// (id lists as one text[] parameter).
import pg from 'pg';
import { ChangeFeed } from './change-feed.js';
import { migrate } from './pg-migrations.js';
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
  author_id: string; display_name: string; subscriber: boolean; staff: boolean;
}
interface UserRow {
  id: string; display_name: string; subscriber: boolean; staff: boolean; status: UserStatus; suspended_until: string | null;
}
interface ThreadRow { id: string; title: string; url: string; status: ThreadStatus; published_count: number }
interface ReportRow { comment_id: string; reporter_id: string; reason: ReportReason; note: string | null; created_at: string; body: string | null }

const COMMENT_COLUMNS = `c.id, c.thread_id, c.parent_id, c.root_id, c.body, c.status, c.created_at, c.edited_at,
  c.recommendation_count, c.featured_at, c.deleted_at, u.id AS author_id, u.display_name, u.subscriber, u.staff`;
const COMMENT_FROM = 'FROM comments c JOIN users u ON u.id = c.author_id';
const USER_COLUMNS = 'id, display_name, subscriber, staff, status, suspended_until';
const THREAD_COLUMNS = 'id, title, url, status, published_count';
const REPORT_COLUMNS = 'comment_id, reporter_id, reason, note, created_at, body';
// Pending comments exist only for their author; `$n` is the viewer's id ('' when signed out).
const visible = (alias: string, param: string): string => `(${alias}.status <> 'pending' OR ${alias}.author_id = ${param})`;

const toComment = (r: CommentRow): CommentRecord => ({
  id: r.id, threadId: r.thread_id, parentId: r.parent_id, rootId: r.root_id, body: r.body,
  status: r.status, createdAt: r.created_at, editedAt: r.edited_at,
  recommendations: r.recommendation_count, featuredAt: r.featured_at, deletedAt: r.deleted_at,
  author: { id: r.author_id, displayName: r.display_name, subscriber: r.subscriber, staff: r.staff },
});
const toUser = (r: UserRow): UserRecord => ({
  id: r.id, displayName: r.display_name, subscriber: r.subscriber, staff: r.staff, status: r.status, suspendedUntil: r.suspended_until,
});
const toThread = (r: ThreadRow): ThreadRecord => ({ id: r.id, title: r.title, url: r.url, status: r.status, commentCount: r.published_count });
const toReport = (r: ReportRow): ReportRecord => ({
  commentId: r.comment_id, reporterId: r.reporter_id, reason: r.reason, note: r.note, createdAt: r.created_at, body: r.body,
});

export interface PostgresOptions {
  /** Connections per instance: the database's max_connections shared by every instance. */
  poolMax?: number;
}

/** The URL as safe to print: its password replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = ''; // gone, not masked: nothing of it is printed
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');
  }
}

export const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//.test(value);

/** Waits between attempts to get the change feed's connection back: 0.5 s doubling to 15 s. */
const RELISTEN_MS = [500, 1000, 2000, 4000, 8000, 15_000];

export class PostgresStore implements Store {
  private readonly feed = new ChangeFeed();
  private listener: pg.Client | null = null;
  private relistenTimer: NodeJS.Timeout | null = null;
  private relistenAttempt = 0;
  private closed = false;
  private listening = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly channel: string,
  ) {}

  get watching(): boolean {
    return this.listening;
  }

  /** Connects, migrates (once, whoever starts first) and returns the store; rejects when unreachable. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolMax ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // A query that hangs holds a request and a connection hostage; no request needs this long.
      statement_timeout: 10_000,
      application_name: 'parley',
    });
    // An idle connection the server drops (restart, failover) must not crash the process; the
    // pool replaces it on the next query.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
      const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
      const store = new PostgresStore(pool, url, `parley:${rows[0]!.schema}`);
      await store.listen();
      return store;
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
  }

  watch(listener: ChangeListener): () => void {
    return this.feed.add(listener);
  }

  /**
   * One connection of its own LISTENs on the schema's channel. When it drops, the feed says
   * "every thread" and `watching` is false until it is back (retried with backoff), so a cache
   * built on it serves nothing it could not vouch for.
   */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000, application_name: 'parley-listen' });
    const lost = (): void => {
      if (this.listener !== client) return;
      this.listener = null;
      this.listening = false;
      client.end().catch(() => {});
      this.feed.emit(null);
      this.scheduleRelisten();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.feed.emit(message.payload ? message.payload : null);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.listener = client;
    this.listening = true;
    this.relistenAttempt = 0;
    // Whatever changed while nobody listened is unknown: everything may have.
    this.feed.emit(null);
  }

  private scheduleRelisten(): void {
    if (this.closed || this.relistenTimer) return;
    const wait = RELISTEN_MS[Math.min(this.relistenAttempt++, RELISTEN_MS.length - 1)]!;
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = null;
      this.listen().catch(() => this.scheduleRelisten());
    }, wait);
    this.relistenTimer.unref();
  }

  private async rows<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(text, values)).rows;
  }

  /** Runs `work` in one transaction on one connection. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async upsertUser(claims: UserClaims, now: string): Promise<UserRecord> {
    // One round trip; writes only when the claims changed, so a signed-in read stays a read.
    const rows = await this.rows<UserRow>(`WITH up AS (
        INSERT INTO users (id, display_name, subscriber, staff, updated_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, subscriber = excluded.subscriber,
          staff = excluded.staff, updated_at = excluded.updated_at
        WHERE users.display_name IS DISTINCT FROM excluded.display_name OR users.subscriber IS DISTINCT FROM excluded.subscriber
          OR users.staff IS DISTINCT FROM excluded.staff
        RETURNING ${USER_COLUMNS})
      SELECT * FROM up UNION ALL SELECT ${USER_COLUMNS} FROM users WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM up)`,
    [claims.id, claims.displayName, claims.subscriber, claims.staff, now]);
    // Empty only when another request inserted this user after this statement's snapshot was
    // taken (a new user's first requests, in parallel): that row is committed now.
    return rows[0] ? toUser(rows[0]) : (await this.getUser(claims.id))!;
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const [row] = await this.rows<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row ? toUser(row) : null;
  }

  async setUserStatus(id: string, status: UserStatus, suspendedUntil: string | null): Promise<UserRecord | null> {
    const [row] = await this.rows<UserRow>(`UPDATE users SET status = $2, suspended_until = $3 WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, status, suspendedUntil]);
    return row ? toUser(row) : null;
  }

  async getThread(id: string): Promise<ThreadRecord | null> {
    const [row] = await this.rows<ThreadRow>(`SELECT ${THREAD_COLUMNS} FROM threads WHERE id = $1`, [id]);
    return row ? toThread(row) : null;
  }

  async setThreadStatus(id: string, status: ThreadStatus): Promise<ThreadRecord | null> {
    const [row] = await this.rows<ThreadRow>(`UPDATE threads SET status = $2 WHERE id = $1 RETURNING ${THREAD_COLUMNS}`, [id, status]);
    return row ? toThread(row) : null;
  }

  async countPublished(threadIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.rows<{ id: string; published_count: number }>(
      'SELECT id, published_count FROM threads WHERE id = ANY($1::text[])', [threadIds]);
    const counts = new Map(threadIds.map((id) => [id, 0]));
    for (const row of rows) counts.set(row.id, row.published_count);
    return counts;
  }

  async listEvents(threadId: string, afterSeq: number, limit: number): Promise<EventRecord[]> {
    const rows = await this.rows<EventRow>(
      'SELECT seq::float8 AS seq, thread_id, kind, comment_id FROM events WHERE thread_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [threadId, afterSeq, limit]);
    return rows.map(toEvent);
  }

  async lastEventSeq(threadId: string): Promise<number> {
    const [row] = await this.rows<{ seq: number | null }>('SELECT MAX(seq)::float8 AS seq FROM events WHERE thread_id = $1', [threadId]);
    return row?.seq ?? 0;
  }

  async recordAudit(e: AuditRecord): Promise<void> {
    await this.pool.query('INSERT INTO audit_log (at, actor, action, target_type, target_id, detail) VALUES ($1, $2, $3, $4, $5, $6)',
      [e.at, e.actor, e.action, e.target.type, e.target.id, e.detail]);
  }

  async listAudit({ before, limit, target }: { before: number | null; limit: number; target?: AuditRecord['target'] }): Promise<Array<AuditRecord & { id: number }>> {
    const rows = await this.rows<AuditRow>(`SELECT id::float8 AS id, at, actor, action, target_type, target_id, detail FROM audit_log
      WHERE ($1::bigint IS NULL OR id < $1::bigint) AND ($3::text IS NULL OR (target_type = $3::text AND target_id = $4::text))
      ORDER BY id DESC LIMIT $2`, [before, limit, target?.type ?? null, target?.id ?? null]);
    return rows.map(toAudit);
  }

  async importBatch(batch: ImportBatch): Promise<ImportResult> {
    return this.transaction(async (client) => {
      const done: ImportResult = { threads: 0, users: 0, comments: 0, orphans: [] };
      for (const t of batch.threads) {
        done.threads += (await client.query(`INSERT INTO threads (id, title, url, status, created_at) VALUES ($1, $2, $3, $4, $5)
          ON CONFLICT (id) DO NOTHING`, [t.id, t.title, t.url, t.status, t.createdAt])).rowCount ?? 0;
      }
      for (const u of batch.users) {
        done.users += (await client.query('INSERT INTO users (id, display_name, updated_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
          [u.id, u.displayName, u.updatedAt])).rowCount ?? 0;
      }
      const created: string[] = [];
      for (const c of batch.comments) {
        // The root is the parent's (or the parent itself), read in the same statement; no parent
        // stored in the same thread: nothing is written, and the reply waits.
        const inserted = await client.query(`INSERT INTO comments (id, thread_id, parent_id, root_id, author_id, body, status, created_at)
          SELECT $1, $2, $3::text, p.root, $4, $5, $6, $7
          FROM (SELECT NULL::text AS root WHERE $3::text IS NULL
                UNION ALL SELECT COALESCE(root_id, id) FROM comments WHERE id = $3::text AND thread_id = $2) p
          ON CONFLICT (id) DO NOTHING RETURNING id`, [c.id, c.threadId, c.parentId, c.authorId, c.body, c.status, c.createdAt]);
        if (inserted.rowCount) {
          created.push(c.id);
          done.comments++;
        } else if (c.parentId !== null && !(await client.query('SELECT 1 FROM comments WHERE id = $1', [c.id])).rowCount) {
          done.orphans.push(c);
        }
      }
      // History is not news: no live event for what was imported.
      if (created.length) await client.query("DELETE FROM events WHERE kind = 'comment' AND comment_id = ANY($1::text[])", [created]);
      return done;
    });
  }

  async reassignAuthor(fromUserId: string, toUserId: string): Promise<number> {
    return this.transaction(async (client) => {
      // The user may not have signed in yet: they start with the imported name, which their first token replaces.
      await client.query(`INSERT INTO users (id, display_name, updated_at) SELECT $2, display_name, updated_at FROM users WHERE id = $1
        ON CONFLICT (id) DO NOTHING`, [fromUserId, toUserId]);
      return (await client.query('UPDATE comments SET author_id = $2 WHERE author_id = $1', [fromUserId, toUserId])).rowCount ?? 0;
    });
  }

  async exportRows(table: ExportTable, after: string | null, limit: number): Promise<Array<Record<string, unknown> & { key: string }>> {
    if (!EXPORT_TABLES.includes(table)) throw new Error(`no table ${table}`);
    const key = NUMBERED.has(table) ? "lpad(id::text, 20, '0')" : 'id';
    const columns = table === 'threads' ? 'id, title, url, status, created_at' : '*';
    return this.rows(`SELECT ${columns}, ${key} AS key FROM ${table} WHERE $1::text IS NULL OR ${key} > $1::text ORDER BY ${key} LIMIT $2`, [after, limit]);
  }

  async getComment(id: string): Promise<CommentRecord | null> {
    const [row] = await this.rows<CommentRow>(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM} WHERE c.id = $1`, [id]);
    return row ? toComment(row) : null;
  }

  async listTopLevel(q: { threadId: string; order: 'asc' | 'desc'; after: Position | null; limit: number; viewerId: string | null }): Promise<CommentRecord[]> {
    const direction = q.order === 'asc' ? 'ASC' : 'DESC';
    const values: unknown[] = [q.threadId, q.viewerId ?? '', q.limit];
    let keyset = '';
    if (q.after) {
      keyset = `AND (c.created_at, c.id) ${q.order === 'asc' ? '>' : '<'} ($4, $5)`;
      values.push(q.after.createdAt, q.after.id);
    }
    const rows = await this.rows<CommentRow>(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM}
      WHERE c.thread_id = $1 AND c.root_id IS NULL AND ${visible('c', '$2')} ${keyset}
      ORDER BY c.created_at ${direction}, c.id ${direction} LIMIT $3`, values);
    return rows.map(toComment);
  }

  async listTop(q: { threadId: string; snapshot: string; after: TopPosition | null; limit: number; viewerId: string | null }): Promise<Array<CommentRecord & { score: number }>> {
    // The count as of the snapshot is a fact no later write changes (docs/api.md, sort=top).
    const values: unknown[] = [q.threadId, q.viewerId ?? '', q.limit, q.snapshot];
    let keyset = '';
    if (q.after) {
      keyset = 'WHERE (score, created_at, id) < ($5::int, $6::text, $7::text)';
      values.push(q.after.score, q.after.createdAt, q.after.id);
    }
    const rows = await this.rows<CommentRow & { score: number }>(`SELECT * FROM (SELECT ${COMMENT_COLUMNS},
        (SELECT COUNT(*)::int FROM recommendations r WHERE r.comment_id = c.id AND r.created_at < $4
          AND (r.removed_at IS NULL OR r.removed_at >= $4)) AS score
      ${COMMENT_FROM}
      WHERE c.thread_id = $1 AND c.root_id IS NULL AND c.created_at < $4 AND ${visible('c', '$2')}) t ${keyset}
      ORDER BY score DESC, created_at DESC, id DESC LIMIT $3`, values);
    return rows.map((r) => ({ ...toComment(r), score: r.score }));
  }

  async listFeatured(threadId: string, limit: number): Promise<CommentRecord[]> {
    const rows = await this.rows<CommentRow>(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM}
      WHERE c.thread_id = $1 AND c.featured_at IS NOT NULL AND c.status = 'published' ORDER BY c.featured_at DESC, c.id DESC LIMIT $2`,
    [threadId, limit]);
    return rows.map(toComment);
  }

  async recommendedBy(viewerId: string, commentIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.rows<{ comment_id: string }>(`SELECT comment_id FROM recommendations
      WHERE user_id = $1 AND removed_at IS NULL AND comment_id = ANY($2::text[])`, [viewerId, commentIds]);
    return new Set(rows.map((r) => r.comment_id));
  }

  async setRecommendation(commentId: string, userId: string, on: boolean, now: string): Promise<{ changed: boolean; recommendations: number }> {
    // The partial unique index decides a race between instances: one row stands, the other is a no-op.
    return this.transaction(async (client) => {
      const changed = on
        ? await client.query(`INSERT INTO recommendations (comment_id, user_id, created_at) VALUES ($1, $2, $3)
            ON CONFLICT (comment_id, user_id) WHERE removed_at IS NULL DO NOTHING`, [commentId, userId, now])
        : await client.query('UPDATE recommendations SET removed_at = $3 WHERE comment_id = $1 AND user_id = $2 AND removed_at IS NULL',
          [commentId, userId, now]);
      const { rows } = await client.query<{ n: number }>('SELECT recommendation_count AS n FROM comments WHERE id = $1', [commentId]);
      return { changed: (changed.rowCount ?? 0) > 0, recommendations: rows[0]!.n };
    });
  }

  async editComment(id: string, body: string, now: string): Promise<CommentRecord | null> {
    await this.transaction(async (client) => {
      await client.query('INSERT INTO comment_revisions (comment_id, body, replaced_at) SELECT id, body, $2 FROM comments WHERE id = $1', [id, now]);
      await client.query('UPDATE comments SET body = $2, edited_at = $3 WHERE id = $1', [id, body, now]);
    });
    return this.getComment(id);
  }

  async deleteByAuthor(id: string, now: string): Promise<CommentRecord | null> {
    await this.rows("UPDATE comments SET status = 'removed', deleted_at = $2, featured_at = NULL WHERE id = $1 AND deleted_at IS NULL", [id, now]);
    return this.getComment(id);
  }

  async setFeatured(id: string, at: string | null): Promise<CommentRecord | null> {
    await this.rows('UPDATE comments SET featured_at = $2 WHERE id = $1', [id, at]);
    return this.getComment(id);
  }

  async listReplies(q: { rootId: string; after: Position | null; limit: number; viewerId: string | null }): Promise<CommentRecord[]> {
    const values: unknown[] = [q.rootId, q.viewerId ?? '', q.limit];
    let keyset = '';
    if (q.after) {
      keyset = 'AND (c.created_at, c.id) > ($4, $5)';
      values.push(q.after.createdAt, q.after.id);
    }
    const rows = await this.rows<CommentRow>(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM}
      WHERE c.root_id = $1 AND ${visible('c', '$2')} ${keyset} ORDER BY c.created_at, c.id LIMIT $3`, values);
    return rows.map(toComment);
  }

  async summarizeReplies(rootIds: readonly string[], viewerId: string | null, inline: number): Promise<Map<string, ReplySummary>> {
    const summaries = new Map<string, ReplySummary>(rootIds.map((id) => [id, { count: 0, first: [] }]));
    // One query for the whole page: each conversation's size and its first replies (a LIMIT per
    // root through LATERAL, each walking only the conversation index).
    const rows = await this.rows<CommentRow & { root: string; n: number }>(`SELECT j.root, s.n, ${COMMENT_COLUMNS}
      FROM unnest($1::text[]) AS j(root)
      CROSS JOIN LATERAL (SELECT COUNT(*)::int AS n FROM comments x WHERE x.root_id = j.root AND ${visible('x', '$2')}) s
      LEFT JOIN LATERAL (SELECT x.* FROM comments x WHERE x.root_id = j.root AND ${visible('x', '$2')}
        ORDER BY x.created_at, x.id LIMIT $3) c ON true
      LEFT JOIN users u ON u.id = c.author_id
      WHERE s.n > 0
      ORDER BY c.created_at, c.id`, [rootIds, viewerId ?? '', inline]);
    for (const row of rows) {
      const summary = summaries.get(row.root)!;
      summary.count = row.n;
      if (row.id !== null) summary.first.push(toComment(row));
    }
    return summaries;
  }

  async reportedBy(viewerId: string, commentIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.rows<{ comment_id: string }>(`SELECT comment_id FROM reports
      WHERE status = 'open' AND reporter_id = $1 AND comment_id = ANY($2::text[])`, [viewerId, commentIds]);
    return new Set(rows.map((r) => r.comment_id));
  }

  async findByIdempotencyKey(userId: string, key: string, since: string): Promise<CommentRecord | null> {
    const [row] = await this.rows<{ comment_id: string }>(
      'SELECT comment_id FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND created_at >= $3', [userId, key, since]);
    return row ? this.getComment(row.comment_id) : null;
  }

  async createComment(input: NewCommentRecord): Promise<CommentRecord> {
    const { idempotency } = input;
    const id = await this.transaction(async (client): Promise<string> => {
      if (idempotency !== null) {
        // An expired key is free again. Then the key is claimed: a second instance racing with
        // the same key waits here for the first to commit, then finds the key taken.
        await client.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND created_at < $3',
          [input.authorId, idempotency.key, idempotency.since]);
        const claimed = await client.query(`INSERT INTO idempotency_keys (user_id, key, comment_id, created_at)
          VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, key) DO NOTHING`, [input.authorId, idempotency.key, input.id, input.createdAt]);
        if (claimed.rowCount === 0) {
          const first = await client.query<{ comment_id: string }>(
            'SELECT comment_id FROM idempotency_keys WHERE user_id = $1 AND key = $2', [input.authorId, idempotency.key]);
          return first.rows[0]!.comment_id;
        }
      }
      // Thread metadata arrives with posts; keep the first values, fill in what was missing.
      await client.query(`INSERT INTO threads (id, title, url, created_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (id) DO UPDATE SET
          title = CASE WHEN threads.title = '' THEN excluded.title ELSE threads.title END,
          url = CASE WHEN threads.url = '' THEN excluded.url ELSE threads.url END
        WHERE threads.title = '' OR threads.url = ''`, [input.thread.id, input.thread.title, input.thread.url, input.createdAt]);
      await client.query(`INSERT INTO comments (id, thread_id, parent_id, root_id, author_id, body, status, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [input.id, input.thread.id, input.parentId, input.rootId, input.authorId, input.body, input.status, input.createdAt]);
      return input.id;
    });
    return (await this.getComment(id))!;
  }

  async setCommentStatus(id: string, status: CommentStatus): Promise<CommentRecord | null> {
    await this.rows('UPDATE comments SET status = $2 WHERE id = $1', [id, status]);
    return this.getComment(id);
  }

  async findOpenReport(commentId: string, reporterId: string): Promise<ReportRecord | null> {
    const [row] = await this.rows<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports
      WHERE comment_id = $1 AND reporter_id = $2 AND status = 'open'`, [commentId, reporterId]);
    return row ? toReport(row) : null;
  }

  async openReport(report: ReportRecord): Promise<{ created: boolean; report: ReportRecord }> {
    // The text as it is now goes with the report: a later edit cannot hide what was reported.
    const inserted = await this.pool.query(`INSERT INTO reports (comment_id, reporter_id, reason, note, created_at, body)
      VALUES ($1, $2, $3, $4, $5, (SELECT body FROM comments WHERE id = $1))
      ON CONFLICT (comment_id, reporter_id) WHERE status = 'open' DO NOTHING`,
    [report.commentId, report.reporterId, report.reason, report.note, report.createdAt]);
    if (inserted.rowCount === 1) return { created: true, report: (await this.findOpenReport(report.commentId, report.reporterId))! };
    return { created: false, report: (await this.findOpenReport(report.commentId, report.reporterId))! };
  }

  async closeReports(commentId: string, reporterId: string | null, closure: ReportClosure, now: string): Promise<void> {
    await this.rows(`UPDATE reports SET status = $3, closed_at = $4
      WHERE comment_id = $1 AND status = 'open' AND ($2::text IS NULL OR reporter_id = $2)`, [commentId, reporterId, closure, now]);
  }

  async listPending(q: { after: Position | null; limit: number }): Promise<CommentRecord[]> {
    const values: unknown[] = [q.limit];
    let keyset = '';
    if (q.after) {
      keyset = 'AND (c.created_at, c.id) > ($2, $3)';
      values.push(q.after.createdAt, q.after.id);
    }
    const rows = await this.rows<CommentRow>(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM}
      WHERE c.status = 'pending' ${keyset} ORDER BY c.created_at, c.id LIMIT $1`, values);
    return rows.map(toComment);
  }

  async listReportQueue(q: { after: QueuePosition | null; limit: number; order: QueueOrder }): Promise<Array<QueueEntry & { position: QueuePosition }>> {
    const values: unknown[] = [q.limit];
    let keyset = '';
    if (q.after && q.order === 'newest') {
      keyset = 'HAVING (MAX(created_at), comment_id) < ($2::text COLLATE "C", $3::text COLLATE "C")';
      values.push(q.after.lastReportAt, q.after.commentId);
    } else if (q.after) {
      // Descending count as an ascending -count, so one row comparison carries the keyset.
      keyset = 'HAVING (-COUNT(*)::int, MIN(created_at), comment_id) > (-$2::int, $3::text, $4::text)';
      values.push(q.after.openReports, q.after.firstReportAt, q.after.commentId);
    }
    const orderBy = q.order === 'newest' ? 'last_at DESC, comment_id DESC' : 'n DESC, first_at ASC, comment_id ASC';
    const heads = await this.rows<{ comment_id: string; n: number; first_at: string; last_at: string }>(`SELECT comment_id, COUNT(*)::int AS n,
      MIN(created_at) AS first_at, MAX(created_at) AS last_at FROM reports WHERE status = 'open'
      GROUP BY comment_id ${keyset} ORDER BY ${orderBy} LIMIT $1`, values);
    if (heads.length === 0) return [];
    const ids = heads.map((h) => h.comment_id);
    const [comments, reports] = await Promise.all([
      this.rows<CommentRow>(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM} WHERE c.id = ANY($1::text[])`, [ids]),
      this.rows<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports WHERE comment_id = ANY($1::text[]) AND status = 'open'
        ORDER BY created_at, id`, [ids]),
    ]);
    const byId = new Map(comments.map((row) => [row.id, toComment(row)]));
    return heads.map((head) => ({
      comment: byId.get(head.comment_id)!,
      reports: reports.filter((r) => r.comment_id === head.comment_id).map(toReport),
      position: { openReports: head.n, firstReportAt: head.first_at, lastReportAt: head.last_at, commentId: head.comment_id },
    }));
  }

  async reopenReports(commentId: string): Promise<number> {
    const result = await this.pool.query(`UPDATE reports r SET status = 'open', closed_at = NULL
      WHERE r.comment_id = $1 AND r.status IN ('dismissed', 'actioned')
        AND r.closed_at = (SELECT MAX(closed_at) FROM reports WHERE comment_id = $1 AND status IN ('dismissed', 'actioned'))
        AND NOT EXISTS (SELECT 1 FROM reports o WHERE o.comment_id = $1 AND o.reporter_id = r.reporter_id AND o.status = 'open')`,
    [commentId]);
    return result.rowCount ?? 0;
  }

  async searchComments(q: CommentSearch): Promise<CommentRecord[]> {
    // lower() under COLLATE "C" folds ASCII only, as SQLite's LIKE does: both stores find the same.
    const like = (column: string): string => `lower(${column} COLLATE "C") LIKE lower($3::text COLLATE "C") ESCAPE '\\'`;
    const rows = await this.rows<CommentRow>(`SELECT ${COMMENT_COLUMNS} ${COMMENT_FROM}
      WHERE ($1::text IS NULL OR c.status = $1::text) AND ($2::text IS NULL OR c.author_id = $2::text)
        AND ($3::text IS NULL OR ${like('c.body')} OR ${like('u.display_name')} OR ${like('u.id')})
        AND ($4::text IS NULL OR (c.created_at, c.id) < ($4::text COLLATE "C", $5::text COLLATE "C"))
      ORDER BY c.created_at DESC, c.id DESC LIMIT $6`,
    [q.status, q.authorId, q.text === null ? null : likePattern(q.text), q.before?.createdAt ?? null, q.before?.id ?? null, q.limit]);
    return rows.map(toComment);
  }

  async countByStatus(authorId: string): Promise<Record<CommentStatus, number>> {
    const rows = await this.rows<{ status: CommentStatus; n: number }>(
      'SELECT status, COUNT(*)::int AS n FROM comments WHERE author_id = $1 GROUP BY status', [authorId]);
    const counts: Record<CommentStatus, number> = { published: 0, pending: 0, removed: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async takeRateToken(bucket: string, rule: RateRule, nowMs: number): Promise<number> {
    // One atomic statement per action, whichever instance takes it: a window that has run out
    // starts again at 1, else the count goes up; a count past the limit is refused.
    const [row] = await this.rows<{ window_start: string; count: number }>(`INSERT INTO rate_windows (bucket, window_start, count)
      VALUES ($1, $2, 1)
      ON CONFLICT (bucket) DO UPDATE SET
        window_start = CASE WHEN rate_windows.window_start + $3 <= $2 THEN $2 ELSE rate_windows.window_start END,
        count = CASE WHEN rate_windows.window_start + $3 <= $2 THEN 1 ELSE rate_windows.count + 1 END
      RETURNING window_start, count`, [bucket, nowMs, rule.windowMs]);
    if (row!.count <= rule.limit) return 0;
    return Math.max(1, Math.ceil((Number(row!.window_start) + rule.windowMs - nowMs) / 1000));
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.relistenTimer) clearTimeout(this.relistenTimer);
    const listener = this.listener;
    this.listener = null;
    this.listening = false;
    await listener?.end().catch(() => {});
    await this.pool.end();
  }
}
