// What the moderation desk (/moderate/) reads and undoes: the queue newest first, the search,
// a comment's conversation, an author's history, and reopening reports — on every store.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_TOKEN, API, expectError, expectStatus, newComment, startServer, type TestServer } from './harness.js';

let server: TestServer;
let author: string;
let other: string;

before(async () => {
  server = await startServer({ PARLEY_POST_RATE: '1000/60', PARLEY_REPORT_RATE: '1000/60' });
  author = await server.token({ id: 'desk-author', displayName: 'Desk Author' });
  other = await server.token({ id: 'desk-other', displayName: 'Zoë 100%_Real' });
});
after(() => server.close());

const admin = (method: string, path: string, body?: unknown) =>
  server.call(method, `${API}/admin${path}`, { token: ADMIN_TOKEN, body, headers: { 'X-Parley-Moderator': 'Desk Test' } });
const post = async (thread: string, text: string, token = author, parentId: string | null = null): Promise<any> => {
  server.advance(1);
  return expectStatus(await server.call('POST', `${API}/comments`, { token, body: newComment(thread, text, parentId) }), 201);
};
const reportAs = async (reporter: string, commentId: string) => {
  server.advance(1000);
  expectStatus(await server.call('POST', `${API}/comments/${commentId}/reports`, { token: await server.token({ id: reporter }), body: { reason: 'abusive', note: null } }), 201);
};
const queueIds = async (query: string): Promise<string[]> => {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: any = expectStatus(await admin('GET', `/reports?${query}${cursor ? `&cursor=${cursor}` : ''}`), 200);
    ids.push(...page.items.map((i: any) => i.comment.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
};

describe('desk: the report queue by newest report', () => {
  test('sort=newest puts the latest open report first, paged; count stays the default', async () => {
    const a = await post('desk-q', 'a');
    const b = await post('desk-q', 'b');
    const c = await post('desk-q', 'c');
    await reportAs('q1', a.id);
    await reportAs('q2', a.id);
    await reportAs('q1', c.id);
    await reportAs('q1', b.id);
    assert.deepEqual(await queueIds('sort=newest&limit=1'), [b.id, c.id, a.id]);
    assert.deepEqual(await queueIds('limit=2'), [a.id, c.id, b.id], 'most reported, then longest waiting');
    assert.deepEqual(await queueIds('sort=count&limit=2'), [a.id, c.id, b.id]);
    const first = expectStatus(await admin('GET', '/reports?sort=newest&limit=1'), 200);
    expectError(await admin('GET', `/reports?sort=count&cursor=${first.nextCursor}`), 400, 'invalid_cursor');
    expectError(await admin('GET', '/reports?sort=loudest'), 400, 'invalid_sort');
    for (const id of [a.id, b.id, c.id]) expectStatus(await admin('POST', `/comments/${id}/dismiss-reports`), 200);
  });
});

describe('desk: undo by reopening reports', () => {
  test('reopen-reports brings back what the latest dismissal closed, and is audited', async () => {
    const c = await post('desk-undo', 'reported then dismissed');
    await reportAs('u1', c.id);
    await reportAs('u2', c.id);
    expectStatus(await admin('POST', `/comments/${c.id}/dismiss-reports`), 200);
    assert.ok(!(await queueIds('')).includes(c.id));
    const reopened = expectStatus(await admin('POST', `/comments/${c.id}/reopen-reports`), 200);
    assert.equal(reopened.id, c.id);
    const queue = expectStatus(await admin('GET', '/reports'), 200);
    const entry = queue.items.find((i: any) => i.comment.id === c.id);
    assert.deepEqual(entry.reports.map((r: any) => r.reporterId).sort(), ['u1', 'u2']);
    const audit = expectStatus(await admin('GET', '/audit?limit=2'), 200);
    assert.deepEqual(audit.items.map((e: any) => [e.actor, e.action, e.target.id, e.detail]), [
      ['Desk Test', 'reopen-reports', c.id, '2 reopened'],
      ['Desk Test', 'dismiss-reports', c.id, null],
    ]);
  });

  test('after a removal: restore then reopen puts the comment back as it was; older closings stay closed', async () => {
    const c = await post('desk-undo', 'removed then undone');
    await reportAs('old', c.id);
    expectStatus(await admin('POST', `/comments/${c.id}/dismiss-reports`), 200);
    server.advance(1000);
    await reportAs('new1', c.id);
    expectStatus(await admin('POST', `/comments/${c.id}/remove`), 200);
    expectStatus(await admin('POST', `/comments/${c.id}/restore`), 200);
    expectStatus(await admin('POST', `/comments/${c.id}/reopen-reports`), 200);
    const entry = expectStatus(await admin('GET', '/reports'), 200).items.find((i: any) => i.comment.id === c.id);
    assert.deepEqual(entry.reports.map((r: any) => r.reporterId), ['new1'], 'only the removal\'s reports reopen');
    // A reporter who reported again meanwhile keeps one open report.
    expectStatus(await admin('POST', `/comments/${c.id}/dismiss-reports`), 200);
    await reportAs('new1', c.id);
    expectStatus(await admin('POST', `/comments/${c.id}/reopen-reports`), 200);
    const again = expectStatus(await admin('GET', '/reports'), 200).items.find((i: any) => i.comment.id === c.id);
    assert.equal(again.reports.length, 1);
    expectStatus(await admin('POST', `/comments/${c.id}/dismiss-reports`), 200);
    expectError(await admin('POST', '/comments/c-none/reopen-reports'), 404, 'comment_not_found');
  });
});

describe('desk: search and filters', () => {
  test('by status and by text or author, newest first, paged; wildcards are literal', async () => {
    const plain = await post('desk-s', 'An ordinary remark about the council');
    const percent = await post('desk-s', 'Rates rose 100% this year', other);
    const underscore = await post('desk-s', 'snake_case is fine');
    const removed = await post('desk-s', 'Removed remark about the COUNCIL');
    expectStatus(await admin('POST', `/comments/${removed.id}/remove`), 200);
    const search = async (query: string) =>
      expectStatus(await admin('GET', `/comments?${query}`), 200).items.map((c: any) => c.id);
    assert.deepEqual(await search(`q=${encodeURIComponent('council')}`), [removed.id, plain.id], 'ASCII case folded, newest first');
    assert.deepEqual(await search(`q=${encodeURIComponent('council')}&status=published`), [plain.id]);
    assert.deepEqual((await search('status=removed')).slice(0, 1), [removed.id]);
    assert.deepEqual(await search(`q=${encodeURIComponent('100%')}`), [percent.id], '% is a character, not a wildcard');
    assert.deepEqual(await search(`q=${encodeURIComponent('%')}`), [percent.id]);
    assert.deepEqual(await search(`q=${encodeURIComponent('e_c')}`), [underscore.id], '_ is a character');
    assert.deepEqual(await search(`q=${encodeURIComponent('zoë 100%_')}`), [percent.id], 'the author\'s name');
    assert.deepEqual(await search('q=desk-other'), [percent.id], 'the author\'s id');
    assert.deepEqual(await search(`q=${encodeURIComponent('\\')}`), []);
    // A removed comment's text is there for the moderator (readers get the placeholder).
    const found = expectStatus(await admin('GET', '/comments?status=removed&limit=1'), 200);
    assert.equal(found.items[0].body, 'Removed remark about the COUNCIL');
    assert.deepEqual(found.items[0].author, { id: 'desk-author', displayName: 'Desk Author' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = expectStatus(await admin('GET', `/comments?q=desk-author&limit=1${cursor ? `&cursor=${cursor}` : ''}`), 200);
      seen.push(...page.items.map((c: any) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen.slice(0, 3), [removed.id, underscore.id, plain.id]);
    expectError(await admin('GET', '/comments?status=deleted'), 400, 'invalid_filter');
    expectError(await admin('GET', '/comments?q='), 400, 'invalid_query');
    expectError(await admin('GET', `/comments?q=${'x'.repeat(201)}`), 400, 'invalid_query');
    expectError(await admin('GET', '/comments?cursor=nope'), 400, 'invalid_cursor');
  });
});

describe('desk: context and history', () => {
  test('a comment with the one it answers and the replies to it, removed text included', async () => {
    const root = await post('desk-c', 'the root');
    const reply = await post('desk-c', 'a reply', other, root.id);
    const answer = await post('desk-c', 'an answer to the reply', author, reply.id);
    const aside = await post('desk-c', 'another reply to the root', other, root.id);
    expectStatus(await admin('POST', `/comments/${aside.id}/remove`), 200);
    const ofRoot = expectStatus(await admin('GET', `/comments/${root.id}/context`), 200);
    assert.equal(ofRoot.parent, null);
    assert.equal(ofRoot.thread.id, 'desk-c');
    assert.deepEqual(ofRoot.replies.map((r: any) => [r.body, r.status]),
      [['a reply', 'published'], ['an answer to the reply', 'published'], ['another reply to the root', 'removed']]);
    const ofReply = expectStatus(await admin('GET', `/comments/${reply.id}/context`), 200);
    assert.equal(ofReply.parent.id, root.id);
    assert.deepEqual(ofReply.replies.map((r: any) => r.id), [answer.id]);
    expectError(await admin('GET', '/comments/c-none/context'), 404, 'comment_not_found');
  });

  test('an author\'s standing, counts, latest comments and sanctions', async () => {
    const writer = await server.token({ id: 'desk-history', displayName: 'History' });
    const kept = await post('desk-h', 'kept', writer);
    const gone = await post('desk-h', 'gone', writer);
    expectStatus(await admin('POST', `/comments/${gone.id}/remove`), 200);
    expectStatus(await admin('POST', '/users/desk-history/suspend', { until: '2999-01-01T00:00:00Z' }), 200);
    const history = expectStatus(await admin('GET', '/users/desk-history/history'), 200);
    assert.equal(history.user.status, 'suspended');
    assert.deepEqual(history.counts, { published: 1, pending: 0, removed: 1 });
    assert.deepEqual(history.comments.map((c: any) => [c.id, c.status, c.body]), [[gone.id, 'removed', 'gone'], [kept.id, 'published', 'kept']]);
    assert.deepEqual(history.sanctions.map((e: any) => [e.action, e.actor, e.detail]), [['suspend', 'Desk Test', 'until 2999-01-01T00:00:00.000Z']]);
    expectError(await admin('GET', '/users/nobody-here/history'), 404, 'user_not_found');
  });

  test('the new reads need the admin token too', async () => {
    for (const path of ['/comments', '/comments/c-1/context', '/users/u/history']) {
      const reply = await server.call('GET', `${API}/admin${path}`, { token: author });
      assert.equal(reply.status, 401, path);
    }
    expectError(await server.call('POST', `${API}/admin/comments/c-1/reopen-reports`), 401, 'unauthenticated');
  });
});
