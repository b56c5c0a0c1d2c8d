// POST /comments: who may post, what is accepted, idempotency, rate limits, size limits.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ADMIN_TOKEN, API, expectError, expectStatus, newComment, startServer, type TestServer } from './harness.js';

let server: TestServer;

before(async () => {
  server = await startServer({ PARLEY_POST_RATE: '3/60', PARLEY_MAX_COMMENT_LENGTH: '20', PARLEY_MAX_BODY_BYTES: '2048' });
});
after(() => server.close());

const postAs = (token: string | null, body: unknown, headers: Record<string, string> = {}) =>
  server.call('POST', `${API}/comments`, { token, body, headers });

/** Each test that posts gets its own user, so the shared rate limit does not leak between tests. */
let users = 0;
const freshSubscriber = () => server.token({ id: `poster-${++users}` });

describe('POST /comments', () => {
  test('201 with the new comment, which the thread then lists', async () => {
    const token = await freshSubscriber();
    const created = expectStatus(await postAs(token, newComment('p-ok', '  Line one\r\nLine two  ')), 201);
    assert.equal(created.body, 'Line one\nLine two', 'CRLF becomes LF and the ends are trimmed');
    assert.equal(created.status, 'published');
    assert.equal(created.parentId, null);
    assert.deepEqual(created.author.badges, ['subscriber']);
    const listed = expectStatus(await server.call('GET', `${API}/comments?thread=p-ok`), 200);
    assert.equal(listed.comments[0].id, created.id);
    assert.equal(listed.thread.title, 'Story p-ok', 'the thread was created from the first post');
    assert.equal(listed.thread.commentCount, 1);
  });

  test('401 unauthenticated without a token', async () => {
    expectError(await postAs(null, newComment('p-auth', 'hello')), 401, 'unauthenticated');
  });

  test('403 not_subscriber, banned, suspended, thread_closed', async () => {
    const reader = await server.token({ id: 'reader', subscriber: false });
    expectError(await postAs(reader, newComment('p-rules', 'hello')), 403, 'not_subscriber');
    const banned = await freshSubscriber();
    await postAs(banned, newComment('p-rules', 'before the ban'));
    await server.store.setUserStatus(`poster-${users}`, 'banned', null);
    expectError(await postAs(banned, newComment('p-rules', 'hello')), 403, 'banned');
    const suspended = await freshSubscriber();
    await server.store.upsertUser({ id: `poster-${users}`, displayName: 'S', subscriber: true, staff: false }, new Date().toISOString());
    await server.store.setUserStatus(`poster-${users}`, 'suspended', new Date(Date.now() + 60_000).toISOString());
    expectError(await postAs(suspended, newComment('p-rules', 'hello')), 403, 'suspended');
    server.advance(61_000); // the suspension runs out by itself
    expectStatus(await postAs(suspended, newComment('p-rules', 'back again')), 201);
    const closed = expectStatus(await server.call('POST', `${API}/admin/threads/status`, { token: ADMIN_TOKEN, body: { thread: 'p-rules', status: 'closed' } }), 200);
    assert.equal(closed.status, 'closed');
    expectError(await postAs(await freshSubscriber(), newComment('p-rules', 'too late')), 403, 'thread_closed');
  });

  test('422 invalid_thread, invalid_body, invalid_parent; 400 invalid_json; 415', async () => {
    const token = await freshSubscriber();
    expectError(await postAs(token, { body: 'no thread' }), 422, 'invalid_thread');
    expectError(await postAs(token, { thread: {}, body: 'x' }), 422, 'invalid_thread');
    expectError(await postAs(token, { thread: { id: '' }, body: 'x' }), 422, 'invalid_thread');
    expectError(await postAs(token, { thread: { id: 'p-v', url: 'javascript:alert(1)' }, body: 'x' }), 422, 'invalid_thread');
    expectError(await postAs(token, { thread: { id: 'p-v', title: 7 }, body: 'x' }), 422, 'invalid_thread');
    expectError(await postAs(token, newComment('p-v', '   \n ')), 422, 'invalid_body');
    expectError(await postAs(token, { thread: { id: 'p-v' } }), 422, 'invalid_body');
    expectError(await postAs(token, newComment('p-v', 'x'.repeat(21))), 422, 'invalid_body');
    expectError(await postAs(token, newComment('p-v', 'bell \u0007')), 422, 'invalid_body');
    expectError(await postAs(token, { thread: { id: 'p-v' }, body: 'x', parentId: 5 }), 422, 'invalid_parent');
    expectStatus(await postAs(token, newComment('p-v', '😀'.repeat(20))), 201); // 20 code points, 40 UTF-16 units
    expectError(await server.call('POST', `${API}/comments`, { token, rawBody: '{"thread":', headers: {} }), 400, 'invalid_json');
    expectError(await server.call('POST', `${API}/comments`, { token, rawBody: '[1]' }), 400, 'invalid_json');
    expectError(await server.call('POST', `${API}/comments`, { token, rawBody: '{}', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
  });

  test('404 comment_not_found for a parent that is gone or in another thread', async () => {
    const token = await freshSubscriber();
    expectError(await postAs(token, newComment('p-parent', 'hi', 'c-missing')), 404, 'comment_not_found');
    const other = expectStatus(await postAs(token, newComment('p-parent-other', 'elsewhere')), 201);
    expectError(await postAs(token, newComment('p-parent', 'hi', other.id)), 404, 'comment_not_found');
    await server.store.setCommentStatus(other.id, 'removed');
    expectError(await postAs(token, newComment('p-parent-other', 'hi', other.id)), 404, 'comment_not_found');
  });

  test('413 too_large over the body limit', async () => {
    const token = await freshSubscriber();
    const reply = await postAs(token, newComment('p-big', 'x'.repeat(4000)));
    expectError(reply, 413, 'too_large');
    // The connection is still usable afterwards.
    expectStatus(await postAs(token, newComment('p-big', 'small')), 201);
  });

  test('chunked bodies (no Content-Length) are read, and held to the same limit', async () => {
    const token = await freshSubscriber();
    const sendChunked = (chunks: string[]) => new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = request(`${server.base}${API}/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
    const json = JSON.stringify(newComment('p-chunked', 'sent in pieces'));
    const ok = await sendChunked([json.slice(0, 10), json.slice(10)]);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.body, 'sent in pieces');
    const big = await sendChunked([json.slice(0, 10), ' '.repeat(3000), json.slice(10)]);
    assert.deepEqual([big.status, big.body.error.code], [413, 'too_large']);
  });

  test('Idempotency-Key returns the first result for a repeat, per user', async () => {
    const token = await freshSubscriber();
    const headers = { 'Idempotency-Key': 'draft-123' };
    const first = expectStatus(await postAs(token, newComment('p-idem', 'once'), headers), 201);
    const again = expectStatus(await postAs(token, newComment('p-idem', 'once'), headers), 201);
    assert.deepEqual(again, first);
    const changed = expectStatus(await postAs(token, newComment('p-idem', 'edited draft'), headers), 201);
    assert.equal(changed.id, first.id, 'the key names the draft');
    const someoneElse = expectStatus(await postAs(await freshSubscriber(), newComment('p-idem', 'once'), headers), 201);
    assert.notEqual(someoneElse.id, first.id, 'keys are per user');
    const list = expectStatus(await server.call('GET', `${API}/comments?thread=p-idem`), 200);
    assert.equal(list.comments.length, 2);
    for (const bad of ['', 'x'.repeat(201), 'has space']) {
      expectError(await postAs(token, newComment('p-idem', 'x'), { 'Idempotency-Key': bad }), 400, 'invalid_idempotency_key');
    }
  });

  test('concurrent repeats with one key create one comment', async () => {
    const token = await freshSubscriber();
    const headers = { 'Idempotency-Key': 'race' };
    const replies = await Promise.all([1, 2, 3].map(() => postAs(token, newComment('p-race', 'double click'), headers)));
    const ids = new Set(replies.map((r) => expectStatus(r, 201).id));
    assert.equal(ids.size, 1);
  });

  test('429 rate_limited with Retry-After; repeats and refusals do not count', async () => {
    const token = await freshSubscriber();
    const key = { 'Idempotency-Key': 'same' };
    expectStatus(await postAs(token, newComment('p-rate', 'one'), key), 201);
    expectStatus(await postAs(token, newComment('p-rate', 'one'), key), 201);
    expectError(await postAs(token, newComment('p-rate', '')), 422, 'invalid_body');
    expectStatus(await postAs(token, newComment('p-rate', 'two')), 201);
    expectStatus(await postAs(token, newComment('p-rate', 'three')), 201);
    const limited = await postAs(token, newComment('p-rate', 'four'));
    expectError(limited, 429, 'rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    expectStatus(await postAs(await freshSubscriber(), newComment('p-rate', 'another user is fine')), 201);
    server.advance(retryAfter * 1000);
    expectStatus(await postAs(token, newComment('p-rate', 'four, later')), 201);
  });
});
