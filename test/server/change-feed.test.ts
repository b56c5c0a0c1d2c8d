// Store.watch: every instance on a database hears of the changes a signed-out page shows, its
// own and the others', so a cache built on it can never serve a page older than its last write.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../../server/open-store.js';
import type { NewCommentRecord, Store } from '../../server/store.js';
import { scratchDatabase, TEST_STORE, type ScratchDatabase } from './harness.js';

let database: ScratchDatabase;
let writer: Store;
let reader: Store;
const now = '2026-12-01T00:00:00.000Z';

before(async () => {
  database = await scratchDatabase();
  writer = await openStore({ dbPath: database.setting });
  reader = await openStore({ dbPath: database.setting });
  await writer.upsertUser({ id: 'w', displayName: 'Writer', subscriber: true, staff: false }, now);
});
after(async () => {
  await writer?.close();
  await reader?.close();
  await database?.drop();
});

const comment = (id: string, thread: string): NewCommentRecord => ({
  id, thread: { id: thread, url: '', title: '' }, parentId: null, rootId: null, authorId: 'w', body: id,
  status: 'published', createdAt: now, idempotency: null,
});

/** Resolves with what `store` tells first after `act`, or fails after two seconds. */
async function heardAfter(store: Store, act: () => Promise<unknown>): Promise<Array<string | null>> {
  const heard: Array<string | null> = [];
  let done: () => void;
  const first = new Promise<void>((resolve) => (done = resolve));
  const stop = store.watch((threadId) => {
    heard.push(threadId);
    done();
  });
  try {
    await act();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('nothing heard in 2 s')), 2000)));
    await Promise.race([first, timeout]).finally(() => clearTimeout(timer));
    await new Promise((resolve) => setTimeout(resolve, 50)); // and whatever comes with it
    return heard;
  } finally {
    stop();
  }
}

describe(`the change feed (${TEST_STORE})`, () => {
  test('both stores watch from the start', () => {
    assert.equal(writer.watching, true);
    assert.equal(reader.watching, true);
  });

  test('a store hears its own writes, naming the thread', async () => {
    assert.ok((await heardAfter(writer, () => writer.createComment(comment('feed-1', 'feed-own')))).includes('feed-own'));
    assert.ok((await heardAfter(writer, () => writer.setCommentStatus('feed-1', 'removed'))).includes('feed-own'));
    assert.ok((await heardAfter(writer, () => writer.setThreadStatus('feed-own', 'closed'))).includes('feed-own'));
  });

  test('another instance hears them too (PostgreSQL names the thread; SQLite says "any thread")', async () => {
    const heard = await heardAfter(reader, () => writer.createComment(comment('feed-2', 'feed-other')));
    const expected = TEST_STORE === 'postgres' ? 'feed-other' : null;
    assert.ok(heard.includes(expected), JSON.stringify(heard));
  });

  test('a renamed author changes every thread', async () => {
    const heard = await heardAfter(reader, () => writer.upsertUser({ id: 'w', displayName: 'Writer, renamed', subscriber: true, staff: false }, now));
    assert.ok(heard.includes(null), JSON.stringify(heard));
  });
});
