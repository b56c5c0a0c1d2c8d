// GET /events (docs/api.md, "the thread, live"): the event stream's contract on the suite's
// store, and across two instances on one database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_TOKEN, API, expectError, expectStatus, newComment, scratchDatabase, startServer, TEST_STORE,
  type ScratchDatabase, type TestServer,
} from './harness.js';
import { openEvents, type SseEvent, type SseStream } from './sse.js';

let database: ScratchDatabase;
let one: TestServer;
let two: TestServer;
let threads = 0;
const streams: SseStream[] = [];

before(async () => {
  database = await scratchDatabase();
  const env = { PARLEY_POST_RATE: '1000/60', PARLEY_LIVE_HEARTBEAT_MS: '300' };
  one = await startServer(env, { database });
  two = await startServer(env, { database });
});
after(async () => {
  for (const stream of streams) stream.close();
  await one?.close();
  await two?.close();
  await database?.drop();
});

const newThread = (): string => `live-${++threads}`;
const open = async (...args: Parameters<typeof openEvents>): Promise<SseStream> => {
  const stream = await openEvents(...args);
  streams.push(stream);
  return stream;
};
const author = async (server: TestServer, id = 'live-author') => server.token({ id, displayName: `Writer ${id}` });
async function post(server: TestServer, thread: string, body: string, parentId: string | null = null): Promise<any> {
  return expectStatus(await server.call('POST', `${API}/comments`, { token: await author(server), body: newComment(thread, body, parentId) }), 201);
}
const admin = (server: TestServer, path: string, body?: unknown) =>
  server.call('POST', `${API}/admin${path}`, { token: ADMIN_TOKEN, body });
const kinds = (events: SseEvent[]) => events.map((e) => e.event);

describe(`GET /events (${TEST_STORE})`, () => {
  test('a stream opens with retry advice and ready, then tells of each new comment and the count', async () => {
    const thread = newThread();
    const stream = await open(one, thread);
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type')!, /^text\/event-stream/);
    assert.equal(stream.headers.get('cache-control'), 'no-store');
    assert.equal(stream.headers.get('x-accel-buffering'), 'no');
    const ready = await stream.next();
    assert.equal(ready.event, 'ready');
    assert.deepEqual(stream.retries, [3000]);
    const first = await post(one, thread, 'first, <b>live</b>');
    const [comment, count] = [await stream.next(), await stream.next()];
    assert.equal(comment.event, 'comment');
    assert.deepEqual(comment.data, { ...first, viewerReported: false });
    assert.equal((comment.data as any).body, 'first, <b>live</b>');
    assert.deepEqual(count, { event: 'count', id: comment.id, data: { commentCount: 1 } });
    const reply = await post(one, thread, 'an answer', first.id);
    const [replied] = await stream.until('count');
    assert.equal((replied!.data as any).id, reply.id);
    assert.equal((replied!.data as any).parentId, first.id);
    assert.ok(Number(replied!.id) > Number(comment.id), 'ids grow');
  });

  test('removal, restoring and closing the thread are told as they happen', async () => {
    const thread = newThread();
    const c = await post(one, thread, 'soon gone');
    const stream = await open(one, thread);
    await stream.until('ready');
    expectStatus(await admin(one, `/comments/${c.id}/remove`), 200);
    assert.deepEqual(kinds(await stream.until('count')), ['removed', 'count']);
    expectStatus(await admin(one, `/comments/${c.id}/restore`), 200);
    const back = await stream.until('count');
    assert.deepEqual(kinds(back), ['comment', 'count']);
    assert.equal((back[0]!.data as any).body, 'soon gone');
    assert.deepEqual(back[1]!.data, { commentCount: 1 });
    expectStatus(await admin(one, '/threads/status', { thread, status: 'closed' }), 200);
    const closed = await stream.next();
    assert.equal(closed.event, 'thread');
    assert.equal((closed.data as any).status, 'closed');
    expectStatus(await admin(one, '/threads/status', { thread, status: 'open' }), 200);
    assert.equal(((await stream.next()).data as any).status, 'open');
  });

  test('a comment held for moderation is not told until it is approved', async () => {
    const thread = newThread();
    const held = await startServer({ PARLEY_PREMODERATE: '1' }, { database });
    try {
      const stream = await open(held, thread);
      await stream.until('ready');
      const pending = expectStatus(await held.call('POST', `${API}/comments`, { token: await author(held), body: newComment(thread, 'wait for it') }), 201);
      assert.equal(pending.status, 'pending');
      assert.deepEqual(await stream.quiet(400), [], 'nothing while it waits');
      expectStatus(await admin(held, `/comments/${pending.id}/restore`), 200);
      const [approved] = await stream.until('count');
      assert.equal((approved!.data as any).id, pending.id);
      assert.equal((approved!.data as any).status, 'published');
    } finally {
      await held.close();
    }
  });

  test('Last-Event-ID replays what was missed, in order, then goes on live', async () => {
    const thread = newThread();
    const first = await open(one, thread);
    await first.until('ready');
    await post(one, thread, 'seen');
    const [seen] = await first.until('count');
    first.close();
    const missed = [await post(one, thread, 'missed 1'), await post(one, thread, 'missed 2')];
    const again = await open(one, thread, { lastEventId: seen!.id! });
    const replay = await again.until('ready');
    assert.deepEqual(replay.filter((e) => e.event === 'comment').map((e) => (e.data as any).id), missed.map((c) => c.id));
    assert.equal(replay.at(-1)!.id, replay.at(-2)!.id, 'ready names the last event as where to resume');
    const live = await post(one, thread, 'live again');
    assert.equal(((await again.next()).data as any).id, live.id);
  });

  test("a page's lastEventId opens the stream where the page ends; the header wins over since", async () => {
    const thread = newThread();
    await post(one, thread, 'on the page');
    const page = expectStatus(await one.call('GET', `${API}/comments?thread=${thread}`), 200);
    assert.match(page.lastEventId, /^\d+$/);
    const after = await post(one, thread, 'after the page');
    const stream = await open(one, thread, { since: page.lastEventId });
    const events = await stream.until('ready');
    assert.deepEqual(events.filter((e) => e.event === 'comment').map((e) => (e.data as any).id), [after.id]);
    // The header is what a reconnecting client sends: it is newer than the page's cursor.
    const resumed = await open(one, thread, { since: page.lastEventId, lastEventId: events.at(-1)!.id! });
    assert.deepEqual(kinds(await resumed.until('ready')), ['ready']);
  });

  test('an unknown or foreign starting point, or one too far behind, is told to reset', async () => {
    const thread = newThread();
    await post(one, thread, 'one');
    for (const since of ['not-a-number', '999999999999']) {
      const stream = await open(one, thread, { lastEventId: since });
      assert.deepEqual(kinds(await stream.until('ready')), ['reset', 'ready'], since);
    }
    const page = expectStatus(await one.call('GET', `${API}/comments?thread=${thread}`), 200);
    const token = await author(one);
    for (let i = 0; i < 201; i++) expectStatus(await one.call('POST', `${API}/comments`, { token, body: newComment(thread, `n${i}`) }), 201);
    const behind = await open(one, thread, { since: page.lastEventId });
    const events = await behind.until('ready');
    assert.deepEqual(kinds(events), ['reset', 'ready'], 'no replay of 201 events');
    // From the reset on, the stream is live.
    const next = await post(one, thread, 'after the reset');
    assert.equal(((await behind.next()).data as any).id, next.id);
  });

  test('an idle stream hears a keep-alive comment', async () => {
    const stream = await open(one, newThread());
    await stream.until('ready');
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.ok(stream.comments.includes('keep-alive'), `comments: ${stream.comments.join(', ')}`);
  });

  test('errors come before the stream, as api-v1 errors', async () => {
    expectError(await one.call('GET', `${API}/events`), 400, 'invalid_thread');
    expectError(await one.call('GET', `${API}/events?thread=x`, { headers: { authorization: 'Bearer nope' } }), 401, 'unauthenticated');
    const small = await startServer({ PARLEY_LIVE_MAX_STREAMS: '1' }, { database });
    try {
      const held = await open(small, newThread());
      await held.until('ready');
      const refused = await small.call('GET', `${API}/events?thread=x`);
      expectError(refused, 503, 'unavailable');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      held.close();
    } finally {
      await small.close();
    }
  });

  test('events are what the viewer would see: a restored comment carries the viewerReported a page would give them', async () => {
    const thread = newThread();
    const c = await post(one, thread, 'reported, then cleared');
    const reader = await one.token({ id: 'live-reader' });
    expectStatus(await one.call('POST', `${API}/comments/${c.id}/reports`, { token: reader, body: { reason: 'spam' } }), 201);
    const signedIn = await open(one, thread, { token: reader });
    const signedOut = await open(one, thread);
    await Promise.all([signedIn.until('ready'), signedOut.until('ready')]);
    // Removed and restored without the reports being closed: the restore is a moderator's call.
    expectStatus(await admin(one, `/comments/${c.id}/remove`), 200);
    expectStatus(await admin(one, `/comments/${c.id}/restore`), 200);
    const mine = (await signedIn.until('comment')).at(-1)!.data as any;
    const theirs = (await signedOut.until('comment')).at(-1)!.data as any;
    const onPage = expectStatus(await one.call('GET', `${API}/comments?thread=${thread}`, { token: reader }), 200).comments[0].viewerReported;
    assert.equal(mine.viewerReported, onPage, 'the same flag the reader would get from a page');
    assert.equal(theirs.viewerReported, false);
  });
});

describe(`the event log under concurrent writers (${TEST_STORE})`, () => {
  test('posts, removals and closing on one thread at once never deadlock, and every change is logged once, in order', async () => {
    const thread = newThread();
    const seeds = await Promise.all(Array.from({ length: 6 }, (_, i) => post(one, thread, `seed ${i}`)));
    const stream = await open(two, thread);
    await stream.until('ready');
    // Each takes the thread's row its own way: a post (the thread upsert), a removal (the count
    // trigger), a status write (the UPDATE itself; "open" again changes nothing and logs nothing).
    const writes = seeds.flatMap((c, i) => [
      post(i % 2 ? one : two, thread, `concurrent ${i}`).then(() => 201),
      admin(i % 2 ? two : one, `/comments/${c.id}/remove`).then((r) => r.status),
      admin(i % 2 ? one : two, '/threads/status', { thread, status: 'open' }).then((r) => r.status),
    ]);
    const statuses = await Promise.all(writes);
    assert.ok(statuses.every((s) => s === 200 || s === 201), `every write succeeded: ${statuses.join(',')}`);
    const ids: number[] = [];
    const seen = new Set<string>();
    for (;;) {
      const event = await stream.next(3000).catch(() => null);
      if (!event) break;
      ids.push(Number(event.id));
      if (event.event === 'comment' || event.event === 'removed') {
        const key = `${event.event}:${(event.data as any).id}`;
        assert.ok(!seen.has(key), `told once: ${key}`);
        seen.add(key);
      }
    }
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'ids only grow');
    assert.equal([...seen].filter((k) => k.startsWith('removed:')).length, 6);
    assert.equal([...seen].filter((k) => k.startsWith('comment:')).length, 6);
  });
});

describe(`GET /events across two instances (${TEST_STORE})`, () => {
  test('a comment posted through one instance reaches streams held by the other', async () => {
    const thread = newThread();
    const onTwo = await open(two, thread);
    const onOne = await open(one, thread);
    await Promise.all([onTwo.until('ready'), onOne.until('ready')]);
    const c = await post(one, thread, 'through the first door');
    for (const stream of [onTwo, onOne]) {
      const [told, count] = await stream.until('count');
      assert.equal((told!.data as any).id, c.id);
      assert.deepEqual(count!.data, { commentCount: 1 });
    }
    expectStatus(await admin(two, `/comments/${c.id}/remove`), 200);
    for (const stream of [onTwo, onOne]) assert.deepEqual(kinds(await stream.until('count')), ['removed', 'count']);
  });

  test('a stream resumes on the other instance from the id the first one sent', async () => {
    const thread = newThread();
    const first = await open(one, thread);
    const [ready] = await first.until('ready');
    first.close();
    const missed = await post(two, thread, 'while away');
    const resumed = await open(two, thread, { lastEventId: ready!.id! });
    const events = await resumed.until('ready');
    assert.deepEqual(events.filter((e) => e.event === 'comment').map((e) => (e.data as any).id), [missed.id]);
  });
});
