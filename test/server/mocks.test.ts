// The widget's test double (test/mocks/: data builders and the msw FakeBackend) held to the same
// description as the reference server: every answer the FakeBackend gives is checked against
// docs/openapi.yaml exactly as the server's are, so the widget is never tested against a
// backend that could not exist.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getResponse } from 'msw';
import { validateSchema } from '../../server/openapi-validate.js';
import { FakeBackend } from '../mocks/backend.js';
import { BASE, errorBody, makeComment, makeReply, makeThread, makeViewer } from '../mocks/data.js';
import { checkContract } from './contract.js';

const valid = (schema: string, value: unknown): void => {
  const result = validateSchema(schema, value);
  assert.ok(result.valid, `${schema}: ${result.errors.join('; ')}`);
};

describe('test/mocks/data.ts builders', () => {
  test('make valid api-v1 objects', () => {
    valid('Thread', makeThread());
    valid('Thread', makeThread({ status: 'closed', commentCount: 12 }));
    valid('Viewer', makeViewer());
    valid('Viewer', makeViewer({ status: 'suspended', suspendedUntil: '2030-01-01T00:00:00.000Z' }));
    valid('Comment', makeComment(1));
    valid('Comment', makeComment(2, { status: 'removed', body: '' }));
    valid('Comment', makeComment(3, { replyCount: 1, replies: [makeReply('c-3', 4)] }));
    valid('Error', errorBody('rate_limited'));
  });
});

describe('test/mocks/backend.ts FakeBackend', () => {
  const top = Array.from({ length: 25 }, (_, i) => makeComment(i + 1));
  const conversation = [makeReply('c-25', 30), makeReply('c-25', 31, { parentId: 'c-25-r30' }), makeReply('c-25', 32), makeReply('c-25', 33)];
  const backend = new FakeBackend({
    comments: top,
    conversations: new Map([['c-25', conversation]]),
    viewer: makeViewer(),
  });
  // Handlers are called directly: msw 3's network interception needs Node 22.
  const handlers = backend.handlers();

  /** A request to the FakeBackend whose answer must satisfy the contract. */
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const response = await getResponse(handlers, new Request(`${BASE}${path}`, init));
    if (!response) throw new Error(`the FakeBackend has no handler for ${method} ${path}`);
    const text = await response.text();
    const json = text === '' ? null : JSON.parse(text);
    checkContract(method, new URL(`${BASE}${path}`).pathname.slice(new URL(BASE).pathname.length), response.status, json);
    return { status: response.status, body: json };
  }

  test('reading: pages, replies and their errors', async () => {
    const first = await call('GET', '/comments?thread=t&limit=20');
    assert.equal(first.status, 200);
    await call('GET', `/comments?thread=t&limit=20&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    await call('GET', '/comments?thread=t&sort=oldest&limit=5');
    assert.equal((await call('GET', '/comments?thread=t&limit=0')).status, 400);
    assert.equal((await call('GET', '/comments?thread=t&cursor=%25%25')).status, 400);
    assert.equal((await call('GET', '/comments/c-25/replies?limit=2')).status, 200);
    assert.equal((await call('GET', '/comments/c-nope/replies')).status, 404);
  });

  test('#16: top readings keep their order, featured on the first page, recommend, edit, delete', async () => {
    backend.state.viewer = makeViewer();
    backend.findReported('c-3')!.featured = true;
    const first = await call('GET', '/comments?thread=t&sort=top&limit=10');
    assert.deepEqual(first.body.featured.map((c: any) => c.id), ['c-3']);
    assert.equal((await call('PUT', '/comments/c-1/recommendation')).body.recommendations, 1);
    assert.equal((await call('PUT', '/comments/c-1/recommendation')).body.recommendations, 1, 'idempotent');
    const second = await call('GET', `/comments?thread=t&sort=top&limit=10&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    assert.equal(second.body.featured, undefined);
    const rest = await call('GET', `/comments?thread=t&sort=top&limit=10&cursor=${encodeURIComponent(second.body.nextCursor)}`);
    const seen = [...first.body.comments, ...second.body.comments, ...rest.body.comments].map((c: any) => c.id);
    assert.equal(new Set(seen).size, 25, 'no repeat, no skip while counts changed');
    assert.equal((await call('GET', '/comments?thread=t&sort=top')).body.comments[0].id, 'c-1');
    assert.equal((await call('GET', `/comments?thread=t&cursor=${encodeURIComponent(first.body.nextCursor)}`)).status, 400);
    assert.equal((await call('DELETE', '/comments/c-1/recommendation')).body.viewerRecommended, false);
    assert.equal((await call('PUT', '/comments/c-nope/recommendation')).status, 404);
    const thread = { id: 't', url: 'https://news.test/t', title: 'T' };
    const mine = (await call('POST', '/comments', { thread, body: 'tpyo' })).body;
    assert.equal((await call('PUT', `/comments/${mine.id}/recommendation`)).status, 403);
    const edited = await call('PATCH', `/comments/${mine.id}`, { body: 'typo' });
    assert.equal(edited.body.body, 'typo');
    assert.ok(edited.body.editedAt);
    assert.equal((await call('PATCH', `/comments/${mine.id}`, { body: ' ' })).status, 422);
    assert.equal((await call('PATCH', '/comments/c-2', { body: 'not mine' })).status, 403);
    backend.state.thread.editWindowSeconds = 0;
    mine.createdAt = new Date(Date.now() - 1000).toISOString();
    backend.findReported(mine.id)!.createdAt = mine.createdAt;
    assert.equal((await call('PATCH', `/comments/${mine.id}`, { body: 'late' })).status, 403);
    backend.state.thread.editWindowSeconds = 300;
    const deleted = await call('DELETE', `/comments/${mine.id}`);
    assert.deepEqual([deleted.body.status, deleted.body.removedBy, deleted.body.body], ['removed', 'author', '']);
    assert.equal((await call('DELETE', `/comments/${mine.id}`)).status, 200, 'a repeat answers the same');
    assert.equal((await call('DELETE', '/comments/c-2')).status, 403);
  });

  test('writing: posts, reports, withdrawals and their errors', async () => {
    const thread = { id: 't', url: 'https://news.test/t', title: 'T' };
    assert.equal((await call('POST', '/comments', { thread, body: 'hello', parentId: null }, { 'Idempotency-Key': 'k1' })).status, 201);
    assert.equal((await call('POST', '/comments', { thread, body: 'reply', parentId: 'c-25-r30' })).status, 201);
    assert.equal((await call('POST', '/comments', { thread, body: '' })).status, 422);
    assert.equal((await call('POST', '/comments', { thread, body: 'x', parentId: 'c-nope' })).status, 404);
    assert.equal((await call('POST', '/comments/c-1/reports', { reason: 'spam' })).status, 201);
    assert.equal((await call('POST', '/comments/c-1/reports', { reason: 'spam' })).status, 200);
    assert.equal((await call('POST', '/comments/c-1/reports', { reason: 'meh' })).status, 422);
    assert.equal((await call('DELETE', '/comments/c-1/reports/mine')).status, 204);
    backend.state.viewer = makeViewer({ status: 'banned' });
    assert.equal((await call('POST', '/comments', { thread, body: 'no' })).status, 403);
    backend.state.viewer = null;
    assert.equal((await call('POST', '/comments', { thread, body: 'no' })).status, 401);
  });
});
