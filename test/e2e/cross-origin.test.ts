// A publisher's static page holding only the two-line embed, on one origin, reads a thread
// from the reference server on another origin (CORS with credentials), with no console error;
// and recovers with Try again when the thread view's chunk was missing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { startServer, type TestServer } from '../server/harness.js';
import { launchBrowser, serveSite, type Site } from './browser.js';

const THREAD = 'cross-origin-story';
let api: TestServer;
let site: Site;
let browser: Browser;

before(async () => {
  site = await serveSite({
    '/parley-comments.js': { path: 'dist/parley-comments.js' },
    '/parley-thread-view.js': { path: 'dist/parley-thread-view.js' },
    '/parley-live.js': { path: 'dist/parley-live.js' },
    '/parley-engage.js': { path: 'dist/parley-engage.js' },
  });
  api = await startServer({ PARLEY_ALLOWED_ORIGINS: site.origin });
  site.files['/'] = {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story</title><link rel="icon" href="data:,"></head><body>
<script type="module" src="/parley-comments.js"></script>
<parley-comments backend-url="${api.base}/api/v1" thread-id="${THREAD}"></parley-comments>
</body></html>`,
  };
  const author = await api.token({ id: 'u-ann', displayName: 'Ann Hale', subscriber: true });
  for (const body of ['First from across origins.', 'Second one.']) {
    const posted = await api.call('POST', '/api/v1/comments', {
      token: author,
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: { thread: { id: THREAD, url: 'https://news.test/story', title: 'Story' }, body, parentId: null },
    });
    assert.equal(posted.status, 201);
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await api?.close();
  site?.server.close();
});

test('the two-line embed renders a cross-origin thread with credentials and no console error', async () => {
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()}`);
  });
  tab.on('pageerror', (error) => problems.push(`pageerror: ${error}`));
  const corsHeaders: { origin?: string; credentials?: string }[] = [];
  tab.on('response', (response) => {
    if (response.url().startsWith(`${api.base}/api/v1/comments`) && response.request().method() === 'GET') {
      const headers = response.headers();
      corsHeaders.push({ origin: headers['access-control-allow-origin'], credentials: headers['access-control-allow-credentials'] });
    }
  });

  await tab.goto(`${site.origin}/`);
  const bodies = await tab.waitForFunction(() => {
    const root = document.querySelector('parley-comments')?.shadowRoot;
    const found = [...(root?.querySelectorAll('[part~="comment-body"]') ?? [])].map((n) => n.textContent);
    return found.length === 2 ? found : null;
  }, { timeout: 10_000 });

  assert.deepEqual(await bodies.jsonValue(), ['Second one.', 'First from across origins.']);
  assert.notEqual(new URL(api.base).origin, site.origin);
  assert.deepEqual(corsHeaders, [{ origin: site.origin, credentials: 'true' }], 'credentialed CORS for the publisher origin');
  assert.deepEqual(problems, []);
});

test('loading the bundle twice (two copies, as CMS plugins do) defines the element once and throws nothing', async () => {
  site.files['/twice'] = {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Twice</title><link rel="icon" href="data:,"></head><body>
<script type="module" src="/parley-comments.js"></script>
<script type="module" src="/parley-comments.js?copy=2"></script>
<parley-comments backend-url="${api.base}/api/v1" thread-id="${THREAD}"></parley-comments>
</body></html>`,
  };
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(String(error)));
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await tab.goto(`${site.origin}/twice`);
  await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelectorAll('[part~="comment"]').length === 2,
    { timeout: 10_000 });
  assert.deepEqual(problems, []);
});

test('a thread view chunk that failed to arrive is fetched again by Try again', async () => {
  // A deploy in flight or a CDN hiccup: the chunk is missing at first. The browser must fetch a
  // failed module again rather than remember the failure (whatwg/html#6768).
  const CHUNK = '/parley-thread-view.js';
  const served = site.files[CHUNK]!;
  const tab = await browser.newPage();
  const chunkAnswers: number[] = [];
  tab.on('response', (response) => {
    if (new URL(response.url()).pathname === CHUNK) chunkAnswers.push(response.status());
  });
  delete site.files[CHUNK];
  try {
    await tab.goto(`${site.origin}/`);
    const shadowText = (part: string) => tab.evaluate((name) => document.querySelector('parley-comments')!.shadowRoot!
      .querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, part);
    await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelector('[part~="error"]'),
      { timeout: 10_000 });
    assert.match((await shadowText('error'))!, /^Comments could not be loaded\./);
    assert.deepEqual(chunkAnswers, [404]);

    site.files[CHUNK] = served;
    await tab.click('parley-comments >>> [part~="retry"]');
    await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelector('[part~="comment-body"]'),
      { timeout: 10_000 });
    assert.equal(await shadowText('comment-body'), 'Second one.');
    assert.equal(await shadowText('error'), null);
    assert.deepEqual(chunkAnswers, [404, 200], 'fetched again, not remembered as failed');
  } finally {
    site.files[CHUNK] = served;
    await tab.close();
  }
});
