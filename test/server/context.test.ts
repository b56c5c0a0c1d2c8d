// GET /comments/{id}/context (docs/api.md): one comment in place, for a `#comment-{id}` link.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_TOKEN, API, expectError, expectStatus, newComment, startServer, TEST_STORE, type TestServer } from './harness.js';

let server: TestServer;
let token: string;
before(async () => {
  server = await startServer({ PARLEY_POST_RATE: '10000/60' });
  token = await server.token({ id: 'ctx-author' });
});
after(() => server?.close());

async function post(thread: string, body: string, parentId: string | null = null): Promise<any> {
  const reply = await server.call('POST', `${API}/comments`, { token, body: newComment(thread, body, parentId) });
  // Distinct times, so the order is the order of posting whatever the clock's resolution.
  server.advance(1000);
  return expectStatus(reply, 201);
}
const context = (id: string, query = '', viewer: string | null = null) =>
  server.call('GET', `${API}/comments/${encodeURIComponent(id)}/context${query}`, { token: viewer });

describe(`GET /comments/{id}/context (${TEST_STORE})`, () => {
  test('a top-level comment deep in the thread: its conversation, and the list going on after it in the sort', async () => {
    const tops: any[] = [];
    for (let i = 0; i < 30; i++) tops.push(await post('ctx-a', `top ${i}`));
    for (let i = 0; i < 5; i++) await post('ctx-a', `reply ${i}`, tops[10].id);
    const newest = expectStatus(await context(tops[10].id, '?limit=3'), 200);
    assert.equal(newest.targetId, tops[10].id);
    assert.equal(newest.comment.id, tops[10].id);
    assert.equal(newest.comment.replyCount, 5);
    assert.deepEqual(newest.comment.replies.map((r: any) => r.body), ['reply 0', 'reply 1', 'reply 2']);
    assert.ok(newest.repliesCursor, 'the conversation goes on');
    const rest = expectStatus(await server.call('GET', `${API}/comments/${tops[10].id}/replies?cursor=${newest.repliesCursor}`), 200);
    assert.deepEqual(rest.comments.map((r: any) => r.body), ['reply 3', 'reply 4']);
    // Newest first: after top 10 come 9, 8, …
    const page = expectStatus(await server.call('GET', `${API}/comments?thread=ctx-a&limit=3&cursor=${newest.nextCursor}`), 200);
    assert.deepEqual(page.comments.map((c: any) => c.body), ['top 9', 'top 8', 'top 7']);
    const oldest = expectStatus(await context(tops[10].id, '?sort=oldest'), 200);
    const later = expectStatus(await server.call('GET', `${API}/comments?thread=ctx-a&sort=oldest&limit=2&cursor=${oldest.nextCursor}`), 200);
    assert.deepEqual(later.comments.map((c: any) => c.body), ['top 11', 'top 12']);
    // The first comment in newest order has nothing after it in oldest order's reverse, and vice versa.
    assert.equal(expectStatus(await context(tops[0].id), 200).nextCursor, null);
    assert.match(newest.lastEventId, /^\d+$/);
  });

  test('a reply on a later page of its conversation arrives with everything before it and a page after', async () => {
    const root = await post('ctx-b', 'the root');
    const replies: any[] = [];
    for (let i = 0; i < 130; i++) replies.push(await post('ctx-b', `r${i}`, i % 2 && replies.length ? replies[i - 1].id : root.id));
    const target = replies[115];
    const found = expectStatus(await context(target.id, '?limit=5'), 200);
    assert.equal(found.targetId, target.id);
    assert.equal(found.comment.id, root.id);
    assert.deepEqual(found.comment.replies.map((r: any) => r.body), replies.slice(0, 121).map((r) => r.body));
    assert.equal(found.comment.replyCount, 130);
    const rest = expectStatus(await server.call('GET', `${API}/comments/${root.id}/replies?limit=100&cursor=${found.repliesCursor}`), 200);
    assert.deepEqual(rest.comments.map((r: any) => r.body), replies.slice(121).map((r) => r.body));
    assert.equal(rest.nextCursor, null);
    // The last reply: nothing after it.
    assert.equal(expectStatus(await context(replies[129].id), 200).repliesCursor, null);
  });

  test('unknown, removed and other readers’ pending comments are 404; one’s own pending is found', async () => {
    expectError(await context('c-nobody'), 404, 'comment_not_found');
    const gone = await post('ctx-c', 'removed soon');
    expectStatus(await server.call('POST', `${API}/admin/comments/${gone.id}/remove`, { token: ADMIN_TOKEN }), 200);
    expectError(await context(gone.id), 404, 'comment_not_found');
    // A reply under a removed root is still found: the root shows as its placeholder.
    const root = await post('ctx-c', 'root, removed later');
    const reply = await post('ctx-c', 'still here', root.id);
    expectStatus(await server.call('POST', `${API}/admin/comments/${root.id}/remove`, { token: ADMIN_TOKEN }), 200);
    const kept = expectStatus(await context(reply.id), 200);
    assert.equal(kept.comment.status, 'removed');
    assert.equal(kept.comment.body, '');
    assert.deepEqual(kept.comment.replies.map((r: any) => r.id), [reply.id]);

    const held = await startServer({ PARLEY_PREMODERATE: '1' });
    try {
      const mine = await held.token({ id: 'ctx-waiting' });
      const pending = expectStatus(await held.call('POST', `${API}/comments`, { token: mine, body: newComment('ctx-d', 'waiting') }), 201);
      expectError(await held.call('GET', `${API}/comments/${pending.id}/context`), 404, 'comment_not_found');
      expectError(await held.call('GET', `${API}/comments/${pending.id}/context`, { token: await held.token({ id: 'ctx-other' }) }), 404, 'comment_not_found');
      const own = expectStatus(await held.call('GET', `${API}/comments/${pending.id}/context`, { token: mine }), 200);
      assert.equal(own.comment.status, 'pending');
      assert.equal(own.viewer.id, 'ctx-waiting');
    } finally {
      await held.close();
    }
  });

  test('asked from another thread’s page, a comment is not found; a reply deep down arrives with the 200 before it', async () => {
    const elsewhere = await post('ctx-f', 'in thread f');
    expectStatus(await context(elsewhere.id, '?thread=ctx-f'), 200);
    expectError(await context(elsewhere.id, '?thread=ctx-g'), 404, 'comment_not_found');
    expectError(await context(elsewhere.id, `?thread=${'x'.repeat(513)}`), 400, 'invalid_thread');
    const root = await post('ctx-h', 'long conversation');
    const replies: any[] = [];
    for (let i = 0; i < 230; i++) replies.push(await post('ctx-h', `h${i}`, root.id));
    const deep = expectStatus(await context(replies[220].id, '?limit=3'), 200);
    assert.deepEqual(deep.comment.replies.map((r: any) => r.body), replies.slice(20, 224).map((r) => r.body));
    assert.equal(deep.comment.replyCount, 230);
  });

  test('bad sort and limit are 400s; signed-in answers are private', async () => {
    const c = await post('ctx-e', 'x');
    expectError(await context(c.id, '?sort=top'), 400, 'invalid_sort');
    expectError(await context(c.id, '?limit=0'), 400, 'invalid_limit');
    const signedIn = await context(c.id, '', await server.token({ id: 'ctx-reader' }));
    assert.equal(signedIn.headers.get('cache-control'), 'private, no-store');
    assert.equal((await context(c.id)).headers.get('cache-control'), 'no-store');
  });
});
