// #16 on the suite's store: Recommend, sort=top (its reading never repeats or skips a comment
// while counts change), featured comments (admin API and CLI), and an author's edit and deletion.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { ADMIN_TOKEN, API, expectError, expectStatus, newComment, scratchDatabase, startServer, TEST_STORE, type TestServer } from './harness.js';
import { openEvents } from './sse.js';

let server: TestServer;
let threads = 0;

before(async () => {
  server = await startServer({ PARLEY_POST_RATE: '1000/60', PARLEY_RECOMMEND_RATE: '1000/60', PARLEY_EDIT_WINDOW_SECONDS: '60' });
});
after(() => server.close());

const newThread = (): string => `eng-${++threads}`;
const tokenOf = (id: string, claims: { subscriber?: boolean } = {}) => server.token({ id, ...claims });
async function post(thread: string, as: string, body = `said by ${as}`, parentId: string | null = null): Promise<any> {
  return expectStatus(await server.call('POST', `${API}/comments`, { token: await tokenOf(as), body: newComment(thread, body, parentId) }), 201);
}
const recommend = async (as: string, id: string, on = true) =>
  server.call(on ? 'PUT' : 'DELETE', `${API}/comments/${encodeURIComponent(id)}/recommendation`, { token: await tokenOf(as) });
const page = async (thread: string, query = '', token: string | null = null): Promise<any> =>
  expectStatus(await server.call('GET', `${API}/comments?thread=${thread}${query}`, { token }), 200);
const admin = (path: string) => server.call('POST', `${API}/admin${path}`, { token: ADMIN_TOKEN });

describe(`Recommend (${TEST_STORE})`, () => {
  test('PUT counts once per reader, DELETE takes it back; pages show the count and the viewer\'s own flag, signed out too', async () => {
    const thread = newThread();
    const c = await post(thread, 'writer');
    assert.equal(c.recommendations, 0);
    assert.equal((await page(thread)).comments[0].recommendations, 0, 'a signed-out page is cached before the change');
    assert.deepEqual(expectStatus(await recommend('fan-1', c.id), 200), { commentId: c.id, recommendations: 1, viewerRecommended: true });
    assert.deepEqual(expectStatus(await recommend('fan-1', c.id), 200), { commentId: c.id, recommendations: 1, viewerRecommended: true }, 'idempotent');
    expectStatus(await recommend('fan-2', c.id), 200);
    const mine = (await page(thread, '', await tokenOf('fan-1'))).comments[0];
    assert.deepEqual([mine.recommendations, mine.viewerRecommended], [2, true]);
    const theirs = (await page(thread)).comments[0];
    assert.deepEqual([theirs.recommendations, theirs.viewerRecommended], [2, false], 'the cached signed-out page was dropped');
    assert.deepEqual(expectStatus(await recommend('fan-1', c.id, false), 200), { commentId: c.id, recommendations: 1, viewerRecommended: false });
    assert.deepEqual(expectStatus(await recommend('fan-1', c.id, false), 200), { commentId: c.id, recommendations: 1, viewerRecommended: false });
    assert.equal(expectStatus(await recommend('fan-1', c.id), 200).recommendations, 2, 'recommending again counts again');
    // A reply's count shows where it is drawn.
    const reply = await post(thread, 'replier', 'a reply', c.id);
    expectStatus(await recommend('fan-1', reply.id), 200);
    assert.equal((await page(thread)).comments[0].replies[0].recommendations, 1);
  });

  test('401, 403 not_subscriber / own_comment / banned, 404 for unknown, removed and pending, DELETE always allowed', async () => {
    const thread = newThread();
    const c = await post(thread, 'writer');
    expectError(await server.call('PUT', `${API}/comments/${c.id}/recommendation`), 401, 'unauthenticated');
    expectError(await server.call('DELETE', `${API}/comments/${c.id}/recommendation`), 401, 'unauthenticated');
    expectError(await server.call('PUT', `${API}/comments/${c.id}/recommendation`, { token: await tokenOf('free', { subscriber: false }) }), 403, 'not_subscriber');
    expectError(await recommend('writer', c.id), 403, 'own_comment');
    expectError(await recommend('fan', 'c-nope'), 404, 'comment_not_found');
    expectError(await recommend('fan', 'c-nope', false), 404, 'comment_not_found');
    expectStatus(await recommend('banned-fan', c.id), 200);
    await server.store.setUserStatus('banned-fan', 'banned', null);
    expectError(await recommend('banned-fan', c.id), 403, 'banned');
    expectStatus(await recommend('banned-fan', c.id, false), 200);
    expectStatus(await admin(`/comments/${c.id}/remove`), 200);
    expectError(await recommend('fan', c.id), 404, 'comment_not_found');
  });

  test('429 rate_limited past the limit; repeats never count', async () => {
    const limited = await startServer({ PARLEY_RECOMMEND_RATE: '2/60' });
    try {
      const writer = await limited.token({ id: 'w' });
      const fan = await limited.token({ id: 'f' });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push(expectStatus(await limited.call('POST', `${API}/comments`, { token: writer, body: newComment('rl', `c${i}`) }), 201).id);
      }
      expectStatus(await limited.call('PUT', `${API}/comments/${ids[0]}/recommendation`, { token: fan }), 200);
      expectStatus(await limited.call('PUT', `${API}/comments/${ids[0]}/recommendation`, { token: fan }), 200);
      expectStatus(await limited.call('PUT', `${API}/comments/${ids[1]}/recommendation`, { token: fan }), 200);
      const refused = await limited.call('PUT', `${API}/comments/${ids[2]}/recommendation`, { token: fan });
      expectError(refused, 429, 'rate_limited');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      expectStatus(await limited.call('DELETE', `${API}/comments/${ids[0]}/recommendation`, { token: fan }), 200);
      limited.advance(61_000);
      expectStatus(await limited.call('PUT', `${API}/comments/${ids[2]}/recommendation`, { token: fan }), 200);
    } finally {
      await limited.close();
    }
  });
});

describe(`sort=top (${TEST_STORE})`, () => {
  test('orders by recommendations, then newest; its cursor is refused by another sort', async () => {
    const thread = newThread();
    const [a, b, c] = [await post(thread, 'w1'), await post(thread, 'w2'), await post(thread, 'w3')];
    for (const fan of ['f1', 'f2']) expectStatus(await recommend(fan, a.id), 200);
    expectStatus(await recommend('f1', b.id), 200);
    const top = await page(thread, '&sort=top');
    assert.deepEqual(top.comments.map((x: any) => x.id), [a.id, b.id, c.id]);
    const first = await page(thread, '&sort=top&limit=1');
    assert.ok(first.nextCursor);
    expectError(await server.call('GET', `${API}/comments?thread=${thread}&cursor=${first.nextCursor}`), 400, 'invalid_cursor');
    const newest = await page(thread, '&limit=1');
    expectError(await server.call('GET', `${API}/comments?thread=${thread}&sort=top&cursor=${newest.nextCursor}`), 400, 'invalid_cursor');
    expectError(await server.call('GET', `${API}/comments?thread=${thread}&sort=best`), 400, 'invalid_sort');
  });

  test('pages never repeat or skip a comment while recommendations change between page requests', async () => {
    const thread = newThread();
    const comments: any[] = [];
    for (let i = 0; i < 12; i++) comments.push(await post(thread, `w${i}`));
    // Some counts to start with: comment i has i % 4 recommendations.
    for (const [i, c] of comments.entries()) for (let f = 0; f < i % 4; f++) expectStatus(await recommend(`f${f}`, c.id), 200);
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    const base = `&sort=top&limit=3`;
    do {
      const reply: any = await page(thread, cursor === null ? base : `${base}&cursor=${cursor}`, await tokenOf('reader'));
      seen.push(...reply.comments.map((x: any) => x.id));
      cursor = reply.nextCursor;
      round++;
      // Between pages: lift what is still to come above everything, drop what was shown,
      // take back and give again, and post a new comment.
      const unseen = comments.filter((x) => !seen.includes(x.id));
      for (const x of unseen.slice(-2)) for (let f = 0; f < 6; f++) expectStatus(await recommend(`boost${round}-${f}`, x.id), 200);
      for (const x of comments.filter((y) => seen.includes(y.id)).slice(0, 2)) {
        for (let f = 0; f < 4; f++) expectStatus(await recommend(`f${f}`, x.id, false), 200);
      }
      if (unseen[0]) {
        expectStatus(await recommend('flip', unseen[0].id, round % 2 === 1), 200);
      }
      await post(thread, `late${round}`);
      server.advance(5); // every change above is at a later millisecond than the snapshot
    } while (cursor !== null);
    assert.equal(seen.length, new Set(seen).size, `no comment twice: ${seen.join(' ')}`);
    assert.deepEqual([...seen].sort(), comments.map((c) => c.id).sort(), 'every comment of the reading once, none posted after it');
    // A new reading starts now: it sees the new counts and the new comments.
    const fresh = await page(thread, '&sort=top&limit=100');
    assert.equal(fresh.comments.length, 12 + round);
    const scores = fresh.comments.map((x: any) => x.recommendations);
    assert.deepEqual(scores, [...scores].sort((p: number, q: number) => q - p), 'a fresh reading orders by the counts now');
  });
});

describe(`featured (${TEST_STORE})`, () => {
  test('the first page lists featured comments, replies too, newest featured first; later pages do not; audited', async () => {
    const thread = newThread();
    const a = await post(thread, 'w1', 'first');
    const b = await post(thread, 'w2', 'second');
    const r = await post(thread, 'w3', 'a reply', a.id);
    assert.deepEqual((await page(thread)).featured, []);
    const featured = expectStatus(await admin(`/comments/${a.id}/feature`), 200);
    assert.equal(featured.featured, true);
    server.advance(5);
    expectStatus(await admin(`/comments/${r.id}/feature`), 200);
    const first = await page(thread, '&limit=1');
    assert.deepEqual(first.featured.map((x: any) => x.id), [r.id, a.id]);
    assert.deepEqual([first.featured[1].replyCount, first.featured[1].replies], [0, []]);
    assert.equal(first.comments[0].featured, b.featured, 'b is not featured');
    assert.equal((await page(thread, `&limit=1&cursor=${first.nextCursor}`)).featured, undefined);
    assert.equal((await page(thread, '&sort=top')).featured.length, 2);
    expectStatus(await admin(`/comments/${r.id}/unfeature`), 200);
    assert.deepEqual((await page(thread)).featured.map((x: any) => x.id), [a.id]);
    expectStatus(await admin(`/comments/${a.id}/remove`), 200);
    assert.deepEqual((await page(thread)).featured, [], 'a removed comment leaves the strip');
    expectError(await admin(`/comments/${a.id}/feature`), 404, 'comment_not_found');
    expectError(await admin('/comments/c-nope/feature'), 404, 'comment_not_found');
    const audit = expectStatus(await server.call('GET', `${API}/admin/audit?limit=5`, { token: ADMIN_TOKEN }), 200);
    assert.deepEqual(audit.items.slice(0, 4).map((e: any) => e.action), ['remove', 'unfeature', 'feature', 'feature']);
  });

  test('npm run moderate -- feature / unfeature', async () => {
    const run = promisify(execFile);
    // The CLI opens the database itself: a file (or schema), not the suite's in-memory one.
    const cli = await startServer({ PARLEY_POST_RATE: '1000/60' }, { database: await scratchDatabase() });
    try {
      const token = await cli.token({ id: 'cli-writer' });
      const mine = expectStatus(await cli.call('POST', `${API}/comments`, { token, body: newComment('cli-t', 'pick me') }), 201);
      const moderate = (...args: string[]) =>
        run(process.execPath, ['--import', 'tsx', 'server/moderate.ts', ...args], { env: { ...process.env, PARLEY_DB: cli.database.setting, PARLEY_MODERATOR: 'Desk' } });
      assert.equal(JSON.parse((await moderate('feature', mine.id)).stdout).featured, true);
      await new Promise((resolve) => setTimeout(resolve, 400)); // another process's write reaches this instance's feed
      const shown = expectStatus(await cli.call('GET', `${API}/comments?thread=cli-t`), 200);
      assert.deepEqual(shown.featured.map((x: any) => x.id), [mine.id]);
      assert.equal(JSON.parse((await moderate('unfeature', mine.id)).stdout).featured, false);
      const audit = expectStatus(await cli.call('GET', `${API}/admin/audit?limit=2`, { token: ADMIN_TOKEN }), 200);
      assert.deepEqual(audit.items.map((e: any) => [e.action, e.actor]), [['unfeature', 'Desk'], ['feature', 'Desk']]);
    } finally {
      await cli.close();
      await cli.database.drop();
    }
  });
});

describe(`an author's edit and deletion (${TEST_STORE})`, () => {
  test('PATCH within the window sets editedAt and the new text; the thread says the window; refused after it', async () => {
    const thread = newThread();
    const c = await post(thread, 'author', 'tpyo');
    const before = await page(thread);
    assert.equal(before.thread.editWindowSeconds, 60);
    const hostile = '<img src=x onerror=alert(1)> & "quotes"\nline two';
    const edited = expectStatus(await server.call('PATCH', `${API}/comments/${c.id}`, { token: await tokenOf('author'), body: { body: `  ${hostile}\r\n` } }), 200);
    assert.equal(edited.body, hostile, 'trimmed, \\r\\n made \\n, otherwise kept as text');
    assert.ok(edited.editedAt >= c.createdAt);
    assert.equal((await page(thread)).comments[0].body, hostile, 'the signed-out page shows the edit at once');
    const same = expectStatus(await server.call('PATCH', `${API}/comments/${c.id}`, { token: await tokenOf('author'), body: { body: hostile } }), 200);
    assert.equal(same.editedAt, edited.editedAt, 'the same text changes nothing');
    server.advance(61_000);
    expectError(await server.call('PATCH', `${API}/comments/${c.id}`, { token: await tokenOf('author'), body: { body: 'late' } }), 403, 'edit_window_closed');
  });

  test('PATCH errors: 401, 415, 400, 422, 404, 403 not_author / thread_closed', async () => {
    const thread = newThread();
    const c = await post(thread, 'author');
    const patch = async (as: string | null, body: unknown, headers?: Record<string, string>) =>
      server.call('PATCH', `${API}/comments/${c.id}`, { token: as && (await tokenOf(as)), body, headers });
    expectError(await patch(null, { body: 'x' }), 401, 'unauthenticated');
    expectError(await server.call('PATCH', `${API}/comments/${c.id}`, { token: await tokenOf('author'), rawBody: 'x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
    expectError(await server.call('PATCH', `${API}/comments/${c.id}`, { token: await tokenOf('author'), rawBody: '[1]' }), 400, 'invalid_json');
    expectError(await patch('author', { body: '   ' }), 422, 'invalid_body');
    expectError(await patch('author', { body: 'bell\u0007' }), 422, 'invalid_body');
    expectError(await patch('someone', { body: 'mine now' }), 403, 'not_author');
    expectError(await server.call('PATCH', `${API}/comments/c-nope`, { token: await tokenOf('author'), body: { body: 'x' } }), 404, 'comment_not_found');
    expectStatus(await server.call('POST', `${API}/admin/threads/status`, { token: ADMIN_TOKEN, body: { thread, status: 'closed' } }), 200);
    expectError(await patch('author', { body: 'closed now' }), 403, 'thread_closed');
  });

  test('a report keeps the text it was made against; the replaced text is kept', async () => {
    const thread = newThread();
    const c = await post(thread, 'author', 'something nasty');
    expectStatus(await server.call('POST', `${API}/comments/${c.id}/reports`, { token: await tokenOf('reporter'), body: { reason: 'abusive' } }), 201);
    expectStatus(await server.call('PATCH', `${API}/comments/${c.id}`, { token: await tokenOf('author'), body: { body: 'something nice' } }), 200);
    const queue = expectStatus(await server.call('GET', `${API}/admin/reports?limit=100`, { token: ADMIN_TOKEN }), 200);
    const item = queue.items.find((i: any) => i.comment.id === c.id);
    assert.equal(item.comment.body, 'something nice');
    assert.equal(item.reports[0].body, 'something nasty');
    const revisions = await server.store.exportRows('comment_revisions', null, 1000);
    assert.ok(revisions.some((r) => r.comment_id === c.id && r.body === 'something nasty'));
  });

  test('DELETE: the author\'s placeholder keeps its place and its replies, the count drops, final and repeatable', async () => {
    const thread = newThread();
    const c = await post(thread, 'author', 'regret this');
    const reply = await post(thread, 'other', 'a reply that stays', c.id);
    expectStatus(await recommend('fan', c.id), 200);
    expectStatus(await admin(`/comments/${c.id}/feature`), 200);
    const token = await tokenOf('author');
    expectError(await server.call('DELETE', `${API}/comments/${c.id}`), 401, 'unauthenticated');
    expectError(await server.call('DELETE', `${API}/comments/${c.id}`, { token: await tokenOf('other') }), 403, 'not_author');
    expectError(await server.call('DELETE', `${API}/comments/c-nope`, { token }), 404, 'comment_not_found');
    const deleted = expectStatus(await server.call('DELETE', `${API}/comments/${c.id}`, { token }), 200);
    assert.deepEqual([deleted.status, deleted.removedBy, deleted.body, deleted.featured], ['removed', 'author', '', false]);
    const after = await page(thread);
    assert.equal(after.thread.commentCount, 1);
    assert.deepEqual(after.featured, []);
    assert.deepEqual([after.comments[0].id, after.comments[0].removedBy, after.comments[0].replyCount], [c.id, 'author', 1]);
    assert.equal(after.comments[0].replies[0].id, reply.id);
    assert.equal(after.comments[0].replies[0].body, 'a reply that stays');
    assert.equal(expectStatus(await server.call('DELETE', `${API}/comments/${c.id}`, { token }), 200).removedBy, 'author', 'a repeat answers the same');
    expectError(await server.call('PATCH', `${API}/comments/${c.id}`, { token, body: { body: 'back' } }), 404, 'comment_not_found');
    expectError(await admin(`/comments/${c.id}/restore`), 404, 'comment_not_found');
    // A moderator's removal is worded apart, and the author cannot delete it.
    expectStatus(await admin(`/comments/${reply.id}/remove`), 200);
    assert.equal((await page(thread)).comments[0].replies[0].removedBy, 'moderator');
    expectError(await server.call('DELETE', `${API}/comments/${reply.id}`, { token: await tokenOf('other') }), 404, 'comment_not_found');
  });

  test('live: an edit re-sends the comment, a deletion is removed by the author', async () => {
    const thread = newThread();
    const c = await post(thread, 'author', 'before');
    const stream = await openEvents(server, thread);
    try {
      await stream.until('ready');
      const token = await tokenOf('author');
      expectStatus(await server.call('PATCH', `${API}/comments/${c.id}`, { token, body: { body: 'after' } }), 200);
      const edited = await stream.until('comment');
      const data = edited[edited.length - 1]!.data as any;
      assert.deepEqual([data.id, data.body, typeof data.editedAt], [c.id, 'after', 'string']);
      expectStatus(await server.call('DELETE', `${API}/comments/${c.id}`, { token }), 200);
      const removed = await stream.until('removed');
      assert.deepEqual(removed[removed.length - 1]!.data, { id: c.id, by: 'author' });
    } finally {
      stream.close();
    }
  });
});
