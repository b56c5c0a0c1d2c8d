// Static files (demo/ at /, dist/ at /dist/) and the demo-mode endpoints.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createParleyServer } from '../../server/app.js';
import { configFromEnv } from '../../server/config.js';
import { DEMO_THREAD } from '../../server/seed-thread.js';
import { seedDemo } from '../../server/seed.js';
import { SqliteStore } from '../../server/sqlite-store.js';
import { API, JWT_SECRET, expectError, expectStatus, startServer, type TestServer } from './harness.js';

describe('static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-static-'));
  let base = '';
  let close = async (): Promise<void> => {};

  before(async () => {
    // A stand-in tree: the real demo/ and dist/ change under other people's hands.
    mkdirSync(join(dir, 'demo/sub'), { recursive: true });
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'demo/index.html'), '<!doctype html><title>demo</title>');
    writeFileSync(join(dir, 'demo/app.js'), 'export {};');
    writeFileSync(join(dir, 'demo/sub/index.html'), 'sub');
    writeFileSync(join(dir, 'demo/.env'), 'SECRET=1');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    writeFileSync(join(dir, 'dist/parley-comments.js'), 'export {};');
    mkdirSync(join(dir, 'dist/moderate'));
    writeFileSync(join(dir, 'dist/moderate/index.html'), '<!doctype html><title>desk</title>');
    writeFileSync(join(dir, 'dist/moderate/desk.js'), 'export {};');
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'demo/link.txt'));
    const config = { ...configFromEnv({ PARLEY_DB: ':memory:', PARLEY_JWT_SECRET: JWT_SECRET }), demoRoot: join(dir, 'demo'), distRoot: join(dir, 'dist') };
    const store = new SqliteStore(':memory:');
    const server = createParleyServer({ config, store, logError: () => {} });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    close = async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  after(() => close());

  const get = (path: string, method = 'GET') => fetch(base + path, { method });

  test('serves demo/ at / and dist/ at /dist/ with their content types', async () => {
    const page = await get('/');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await get('/app.js')).headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(await (await get('/sub/')).text(), 'sub');
    const bundle = await get('/dist/parley-comments.js');
    assert.equal(bundle.status, 200);
    assert.equal(bundle.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const head = await get('/dist/parley-comments.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('the moderation desk is at /moderate/ (from dist/moderate/), under the strict page CSP', async () => {
    const page = await get('/moderate/');
    assert.equal(page.status, 200);
    assert.equal(await page.text(), '<!doctype html><title>desk</title>');
    assert.match(page.headers.get('content-security-policy')!, /default-src 'self'; script-src 'self'/);
    assert.equal((await get('/moderate/desk.js')).headers.get('content-type'), 'text/javascript; charset=utf-8');
    const bare = await fetch(`${base}/moderate`, { redirect: 'manual' });
    assert.deepEqual([bare.status, bare.headers.get('location')], [308, '/moderate/']);
    for (const path of ['/moderate/../parley-comments.js', '/moderate/%2e%2e/parley-comments.js', '/moderate/nope.js']) {
      assert.equal((await get(path)).status, 404, path);
    }
  });

  test('nothing outside the two folders, no dotfiles, no symlinks out', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/dist/..%2fsecret.txt', '/dist/%2e%2e/demo/index.html',
      '/.env', '/link.txt', '/%00', '/..%5csecret.txt', '/nope.html', '/dist/']) {
      const reply = await get(path);
      assert.equal(reply.status, 404, path);
      assert.doesNotMatch(await reply.text(), /outside|SECRET/);
    }
    assert.equal((await get('/', 'POST')).status, 405);
  });

  test('demo endpoints do not exist outside demo mode', async () => {
    assert.equal((await fetch(`${base}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"subscriber"}' })).status, 404);
    assert.equal((await get('/demo/admin-token')).status, 404);
  });
});

describe('demo mode', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ PARLEY_DEMO: '1' });
  });
  after(() => server.close());

  const persona = async (name: string): Promise<string | null> =>
    expectStatus(await server.call('POST', '/demo/token', { body: { persona: name } }), 200).token;

  test('personas mint tokens whose viewers have the matching standing', async () => {
    assert.equal(await persona('signed-out'), null);
    const expected: Record<string, [boolean, string]> = {
      'non-subscriber': [false, 'active'], subscriber: [true, 'active'], banned: [true, 'banned'], suspended: [true, 'suspended'],
    };
    for (const [name, [subscriber, status]] of Object.entries(expected)) {
      const token = await persona(name);
      const page = expectStatus(await server.call('GET', `${API}/comments?thread=x`, { token }), 200);
      assert.deepEqual([page.viewer.subscriber, page.viewer.status], [subscriber, status], name);
    }
    expectError(await server.call('POST', '/demo/token', { body: { persona: 'admin' } }), 422, 'invalid_persona');
    expectError(await server.call('POST', '/demo/token', { body: { persona: 'toString' } }), 422, 'invalid_persona');
  });

  test('demo mode refuses real credentials, which it would hand to every visitor', () => {
    for (const env of [{ PARLEY_JWT_SECRET: JWT_SECRET }, { PARLEY_ADMIN_TOKEN: 'a-real-admin-token-123' }]) {
      assert.throws(() => configFromEnv({ PARLEY_DEMO: '1', ...env }), /built-in demo credentials/);
    }
  });

  test('the admin token is handed to the demo moderation page', async () => {
    const { token } = expectStatus(await server.call('GET', '/demo/admin-token'), 200);
    expectStatus(await server.call('GET', `${API}/admin/reports`, { token }), 200);
  });

  test('the seed writes a believable thread once: replies, a reply to a reply, a removed comment, badges, a report', async () => {
    assert.equal(await seedDemo(server.store), true);
    assert.equal(await seedDemo(server.store), false, 'only on first run');
    const page = expectStatus(await server.call('GET', `${API}/comments?thread=${DEMO_THREAD.id}&limit=100&sort=oldest`), 200);
    const all = page.comments.flatMap((c: any) => [c, ...c.replies]);
    assert.ok(page.thread.commentCount >= 36, `${page.thread.commentCount} comments`);
    assert.equal(page.comments.filter((c: any) => c.status === 'removed').length, 1);
    assert.ok(all.some((c: any) => c.author.badges.includes('staff')));
    assert.ok(page.comments.some((c: any) => c.replyCount > c.replies.length), 'some conversations need paging');
    const nested = page.comments.find((c: any) => c.replies.some((r: any) => r.parentId !== c.id));
    assert.ok(nested, 'a reply answers another reply');
    const queue = expectStatus(await server.call('GET', `${API}/admin/reports`, { token: server.config.adminToken! }), 200);
    assert.equal(queue.items.length, 1);
  });
});
