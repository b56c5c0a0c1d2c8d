// What only the PostgreSQL store has to prove beyond the shared contract suite: migrations taken
// once by instances starting together, cursors that page exactly as SQLite's do, and a clear
// refusal to start when the database cannot be reached. Runs in the PostgreSQL pass of the suite.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { decodePosition, paginate } from '../../server/cursor.js';
import { openStore } from '../../server/open-store.js';
import { MIGRATION_COUNT } from '../../server/pg-migrations.js';
import { PostgresStore, redactUrl } from '../../server/pg-store.js';
import { SqliteStore } from '../../server/sqlite-store.js';
import type { Position, Store } from '../../server/store.js';
import { scratchDatabase, TEST_STORE, type ScratchDatabase } from './harness.js';

const skip = TEST_STORE !== 'postgres' && 'runs in the PostgreSQL pass (PARLEY_TEST_STORE=postgres)';

describe('PostgreSQL store', { skip }, () => {
  let database: ScratchDatabase;
  before(async () => (database = await scratchDatabase()));
  after(() => database?.drop());

  test('instances starting together migrate once, under the advisory lock', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(database.setting, { poolMax: 2 })));
    const client = new pg.Client({ connectionString: database.setting });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((r) => r.version), Array.from({ length: MIGRATION_COUNT }, (_, i) => i + 1));
    } finally {
      await client.end();
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('keyset pages come out in the same order, with the same cursors, as on SQLite', async () => {
    // Ties on time broken by id in byte order: upper before lower case, punctuation by code point.
    const ids = ['c-b', 'c-B', 'c-a', 'c-A', 'c-_', 'c--', 'c-é', 'c-1', 'c-Z', 'c-z'];
    const sqlite = new SqliteStore(':memory:');
    const postgres = await openStore({ dbPath: database.setting });
    const at = '2026-01-01T00:00:00.000Z';
    const later = '2026-01-01T00:00:00.001Z';
    try {
      for (const store of [sqlite, postgres]) {
        await store.upsertUser({ id: 'u', displayName: 'U', subscriber: true, staff: false }, at);
        for (const [i, id] of ids.entries()) {
          await store.createComment({
            id, thread: { id: 'keyset', url: '', title: '' }, parentId: null, rootId: null, authorId: 'u', body: id,
            status: 'published', createdAt: i % 3 === 0 ? later : at, idempotency: null,
          });
        }
      }
      for (const order of ['asc', 'desc'] as const) {
        const walk = async (store: Store): Promise<string[]> => {
          const seen: string[] = [];
          const kind = order === 'asc' ? 'oldest' : 'newest';
          let after: Position | null = null;
          for (;;) {
            // As the thread GET pages: one row more than it shows, the cursor from the last shown.
            const rows = await store.listTopLevel({ threadId: 'keyset', order, after, limit: 4, viewerId: null });
            const { page, nextCursor } = paginate(rows, 3, kind);
            seen.push(...page.map((c) => c.id), nextCursor ?? 'end');
            if (nextCursor === null) return seen;
            after = decodePosition(kind, nextCursor);
          }
        };
        const [fromSqlite, fromPostgres] = [await walk(sqlite), await walk(postgres)];
        assert.deepEqual(fromPostgres, fromSqlite, `order ${order}`);
        assert.equal(fromSqlite.filter((x) => ids.includes(x)).length, ids.length, 'every comment once');
      }
      // This machine's database may sort in byte order anyway (C.UTF-8): the columns must say so
      // themselves, so that a database made with another locale pages the same.
      const client = new pg.Client({ connectionString: database.setting });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT table_name || '.' || column_name AS col, collation_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND (table_name, column_name) IN
            (('comments', 'id'), ('comments', 'created_at'), ('comments', 'thread_id'), ('comments', 'root_id'),
             ('reports', 'created_at'), ('reports', 'comment_id'))`);
        assert.equal(rows.length, 6);
        for (const row of rows) assert.equal(row.collation_name, 'C', row.col);
      } finally {
        await client.end();
      }
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });

  test('an unreachable database: one line naming it without its password, exit 1', async () => {
    const url = 'postgres://parley:hunter2-secret@127.0.0.1:1/parley';
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { PATH: process.env.PATH!, PARLEY_DB: url, PARLEY_JWT_SECRET: 'unreachable-test-secret-long-enough-0123456789' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    const lines = output.trim().split('\n');
    assert.equal(lines.length, 1, output);
    assert.match(lines[0]!, /^parley: cannot open the PostgreSQL database postgres:\/\/parley@127\.0\.0\.1:1\/parley: ECONNREFUSED/);
    assert.doesNotMatch(output, /hunter2|\n\s+at /);
  });

  test('the change feed says when it lost its connection, and comes back by itself', async () => {
    const store = await openStore({ dbPath: database.setting });
    const heard: Array<string | null> = [];
    const stop = store.watch((threadId) => heard.push(threadId));
    const admin = new pg.Client({ connectionString: database.setting });
    await admin.connect();
    try {
      assert.equal(store.watching, true);
      const schema = (await admin.query('SELECT current_schema() AS s')).rows[0].s as string;
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'parley-listen' AND query = $1`, [`LISTEN "parley:${schema}"`]);
      assert.ok(killed.rowCount! >= 1, 'found the feed connection');
      const until = async (check: () => boolean, what: string): Promise<void> => {
        for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
        assert.ok(check(), what);
      };
      await until(() => !store.watching, 'not watching once the connection is gone');
      assert.ok(heard.includes(null), 'told "every thread" when it was lost');
      heard.length = 0;
      await until(() => store.watching, 'watching again after the backoff');
      assert.deepEqual(heard, [null], 'and "every thread" again when back: what happened meanwhile is unknown');
    } finally {
      stop();
      await admin.end();
      await store.close();
    }
  });

  test('printed URLs lose their password', () => {
    assert.equal(redactUrl('postgres://u:p%40ss@db.example:5432/x?sslmode=require'), 'postgres://u@db.example:5432/x?sslmode=require');
    assert.equal(redactUrl('postgres://db.example/x'), 'postgres://db.example/x');
  });
});
