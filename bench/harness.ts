// What `npm run bench`, bench/profile.ts and bench/timeline.ts share: the scenarios, and a
// publisher's page serving a bundle and bench/page.ts, a backend on another origin over a
// generated thread of 2,000 comments, and headless Chromium.
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import ts from 'typescript';
import { launchBrowser, serveSite, type Site } from '../test/e2e/browser.js';
import { startBenchBackend, type BenchBackend } from './backend.js';

export interface Scenario {
  key: string;
  label: string;
  pageSize: number;
  /** Top-level comments to show before the clock stops. */
  target: number;
  /** The reader is a signed-in subscriber: the widget fetches its comment form, the baseline builds one. */
  subscriber?: boolean;
  /** The backend answers from memory at once (the page's fetch, from pre-serialised JSON): only the contenders' own work is timed. */
  instant?: boolean;
}

/** Top-level comments in the generated thread. */
export const TOTAL = 2000;

export const SCENARIOS: Scenario[] = [
  { key: 'first-20', label: 'first screen, page-size 20', pageSize: 20, target: 20 },
  { key: 'first-100', label: 'first screen, page-size 100', pageSize: 100, target: 100 },
  { key: 'more-500', label: '500 via load-more (100/page)', pageSize: 100, target: 500 },
  { key: 'more-2000', label: '2,000 via load-more (100/page)', pageSize: 100, target: TOTAL },
  { key: 'first-100-subscriber', label: 'first screen, 100, subscriber', pageSize: 100, target: 100, subscriber: true },
  { key: 'instant-20', label: 'instant backend, page-size 20', pageSize: 20, target: 20, instant: true },
  { key: 'instant-100', label: 'instant backend, page-size 100', pageSize: 100, target: 100, instant: true },
];

/** The scenario named `key`, or an error listing the names. */
export function scenario(key: string): Scenario {
  const found = SCENARIOS.find((s) => s.key === key);
  if (!found) throw new Error(`unknown scenario ${key}; one of ${SCENARIOS.map((s) => s.key).join(', ')}`);
  return found;
}

export interface Harness {
  site: Site;
  backend: BenchBackend;
  browser: Browser;
  /** A fresh tab on the page, the bundle loaded and the benchmark's functions ready. */
  openPage(): Promise<Page>;
  /** Runs `kind` (the widget or the plain-DOM baseline) through `s` in `page`. */
  measure<T>(page: Page, kind: 'widget' | 'baseline', s: Scenario): Promise<T>;
  close(): Promise<void>;
}

/** Where the built files are read from: dist/, or BENCH_DIST (another build, to run old against new in alternation). */
export const DIST = process.env.BENCH_DIST ?? 'dist';

/**
 * The chunks the widget fetches beside the bundle (the thread view; a subscriber's comment form;
 * the report form; live updates and Copy link, after the first screen), read from dist/. A
 * build from before a chunk existed simply lacks it.
 */
export function readChunks(): Record<string, Uint8Array> {
  const names = ['parley-thread-view.js', 'parley-posting.js', 'parley-report.js', 'parley-live.js'];
  return Object.fromEntries(names.filter((name) => existsSync(`${DIST}/${name}`)).map((name) => [name, readFileSync(`${DIST}/${name}`)]));
}

/** Serves `bundle` as /parley-comments.js, and each of `chunks` beside it. */
export async function startHarness(bundle: string | Uint8Array, chunks: Record<string, Uint8Array> = {}): Promise<Harness> {
  const pageScript = ts.transpileModule(readFileSync(new URL('./page.ts', import.meta.url), 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
  }).outputText;
  const js = { 'Content-Type': 'text/javascript; charset=utf-8' };
  // Chunks as a CDN serves a versioned release (docs/deployment.md): cached, so every tab after
  // the warm-up meets them as a reader's second article does. BENCH_CHUNK_CACHE=0 serves them
  // uncached, as a reader's first article meets them.
  const chunkHeaders = process.env.BENCH_CHUNK_CACHE === '0'
    ? { ...js, 'Cache-Control': 'no-store' }
    : { ...js, 'Cache-Control': 'public, max-age=31536000, immutable' };
  const site = await serveSite({
    '/parley-comments.js': { body: bundle, headers: js },
    ...Object.fromEntries(Object.entries(chunks).map(([name, body]) => [`/${name}`, { body, headers: chunkHeaders }])),
    '/bench-page.js': { body: pageScript, headers: js },
    '/': {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley bench</title><link rel="icon" href="data:,">
<style>body { margin: 0; font: 16px system-ui } #stage { width: 680px; margin: 0 auto }</style></head>
<body><div id="stage"></div>
<script type="module" src="/parley-comments.js"></script><script type="module" src="/bench-page.js"></script></body></html>`,
    },
  });
  const backend = await startBenchBackend(TOTAL, site.origin);
  const browser = await launchBrowser();
  return {
    site,
    backend,
    browser,
    async openPage() {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      page.on('pageerror', (error) => console.error(`page error: ${error}`));
      await page.goto(`${site.origin}/`);
      await page.waitForFunction(() => customElements.get('parley-comments') && 'parleyBench' in window);
      return page;
    },
    async measure<T>(page: Page, kind: 'widget' | 'baseline', s: Scenario) {
      const arg = JSON.stringify({ base: backend.base, threadId: backend.threadId, pageSize: s.pageSize, target: s.target,
        subscriber: !!s.subscriber, instant: !!s.instant,
        handDates: process.env.BENCH_BASELINE_DATES === 'hand' });
      return (await page.evaluate(`window.parleyBench.${kind}(${arg})`)) as T;
    },
    async close() {
      await browser.close();
      await backend.close();
      site.server.close();
    },
  };
}
