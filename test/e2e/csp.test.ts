// A publisher page under a strict Content-Security-Policy with Trusted Types enforced: the
// built widget reads, posts and opens the report form with no violation and no console error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import de from '../../src/i18n/de.js';
import { startServer, type TestServer } from '../server/harness.js';
import { launchBrowser, serveSite, type Site } from './browser.js';

const THREAD = 'csp-story';
const JS = { 'Content-Type': 'text/javascript; charset=utf-8' };
let api: TestServer;
let site: Site;
let browser: Browser;

// Records every violation the page reports; a same-origin file, since inline script is refused.
const WATCH = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(
  e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample), true);`;

function page(attributes: string, extraScript = '', lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Story</title>
<script src="/watch.js"></script>${extraScript}<script type="module" src="/parley-comments.js"></script></head><body>
<parley-comments backend-url="${api.base}/api/v1" thread-id="${THREAD}" loading="eager" ${attributes}></parley-comments>
</body></html>`;
}

before(async () => {
  site = await serveSite({
    '/parley-comments.js': { path: 'dist/parley-comments.js' },
    '/parley-thread-view.js': { path: 'dist/parley-thread-view.js' },
    '/parley-live.js': { path: 'dist/parley-live.js' },
    '/parley-engage.js': { path: 'dist/parley-engage.js' },
    '/parley-posting.js': { path: 'dist/parley-posting.js' },
    '/parley-report.js': { path: 'dist/parley-report.js' },
    '/parley-de.js': { path: 'dist/parley-de.js' },
    '/watch.js': { body: WATCH, headers: JS },
    '/favicon.ico': { body: '', headers: { 'Content-Type': 'image/x-icon' } },
  });
  api = await startServer({ PARLEY_ALLOWED_ORIGINS: site.origin });
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${new URL(api.base).origin}; `
    + "require-trusted-types-for 'script'";
  const strict = { 'Content-Security-Policy': csp };
  const author = await api.token({ id: 'u-ann', displayName: 'Ann Hale', subscriber: true });
  for (const body of ['First under a strict policy.', 'Second, with a link: https://example.org/a?b=1']) {
    const posted = await api.call('POST', '/api/v1/comments', {
      token: author,
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: { thread: { id: THREAD, url: 'https://news.test/csp', title: 'Story' }, body, parentId: null },
    });
    assert.equal(posted.status, 201);
  }
  const subscriber = await api.token({ id: 'u-sam', displayName: 'Sam Reader', subscriber: true });
  site.files['/'] = { body: page('page-size="1"'), headers: strict };
  site.files['/de'] = { body: page('', '', 'de'), headers: strict };
  site.files['/signed-in.js'] = {
    body: `document.querySelector('parley-comments').getAuthToken = () => ${JSON.stringify(subscriber)};`,
    headers: JS,
  };
  // Deferred, and before the bundle, so the token provider is in place before the first request.
  site.files['/subscriber'] = { body: page('', '<script src="/signed-in.js" defer></script>'), headers: strict };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await api?.close();
  site?.server.close();
});

/** A tab that collects CSP violations (from the page and the console), console errors and page errors. */
async function open(path: string): Promise<{ tab: Page; problems: () => Promise<string[]> }> {
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  tab.on('pageerror', (error) => problems.push(`pageerror: ${error}`));
  const response = await tab.goto(`${site.origin}${path}`);
  assert.match(response!.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/, 'the page is served under the policy');
  return {
    tab,
    problems: async () => [...problems, ...(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations))],
  };
}

const shadowTexts = (tab: Page, part: string) => tab.evaluate((name) => [...document.querySelector('parley-comments')!.shadowRoot!
  .querySelectorAll(`[part~="${name}"]`)].map((n) => n.textContent), part);

test('the policy is enforced: inline script and a string assigned to innerHTML are refused and reported', async () => {
  site.files['/tt.js'] = { body: "try { document.body.innerHTML = '<b>x</b>'; } catch { window.refused = true; }", headers: JS };
  site.files['/inline'] = {
    body: '<!doctype html><body><script src="/watch.js"></script><script>window.ran = true</script><script src="/tt.js"></script>',
    headers: site.files['/']!.headers!,
  };
  const { tab, problems } = await open('/inline');
  assert.deepEqual(await tab.evaluate(() => ['ran' in window, 'refused' in window]), [false, true]);
  const seen = await problems();
  assert.ok(seen.some((p) => p.startsWith('script-src-elem blocked inline')), `the watcher sees the inline script: ${seen}`);
  assert.ok(seen.some((p) => p.startsWith('require-trusted-types-for blocked trusted-types-sink')), `and the sink: ${seen}`);
  await tab.close();
});

// Runs before the subscriber's test below adds a third comment to the thread.
test('a reader sees the thread, styled, and loads more with no CSP violation, fetching no feature chunk', async () => {
  const { tab, problems } = await open('/');
  await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelector('[part~="load-more"]'),
    { timeout: 10_000 });
  await tab.click('parley-comments >>> [part~="load-more"]');
  await tab.waitForFunction(() => document.querySelector('parley-comments')!.shadowRoot!.querySelectorAll('[part~="comment"]').length === 2,
    { timeout: 10_000 });
  assert.deepEqual(await shadowTexts(tab, 'comment-body'), ['Second, with a link: https://example.org/a?b=1', 'First under a strict policy.']);
  const styled = await tab.evaluate(() => {
    const root = document.querySelector('parley-comments')!.shadowRoot!;
    return { sheets: root.adoptedStyleSheets.length, whiteSpace: getComputedStyle(root.querySelector('[part~="comment-body"]')!).whiteSpace,
      link: root.querySelector<HTMLAnchorElement>('[part~="comment-body"] a')?.href };
  });
  assert.ok(styled.sheets > 0, 'the styles are adopted');
  assert.equal(styled.whiteSpace, 'pre-wrap', 'and applied');
  assert.equal(styled.link, 'https://example.org/a?b=1');
  const scripts = await tab.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
    .filter((path) => path.endsWith('.js')));
  assert.deepEqual(scripts.sort(), ['/parley-comments.js', '/parley-engage.js', '/parley-live.js', '/parley-thread-view.js', '/watch.js'],
    'a signed-out reader fetches the thread view (which asks for the engage chunk) and, once it has loaded, the live chunk; neither the posting nor the report chunk');
  assert.deepEqual(await problems(), []);
  await tab.close();
});

test('a subscriber posts a comment and opens and cancels the report form with no CSP violation', async () => {
  const { tab, problems } = await open('/subscriber');
  const formChunk: string[] = [];
  tab.on('request', (request) => {
    if (new URL(request.url()).pathname === '/parley-report.js') formChunk.push(request.url());
  });
  const input = 'parley-comments >>> [part~="composer-input"]';
  await tab.waitForSelector(input, { timeout: 10_000 });
  await tab.click(input);
  await tab.keyboard.type('Posted under Trusted Types.');
  await tab.click('parley-comments >>> [part~="composer-submit"]');
  await tab.waitForFunction(() => [...document.querySelector('parley-comments')!.shadowRoot!.querySelectorAll('[part~="comment-body"]')]
    .some((n) => n.textContent === 'Posted under Trusted Types.'), { timeout: 10_000 });

  // Fetched alongside the thread (the page gives a token), so perhaps before `open` returned: the page's own record.
  const postingChunk = await tab.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname === '/parley-posting.js').length);
  assert.equal(postingChunk, 1, 'the posting chunk is fetched once, for a subscriber');
  const composer = await tab.evaluate(() => {
    const root = document.querySelector('parley-comments')!.shadowRoot!;
    return getComputedStyle(root.querySelector('[part~="composer-input"]')!).minHeight;
  });
  assert.equal(composer, '80px', "the composer's own styles arrived with it (5rem text field)");
  assert.deepEqual(formChunk, [], 'the report form is not fetched with the thread');
  await tab.click('parley-comments >>> [data-comment-id] [part~="report-button"]');
  await tab.waitForSelector('parley-comments >>> [part~="report-form"]', { timeout: 5000 });
  assert.equal(formChunk.length, 1, 'the form is fetched once, when the reader heads for Report');
  const form = await tab.evaluate(() => {
    const root = document.querySelector('parley-comments')!.shadowRoot!;
    const radio = root.querySelector<HTMLElement>('[part~="report-form"] input[type="radio"]')!.getBoundingClientRect();
    return { border: getComputedStyle(root.querySelector('[part~="report-form"] fieldset')!).borderTopStyle, radio: radio.width };
  });
  assert.deepEqual(form, { border: 'none', radio: 24 }, "the form's own styles arrived with it (no fieldset border, 24 px radios)");
  await tab.click('parley-comments >>> [part~="report-cancel"]');
  await tab.waitForFunction(() => !document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="report-form"]'),
    { timeout: 5000 });
  assert.deepEqual(await problems(), []);
  await tab.close();
});

test('a German page loads its strings beside the bundle (a dynamic import) with no CSP violation', async () => {
  const { tab, problems } = await open('/de');
  await tab.waitForFunction(() => [...document.querySelector('parley-comments')?.shadowRoot?.querySelectorAll('[part~="comment-body"]') ?? []]
    .some((n) => n.textContent === 'First under a strict policy.'), { timeout: 10_000 });
  const heading = await tab.evaluate(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('h2')?.textContent);
  assert.equal(heading, de.heading, `the German strings loaded (problems: ${await problems()})`);
  assert.deepEqual(await problems(), []);
  await tab.close();
});
