// Schema migrations for the PostgreSQL store, applied in order on start. Append; never edit a
// migration that has shipped. The tables mirror sqlite-migrations.ts so both stores answer alike:
// times are ISO 8601 text (`toISOString()`, so text order is time order) and every key column is
// COLLATE "C" (byte order, as SQLite compares), which keeps keyset cursors identical across stores.
import type { PoolClient } from 'pg';

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT COLLATE "C" PRIMARY KEY,
    display_name TEXT NOT NULL,
    subscriber BOOLEAN NOT NULL DEFAULT false,
    staff BOOLEAN NOT NULL DEFAULT false,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'banned', 'suspended')),
    suspended_until TEXT COLLATE "C",
    updated_at TEXT NOT NULL
  );
  CREATE TABLE threads (
    id TEXT COLLATE "C" PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL,
    -- Kept by the triggers below: the thread GET reads one row instead of counting.
    published_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE comments (
    id TEXT COLLATE "C" PRIMARY KEY,
    thread_id TEXT COLLATE "C" NOT NULL REFERENCES threads(id),
    parent_id TEXT COLLATE "C" REFERENCES comments(id),
    root_id TEXT COLLATE "C" REFERENCES comments(id),
    author_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('published', 'pending', 'removed')),
    created_at TEXT COLLATE "C" NOT NULL,
    edited_at TEXT
  );
  CREATE INDEX comments_top_level ON comments (thread_id, created_at, id) WHERE root_id IS NULL;
  CREATE INDEX comments_conversation ON comments (root_id, created_at, id) WHERE root_id IS NOT NULL;
  CREATE INDEX comments_pending ON comments (created_at, id) WHERE status = 'pending';
  CREATE TABLE idempotency_keys (
    user_id TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    -- Deferred: the key is claimed first (the unique row every instance races for), the
    -- comment it names is written next in the same transaction.
    comment_id TEXT COLLATE "C" NOT NULL REFERENCES comments(id) DEFERRABLE INITIALLY DEFERRED,
    created_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, key)
  );
  CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
  CREATE TABLE reports (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id TEXT COLLATE "C" NOT NULL REFERENCES comments(id),
    reporter_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    note TEXT,
    created_at TEXT COLLATE "C" NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'withdrawn', 'dismissed', 'actioned')),
    closed_at TEXT
  );
  -- One open report per user per comment, enforced by the database for every instance.
  CREATE UNIQUE INDEX reports_one_open ON reports (comment_id, reporter_id) WHERE status = 'open';
  CREATE INDEX reports_open ON reports (status, comment_id);
  CREATE TABLE rate_windows (
    bucket TEXT COLLATE "C" PRIMARY KEY,
    window_start BIGINT NOT NULL,
    count INTEGER NOT NULL
  );

  CREATE FUNCTION parley_count_published() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' AND NEW.status = 'published' THEN
      UPDATE threads SET published_count = published_count + 1 WHERE id = NEW.thread_id;
    ELSIF TG_OP = 'UPDATE' AND (OLD.status = 'published') <> (NEW.status = 'published') THEN
      UPDATE threads SET published_count = published_count + (CASE WHEN NEW.status = 'published' THEN 1 ELSE -1 END)
        WHERE id = NEW.thread_id;
    ELSIF TG_OP = 'DELETE' AND OLD.status = 'published' THEN
      UPDATE threads SET published_count = published_count - 1 WHERE id = OLD.thread_id;
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER comments_published AFTER INSERT OR UPDATE OF status OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION parley_count_published();
  `,
  // The change feed (Store.watch): every committed change a signed-out page could show is told
  // to every instance LISTENing on this schema's channel, with the thread's id ('' for "every
  // thread": a renamed user, new badges). NOTIFY is sent at commit, once per payload.
  `
  CREATE FUNCTION parley_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    thread TEXT;
  BEGIN
    IF TG_TABLE_NAME = 'comments' THEN
      thread := CASE WHEN TG_OP = 'DELETE' THEN OLD.thread_id ELSE NEW.thread_id END;
    ELSIF TG_TABLE_NAME = 'threads' THEN
      thread := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    ELSE
      thread := '';
    END IF;
    PERFORM pg_notify('parley:' || TG_TABLE_SCHEMA, thread);
    RETURN NULL;
  END $$;
  CREATE TRIGGER comments_changed AFTER INSERT OR UPDATE OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION parley_notify_change();
  CREATE TRIGGER threads_changed AFTER INSERT OR UPDATE OR DELETE ON threads
    FOR EACH ROW EXECUTE FUNCTION parley_notify_change();
  CREATE TRIGGER users_shown_changed AFTER UPDATE OF display_name, subscriber, staff ON users
    FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.subscriber IS DISTINCT FROM NEW.subscriber
      OR OLD.staff IS DISTINCT FROM NEW.staff)
    EXECUTE FUNCTION parley_notify_change();
  `,
  // The live event log (GET /events), as in sqlite-migrations.ts. An identity is handed out when
  // a row is inserted, not when it commits, so two writers to one thread could commit out of
  // order and a reader that has seen seq 11 would never see 10. Each writer therefore takes a
  // lock on the thread (held to its commit) before taking a seq: within a thread, seq order is
  // commit order, which is all a stream (one thread) needs. (Migration 4 replaces the lock.)
  `
  CREATE TABLE events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    thread_id TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('comment', 'removed', 'thread')),
    comment_id TEXT COLLATE "C"
  );
  CREATE INDEX events_thread ON events (thread_id, seq);
  CREATE FUNCTION parley_log_event() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    thread TEXT;
    kind TEXT;
    comment TEXT;
  BEGIN
    IF TG_TABLE_NAME = 'threads' THEN
      IF TG_OP <> 'UPDATE' OR OLD.status = NEW.status THEN RETURN NULL; END IF;
      thread := NEW.id; kind := 'thread'; comment := NULL;
    ELSE
      IF TG_OP = 'INSERT' AND NEW.status = 'published' THEN
        kind := 'comment';
      ELSIF TG_OP = 'UPDATE' AND OLD.status <> NEW.status AND NEW.status = 'published' THEN
        kind := 'comment';
      ELSIF TG_OP = 'UPDATE' AND OLD.status = 'published' AND NEW.status <> 'published' THEN
        kind := 'removed';
      ELSE
        RETURN NULL;
      END IF;
      thread := NEW.thread_id; comment := NEW.id;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('parley:events:' || TG_TABLE_SCHEMA), hashtext(thread));
    INSERT INTO events (thread_id, kind, comment_id) VALUES (thread, kind, comment);
    RETURN NULL;
  END $$;
  CREATE TRIGGER comments_events AFTER INSERT OR UPDATE OF status ON comments
    FOR EACH ROW EXECUTE FUNCTION parley_log_event();
  CREATE TRIGGER threads_events AFTER UPDATE OF status ON threads
    FOR EACH ROW EXECUTE FUNCTION parley_log_event();
  `,
  // The event trigger serialises writers on the thread's row instead of an advisory lock. The
  // count trigger (which fires after it: triggers fire in name order) and posting's thread upsert
  // both take that row lock; an advisory lock taken in between made a removal and a post to the
  // same thread wait on each other (deadlock). One lock, always first: the thread's row.
  `
  CREATE OR REPLACE FUNCTION parley_log_event() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    thread TEXT;
    kind TEXT;
    comment TEXT;
  BEGIN
    IF TG_TABLE_NAME = 'threads' THEN
      -- The UPDATE holds this row already: the seq below is taken under it.
      IF TG_OP <> 'UPDATE' OR OLD.status = NEW.status THEN RETURN NULL; END IF;
      thread := NEW.id; kind := 'thread'; comment := NULL;
    ELSE
      IF TG_OP = 'INSERT' AND NEW.status = 'published' THEN
        kind := 'comment';
      ELSIF TG_OP = 'UPDATE' AND OLD.status <> NEW.status AND NEW.status = 'published' THEN
        kind := 'comment';
      ELSIF TG_OP = 'UPDATE' AND OLD.status = 'published' AND NEW.status <> 'published' THEN
        kind := 'removed';
      ELSE
        RETURN NULL;
      END IF;
      thread := NEW.thread_id; comment := NEW.id;
      PERFORM 1 FROM threads WHERE id = thread FOR NO KEY UPDATE;
    END IF;
    INSERT INTO events (thread_id, kind, comment_id) VALUES (thread, kind, comment);
    RETURN NULL;
  END $$;
  `,
  // Who did what when (GET /admin/audit), as in sqlite-migrations.ts.
  `
  CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT COLLATE "C" NOT NULL,
    detail TEXT
  );
  `,
  // #16, as in sqlite-migrations.ts. The count trigger's UPDATE of comments fires the change
  // feed's trigger (signed-out pages show the count); an edit of a published comment is logged
  // as a `comment` event under the same thread-row lock as every other event.
  `
  CREATE TABLE recommendations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id TEXT COLLATE "C" NOT NULL REFERENCES comments(id),
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
    created_at TEXT COLLATE "C" NOT NULL,
    removed_at TEXT COLLATE "C"
  );
  CREATE UNIQUE INDEX recommendations_one_standing ON recommendations (comment_id, user_id) WHERE removed_at IS NULL;
  CREATE INDEX recommendations_comment ON recommendations (comment_id, created_at);
  ALTER TABLE comments ADD COLUMN recommendation_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE comments ADD COLUMN featured_at TEXT COLLATE "C";
  ALTER TABLE comments ADD COLUMN deleted_at TEXT COLLATE "C";
  CREATE INDEX comments_featured ON comments (thread_id, featured_at) WHERE featured_at IS NOT NULL;
  CREATE FUNCTION parley_count_recommendations() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' AND NEW.removed_at IS NULL THEN
      UPDATE comments SET recommendation_count = recommendation_count + 1 WHERE id = NEW.comment_id;
    ELSIF TG_OP = 'UPDATE' AND OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL THEN
      UPDATE comments SET recommendation_count = recommendation_count - 1 WHERE id = NEW.comment_id;
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER recommendations_count AFTER INSERT OR UPDATE OF removed_at ON recommendations
    FOR EACH ROW EXECUTE FUNCTION parley_count_recommendations();
  CREATE TABLE comment_revisions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id TEXT COLLATE "C" NOT NULL REFERENCES comments(id),
    body TEXT NOT NULL,
    replaced_at TEXT NOT NULL
  );
  CREATE INDEX comment_revisions_comment ON comment_revisions (comment_id, id);
  ALTER TABLE reports ADD COLUMN body TEXT;
  CREATE OR REPLACE FUNCTION parley_log_event() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    thread TEXT;
    kind TEXT;
    comment TEXT;
  BEGIN
    IF TG_TABLE_NAME = 'threads' THEN
      IF TG_OP <> 'UPDATE' OR OLD.status = NEW.status THEN RETURN NULL; END IF;
      thread := NEW.id; kind := 'thread'; comment := NULL;
    ELSE
      IF TG_OP = 'INSERT' AND NEW.status = 'published' THEN
        kind := 'comment';
      ELSIF TG_OP = 'UPDATE' AND OLD.status <> NEW.status AND NEW.status = 'published' THEN
        kind := 'comment';
      ELSIF TG_OP = 'UPDATE' AND OLD.status = 'published' AND NEW.status <> 'published' THEN
        kind := 'removed';
      ELSIF TG_OP = 'UPDATE' AND OLD.status = 'published' AND NEW.status = 'published' AND OLD.body <> NEW.body THEN
        kind := 'comment';
      ELSE
        RETURN NULL;
      END IF;
      thread := NEW.thread_id; comment := NEW.id;
      PERFORM 1 FROM threads WHERE id = thread FOR NO KEY UPDATE;
    END IF;
    INSERT INTO events (thread_id, kind, comment_id) VALUES (thread, kind, comment);
    RETURN NULL;
  END $$;
  DROP TRIGGER comments_events ON comments;
  CREATE TRIGGER comments_events AFTER INSERT OR UPDATE OF status, body ON comments
    FOR EACH ROW EXECUTE FUNCTION parley_log_event();
  `,
];

/**
 * Brings the schema (the connection's search_path) up to date in one transaction, under an
 * advisory lock taken for that schema: instances starting together wait for one another, and
 * the second finds nothing left to do.
 */
export async function migrate(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('parley:migrate:' || current_schema()))");
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const { rows } = await client.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations');
    const applied = rows[0]!.v;
    for (const [index, sql] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (version <= applied) continue;
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** How many migrations exist: what a fully migrated schema has applied. */
export const MIGRATION_COUNT = MIGRATIONS.length;
