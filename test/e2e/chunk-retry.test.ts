// The thread view's chunk lost on the way (a deploy in flight, a CDN hiccup) comes on Try again
// in the real browser: the built bundle, its chunk served beside it, and a failed dynamic import
// fetched again rather than remembered as failed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { startServer, type TestServer } from '../server/harness.js';
import { launchBrowser, serveSite, type Site } from './browser.js';

const THREAD = 'chunk-retry-story';
const CHUNK = '/parley-thread-view.js';

let api: TestServer;
let site: Site;
let browser: Browser;

before(async () => {
  site = await serveSite({ '/parley-comments.js': { path: 'dist/parley-comments.js' } });
  api = await startServer({ PARLEY_ALLOWED_ORIGINS: site.origin });
  site.files['/'] = {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story</title><link rel="icon" href="data:,"></head><body>
<script type="module" src="/parley-comments.js"></script>
<parley-comments backend-url="${api.base}/api/v1" thread-id="${THREAD}"></parley-comments>
</body></html>`,
  };
  const author = await api.token({ id: 'u-ann', displayName: 'Ann Hale', subscriber: true });
  const posted = await api.call('POST', '/api/v1/comments', {
    token: author,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: { thread: { id: THREAD, url: 'https://news.test/story', title: 'Story' }, body: 'Worth the wait.', parentId: null },
  });
  assert.equal(posted.status, 201);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await api?.close();
  site?.server.close();
});

test('a thread view chunk that failed to arrive is fetched again by Try again', async () => {
  const tab = await browser.newPage();
  const chunkAnswers: number[] = [];
  tab.on('response', (response) => {
    if (new URL(response.url()).pathname === CHUNK) chunkAnswers.push(response.status());
  });
  delete site.files[CHUNK]; // not there yet: 404
  await tab.goto(`${site.origin}/`);
  const shadowText = (part: string) => tab.evaluate((name) =>
    document.querySelector('parley-comments')!.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, part);
  await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelector('[part~="error"]'), { timeout: 10_000 });
  assert.match((await shadowText('error'))!, /^Comments could not be loaded\./);
  assert.deepEqual(chunkAnswers, [404]);

  site.files[CHUNK] = { path: `dist${CHUNK}` };
  await tab.click('parley-comments >>> [part~="retry"]');
  await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelector('[part~="comment-body"]'), { timeout: 10_000 });
  assert.equal(await shadowText('comment-body'), 'Worth the wait.');
  assert.equal(await shadowText('error'), null);
  assert.deepEqual(chunkAnswers, [404, 200], 'fetched again, not remembered as failed');
  await tab.close();
});
