// #16's acceptance journey on the real thing: the built bundle in Chromium against the reference
// server. A subscriber recommends (it survives a reload) and takes it back; Most recommended
// orders by it; `npm run moderate -- feature` puts a comment above the thread; the reader edits
// their comment within the window ("edited"), is refused after it, and deletes it: the author's
// placeholder, with its reply intact.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { Browser, Page } from 'puppeteer-core';
import { API, newComment, scratchDatabase, startServer, type ScratchDatabase, type TestServer } from '../server/harness.js';
import { builtFiles, launchBrowser, serveSite, type Site } from './browser.js';

const THREAD = 'e2e-engage-story';
let database: ScratchDatabase;
let api: TestServer;
let site: Site;
let browser: Browser;

before(async () => {
  site = await serveSite({
    ...builtFiles('parley-comments', 'parley-thread-view', 'parley-live', 'parley-posting', 'parley-report', 'parley-engage'),
    '/page.js': {
      body: "document.querySelector('parley-comments').getAuthToken = () => localStorage.getItem('token');",
      headers: { 'Content-Type': 'text/javascript' },
    },
  });
  // A database the CLI can open too (the moderator's terminal).
  database = await scratchDatabase();
  api = await startServer({ PARLEY_ALLOWED_ORIGINS: site.origin, PARLEY_POST_RATE: '100/60', PARLEY_PAGE_CACHE_MS: '0' }, { database });
  site.files['/'] = {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Engage</title><link rel="icon" href="data:,"></head><body>
<parley-comments backend-url="${api.base}/api/v1" thread-id="${THREAD}" loading="eager" live="off" sign-in-url="/sign-in" subscribe-url="/subscribe"></parley-comments>
<script type="module" src="/page.js"></script>
<script type="module" src="/parley-comments.js"></script>
</body></html>`,
  };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await api?.close();
  await database?.drop();
  site?.server.close();
});

async function openAs(token: string): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(`${site.origin}/`);
  await tab.evaluate((t) => localStorage.setItem('token', t), token);
  return reload(tab);
}

async function reload(tab: Page): Promise<Page> {
  await tab.reload();
  await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelector('[part~="recommend-button"], [part~="recommendations"]'));
  return tab;
}

/** Runs `fn` on the widget's shadow root until it returns something truthy. */
const until = <T>(tab: Page, fn: string, arg: unknown = null): Promise<T> =>
  tab.waitForFunction(`(() => { const root = document.querySelector('parley-comments').shadowRoot; const arg = ${JSON.stringify(arg)}; return (${fn}); })()`, { timeout: 5000 })
    .then((h) => h.jsonValue() as Promise<T>);
const inComment = (id: string, selector: string) => `root.querySelector('[data-comment-id="${id}"] ${selector}')`;
const click = (tab: Page, id: string, selector: string) =>
  tab.evaluate((i, s) => (document.querySelector('parley-comments')!.shadowRoot!.querySelector(`[data-comment-id="${i}"] ${s}`) as HTMLElement).click(), id, selector);

test('recommend, Most recommended, featured from the CLI, edit within the window and not after, delete', async () => {
  const writer = await api.token({ id: 'writer', displayName: 'Writer' });
  const reader = await api.token({ id: 'reader', displayName: 'Reader' });
  const post = async (token: string, body: string, parentId: string | null = null) =>
    (await api.call('POST', `${API}/comments`, { token, body: newComment(THREAD, body, parentId) })).body;
  const theirs = await post(writer, 'An older comment worth lifting');
  const mine = await post(reader, 'My comment with a tpyo');
  const reply = await post(writer, 'A reply to it', mine.id);

  const tab = await openAs(reader);
  const count = () => until<string>(tab, `${inComment(theirs.id, '[part~="recommend-button"]')}?.textContent`);
  assert.equal(await count(), 'Recommend 0');
  await click(tab, theirs.id, '[part~="recommend-button"]');
  await until(tab, `${inComment(theirs.id, '[part~="recommend-button"]')}.getAttribute('aria-pressed') === 'true'`);
  assert.equal(await count(), 'Recommend 1');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await reload(tab);
  assert.equal(await count(), 'Recommend 1', 'survives a reload');
  assert.equal(await until(tab, `${inComment(theirs.id, '[part~="recommend-button"]')}.getAttribute('aria-pressed')`), 'true');
  await click(tab, theirs.id, '[part~="recommend-button"]');
  await until(tab, `${inComment(theirs.id, '[part~="recommend-button"]')}.textContent === 'Recommend 0'`);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await reload(tab);
  assert.equal(await count(), 'Recommend 0', 'undone, also after a reload');
  await click(tab, theirs.id, '[part~="recommend-button"]');
  await until(tab, `${inComment(theirs.id, '[part~="recommend-button"]')}.textContent === 'Recommend 1'`);
  await new Promise((resolve) => setTimeout(resolve, 300));

  // Newest first, the reader's comment is on top; Most recommended puts the recommended one first.
  const order = () => until<string[]>(tab, `[...root.querySelectorAll('.thread [part~="comment"]')].map((c) => c.dataset.commentId).filter((id) => id !== '${reply.id}')`);
  assert.deepEqual(await order(), [mine.id, theirs.id]);
  await tab.evaluate(() => {
    const select = document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="sort"]') as HTMLSelectElement;
    select.value = 'top';
    select.dispatchEvent(new Event('change'));
  });
  await until(tab, `root.querySelector('.thread [part~="comment"]')?.dataset.commentId === '${theirs.id}'`);

  // A moderator features it from the CLI; readers see it above the thread.
  const run = promisify(execFile);
  await run(process.execPath, ['--import', 'tsx', 'server/moderate.ts', 'feature', theirs.id], { env: { ...process.env, PARLEY_DB: database.setting } });
  const page = (await api.call('GET', `${API}/comments?thread=${THREAD}`)).body;
  assert.deepEqual(page.featured.map((c: { id: string }) => c.id), [theirs.id], 'the CLI featured it');
  await reload(tab);
  assert.equal(await until(tab, `root.querySelector('[part~="featured"] .body')?.textContent`), 'An older comment worth lifting');
  assert.equal(await until(tab, `${inComment(theirs.id, '[part~="featured-badge"]')}?.textContent`), 'Featured');

  // Edit within the window: "edited" shows.
  await click(tab, mine.id, '[part~="edit-button"]');
  await until(tab, `${inComment(mine.id, '[part~="edit-input"]')}`);
  await tab.evaluate((id) => {
    const input = document.querySelector('parley-comments')!.shadowRoot!.querySelector(`[data-comment-id="${id}"] [part~="edit-input"]`) as HTMLTextAreaElement;
    input.value = 'My comment, typo fixed';
    input.dispatchEvent(new Event('input'));
  }, mine.id);
  await click(tab, mine.id, '[part~="edit-save"]');
  await until(tab, `${inComment(mine.id, '[part~="comment-body"]')}?.textContent === 'My comment, typo fixed'`);
  assert.equal(await until(tab, `${inComment(mine.id, '.edited')}?.textContent`), 'edited');

  // Past the window: the edit is refused (the draft stays, the reason shows).
  await click(tab, mine.id, '[part~="edit-button"]');
  await until(tab, `${inComment(mine.id, '[part~="edit-input"]')}`);
  api.advance(301_000);
  await click(tab, mine.id, '[part~="edit-save"]');
  assert.equal(await until(tab, `${inComment(mine.id, '[role="alert"]')}?.textContent`), 'The time for editing this comment has passed.');
  await tab.keyboard.press('Escape');

  // Delete: the author's placeholder, the reply intact.
  await reload(tab);
  // (Only the server's clock was moved on: the browser's own still sees the window open.)
  const deleted = await api.call('DELETE', `${API}/comments/${mine.id}`, { token: reader });
  assert.equal(deleted.status, 200);
  await reload(tab);
  assert.equal(await until(tab, `${inComment(mine.id, '[part~="comment-body"]')}?.textContent`), 'This comment was deleted by its author.');
  assert.equal(await until(tab, `${inComment(reply.id, '[part~="comment-body"]')}?.textContent`), 'A reply to it');
  await tab.close();
});
