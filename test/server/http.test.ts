// Tokens, CORS, headers and the errors every path shares.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import { API, JWT_SECRET, expectError, expectStatus, newComment, startServer, type TestServer } from './harness.js';

let server: TestServer;
const PUBLISHER = 'https://news.example';

before(async () => {
  server = await startServer({ PARLEY_ALLOWED_ORIGINS: `${PUBLISHER}, https://other.example` });
});
after(() => server.close());

const sign = (claims: Record<string, unknown>, secret = JWT_SECRET, exp: string | number = '1h') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('jwt-user').setExpirationTime(exp).sign(new TextEncoder().encode(secret));

describe('viewer tokens', () => {
  test('a valid token signs the viewer in, with claims upserted into users', async () => {
    const token = await sign({ name: 'Jay', subscriber: true });
    const page = expectStatus(await server.call('GET', `${API}/comments?thread=h`, { token }), 200);
    assert.deepEqual(page.viewer, { id: 'jwt-user', displayName: 'Jay', subscriber: true, status: 'active', suspendedUntil: null });
    const renamed = await sign({ name: 'Jay R.', subscriber: false });
    const again = expectStatus(await server.call('GET', `${API}/comments?thread=h`, { token: renamed }), 200);
    assert.deepEqual([again.viewer.displayName, again.viewer.subscriber], ['Jay R.', false]);
  });

  test('401 for alg none, a wrong secret, an expired token, missing claims, garbage', async () => {
    const unsigned = new UnsecuredJWT({ name: 'Eve', subscriber: true }).setSubject('eve').setExpirationTime('1h').encode();
    const wrongSecret = await sign({ name: 'Eve', subscriber: true }, 'another-secret-that-is-also-long-enough-000');
    const expired = await sign({ name: 'Eve', subscriber: true }, JWT_SECRET, Math.floor(Date.now() / 1000) - 60);
    const noExp = await new SignJWT({ name: 'Eve' }).setProtectedHeader({ alg: 'HS256' }).setSubject('eve').sign(new TextEncoder().encode(JWT_SECRET));
    const noName = await sign({ subscriber: true });
    const badSubscriber = await sign({ name: 'Eve', subscriber: 'yes' });
    const hs512 = await new SignJWT({ name: 'Eve' }).setProtectedHeader({ alg: 'HS512' }).setSubject('eve').setExpirationTime('1h').sign(new TextEncoder().encode(JWT_SECRET));
    for (const token of [unsigned, wrongSecret, expired, noExp, noName, badSubscriber, hs512, 'not.a.jwt']) {
      expectError(await server.call('GET', `${API}/comments?thread=h`, { token }), 401, 'unauthenticated');
      expectError(await server.call('POST', `${API}/comments`, { token, body: newComment('h', 'hi') }), 401, 'unauthenticated');
    }
    expectError(await server.call('GET', `${API}/comments?thread=h`, { headers: { authorization: 'Basic abc' } }), 401, 'unauthenticated');
  });
});

describe('CORS', () => {
  test('preflight from an allowed origin allows the three headers and exposes Retry-After', async () => {
    const reply = await fetch(`${server.base}${API}/comments`, {
      method: 'OPTIONS',
      headers: { origin: PUBLISHER, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    assert.equal(reply.status, 204);
    assert.equal(reply.headers.get('access-control-allow-origin'), PUBLISHER);
    assert.equal(reply.headers.get('access-control-allow-credentials'), 'true');
    const allowed = reply.headers.get('access-control-allow-headers')!.toLowerCase().split(/,\s*/);
    assert.deepEqual(allowed.sort(), ['authorization', 'content-type', 'idempotency-key', 'last-event-id']);
    assert.match(reply.headers.get('access-control-allow-methods')!, /DELETE/);
    assert.equal(reply.headers.get('access-control-expose-headers'), 'Retry-After');
  });

  test('credentialed answers go only to listed origins', async () => {
    const allowed = await server.call('GET', `${API}/comments?thread=h`, { headers: { origin: 'https://other.example' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://other.example');
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    assert.match(allowed.headers.get('vary')!, /Origin/);
    for (const origin of ['https://evil.example', 'https://news.example.evil.example', 'null']) {
      const denied = await server.call('GET', `${API}/comments?thread=h`, { headers: { origin } });
      assert.equal(denied.status, 200, 'the answer is still given; the browser withholds it');
      assert.equal(denied.headers.get('access-control-allow-origin'), null);
      assert.equal(denied.headers.get('access-control-allow-credentials'), null);
      const preflight = await fetch(`${server.base}${API}/comments`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      assert.equal(preflight.headers.get('access-control-allow-headers'), null);
    }
  });

  test('the admin API answers no CORS, even to a listed origin', async () => {
    const reply = await fetch(`${server.base}${API}/admin/reports`, { method: 'OPTIONS', headers: { origin: PUBLISHER, 'access-control-request-method': 'GET' } });
    assert.equal(reply.headers.get('access-control-allow-origin'), null);
  });
});

describe('every response', () => {
  test('carries security headers; API answers are no-store unless docs/api.md makes them cacheable', async () => {
    const reply = await server.call('GET', `${API}/comments/c-unknown/replies`);
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(reply.headers.get('x-frame-options'), 'DENY');
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.match(reply.headers.get('content-security-policy')!, /default-src 'none'/);
    assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
  });

  test('404 not_found for unknown API paths, 405 with Allow for a wrong method', async () => {
    expectError(await server.call('GET', `${API}/nope`), 404, 'not_found');
    expectError(await server.call('GET', `${API}/comments/%E0%A4%A/replies`), 404, 'not_found');
    const wrong = await server.call('PUT', `${API}/comments`);
    expectError(wrong, 405, 'method_not_allowed');
    assert.equal(wrong.headers.get('allow'), 'GET, POST');
  });

  test('400 invalid_request for a request target that is not a URL', async () => {
    const socket = connect(Number(new URL(server.base).port), '127.0.0.1');
    let raw = '';
    socket.on('data', (chunk) => (raw += chunk));
    socket.write('GET http://[::1/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await new Promise((resolve) => socket.on('close', resolve));
    assert.match(raw, /^HTTP\/1\.1 400 /);
    assert.equal(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).error.code, 'invalid_request');
  });

  test('GET /healthz and GET /readyz are 200 while the database answers', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const reply = await server.call('GET', path);
      assert.deepEqual([reply.status, reply.body], [200, { status: 'ok' }], path);
    }
  });

  test('a declared body over the limit is refused at once, unread, and the connection closed', async () => {
    const socket = connect(Number(new URL(server.base).port), '127.0.0.1');
    let raw = '';
    socket.on('data', (chunk) => (raw += chunk));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.on('error', () => {});
    // 2 MB declared; only a few bytes ever sent. The answer must not wait for the rest.
    socket.write(`POST ${API}/comments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${await server.token({ id: 'big' })}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n{"body":"');
    await closed;
    assert.match(raw, /^HTTP\/1\.1 413 /);
    assert.match(raw, /\r\nconnection: close\r\n/i);
    assert.equal(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).error.code, 'too_large');
  });

  test('an unexpected failure is 500 internal, with no stack trace or SQL in the body', async () => {
    const logged: unknown[] = [];
    const broken = await startServer({}, { logError: (e) => logged.push(e) });
    try {
      await broken.store.close(); // every query now throws inside better-sqlite3
      const reply = await broken.call('GET', `${API}/comments?thread=h`);
      expectError(reply, 500, 'internal');
      assert.doesNotMatch(reply.text, /at |sqlite|database|\.ts/i);
      assert.equal(logged.length, 1, 'the error goes to the log instead');
      expectError(await broken.call('GET', '/readyz'), 503, 'unavailable');
      assert.equal((await broken.call('GET', '/healthz')).status, 200, 'the process itself is up: no restart for a database outage');
    } finally {
      await broken.close().catch(() => {});
    }
  });
});
