// Several instances are one service: two servers on one database (the suite's store — a SQLite
// file, or one PostgreSQL schema), each with its own connections and no state shared in memory.
// Whatever one instance decides, the other must honour at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_TOKEN, API, expectError, expectStatus, newComment, scratchDatabase, startServer, TEST_STORE,
  type ScratchDatabase, type TestServer,
} from './harness.js';

let database: ScratchDatabase;
let one: TestServer;
let two: TestServer;
let users = 0;

before(async () => {
  database = await scratchDatabase();
  // Five posts a minute per user, as in production; reports ten a minute.
  one = await startServer({ PARLEY_POST_RATE: '5/60', PARLEY_REPORT_RATE: '10/60' }, { database });
  two = await startServer({ PARLEY_POST_RATE: '5/60', PARLEY_REPORT_RATE: '10/60' }, { database });
});
after(async () => {
  await one?.close();
  await two?.close();
  await database?.drop();
});

const fresh = async (claims: { subscriber?: boolean } = {}): Promise<{ id: string; token: string }> => {
  const id = `multi-${++users}`;
  return { id, token: await one.token({ id, ...claims }) };
};
const post = (server: TestServer, token: string, body: object, headers: Record<string, string> = {}) =>
  server.call('POST', `${API}/comments`, { token, body, headers });

describe(`two instances on one database (${TEST_STORE})`, () => {
  test('the same Idempotency-Key sent to both at once creates one comment', async () => {
    const { token } = await fresh();
    const headers = { 'Idempotency-Key': 'both-instances' };
    const body = newComment('multi-idem', 'sent twice, through two doors');
    const replies = await Promise.all([one, two, one, two].map((server) => post(server, token, body, headers)));
    const ids = new Set(replies.map((reply) => expectStatus(reply, 201).id));
    assert.equal(ids.size, 1, 'every answer names the one comment');
    const page = expectStatus(await two.call('GET', `${API}/comments?thread=multi-idem`), 200);
    assert.deepEqual(page.comments.map((c: any) => c.body), ['sent twice, through two doors']);
    assert.equal(page.thread.commentCount, 1);
  });

  test('a flood split across both instances is limited as if it hit one', async () => {
    const { token } = await fresh();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(i % 2 === 0 ? one : two, token, newComment('multi-flood', `post ${i}`))).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429, 429], 'five a minute in all, not five per instance');
    // And at once, in parallel: still five in all for a new user.
    const other = await fresh();
    const parallel = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? one : two, other.token, newComment('multi-flood', `p${i}`))));
    assert.equal(parallel.filter((r) => r.status === 201).length, 5);
    assert.ok(parallel.filter((r) => r.status !== 201).every((r) => r.status === 429 && r.body.error.code === 'rate_limited'));
  });

  test('a ban made through one instance is refused by the other at once', async () => {
    const { id, token } = await fresh();
    expectStatus(await post(two, token, newComment('multi-ban', 'before the ban')), 201);
    expectStatus(await one.call('POST', `${API}/admin/users/${id}/ban`, { token: ADMIN_TOKEN }), 200);
    expectError(await post(two, token, newComment('multi-ban', 'after the ban')), 403, 'banned');
    const page = expectStatus(await two.call('GET', `${API}/comments?thread=multi-ban`, { token }), 200);
    assert.equal(page.viewer.status, 'banned', 'the other instance shows the reader banned');
    expectStatus(await two.call('POST', `${API}/admin/users/${id}/unban`, { token: ADMIN_TOKEN }), 200);
    expectStatus(await post(one, token, newComment('multi-ban', 'after the unban')), 201);
  });

  test('closing a thread through one instance closes it on the other', async () => {
    const { token } = await fresh();
    expectStatus(await post(one, token, newComment('multi-close', 'open for now')), 201);
    expectStatus(await two.call('POST', `${API}/admin/threads/status`, { token: ADMIN_TOKEN, body: { thread: 'multi-close', status: 'closed' } }), 200);
    expectError(await post(one, token, newComment('multi-close', 'too late')), 403, 'thread_closed');
    assert.equal(expectStatus(await one.call('GET', `${API}/comments?thread=multi-close`), 200).thread.status, 'closed');
  });

  test('one open report per reader per comment, whichever instances the reports reach', async () => {
    const author = await fresh();
    const comment = expectStatus(await post(one, author.token, newComment('multi-report', 'report me twice')), 201);
    const reporter = await fresh();
    const replies = await Promise.all([one, two, one, two].map((server) =>
      server.call('POST', `${API}/comments/${comment.id}/reports`, { token: reporter.token, body: { reason: 'spam' } })));
    assert.deepEqual(replies.map((r) => r.status).sort(), [200, 200, 200, 201], 'one created, three find it open');
    const queue = expectStatus(await two.call('GET', `${API}/admin/reports`, { token: ADMIN_TOKEN }), 200);
    const entry = queue.items.find((item: any) => item.comment.id === comment.id);
    assert.equal(entry.reports.length, 1);
    // Withdrawn through the other instance, it is gone for both.
    expectStatus(await two.call('DELETE', `${API}/comments/${comment.id}/reports/mine`, { token: reporter.token }), 204);
    const page = expectStatus(await one.call('GET', `${API}/comments?thread=multi-report`, { token: reporter.token }), 200);
    assert.equal(page.comments[0].viewerReported, false);
  });

  test('a signed-out page kept in memory by one instance is dropped when the other writes', async () => {
    const author = await fresh();
    expectStatus(await post(one, author.token, newComment('multi-cache', 'first')), 201);
    const url = `${API}/comments?thread=multi-cache`;
    // Counted reads: a second signed-out GET on the same instance is answered from memory.
    let reads = 0;
    const list = two.store.listTopLevel.bind(two.store);
    two.store.listTopLevel = (q) => (reads++, list(q));
    try {
      assert.equal(expectStatus(await two.call('GET', url), 200).comments.length, 1);
      assert.equal(expectStatus(await two.call('GET', url), 200).comments.length, 1);
      assert.equal(reads, 1, 'the repeat came from memory');
      expectStatus(await two.call('GET', url, { token: author.token }), 200);
      assert.equal(reads, 2, 'a signed-in reader\'s page is never shared');
      expectStatus(await post(one, author.token, newComment('multi-cache', 'second, through the other door')), 201);
      let bodies: string[] = [];
      for (let i = 0; i < 40 && bodies.length < 2; i++) {
        bodies = expectStatus(await two.call('GET', url), 200).comments.map((c: any) => c.body);
        if (bodies.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(bodies, ['second, through the other door', 'first'], 'shown within two seconds');
    } finally {
      two.store.listTopLevel = list;
    }
  });

  test('a removal through one instance is what the other serves', async () => {
    const author = await fresh();
    const comment = expectStatus(await post(two, author.token, newComment('multi-remove', 'soon gone')), 201);
    expectStatus(await one.call('POST', `${API}/admin/comments/${comment.id}/remove`, { token: ADMIN_TOKEN }), 200);
    const page = expectStatus(await two.call('GET', `${API}/comments?thread=multi-remove`), 200);
    assert.deepEqual([page.comments[0].status, page.comments[0].body, page.thread.commentCount], ['removed', '', 0]);
  });
});
