// The moderation desk (/moderate/) in Chromium against the reference server, with the widget on
// a publisher's page beside it: a report made in the widget shows on the desk after a refresh;
// removing it there turns the comment into the placeholder in the widget; the audit log lists
// it; undo restores it. Also: sign-in failure, keyboard triage, filters, search, hostile text
// shown as text, and axe in each state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { ADMIN_TOKEN, API, newComment, type TestServer } from '../server/harness.js';
import { startArticle } from './article.js';
import { launchBrowser, type Site } from './browser.js';

const THREAD = 'e2e-desk-story';
const HOSTILE = '<img src=x onerror="window.pwned=1"> <b>not bold</b> & 100% sure';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const MODERATOR = 'Sam Editor';
let api: TestServer;
let site: Site;
let browser: Browser;

before(async () => {
  ({ site, api } = await startArticle(THREAD, 'Desk story'));
  browser = await launchBrowser();
  const author = await api.token({ id: 'u-desk-author', displayName: 'Mallory <script>' });
  for (const body of [HOSTILE, 'A calm second comment about the footbridge.']) {
    const reply = await api.call('POST', `${API}/comments`, { token: author, body: newComment(THREAD, body) });
    assert.equal(reply.status, 201, reply.text);
  }
});

after(async () => {
  await browser?.close();
  await api?.close();
  site?.server.close();
});

// --- the widget ---------------------------------------------------------------------------------

async function openWidget(token: string | null): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(`${site.origin}/`);
  await tab.evaluate((t) => (t ? localStorage.setItem('token', t) : localStorage.removeItem('token')), token);
  await tab.reload();
  await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelectorAll('[part~="comment-body"]').length === 2);
  return tab;
}

const widgetBodies = (tab: Page) => tab.evaluate(() => [...document.querySelector('parley-comments')!.shadowRoot!
  .querySelectorAll('[part~="comment-body"]')].map((b) => b.textContent!.trim()));

// --- the desk -----------------------------------------------------------------------------------

async function openDesk(): Promise<Page> {
  const tab = await browser.newPage();
  // The desk is a strict-CSP page; axe is injected for the checks only.
  await tab.setBypassCSP(true);
  await tab.goto(`${api.base}/moderate/`);
  await tab.waitForFunction(() => document.querySelector('parley-desk')?.shadowRoot?.querySelector('form'));
  await tab.addScriptTag({ content: AXE });
  return tab;
}

const inDesk = (tab: Page, selector: string) =>
  tab.evaluateHandle((s) => document.querySelector('parley-desk')!.shadowRoot!.querySelector(s), selector) as Promise<ElementHandle<HTMLElement>>;

const deskText = (tab: Page, selector: string) =>
  tab.evaluate((s) => document.querySelector('parley-desk')!.shadowRoot!.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);

const waitInDesk = (tab: Page, fn: string) =>
  tab.waitForFunction(`(() => { const root = document.querySelector('parley-desk').shadowRoot; return ${fn}; })()`, { timeout: 10_000 });

const entryBodies = (tab: Page) => tab.evaluate(() => [...document.querySelector('parley-desk')!.shadowRoot!
  .querySelectorAll('[part~="entry"] > [part~="comment-body"]')].map((b) => b.textContent));

/** Which entry has focus (its index), or null. */
const focusedEntry = (tab: Page) => tab.evaluate(() => {
  const active = document.querySelector('parley-desk')!.shadowRoot!.activeElement;
  return active?.id.startsWith('entry-') ? Number(active.id.slice(6)) : null;
});

/** Picks `value` in the toolbar's select number `index` (0: Show, 1: Order), as a person would. */
async function choose(tab: Page, index: number, value: string): Promise<void> {
  const select = await tab.evaluateHandle((i) => document.querySelector('parley-desk')!.shadowRoot!.querySelectorAll('select')[i]!, index);
  await select.select(value);
}

async function expectAxeClean(tab: Page, state: string): Promise<void> {
  const result = await tab.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
  assert.deepEqual(result, [], `axe in the state "${state}"`);
}

async function signIn(tab: Page, name: string, token: string): Promise<void> {
  await (await inDesk(tab, '#moderator')).type(name);
  await (await inDesk(tab, '#token')).type(token);
  await (await inDesk(tab, 'form button[type="submit"]')).click();
}

test('report in the widget → the desk → remove → placeholder → audit → undo, by keyboard, axe-clean', async () => {
  const desk = await openDesk();
  await expectAxeClean(desk, 'sign-in');

  // A wrong token is refused with a clear message and nothing is kept.
  await signIn(desk, MODERATOR, 'not-the-admin-token');
  await waitInDesk(desk, "root.querySelector('#sign-in-error').textContent.includes('not accepted')");
  assert.equal(await deskText(desk, '#sign-in-error'), 'That admin token was not accepted. Check it and try again.');
  assert.equal(await desk.evaluate(() => sessionStorage.length), 0);
  await expectAxeClean(desk, 'sign-in refused');
  await desk.evaluate(() => {
    for (const id of ['#moderator', '#token']) (document.querySelector('parley-desk')!.shadowRoot!.querySelector(id) as HTMLInputElement).value = '';
  });
  await signIn(desk, MODERATOR, ADMIN_TOKEN);
  await waitInDesk(desk, "root.querySelector('[part~=\"empty\"]')");
  assert.equal(await deskText(desk, '[part~="empty"]'), 'No open reports. All clear.');
  assert.equal(await desk.evaluate(() => sessionStorage.getItem('parley-desk-token')), ADMIN_TOKEN);
  assert.ok(!desk.url().includes(ADMIN_TOKEN), 'the token is never in the address');
  await desk.evaluate(() => ((document.querySelector('parley-desk') as unknown as { undoSeconds: number }).undoSeconds = 120));
  await expectAxeClean(desk, 'empty queue');

  // A reader reports both comments in the widget.
  const reporter = await openWidget(await api.token({ id: 'u-desk-reader', displayName: 'Bob Okafor' }));
  const inWidget = (tab: Page, selector: string, index = 0) => tab.evaluateHandle((sel, i) =>
    document.querySelector('parley-comments')!.shadowRoot!.querySelectorAll(sel)[i], selector, index) as Promise<ElementHandle<HTMLElement>>;
  for (const [index, reason] of [[0, 'abusive'], [1, 'spam']] as const) {
    await (await inWidget(reporter, '[part~="report-button"]', index)).click();
    await reporter.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="report-form"]'));
    await (await inWidget(reporter, `input[type="radio"][value="${reason}"]`)).click();
    await (await inWidget(reporter, '[part~="report-submit"]')).click();
    await reporter.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="report-status"]'));
  }
  await reporter.close();

  // Refresh (r): both entries; among equals the one reported first (the calm one, at the top of
  // the widget's newest-first list) has waited longest.
  await desk.keyboard.press('r');
  await waitInDesk(desk, "root.querySelectorAll('[part~=\"entry\"]').length === 2");
  assert.deepEqual(await entryBodies(desk), ['A calm second comment about the footbridge.', HOSTILE]);
  // Hostile text is text: no element was made from it, no script ran.
  assert.equal(await desk.evaluate(() => document.querySelector('parley-desk')!.shadowRoot!.querySelector('[part~="entries"] img, [part~="entries"] b')), null);
  assert.equal(await desk.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  assert.match((await deskText(desk, '#entry-heading-1'))!, /^Mallory <script>/);
  assert.match((await deskText(desk, '#entry-0 .reports'))!, /1 report\s?Abusive · reported by u-desk-reader/);
  // The selected entry shows its conversation and its author's history.
  await waitInDesk(desk, "root.querySelector('#entry-0 .history')");
  assert.match((await deskText(desk, '#entry-0 .history'))!, /History of Mallory <script>\s?In good standing · 2 published comments, 0 removed/);
  assert.match((await deskText(desk, '#entry-0 .context'))!, /Conversation \(Thread open\)\s?No replies\./);
  await expectAxeClean(desk, 'queue with the selected entry');

  // Sorting by newest report puts the hostile comment (reported second) first.
  await choose(desk, 1, 'newest');
  await waitInDesk(desk, "root.querySelectorAll('[part~=\"entry\"]').length === 2 && root.querySelector('#entry-1 [part~=\"comment-body\"]').textContent.startsWith('A calm')");
  assert.deepEqual(await entryBodies(desk), [HOSTILE, 'A calm second comment about the footbridge.']);

  // Keyboard triage: j / k move focus between entries; ? shows the keys; typing is not a shortcut.
  await (await inDesk(desk, '#entry-0')).focus();
  await desk.keyboard.press('j');
  await waitInDesk(desk, "root.activeElement && root.activeElement.id === 'entry-1'");
  assert.equal(await focusedEntry(desk), 1);
  await desk.keyboard.press('k');
  await waitInDesk(desk, "root.activeElement && root.activeElement.id === 'entry-0'");
  await desk.keyboard.type('?');
  await waitInDesk(desk, "root.querySelector('dialog').open");
  assert.match((await deskText(desk, 'dialog'))!, /j\s?Next entry\s?k\s?Previous entry\s?z\s?Undo the last action/);
  await expectAxeClean(desk, 'keyboard help');
  await desk.keyboard.press('Escape');
  await waitInDesk(desk, "!root.querySelector('dialog').open");
  await desk.keyboard.press('/');
  await waitInDesk(desk, "root.activeElement && root.activeElement.id === 'search'");
  await desk.keyboard.type('x');
  assert.equal(await deskText(desk, '#entry-0 [part~="status"]'), 'Published', 'x typed in the search field removed nothing');
  assert.equal(await desk.evaluate(() => (document.querySelector('parley-desk')!.shadowRoot!.querySelector('#search') as HTMLInputElement).value), 'x');
  await desk.evaluate(() => ((document.querySelector('parley-desk')!.shadowRoot!.querySelector('#search') as HTMLInputElement).value = ''));

  // The hostile comment (entry 0) is removed with x.
  await (await inDesk(desk, '#entry-0')).focus();
  await desk.keyboard.press('x');
  await waitInDesk(desk, "root.querySelector('#entry-0 [part~=\"status\"]').textContent === 'Removed'");
  assert.match((await deskText(desk, '#announcement'))!, /^Removed the comment by Mallory <script>\. Undo with z within 120 seconds\.$/);
  await expectAxeClean(desk, 'after an action, undo offered');

  // A fresh load of the widget shows the placeholder (signed in: a signed-out page may come
  // from the browser's cache for its max-age, docs/api.md "Caching").
  const fresh = await openWidget(await api.token({ id: 'u-desk-later', displayName: 'Later Reader' }));
  assert.deepEqual((await widgetBodies(fresh)).sort(), ['A calm second comment about the footbridge.', 'This comment was removed by a moderator.']);
  await fresh.close();
  await desk.bringToFront();

  // The audit log (l) lists it with the moderator's name.
  await desk.keyboard.press('l');
  await waitInDesk(desk, "root.querySelectorAll('[part~=\"audit\"] tbody tr').length === 1");
  const row = await desk.evaluate(() => [...document.querySelector('parley-desk')!.shadowRoot!.querySelectorAll('[part~="audit"] tbody tr td')].map((td) => td.textContent!.trim()));
  assert.deepEqual(row.slice(1), [MODERATOR, 'remove', `comment ${(await api.call('GET', `${API}/admin/comments?status=removed`, { token: ADMIN_TOKEN })).body.items[0].id}`, '']);
  await expectAxeClean(desk, 'audit log');

  // Undo (z): the comment is back in the widget, its report back in the queue; undo is audited.
  await desk.keyboard.press('z');
  await waitInDesk(desk, "root.querySelector('#announcement').textContent.startsWith('Undone: Removed')");
  await waitInDesk(desk, "[...root.querySelectorAll('[part~=\"audit\"] tbody tr')].map((r) => r.children[2].textContent).join() === 'reopen-reports,restore,remove'");
  const restored = await openWidget(await api.token({ id: 'u-desk-later', displayName: 'Later Reader' }));
  assert.deepEqual((await widgetBodies(restored)).sort(), ['A calm second comment about the footbridge.', HOSTILE].sort());
  await restored.close();
  await desk.bringToFront();
  const queue = (await api.call('GET', `${API}/admin/reports`, { token: ADMIN_TOKEN })).body;
  assert.equal(queue.items.length, 2, 'the report is open again');

  // Back to the queue (q); the removed filter and the search.
  await desk.keyboard.press('q');
  await waitInDesk(desk, "root.querySelectorAll('[part~=\"entry\"]').length === 2");
  assert.deepEqual(await entryBodies(desk), [HOSTILE, 'A calm second comment about the footbridge.']);
  await (await inDesk(desk, '#entry-1')).focus();
  await desk.keyboard.press('d');
  await waitInDesk(desk, "root.querySelector('#entry-1 .reports h4').textContent.includes('closed')");
  await (await inDesk(desk, '#entry-0 .actions button')).click(); // Remove (x), by mouse
  await waitInDesk(desk, "root.querySelector('#entry-0 [part~=\"status\"]').textContent === 'Removed'");
  await choose(desk, 0, 'removed');
  await waitInDesk(desk, "root.querySelectorAll('[part~=\"entry\"]').length === 1");
  assert.deepEqual(await entryBodies(desk), [HOSTILE], 'a removed comment\'s text is there for the moderator');
  await expectAxeClean(desk, 'removed filter');
  await choose(desk, 0, 'pending');
  await waitInDesk(desk, "root.querySelector('[part~=\"empty\"]')");
  assert.equal(await deskText(desk, '[part~="empty"]'), 'Nothing is awaiting approval.');
  // Search across all comments (reported filter), "100%" literally, then an author.
  await choose(desk, 0, 'reported');
  await (await inDesk(desk, '#search')).type('100%');
  await desk.keyboard.press('Enter');
  await waitInDesk(desk, "root.querySelector('#list-heading').textContent.includes('100%') && root.querySelectorAll('[part~=\"entry\"]').length === 1");
  assert.deepEqual(await entryBodies(desk), [HOSTILE]);
  await expectAxeClean(desk, 'search results');
  await desk.evaluate(() => ((document.querySelector('parley-desk')!.shadowRoot!.querySelector('#search') as HTMLInputElement).value = ''));
  await (await inDesk(desk, '#search')).type('%_');
  await desk.keyboard.press('Enter');
  await waitInDesk(desk, "root.querySelector('[part~=\"empty\"]')");
  assert.equal(await deskText(desk, '[part~="empty"]'), 'No comments match “%_”.', 'wildcards are literal');
  await desk.evaluate(() => ((document.querySelector('parley-desk')!.shadowRoot!.querySelector('#search') as HTMLInputElement).value = ''));
  await (await inDesk(desk, '#search')).type('mallory');
  await desk.keyboard.press('Enter');
  await waitInDesk(desk, "root.querySelectorAll('[part~=\"entry\"]').length === 2");

  // Sign out: the token is gone from the tab.
  await (await inDesk(desk, 'header button:last-of-type')).click();
  await waitInDesk(desk, "root.querySelector('#moderator')");
  assert.equal(await desk.evaluate(() => sessionStorage.length), 0);
  await desk.close();
});
