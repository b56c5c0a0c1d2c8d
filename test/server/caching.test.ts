// Signed-out reads are cacheable by browsers and CDNs (docs/api.md, Caching); a viewer's are not.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API, expectStatus, newComment, startServer, type TestServer } from './harness.js';

let server: TestServer;
let alice: string;

before(async () => {
  server = await startServer({ PARLEY_POST_RATE: '1000/60', PARLEY_ALLOWED_ORIGINS: 'https://paper.example' });
  alice = await server.token({ id: 'cache-alice' });
  expectStatus(await server.call('POST', `${API}/comments`, { token: alice, body: newComment('cached', 'first') }), 201);
});
after(() => server.close());

const PAGE = `${API}/comments?thread=cached`;
const COUNTS = `${API}/counts?thread=cached&thread=other`;

describe('cacheable reads', () => {
  for (const [name, path] of [['a thread page', PAGE], ['counts', COUNTS]] as const) {
    test(`${name} without credentials: public, a strong ETag, 304 when it still holds`, async () => {
      const first = await server.call('GET', path, { headers: { origin: 'https://paper.example' } });
      expectStatus(first, 200);
      assert.equal(first.headers.get('cache-control'), 'public, max-age=5, stale-while-revalidate=30');
      assert.equal(first.headers.get('vary'), 'Origin, Authorization, Cookie');
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^"[A-Za-z0-9_-]{10,}"$/, 'strong: no W/ prefix');
      const again = await server.call('GET', path, { headers: { 'if-none-match': etag, origin: 'https://paper.example' } });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(again.headers.get('cache-control'), 'public, max-age=5, stale-while-revalidate=30');
      assert.equal(again.headers.get('access-control-allow-origin'), 'https://paper.example');
      assert.equal((await server.call('GET', path, { headers: { 'if-none-match': `"other", W/${etag}` } })).status, 304, 'a list, weakly compared');
      assert.equal((await server.call('GET', path, { headers: { 'if-none-match': '"stale"' } })).status, 200);
    });

    test(`${name} with a Bearer token or a cookie: private, no-store, no ETag`, async () => {
      for (const headers of [{ authorization: `Bearer ${alice}` }, { cookie: 'session=abc' }] as Array<Record<string, string>>) {
        const reply = await server.call('GET', path, { headers });
        expectStatus(reply, 200);
        assert.equal(reply.headers.get('cache-control'), 'private, no-store', JSON.stringify(headers));
        assert.equal(reply.headers.get('vary'), 'Origin, Authorization, Cookie');
        assert.equal(reply.headers.get('etag'), null);
        const etag = (await server.call('GET', path)).headers.get('etag')!;
        assert.equal((await server.call('GET', path, { headers: { ...headers, 'if-none-match': etag } })).status, 200, 'never 304 to a viewer');
      }
    });
  }

  test('a new comment changes the ETag: the old copy no longer validates', async () => {
    const before = await server.call('GET', PAGE);
    const countsBefore = await server.call('GET', COUNTS);
    expectStatus(await server.call('POST', `${API}/comments`, { token: alice, body: newComment('cached', 'second') }), 201);
    const after = await server.call('GET', PAGE, { headers: { 'if-none-match': before.headers.get('etag')! } });
    assert.equal(after.status, 200);
    assert.deepEqual(after.body.comments.map((c: any) => c.body), ['second', 'first']);
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
    const counts = await server.call('GET', COUNTS, { headers: { 'if-none-match': countsBefore.headers.get('etag')! } });
    assert.equal(counts.status, 200);
    assert.equal(counts.body.counts.cached, 2);
  });

  test('errors, writes and replies stay no-store', async () => {
    const bad = await server.call('GET', `${API}/comments?thread=cached&sort=sideways`);
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('cache-control'), 'no-store');
    assert.equal(bad.headers.get('etag'), null);
    const posted = await server.call('POST', `${API}/comments`, { token: alice, body: newComment('cached', 'third') });
    assert.equal(posted.headers.get('cache-control'), 'no-store');
    const replies = await server.call('GET', `${API}/comments/${posted.body.id}/replies`);
    assert.equal(replies.headers.get('cache-control'), 'no-store');
  });
});
