// The moderation API under /api/v1/admin, and the CLI over the same functions.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { openStore } from '../../server/open-store.js';
import { ADMIN_TOKEN, API, expectError, expectStatus, newComment, scratchDatabase, startServer, type ScratchDatabase, type TestServer } from './harness.js';

let server: TestServer;
let author: string;

before(async () => {
  server = await startServer({ PARLEY_POST_RATE: '1000/60' });
  author = await server.token({ id: 'author', displayName: 'Author' });
});
after(() => server.close());

const admin = (method: string, path: string, body?: unknown) => server.call(method, `${API}/admin${path}`, { token: ADMIN_TOKEN, body });
const post = async (thread: string, text: string): Promise<any> =>
  expectStatus(await server.call('POST', `${API}/comments`, { token: author, body: newComment(thread, text) }), 201);
const reportAs = async (reporter: string, commentId: string, reason = 'spam') =>
  expectStatus(await server.call('POST', `${API}/comments/${commentId}/reports`, { token: await server.token({ id: reporter }), body: { reason, note: `from ${reporter}` } }), 201);

describe('admin API', () => {
  test('401 without the admin token, with a viewer token, or with a wrong one', async () => {
    const paths: Array<[string, string]> = [['GET', '/reports'], ['POST', '/comments/c-1/remove'], ['POST', '/users/u/ban'], ['POST', '/threads/status'], ['GET', '/nothing-here']];
    for (const [method, path] of paths) {
      for (const token of [null, author, 'wrong-admin-token', `${ADMIN_TOKEN}x`]) {
        const reply = await server.call(method, `${API}/admin${path}`, { token });
        assert.equal(reply.status, 401, `${method} ${path} with ${token}`);
        assert.equal(reply.body.error.code, 'unauthenticated');
      }
    }
  });

  test('the report queue lists comments with open reports, most reported first, paged', async () => {
    const once = await post('a-queue', 'reported once');
    const thrice = await post('a-queue', 'reported three times');
    const twice = await post('a-queue', 'reported twice');
    for (const r of ['r1', 'r2', 'r3']) await reportAs(r, thrice.id);
    for (const r of ['r1', 'r2']) await reportAs(r, twice.id);
    await reportAs('r1', once.id, 'off_topic');
    const first = expectStatus(await admin('GET', '/reports?limit=2'), 200);
    assert.deepEqual(first.items.map((i: any) => [i.comment.id, i.reports.length]), [[thrice.id, 3], [twice.id, 2]]);
    assert.equal(first.items[0].threadId, 'a-queue');
    assert.deepEqual(Object.keys(first.items[0].reports[0]).sort(), ['body', 'createdAt', 'note', 'reason', 'reporterId']);
    assert.equal(first.items[0].reports[0].note, 'from r1');
    const second = expectStatus(await admin('GET', `/reports?limit=2&cursor=${first.nextCursor}`), 200);
    assert.deepEqual(second.items.map((i: any) => i.comment.id), [once.id]);
    assert.equal(second.nextCursor, null);
    expectError(await admin('GET', '/reports?cursor=abc'), 400, 'invalid_cursor');
    expectError(await admin('GET', '/reports?limit=500'), 400, 'invalid_limit');

    // Remove: the comment shows removed to readers, its reports leave the queue.
    const removed = expectStatus(await admin('POST', `/comments/${thrice.id}/remove`), 200);
    assert.equal(removed.status, 'removed');
    assert.equal(removed.body, '');
    const page = expectStatus(await server.call('GET', `${API}/comments?thread=a-queue`), 200);
    assert.equal(page.comments.find((c: any) => c.id === thrice.id).status, 'removed');
    assert.equal(page.thread.commentCount, 2, 'a removed comment no longer counts');
    // Dismiss: the comment stays, its reports close.
    const kept = expectStatus(await admin('POST', `/comments/${twice.id}/dismiss-reports`), 200);
    assert.equal(kept.status, 'published');
    const queue = expectStatus(await admin('GET', '/reports'), 200);
    assert.deepEqual(queue.items.map((i: any) => i.comment.id), [once.id]);
    // Restore brings the text back.
    const restored = expectStatus(await admin('POST', `/comments/${thrice.id}/restore`), 200);
    assert.equal(restored.body, 'reported three times');
    const counts = expectStatus(await server.call('GET', `${API}/counts?thread=a-queue`), 200);
    assert.deepEqual(counts, { counts: { 'a-queue': 3 } }, 'and counts again once restored');
    for (const action of ['remove', 'restore', 'dismiss-reports']) {
      expectError(await admin('POST', `/comments/c-nope/${action}`), 404, 'comment_not_found');
    }
  });

  test('among equally reported comments, the longest waiting comes first, across pages', async () => {
    const comments = [];
    for (let i = 0; i < 4; i++) comments.push(await post('a-ties', `tie ${i}`));
    const order = [2, 0, 3, 1]; // report order, deliberately unlike creation (and id) order
    for (const i of order) {
      server.advance(1000);
      await reportAs(`tie-reporter-${i}`, comments[i].id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: any = expectStatus(await admin('GET', `/reports?limit=1${query}`), 200);
      seen.push(...page.items.filter((i: any) => i.threadId === 'a-ties').map((i: any) => i.comment.body));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, order.map((i) => `tie ${i}`));
    for (const c of comments) await admin('POST', `/comments/${c.id}/dismiss-reports`);
  });

  test('ban, suspend, unban answer with the user; the viewer sees it', async () => {
    await post('a-users', 'hello'); // the author's row exists once they have signed in
    const banned = expectStatus(await admin('POST', '/users/author/ban'), 200);
    assert.deepEqual(banned, { id: 'author', displayName: 'Author', subscriber: true, status: 'banned', suspendedUntil: null });
    const seen = expectStatus(await server.call('GET', `${API}/comments?thread=a-users`, { token: author }), 200);
    assert.equal(seen.viewer.status, 'banned');
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const suspended = expectStatus(await admin('POST', '/users/author/suspend', { until }), 200);
    assert.deepEqual([suspended.status, suspended.suspendedUntil], ['suspended', until]);
    for (const bad of [undefined, 'tomorrow', '2000-01-01T00:00:00Z', 12]) {
      expectError(await admin('POST', '/users/author/suspend', { until: bad }), 422, 'invalid_until');
    }
    const active = expectStatus(await admin('POST', '/users/author/unban'), 200);
    assert.equal(active.status, 'active');
    for (const action of ['ban', 'unban']) expectError(await admin('POST', `/users/nobody/${action}`), 404, 'user_not_found');
    expectError(await admin('POST', '/users/nobody/suspend', { until }), 404, 'user_not_found');
  });

  test('threads close and reopen', async () => {
    await post('a-thread', 'first');
    const closed = expectStatus(await admin('POST', '/threads/status', { thread: 'a-thread', status: 'closed' }), 200);
    assert.deepEqual([closed.id, closed.status, closed.commentCount], ['a-thread', 'closed', 1]);
    const page = expectStatus(await server.call('GET', `${API}/comments?thread=a-thread`), 200);
    assert.equal(page.thread.status, 'closed');
    expectStatus(await admin('POST', '/threads/status', { thread: 'a-thread', status: 'open' }), 200);
    expectError(await admin('POST', '/threads/status', { thread: 'a-none', status: 'closed' }), 404, 'thread_not_found');
    expectError(await admin('POST', '/threads/status', { thread: 'a-thread', status: 'archived' }), 422, 'invalid_status');
    expectError(await admin('POST', '/threads/status', { status: 'closed' }), 422, 'invalid_thread');
  });
});

describe('audit log', () => {
  test('every action is logged with who, what and when, newest first, paged', async () => {
    const c = await post('audit-thread', 'to be moderated');
    const as = (name: string) => ({ token: ADMIN_TOKEN, headers: { 'X-Parley-Moderator': name } });
    expectStatus(await server.call('POST', `${API}/admin/comments/${c.id}/remove`, as('Sam Editor')), 200);
    expectStatus(await server.call('POST', `${API}/admin/comments/${c.id}/restore`, as('Sam Editor')), 200);
    expectStatus(await server.call('POST', `${API}/admin/users/author/suspend`, { ...as('Priya Desk'), body: { until: '2999-01-01T00:00:00Z' } }), 200);
    expectStatus(await server.call('POST', `${API}/admin/users/author/unban`, as('Priya Desk')), 200);
    expectStatus(await admin('POST', '/threads/status', { thread: 'audit-thread', status: 'closed' }), 200);
    const first = expectStatus(await admin('GET', '/audit?limit=3'), 200);
    assert.deepEqual(first.items.map((e: any) => [e.actor, e.action, e.target.type, e.target.id, e.detail]), [
      ['admin', 'close', 'thread', 'audit-thread', null],
      ['Priya Desk', 'unban', 'user', 'author', null],
      ['Priya Desk', 'suspend', 'user', 'author', 'until 2999-01-01T00:00:00.000Z'],
    ]);
    assert.ok(first.items.every((e: any) => Date.now() - Date.parse(e.at) < 60_000));
    const second = expectStatus(await admin('GET', `/audit?limit=3&cursor=${first.nextCursor}`), 200);
    assert.deepEqual(second.items.slice(0, 2).map((e: any) => [e.actor, e.action, e.target.id]), [
      ['Sam Editor', 'restore', c.id],
      ['Sam Editor', 'remove', c.id],
    ]);
    // A failed action is not logged; a malformed name is refused before anything happens.
    expectError(await server.call('POST', `${API}/admin/users/nobody/ban`, as('Sam Editor')), 404, 'user_not_found');
    expectError(await server.call('POST', `${API}/admin/comments/${c.id}/remove`, as('x'.repeat(101))), 400, 'invalid_moderator');
    assert.equal(expectStatus(await admin('GET', '/audit?limit=1'), 200).items[0].action, 'close');
    expectError(await admin('GET', '/audit?cursor=bogus'), 400, 'invalid_cursor');
  });
});

describe('premoderation', () => {
  test('pending comments wait in GET /admin/pending; restore approves, remove rejects', async () => {
    const held = await startServer({ PARLEY_PREMODERATE: '1' });
    try {
      const writer = await held.token({ id: 'writer' });
      const reader = await held.token({ id: 'reader' });
      const ids: string[] = [];
      for (const text of ['first', 'second', 'third']) {
        held.advance(1);
        ids.push(expectStatus(await held.call('POST', `${API}/comments`, { token: writer, body: newComment('held', text) }), 201).id);
      }
      const listAdmin = (query = '') => held.call('GET', `${API}/admin/pending${query}`, { token: ADMIN_TOKEN });
      const first = expectStatus(await listAdmin('?limit=2'), 200);
      assert.deepEqual(first.items.map((i: any) => [i.comment.body, i.threadId, i.comment.status]), [['first', 'held', 'pending'], ['second', 'held', 'pending']]);
      const rest = expectStatus(await listAdmin(`?limit=2&cursor=${first.nextCursor}`), 200);
      assert.deepEqual(rest.items.map((i: any) => i.comment.body), ['third']);
      assert.equal(rest.nextCursor, null);
      expectError(await listAdmin('?cursor=x'), 400, 'invalid_cursor');
      expectStatus(await held.call('POST', `${API}/admin/comments/${ids[0]}/restore`, { token: ADMIN_TOKEN }), 200);
      expectStatus(await held.call('POST', `${API}/admin/comments/${ids[1]}/remove`, { token: ADMIN_TOKEN }), 200);
      const seen = expectStatus(await held.call('GET', `${API}/comments?thread=held&sort=oldest`, { token: reader }), 200);
      assert.deepEqual(seen.comments.map((c: any) => [c.body, c.status]), [['first', 'published'], ['', 'removed']]);
      assert.equal(seen.thread.commentCount, 1);
      assert.deepEqual(expectStatus(await listAdmin(), 200).items.map((i: any) => i.comment.body), ['third']);
    } finally {
      await held.close();
    }
  });
});

describe('npm run moderate', () => {
  const run = promisify(execFile);
  let database: ScratchDatabase;
  before(async () => (database = await scratchDatabase()));
  after(() => database.drop());
  const moderate = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'server/moderate.ts', ...args], { env: { ...process.env, PARLEY_DB: database.setting } });

  test('works on the database (the suite\'s store) with the same functions', async () => {
    const store = await openStore({ dbPath: database.setting });
    const now = new Date().toISOString();
    await store.upsertUser({ id: 'u1', displayName: 'One', subscriber: true, staff: false }, now);
    await store.createComment({ id: 'c-cli', thread: { id: 'cli-thread', url: '', title: '' }, parentId: null, rootId: null, authorId: 'u1', body: 'hi', status: 'published', createdAt: now, idempotency: null });
    await store.openReport({ commentId: 'c-cli', reporterId: 'u1', reason: 'spam', note: null, createdAt: now });
    await store.close();
    const listed = JSON.parse((await moderate('list-reports')).stdout);
    assert.equal(listed.items[0].comment.id, 'c-cli');
    assert.deepEqual(JSON.parse((await moderate('list-pending', '5')).stdout), { items: [], nextCursor: null });
    assert.equal(JSON.parse((await moderate('remove', 'c-cli')).stdout).status, 'removed');
    assert.equal(JSON.parse((await moderate('restore', 'c-cli')).stdout).status, 'published');
    assert.equal(JSON.parse((await moderate('suspend', 'u1', '2999-01-01T00:00:00Z')).stdout).status, 'suspended');
    assert.equal(JSON.parse((await moderate('close', 'cli-thread')).stdout).status, 'closed');
    const audit = JSON.parse((await run(process.execPath, ['--import', 'tsx', 'server/moderate.ts', 'audit', '2'],
      { env: { ...process.env, PARLEY_DB: database.setting, PARLEY_MODERATOR: 'Night desk' } })).stdout);
    assert.deepEqual(audit.items.map((e: { actor: string; action: string }) => e.action), ['close', 'suspend']);
    assert.match(audit.items[0].actor, /^cli:/, 'the CLI names its user when PARLEY_MODERATOR is not set');
    await assert.rejects(moderate('ban', 'nobody'), (e: { code: number; stderr: string }) => e.code === 1 && e.stderr.includes('No user'));
    await assert.rejects(moderate('frobnicate'), (e: { code: number; stderr: string }) => e.code === 2 && e.stderr.includes('usage'));
  });
});
