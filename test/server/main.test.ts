// The server as deployed: `node server/main.ts` configured only by the environment.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { after, describe, test } from 'node:test';
import { configFromEnv } from '../../server/config.js';
import { describeStore } from '../../server/open-store.js';
import { mintViewerToken } from '../../server/tokens.js';
import { scratchDatabase } from './harness.js';

const SECRET = 'main-test-secret-that-is-long-enough-0123456789';
const ADMIN = 'main-test-admin-token-0123';
const ORIGIN = 'https://paper.example';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function run(env: Record<string, string>): { child: ChildProcess; output: Promise<string>; listening: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { PATH: process.env.PATH!, ...env } });
  let text = '';
  let ready: () => void;
  const listening = new Promise<void>((resolve) => (ready = resolve));
  child.stdout!.on('data', (chunk) => {
    text += chunk;
    if (text.includes('listening on')) ready();
  });
  child.stderr!.on('data', (chunk) => (text += chunk));
  const output = new Promise<string>((resolve) => child.on('exit', () => resolve(text)));
  return { child, output, listening };
}

describe('server/main.ts', () => {
  const children: ChildProcess[] = [];
  after(() => children.forEach((c) => c.kill()));

  test('honours PORT, PARLEY_DB (the suite\'s store), PARLEY_JWT_SECRET, PARLEY_ADMIN_TOKEN and PARLEY_ALLOWED_ORIGINS', async (t) => {
    const port = await freePort();
    const database = await scratchDatabase();
    t.after(() => database.drop());
    const server = run({ PORT: String(port), PARLEY_DB: database.setting, PARLEY_JWT_SECRET: SECRET, PARLEY_ADMIN_TOKEN: ADMIN, PARLEY_ALLOWED_ORIGINS: ORIGIN });
    children.push(server.child);
    await server.listening;
    const base = `http://127.0.0.1:${port}/api/v1`;
    const token = await mintViewerToken(new TextEncoder().encode(SECRET), { id: 'm1', displayName: 'Main', subscriber: true, staff: false });
    const page = await fetch(`${base}/comments?thread=main`, { headers: { authorization: `Bearer ${token}`, origin: ORIGIN } });
    assert.equal(page.status, 200);
    assert.equal(((await page.json()) as { viewer: { id: string } }).viewer.id, 'm1');
    assert.equal(page.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal((await fetch(`${base}/admin/reports`, { headers: { authorization: `Bearer ${ADMIN}` } })).status, 200);
    assert.equal((await fetch(`${base}/admin/reports`, { headers: { authorization: 'Bearer wrong-token-000000' } })).status, 401);
    server.child.kill('SIGTERM');
    const printed = await server.output;
    assert.ok(printed.includes(`(database ${describeStore(database.setting)})`), printed);
    assert.equal(server.child.exitCode, 0, 'SIGTERM stops it cleanly');
  });

  test('SIGTERM: new connections are refused, the request in flight finishes (Connection: close), exit 0', async (t) => {
    const port = await freePort();
    const database = await scratchDatabase();
    t.after(() => database.drop());
    const server = run({ PORT: String(port), PARLEY_DB: database.setting, PARLEY_JWT_SECRET: SECRET });
    children.push(server.child);
    await server.listening;
    const token = await mintViewerToken(new TextEncoder().encode(SECRET), { id: 'term', displayName: 'Term', subscriber: true, staff: false });
    const body = JSON.stringify({ thread: { id: 'sigterm', url: 'https://news.example/s', title: 'S' }, body: 'sent across the shutdown', parentId: null });
    // A request in flight: its headers and half its body sent, the rest held back.
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let raw = '';
    socket.on('data', (chunk) => (raw += chunk));
    const answered = new Promise((resolve) => socket.on('close', resolve));
    socket.write(`POST /api/v1/comments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'no new connections once shutdown began');
    assert.equal(server.child.exitCode, null, 'still running: a request is in flight');
    socket.write(body.slice(20)); // not end(): a client's half-close aborts its request in Node
    await answered;
    assert.match(raw, /^HTTP\/1\.1 201 /, raw);
    assert.match(raw, /\r\nconnection: close\r\n/i);
    await server.output;
    assert.equal(server.child.exitCode, 0);
  });

  test('SIGTERM: an open event stream is ended (its client resumes elsewhere) and the process exits 0 at once', async (t) => {
    const port = await freePort();
    const database = await scratchDatabase();
    t.after(() => database.drop());
    const server = run({ PORT: String(port), PARLEY_DB: database.setting, PARLEY_JWT_SECRET: SECRET });
    children.push(server.child);
    await server.listening;
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/events?thread=sigterm-live`, { headers: { accept: 'text/event-stream' } });
    assert.equal(response.status, 200);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
    const started = Date.now();
    server.child.kill('SIGTERM');
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    await server.output;
    assert.equal(server.child.exitCode, 0);
    assert.ok(Date.now() - started < 5000, 'a stream does not hold the shutdown for its grace period');
  });

  test('refuses to start half-configured, saying why', async () => {
    const server = run({ PARLEY_DB: ':memory:' });
    children.push(server.child);
    assert.match(await server.output, /PARLEY_JWT_SECRET must be set/);
    assert.equal(server.child.exitCode, 2);
  });
});

describe('configFromEnv', () => {
  const base = { PARLEY_JWT_SECRET: SECRET };
  test('rejects bad values with the variable named', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ PARLEY_JWT_SECRET: 'short' }, /PARLEY_JWT_SECRET/],
      [{ ...base, PORT: '70000' }, /PORT/],
      [{ ...base, PORT: 'eighty' }, /PORT/],
      [{ ...base, PARLEY_ADMIN_TOKEN: 'short' }, /PARLEY_ADMIN_TOKEN/],
      [{ ...base, PARLEY_ALLOWED_ORIGINS: 'https://ok.example,news.example' }, /PARLEY_ALLOWED_ORIGINS/],
      [{ ...base, PARLEY_ALLOWED_ORIGINS: 'https://ok.example/path' }, /PARLEY_ALLOWED_ORIGINS/],
      [{ ...base, PARLEY_POST_RATE: '5 per minute' }, /PARLEY_POST_RATE/],
      [{ ...base, PARLEY_REPORT_RATE: '0/60' }, /PARLEY_REPORT_RATE/],
      [{ ...base, PARLEY_MAX_COMMENT_LENGTH: '0' }, /PARLEY_MAX_COMMENT_LENGTH/],
    ];
    for (const [env, message] of cases) assert.throws(() => configFromEnv(env), message, JSON.stringify(env));
  });

  test('defaults as documented', () => {
    const config = configFromEnv(base);
    assert.equal(config.port, 8787);
    assert.match(config.dbPath, /\.data\/parley\.db$/);
    assert.equal(config.adminToken, null);
    assert.equal(config.allowedOrigins.size, 0);
    assert.equal(config.maxCommentLength, 1500);
    assert.deepEqual([config.postRate, config.reportRate], [{ limit: 5, windowMs: 60_000 }, { limit: 10, windowMs: 60_000 }]);
    assert.equal(config.demo, false);
  });
});
