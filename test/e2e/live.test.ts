// Live, on the real thing: the built bundle in two separate Chromium browser contexts (two
// readers who share nothing) against the reference server. A subscriber posts in one; the other,
// signed out and only reading, is offered "Show 1 new comment" without reloading, and a link to
// that comment opens the article at it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { ADMIN_TOKEN, API, type TestServer } from '../server/harness.js';
import { startArticle } from './article.js';
import { launchBrowser, type Site } from './browser.js';

const THREAD = 'e2e-live-story';
let api: TestServer;
let site: Site;
let browser: Browser;

before(async () => {
  ({ site, api } = await startArticle(THREAD, 'Live', (s) => `thread-url="${s.origin}/"`));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await api?.close();
  site?.server.close();
});

/** A reader of their own (a fresh browser context: no shared storage, cookies or cache). */
async function reader(token: string | null, hash = ''): Promise<Page> {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.goto(`${site.origin}/`);
  await tab.evaluate((t) => (t ? localStorage.setItem('token', t) : localStorage.removeItem('token')), token);
  await tab.goto(`${site.origin}/${hash}`);
  await tab.reload();
  await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelector('[part~="header"] [part~="count"]'));
  return tab;
}

test('a comment posted in one browser shows in the other as "Show 1 new comment", and its link opens at it', async () => {
  const watcher = await reader(null);
  // Reading, signed out; the stream is open once the thread has loaded.
  await watcher.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('.empty'));

  const writer = await reader(await api.token({ id: 'u-e2e-live', displayName: 'Ann Hale', subscriber: true }));
  await writer.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="composer-input"]'));
  const input = await writer.evaluateHandle(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('textarea')!);
  await input.type('Heard live, across two browsers.');
  await writer.evaluate(() => (document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="composer-submit"]') as HTMLElement).click());
  const posted = Date.now();

  await watcher.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="new-comments"]')?.textContent?.trim() === 'Show 1 new comment', { timeout: 10_000 });
  console.log(`# the other browser offered it ${Date.now() - posted} ms after Post was pressed`);
  assert.equal(await watcher.evaluate(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="count"]')!.textContent), '1 comment');
  // The writer's own page: the stream told of the post too (maybe before the POST's answer); it is
  // shown once, not offered as new, and counted once.
  await writer.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelectorAll('[part~="comment"]').length === 1);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.deepEqual(await writer.evaluate(() => {
    const root = document.querySelector('parley-comments')!.shadowRoot!;
    return [root.querySelector('[part~="count"]')!.textContent, !!root.querySelector('[part~="new-comments"]')];
  }), ['1 comment', false]);
  await watcher.evaluate(() => (document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="new-comments"]') as HTMLElement).click());
  await watcher.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="comment-body"]')?.textContent === 'Heard live, across two browsers.');

  // Its link, followed in a third browser, opens the article at that comment, marked.
  const href = await watcher.evaluate(() => (document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="comment-link"]') as HTMLAnchorElement).href);
  const id = decodeURIComponent(new URL(href).hash.slice('#comment-'.length));
  const visitor = await reader(null, new URL(href).hash);
  await visitor.waitForFunction((commentId) => document.querySelector('parley-comments')!.shadowRoot!
    .querySelector(`[data-comment-id="${CSS.escape(commentId)}"]`)?.getAttribute('aria-current') === 'true', { timeout: 10_000 }, id);

  // A moderator removes it: every page showing it turns it into the placeholder, in place.
  const removed = await api.call('POST', `${API}/admin/comments/${encodeURIComponent(id)}/remove`, { token: ADMIN_TOKEN });
  assert.equal(removed.status, 200);
  for (const tab of [watcher, writer, visitor]) {
    await tab.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="comment-body"]')?.textContent
      === 'This comment was removed by a moderator.', { timeout: 10_000 });
  }
});
