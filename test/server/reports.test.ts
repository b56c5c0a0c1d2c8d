// POST /comments/{id}/reports and DELETE /comments/{id}/reports/mine.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API, expectError, expectStatus, newComment, startServer, type TestServer } from './harness.js';

let server: TestServer;
let author: string;
let target: { id: string };

before(async () => {
  server = await startServer({ PARLEY_REPORT_RATE: '2/60' });
  author = await server.token({ id: 'author' });
  target = expectStatus(await server.call('POST', `${API}/comments`, { token: author, body: newComment('r-thread', 'say something') }), 201);
});
after(() => server.close());

let users = 0;
const freshReader = () => server.token({ id: `reporter-${++users}`, subscriber: false });
const report = (token: string | null, commentId: string, body: unknown) =>
  server.call('POST', `${API}/comments/${encodeURIComponent(commentId)}/reports`, { token, body });
const viewerReported = async (token: string): Promise<boolean> => {
  const page = expectStatus(await server.call('GET', `${API}/comments?thread=r-thread`, { token }), 200);
  return page.comments.find((c: any) => c.id === target.id).viewerReported;
};

describe('reports', () => {
  test('201 on the first report (non-subscribers may report), 200 with the same body on a repeat', async () => {
    const reader = await freshReader();
    const first = await report(reader, target.id, { reason: 'spam', note: 'links everywhere' });
    assert.deepEqual(expectStatus(first, 201), { commentId: target.id, reason: 'spam' });
    const again = await report(reader, target.id, { reason: 'offensive' });
    assert.deepEqual(expectStatus(again, 200), { commentId: target.id, reason: 'spam' });
    assert.equal(await viewerReported(reader), true);
    assert.equal(await viewerReported(author), false);
  });

  test('withdrawing: 204, also when there is nothing to withdraw; then a new report opens', async () => {
    const reader = await freshReader();
    expectStatus(await report(reader, target.id, { reason: 'other' }), 201);
    expectStatus(await server.call('DELETE', `${API}/comments/${target.id}/reports/mine`, { token: reader }), 204);
    assert.equal(await viewerReported(reader), false);
    expectStatus(await server.call('DELETE', `${API}/comments/${target.id}/reports/mine`, { token: reader }), 204);
    expectStatus(await server.call('DELETE', `${API}/comments/c-unknown/reports/mine`, { token: reader }), 204);
    expectStatus(await report(reader, target.id, { reason: 'abusive' }), 201);
    expectError(await server.call('DELETE', `${API}/comments/${target.id}/reports/mine`), 401, 'unauthenticated');
  });

  test('401, 403 own_comment / banned / suspended, 404 comment_not_found', async () => {
    expectError(await report(null, target.id, { reason: 'spam' }), 401, 'unauthenticated');
    expectError(await report(author, target.id, { reason: 'spam' }), 403, 'own_comment');
    expectError(await report(await freshReader(), 'c-missing', { reason: 'spam' }), 404, 'comment_not_found');
    const banned = await freshReader();
    await report(banned, 'c-missing', { reason: 'spam' }); // signs the user in, creating the row
    await server.store.setUserStatus(`reporter-${users}`, 'banned', null);
    expectError(await report(banned, target.id, { reason: 'spam' }), 403, 'banned');
    const suspended = await freshReader();
    await report(suspended, 'c-missing', { reason: 'spam' });
    await server.store.setUserStatus(`reporter-${users}`, 'suspended', new Date(Date.now() + 3_600_000).toISOString());
    expectError(await report(suspended, target.id, { reason: 'spam' }), 403, 'suspended');
    const removed = expectStatus(await server.call('POST', `${API}/comments`, { token: author, body: newComment('r-thread', 'gone soon') }), 201);
    await server.store.setCommentStatus(removed.id, 'removed');
    expectError(await report(await freshReader(), removed.id, { reason: 'spam' }), 404, 'comment_not_found');
  });

  test('422 invalid_reason and invalid_note', async () => {
    const reader = await freshReader();
    for (const reason of [undefined, 'rude', 5, null]) {
      expectError(await report(reader, target.id, { reason }), 422, 'invalid_reason');
    }
    expectError(await report(reader, target.id, { reason: 'spam', note: 'x'.repeat(501) }), 422, 'invalid_note');
    expectError(await report(reader, target.id, { reason: 'spam', note: 42 }), 422, 'invalid_note');
    expectStatus(await report(reader, target.id, { reason: 'spam', note: 'x'.repeat(500) }), 201);
  });

  test('429 rate_limited with Retry-After after too many reports', async () => {
    const reader = await freshReader();
    const others = [];
    for (let i = 0; i < 3; i++) {
      others.push(expectStatus(await server.call('POST', `${API}/comments`, { token: author, body: newComment('r-rate', `c${i}`) }), 201));
    }
    expectStatus(await report(reader, others[0].id, { reason: 'spam' }), 201);
    expectStatus(await report(reader, others[0].id, { reason: 'spam' }), 200); // a repeat is free
    expectStatus(await report(reader, others[1].id, { reason: 'spam' }), 201);
    const limited = await report(reader, others[2].id, { reason: 'spam' });
    expectError(limited, 429, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  });
});
