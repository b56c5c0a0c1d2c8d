// Imported history in the widget: a Disqus export imported into the reference server's store
// renders in the built bundle with its replies, its removed spam as a placeholder, and the
// markup its authors typed as text.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { importExport } from '../../server/import.js';
import { startServer, type TestServer } from '../server/harness.js';
import { builtFiles, launchBrowser, serveSite, type Site } from './browser.js';

let api: TestServer;
let site: Site;
let browser: Browser;

before(async () => {
  site = await serveSite(builtFiles('parley-comments', 'parley-thread-view', 'parley-live', 'parley-engage'));
  api = await startServer({ PARLEY_ALLOWED_ORIGINS: site.origin });
  await importExport(api.store, 'disqus', createReadStream(new URL('../fixtures/import/disqus-small.xml', import.meta.url)));
  // The article page as the publisher serves it: its canonical URL is the imported thread's id.
  site.files['/'] = {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridge</title>
<link rel="canonical" href="https://news.example/2024/bridge-reopens"><link rel="icon" href="data:,"></head><body>
<parley-comments backend-url="${api.base}/api/v1" loading="eager"></parley-comments>
<script type="module" src="/parley-comments.js"></script>
</body></html>`,
  };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await api?.close();
  site?.server.close();
});

test('an imported Disqus thread renders in the widget, found by the canonical URL, with its replies', async () => {
  const tab = await browser.newPage();
  await tab.goto(`${site.origin}/`);
  await tab.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.querySelectorAll('[part~="comment"]').length === 4);
  const shown = await tab.evaluate(() => [...document.querySelector('parley-comments')!.shadowRoot!.querySelectorAll('[part~="comment"]')]
    .map((c) => [c.querySelector('[part~="comment-author"]')!.textContent, c.querySelector('[part~="comment-body"]')!.textContent]));
  assert.deepEqual(shown, [
    ['Removed comment', 'This comment was removed by a moderator.'],
    ['Ann Hale', 'Finally! My commute is twenty minutes shorter.\n\nThanks to the crews.'],
    ['Bob Okafor', 'And the cycle lane is wider — a good call.'],
    ['Carys Jones', 'Agreed with Bob.'],
  ]);
  assert.equal(await tab.evaluate(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('[part~="count"]')!.textContent), '3 comments');
  assert.equal(await tab.evaluate(() => !!document.querySelector('parley-comments')!.shadowRoot!.querySelector('script, img')), false);
});
