// Schema migrations for the SQLite store, applied in order on start. Append; never edit a
// migration that has shipped: databases on disk have already run it.
import type Database from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    subscriber INTEGER NOT NULL DEFAULT 0,
    staff INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'banned', 'suspended')),
    suspended_until TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL
  );
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES threads(id),
    parent_id TEXT REFERENCES comments(id),
    root_id TEXT REFERENCES comments(id),
    author_id TEXT NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('published', 'pending', 'removed')),
    created_at TEXT NOT NULL,
    edited_at TEXT
  );
  -- Keyset paging: top-level comments of a thread, and the conversation under one comment.
  CREATE INDEX comments_top_level ON comments (thread_id, created_at, id) WHERE root_id IS NULL;
  CREATE INDEX comments_conversation ON comments (root_id, created_at, id) WHERE root_id IS NOT NULL;
  CREATE INDEX comments_thread_status ON comments (thread_id, status);
  CREATE TABLE idempotency_keys (
    user_id TEXT NOT NULL,
    key TEXT NOT NULL,
    comment_id TEXT NOT NULL REFERENCES comments(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
  );
  CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
  CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    comment_id TEXT NOT NULL REFERENCES comments(id),
    reporter_id TEXT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'withdrawn', 'dismissed', 'actioned')),
    closed_at TEXT
  );
  -- One open report per user per comment, enforced by the database, not only by the code.
  CREATE UNIQUE INDEX reports_one_open ON reports (comment_id, reporter_id) WHERE status = 'open';
  CREATE INDEX reports_open ON reports (status, comment_id);
  CREATE TABLE rate_windows (
    bucket TEXT PRIMARY KEY,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL
  );
  `,
  // Published counts kept on the thread by triggers: the thread GET reads one row instead of
  // counting a thread's comments on every request.
  `
  ALTER TABLE threads ADD COLUMN published_count INTEGER NOT NULL DEFAULT 0;
  UPDATE threads SET published_count =
    (SELECT COUNT(*) FROM comments c WHERE c.thread_id = threads.id AND c.status = 'published');
  CREATE TRIGGER comments_published_insert AFTER INSERT ON comments WHEN NEW.status = 'published'
  BEGIN
    UPDATE threads SET published_count = published_count + 1 WHERE id = NEW.thread_id;
  END;
  CREATE TRIGGER comments_published_update AFTER UPDATE OF status ON comments
    WHEN (OLD.status = 'published') <> (NEW.status = 'published')
  BEGIN
    UPDATE threads SET published_count = published_count + (CASE WHEN NEW.status = 'published' THEN 1 ELSE -1 END)
      WHERE id = NEW.thread_id;
  END;
  CREATE TRIGGER comments_published_delete AFTER DELETE ON comments WHEN OLD.status = 'published'
  BEGIN
    UPDATE threads SET published_count = published_count - 1 WHERE id = OLD.thread_id;
  END;
  DROP INDEX comments_thread_status;
  `,
  // The premoderation queue: pending comments, oldest first.
  `
  CREATE INDEX comments_pending ON comments (created_at, id) WHERE status = 'pending';
  `,
  // The live event log (GET /events): what readers with the thread open are told, written by
  // the database itself in the transaction that makes the change, so every path (the API, the
  // moderation CLI, another instance) is logged, and a stream resumes exactly by seq.
  `
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('comment', 'removed', 'thread')),
    comment_id TEXT
  );
  CREATE INDEX events_thread ON events (thread_id, seq);
  CREATE TRIGGER events_comment_insert AFTER INSERT ON comments WHEN NEW.status = 'published'
  BEGIN
    INSERT INTO events (thread_id, kind, comment_id) VALUES (NEW.thread_id, 'comment', NEW.id);
  END;
  CREATE TRIGGER events_comment_status AFTER UPDATE OF status ON comments
    WHEN OLD.status <> NEW.status AND (NEW.status = 'published' OR OLD.status = 'published')
  BEGIN
    INSERT INTO events (thread_id, kind, comment_id)
      VALUES (NEW.thread_id, CASE WHEN NEW.status = 'published' THEN 'comment' ELSE 'removed' END, NEW.id);
  END;
  CREATE TRIGGER events_thread_status AFTER UPDATE OF status ON threads WHEN OLD.status <> NEW.status
  BEGIN
    INSERT INTO events (thread_id, kind, comment_id) VALUES (NEW.id, 'thread', NULL);
  END;
  `,
  // Who did what when (GET /admin/audit): every moderation action, through the API or the CLI.
  `
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    detail TEXT
  );
  `,
  // #16: recommendations as rows with a lifetime (sort=top reads the counts as of a snapshot:
  // docs/api.md), a kept count on the comment for display, featuring, an author's deletion,
  // the texts an edit replaced, the text each report was made against, and an edit of a
  // published comment as a live `comment` event.
  `
  CREATE TABLE recommendations (
    id INTEGER PRIMARY KEY,
    comment_id TEXT NOT NULL REFERENCES comments(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    removed_at TEXT
  );
  -- One standing recommendation per reader per comment, enforced by the database.
  CREATE UNIQUE INDEX recommendations_one_standing ON recommendations (comment_id, user_id) WHERE removed_at IS NULL;
  CREATE INDEX recommendations_comment ON recommendations (comment_id, created_at);
  ALTER TABLE comments ADD COLUMN recommendation_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE comments ADD COLUMN featured_at TEXT;
  ALTER TABLE comments ADD COLUMN deleted_at TEXT;
  CREATE INDEX comments_featured ON comments (thread_id, featured_at) WHERE featured_at IS NOT NULL;
  CREATE TRIGGER recommendations_count_insert AFTER INSERT ON recommendations WHEN NEW.removed_at IS NULL
  BEGIN
    UPDATE comments SET recommendation_count = recommendation_count + 1 WHERE id = NEW.comment_id;
  END;
  CREATE TRIGGER recommendations_count_remove AFTER UPDATE OF removed_at ON recommendations
    WHEN OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL
  BEGIN
    UPDATE comments SET recommendation_count = recommendation_count - 1 WHERE id = NEW.comment_id;
  END;
  CREATE TABLE comment_revisions (
    id INTEGER PRIMARY KEY,
    comment_id TEXT NOT NULL REFERENCES comments(id),
    body TEXT NOT NULL,
    replaced_at TEXT NOT NULL
  );
  CREATE INDEX comment_revisions_comment ON comment_revisions (comment_id, id);
  ALTER TABLE reports ADD COLUMN body TEXT;
  CREATE TRIGGER events_comment_edit AFTER UPDATE OF body ON comments
    WHEN OLD.status = 'published' AND NEW.status = 'published' AND OLD.body <> NEW.body
  BEGIN
    INSERT INTO events (thread_id, kind, comment_id) VALUES (NEW.thread_id, 'comment', NEW.id);
  END;
  `,
];

/** Brings the schema up to date inside one transaction per migration. */
export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number };
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (version <= applied.v) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
    })();
  });
}
