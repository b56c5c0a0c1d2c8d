// The whole loop on the real thing: the built bundle in Chromium against the reference server.
// A signed-out reader meets the prompt; a subscriber's post survives a reload; another reader's
// report lands in the admin queue; after a moderator removes it the widget shows the placeholder.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { ADMIN_TOKEN, API, type TestServer } from '../server/harness.js';
import { startArticle } from './article.js';
import { launchBrowser, type Site } from './browser.js';

const THREAD = 'e2e-loop-story';
let api: TestServer;
let site: Site;
let browser: Browser;

before(async () => {
  ({ site, api } = await startArticle(THREAD, 'Loop', () => 'sign-in-url="/sign-in" subscribe-url="/subscribe"'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await api?.close();
  site?.server.close();
});

/** Opens the article as the reader holding `token` (null: signed out). */
async function openAs(token: string | null): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(`${site.origin}/`);
  await tab.evaluate((t) => (t ? localStorage.setItem('token', t) : localStorage.removeItem('token')), token);
  await tab.reload();
  await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelector('[part~="header"] [part~="count"]'));
  return tab;
}

const shadow = (tab: Page, selector: string) =>
  tab.evaluateHandle((s) => document.querySelector('parley-comments')!.shadowRoot!.querySelector(s), selector) as Promise<ElementHandle<Element>>;

const bodies = (tab: Page) => tab.evaluate(() => [...document.querySelector('parley-comments')!.shadowRoot!
  .querySelectorAll('[part~="comment-body"]')].map((b) => b.textContent));

test('signed out, post, reload, report, moderate, placeholder', async () => {
  // 1. Signed out: the subscribe prompt, no composer.
  const reader = await openAs(null);
  assert.equal(await reader.evaluate(() => {
    const prompt = document.querySelector('parley-comments')!.shadowRoot!.querySelector<HTMLElement>('[part~="subscribe-prompt"]');
    return !!prompt && !prompt.hidden && prompt.offsetHeight > 0;
  }), true, 'the subscribe prompt shows');
  assert.equal(await reader.evaluate(() => !!document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="composer-input"]')), false);
  await reader.close();

  // 2. A subscriber posts; the comment is still there after a reload.
  const author = await api.token({ id: 'u-e2e-author', displayName: 'Ann Hale', subscriber: true });
  const writer = await openAs(author);
  await writer.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="composer-input"]'));
  await (await shadow(writer, '[part~="composer-input"]')).type('The footbridge diversion adds ten minutes to my walk.');
  await (await shadow(writer, '[part~="composer-submit"]')).click();
  await writer.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelectorAll('[part~="comment"]').length === 1);
  await writer.reload();
  await writer.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelectorAll('[part~="comment-body"]').length === 1);
  assert.deepEqual(await bodies(writer), ['The footbridge diversion adds ten minutes to my walk.']);
  await writer.close();

  // 3. Another reader reports it; the report is in the admin queue with its reason.
  const reporter = await openAs(await api.token({ id: 'u-e2e-reader', displayName: 'Bob Okafor', subscriber: false }));
  await reporter.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="report-button"]'));
  await (await shadow(reporter, '[part~="report-button"]')).click();
  await reporter.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="report-form"]'));
  await (await shadow(reporter, 'input[type="radio"][value="off_topic"]')).click();
  await (await shadow(reporter, '[part~="report-submit"]')).click();
  await reporter.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="report-status"]'));
  await reporter.close();
  const queue = await api.call('GET', `${API}/admin/reports`, { token: ADMIN_TOKEN });
  assert.equal(queue.status, 200);
  assert.equal(queue.body.items.length, 1);
  const [item] = queue.body.items;
  assert.equal(item.comment.body, 'The footbridge diversion adds ten minutes to my walk.');
  assert.equal(item.threadId, THREAD);
  assert.deepEqual(item.reports.map((r: { reason: string }) => r.reason), ['off_topic']);

  // 4. A moderator removes it; readers now see the placeholder.
  const removed = await api.call('POST', `${API}/admin/comments/${encodeURIComponent(item.comment.id)}/remove`, { token: ADMIN_TOKEN });
  assert.equal(removed.status, 200);
  const later = await openAs(null);
  await later.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelectorAll('[part~="comment-body"]').length === 1);
  assert.deepEqual(await bodies(later), ['This comment was removed by a moderator.']);
  await later.close();
});
