// GET /comments, GET /comments/{id}/replies and GET /counts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API, expectError, expectStatus, newComment, startServer, type TestServer } from './harness.js';

let server: TestServer;
let alice: string;
let bob: string;

before(async () => {
  server = await startServer({ PARLEY_POST_RATE: '1000/60' });
  alice = await server.token({ id: 'alice', displayName: 'Alice' });
  bob = await server.token({ id: 'bob', displayName: 'Bob', staff: true });
});
after(() => server.close());

async function post(thread: string, body: string, token = alice, parentId: string | null = null): Promise<any> {
  // Each post a millisecond later than the last, so "newest" is unambiguous.
  server.advance(1);
  return expectStatus(await server.call('POST', `${API}/comments`, { token, body: newComment(thread, body, parentId) }), 201);
}

async function page(query: string, token?: string): Promise<any> {
  return expectStatus(await server.call('GET', `${API}/comments?${query}`, { token }), 200);
}

describe('GET /comments', () => {
  test('an unknown thread is an open, empty thread, and nobody signed in is a null viewer', async () => {
    const body = await page('thread=never-seen');
    assert.deepEqual(body.thread, { id: 'never-seen', title: '', url: '', status: 'open', commentCount: 0, maxCommentLength: 1500, editWindowSeconds: 300 });
    assert.equal(body.viewer, null);
    assert.deepEqual(body.comments, []);
    assert.equal(body.nextCursor, null);
  });

  test('thread ids with slashes and query characters travel in the query string', async () => {
    const id = 'https://news.example/2024/07/a-story?x=1&y=%2F';
    await post(id, 'First!');
    const body = await page(`thread=${encodeURIComponent(id)}`);
    assert.equal(body.thread.id, id);
    assert.equal(body.thread.url, `https://news.example/${id}`);
    assert.equal(body.comments.length, 1);
  });

  test('the signed-in viewer comes from the token and the users table', async () => {
    const body = await page('thread=t-viewer', alice);
    assert.deepEqual(body.viewer, { id: 'alice', displayName: 'Alice', subscriber: true, status: 'active', suspendedUntil: null });
  });

  test('pages newest first by default, oldest first on request, with opaque cursors', async () => {
    for (let i = 1; i <= 5; i++) await post('t-paging', `comment ${i}`);
    const first = await page('thread=t-paging&limit=2');
    assert.deepEqual(first.comments.map((c: any) => c.body), ['comment 5', 'comment 4']);
    const second = await page(`thread=t-paging&limit=2&cursor=${first.nextCursor}`);
    assert.deepEqual(second.comments.map((c: any) => c.body), ['comment 3', 'comment 2']);
    const third = await page(`thread=t-paging&limit=2&cursor=${second.nextCursor}`);
    assert.deepEqual(third.comments.map((c: any) => c.body), ['comment 1']);
    assert.equal(third.nextCursor, null);
    const oldest = await page('thread=t-paging&sort=oldest&limit=3');
    assert.deepEqual(oldest.comments.map((c: any) => c.body), ['comment 1', 'comment 2', 'comment 3']);
    assert.equal(oldest.thread.commentCount, 5);
  });

  test('cursors stay stable when comments arrive between pages', async () => {
    for (let i = 1; i <= 4; i++) await post('t-stable', `old ${i}`);
    const newest = await page('thread=t-stable&limit=2');
    const oldest = await page('thread=t-stable&sort=oldest&limit=2');
    await post('t-stable', 'arrived between pages');
    const newestNext = await page(`thread=t-stable&limit=10&cursor=${newest.nextCursor}`);
    assert.deepEqual(newestNext.comments.map((c: any) => c.body), ['old 2', 'old 1']);
    const oldestNext = await page(`thread=t-stable&sort=oldest&limit=10&cursor=${oldest.nextCursor}`);
    assert.deepEqual(oldestNext.comments.map((c: any) => c.body), ['old 3', 'old 4', 'arrived between pages']);
  });

  test('many comments in the same millisecond still page without gaps or repeats', async () => {
    // Same createdAt for all: the id breaks the tie, so the order is total.
    const at = new Date().toISOString();
    for (let i = 0; i < 7; i++) {
      await server.store.createComment({
        id: `c-same-${i}`, thread: { id: 't-ties', url: '', title: '' }, parentId: null, rootId: null, authorId: 'alice',
        body: `tie ${i}`, status: 'published', createdAt: at, idempotency: null,
      });
    }
    const seen: string[] = [];
    let cursor = '';
    do {
      const body = await page(`thread=t-ties&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.comments.map((c: any) => c.id));
      cursor = body.nextCursor ?? '';
    } while (cursor);
    assert.deepEqual(seen, [6, 5, 4, 3, 2, 1, 0].map((i) => `c-same-${i}`));
  });

  test('top-level comments inline their first 3 replies, oldest first, with replyCount', async () => {
    const top = await post('t-replies', 'top');
    const replies = [];
    for (let i = 1; i <= 4; i++) replies.push(await post('t-replies', `reply ${i}`, bob, top.id));
    const nested = await post('t-replies', 'reply to reply 1', alice, replies[0].id);
    const body = await page('thread=t-replies');
    assert.equal(body.comments.length, 1, 'replies are not top-level comments');
    const [comment] = body.comments;
    assert.equal(comment.replyCount, 5);
    assert.deepEqual(comment.replies.map((r: any) => r.body), ['reply 1', 'reply 2', 'reply 3']);
    assert.deepEqual(comment.replies[0].author, { id: 'bob', displayName: 'Bob', badges: ['subscriber', 'staff'] });
    assert.equal(comment.replies[0].parentId, top.id);
    const conversation = expectStatus(await server.call('GET', `${API}/comments/${top.id}/replies?limit=3`), 200);
    assert.deepEqual(conversation.comments.map((r: any) => r.body), ['reply 1', 'reply 2', 'reply 3']);
    const rest = expectStatus(await server.call('GET', `${API}/comments/${top.id}/replies?cursor=${conversation.nextCursor}`), 200);
    assert.deepEqual(rest.comments.map((r: any) => [r.body, r.parentId]), [['reply 4', top.id], ['reply to reply 1', replies[0].id]]);
    assert.equal(rest.nextCursor, null);
    assert.equal(nested.parentId, replies[0].id);
    expectError(await server.call('GET', `${API}/comments/${replies[0].id}/replies`), 404, 'comment_not_found');
    expectError(await server.call('GET', `${API}/comments/c-nope/replies`), 404, 'comment_not_found');
  });

  test('a replies cursor from one conversation is refused in another', async () => {
    const a = await post('t-conv', 'a');
    const b = await post('t-conv', 'b');
    await post('t-conv', 'a1', bob, a.id);
    await post('t-conv', 'a2', bob, a.id);
    const first = expectStatus(await server.call('GET', `${API}/comments/${a.id}/replies?limit=1`), 200);
    expectError(await server.call('GET', `${API}/comments/${b.id}/replies?cursor=${first.nextCursor}`), 400, 'invalid_cursor');
  });

  test('removed comments keep their place with an empty body, and their replies', async () => {
    const top = await post('t-removed', 'to be removed');
    await post('t-removed', 'an answer', bob, top.id);
    await server.store.setCommentStatus(top.id, 'removed');
    const body = await page('thread=t-removed');
    assert.equal(body.comments[0].status, 'removed');
    assert.equal(body.comments[0].body, '');
    assert.equal(body.comments[0].replyCount, 1);
    assert.equal(body.thread.commentCount, 1, 'removed comments are not counted');
  });

  test('pending comments are shown only to their author', async () => {
    const pending = await startServer({ PARLEY_PREMODERATE: '1' });
    try {
      const carol = await pending.token({ id: 'carol' });
      const dave = await pending.token({ id: 'dave' });
      const created = expectStatus(await pending.call('POST', `${API}/comments`, { token: carol, body: newComment('t-pending', 'wait for it') }), 201);
      assert.equal(created.status, 'pending');
      const own = expectStatus(await pending.call('GET', `${API}/comments?thread=t-pending`, { token: carol }), 200);
      assert.deepEqual(own.comments.map((c: any) => c.status), ['pending']);
      const other = expectStatus(await pending.call('GET', `${API}/comments?thread=t-pending`, { token: dave }), 200);
      assert.deepEqual(other.comments, []);
      assert.equal(other.thread.commentCount, 0);
      expectError(await pending.call('GET', `${API}/comments/${created.id}/replies`, { token: dave }), 404, 'comment_not_found');
      expectError(await pending.call('POST', `${API}/comments`, { token: dave, body: newComment('t-pending', 'hi', created.id) }), 404, 'comment_not_found');
    } finally {
      await pending.close();
    }
  });

  test('query errors: thread, sort, limit, cursor', async () => {
    expectError(await server.call('GET', `${API}/comments`), 400, 'invalid_thread');
    expectError(await server.call('GET', `${API}/comments?thread=${'x'.repeat(513)}`), 400, 'invalid_thread');
    expectError(await server.call('GET', `${API}/comments?thread=a&sort=best`), 400, 'invalid_sort');
    for (const limit of ['0', '101', '-1', '2.5', 'ten', '']) {
      expectError(await server.call('GET', `${API}/comments?thread=a&limit=${limit}`), 400, 'invalid_limit');
      expectError(await server.call('GET', `${API}/comments/c-x/replies?limit=${limit}`), 400, 'invalid_limit');
    }
    expectStatus(await server.call('GET', `${API}/comments?thread=a&limit=100`), 200);
    for (const cursor of ['garbage!', 'bm90IGpzb24', Buffer.from('["oldest","x","y"]').toString('base64url'), Buffer.from('["newest",1]').toString('base64url')]) {
      expectError(await server.call('GET', `${API}/comments?thread=a&cursor=${cursor}`), 400, 'invalid_cursor');
    }
  });
});

describe('GET /counts', () => {
  test('counts published comments per thread, unknown threads as 0', async () => {
    await post('t-count-a', 'one');
    await post('t-count-a', 'two');
    const body = expectStatus(await server.call('GET', `${API}/counts?thread=t-count-a&thread=t-count-none&thread=t-count-a`), 200);
    assert.deepEqual(body, { counts: { 't-count-a': 2, 't-count-none': 0 } });
  });

  test('1 to 50 ids', async () => {
    expectError(await server.call('GET', `${API}/counts`), 400, 'invalid_thread');
    expectError(await server.call('GET', `${API}/counts?thread=`), 400, 'invalid_thread');
    const fifty = Array.from({ length: 50 }, (_, i) => `thread=n${i}`).join('&');
    assert.equal(Object.keys(expectStatus(await server.call('GET', `${API}/counts?${fifty}`), 200).counts).length, 50);
    expectError(await server.call('GET', `${API}/counts?${fifty}&thread=n50`), 400, 'too_many_threads');
  });
});
