// Languages other than English stay out of the CDN bundle: each is its own chunk beside
// dist/parley-comments.js that imports nothing, a page fetches only its own language's chunk,
// and the table of loaders costs the English bundle a few bytes. Run after `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'puppeteer-core';
import { launchBrowser, serveSite, type Site } from './browser.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const LANGUAGES = ['ar', 'cy', 'de', 'es', 'fr', 'it', 'nl', 'pt'];
/** What the loader table may add to the English bundle, gzipped. */
const LOADER_BUDGET = 300;

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
const chunk = (code: string) => join(DIST, `parley-${code}.js`);
let bundle: string;

/** Every text in a strings object, nested objects included; functions are left out. */
function texts(object: object): string[] {
  return Object.values(object).flatMap((value: unknown) =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? texts(value) : []);
}

before(() => {
  assert.ok(existsSync(join(DIST, 'parley-comments.js')), 'run `npm run build` first');
  bundle = readFileSync(join(DIST, 'parley-comments.js'), 'utf8');
});

test('each language, the thread view, the comment form, the report form, the live chunk and the engage chunk is a chunk beside the bundle that imports nothing, and the bundle names each one', () => {
  const chunks = readdirSync(DIST).filter((f) => /^parley-.+\.js$/.test(f) && !['parley-comments.js', 'parley-count.js'].includes(f));
  const expected = [...LANGUAGES, 'thread-view', 'posting', 'report', 'live', 'engage'];
  assert.deepEqual(chunks.sort(), expected.map((name) => `parley-${name}.js`).sort(), 'one chunk per language, for the thread view, per form and for live updates, nothing shared');
  for (const name of expected) {
    // Importing nothing, a chunk cannot pull in a second copy of the bundle (a page that loads
    // it as parley-comments.js?ver=1 would) nor break on a cached chunk of another version.
    const source = readFileSync(chunk(name), 'utf8');
    assert.doesNotMatch(source, /\bimport\s*[\s{*("']|\bfrom\s*["']/, `parley-${name}.js imports nothing`);
    assert.ok(bundle.includes(`import("./parley-${name}.js")`), `the bundle loads parley-${name}.js relative to itself`);
  }
});

test('the English bundle and thread view hold no text of another language', async () => {
  const english = { 'parley-comments.js': bundle, 'parley-thread-view.js': readFileSync(chunk('thread-view'), 'utf8') };
  assert.ok(english['parley-comments.js'].includes('Comments could not be loaded.'), 'the check finds English text, so it can find French');
  assert.ok(english['parley-thread-view.js'].includes('Show more comments'));
  for (const code of LANGUAGES) {
    const { default: strings } = (await import(pathToFileURL(chunk(code)).href)) as { default: object };
    const distinctive = texts(strings).filter((text) => text.length >= 12);
    assert.ok(distinctive.length > 50, `parley-${code}.js exports its strings (${distinctive.length} long texts)`);
    for (const [file, source] of Object.entries(english)) {
      assert.deepEqual(distinctive.filter((text) => source.includes(text)), [], `no ${code} text in ${file}`);
    }
  }
  assert.ok(!english['parley-comments.js'].includes('Impossible de charger les commentaires.'), 'French "Comments could not be loaded." is not in the bundle');
  assert.ok(!english['parley-thread-view.js'].includes('Afficher plus de commentaires'), 'French "Show more comments" is not in the thread view');
});

test(`the loaders cost the English bundle at most ${LOADER_BUDGET} B gzip`, (t) => {
  // The table of languages (two or more entries: the forms' loaders are `{load:()=>import(…)}`).
  const table = /\{(?:\w+:\(\)=>import\("\.\/parley-\w+\.js"\),)+\w+:\(\)=>import\("\.\/parley-\w+\.js"\)\}/.exec(bundle);
  assert.ok(table, 'the loader table is in the bundle');
  assert.deepEqual([...table[0].matchAll(/(\w+):\(\)=>/g)].map((m) => m[1]).sort(), LANGUAGES);
  const cost = gzip(bundle) - gzip(bundle.replace(table[0], '{}'));
  t.diagnostic(`loader table: ${table[0].length} B min, ${cost} B gzip; bundle ${gzip(bundle)} B gzip`);
  for (const code of LANGUAGES) t.diagnostic(`parley-${code}.js: ${gzip(readFileSync(chunk(code), 'utf8'))} B gzip`);
  assert.ok(cost <= LOADER_BUDGET, `the loader table adds ${cost} B gzip`);
});

let browser: Browser | undefined;
let site: Site | undefined;

after(async () => {
  await browser?.close();
  site?.server.close();
});

test('a page fetches only its own language: none in English, parley-fr.js in French, right to left in Arabic', async () => {
  const files: Site['files'] = {};
  for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js'))) files[`/${file}`] = { path: `dist/${file}` };
  for (const lang of ['en', 'fr', 'ar', 'ja']) {
    files[`/${lang}`] = {
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Story</title>
<script type="module" src="/parley-comments.js"></script></head><body><parley-comments thread-id="story"></parley-comments></body></html>`,
    };
  }
  site = await serveSite(files);
  browser = await launchBrowser();
  const expected: Record<string, { heading: string; chunks: string[]; dir: string | null }> = {
    en: { heading: 'Comments', chunks: [], dir: null },
    fr: { heading: 'Commentaires', chunks: ['/parley-fr.js'], dir: null },
    ar: { heading: 'التعليقات', chunks: ['/parley-ar.js'], dir: 'rtl' },
    ja: { heading: 'Comments', chunks: [], dir: null },
  };
  for (const [lang, want] of Object.entries(expected)) {
    const page = await browser.newPage();
    const chunks: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/^\/parley-.+\.js$/.test(path) && path !== '/parley-comments.js') chunks.push(path);
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${site.origin}/${lang}`, { waitUntil: 'networkidle0' });
    const heading = () => page.evaluate(() => document.querySelector('parley-comments')?.shadowRoot?.querySelector('h2')?.textContent);
    await page.waitForFunction((text) => document.querySelector('parley-comments')?.shadowRoot?.querySelector('h2')?.textContent === text,
      { timeout: 5000 }, want.heading).catch(async () => assert.fail(`lang="${lang}": heading "${await heading()}"`));
    const dir = await page.evaluate(() => document.querySelector('parley-comments')!.shadowRoot!.querySelector('section')!.getAttribute('dir'));
    assert.deepEqual(chunks, want.chunks, `lang="${lang}" fetched ${chunks.join(', ') || 'no language chunk'}`);
    assert.equal(dir, want.dir, `lang="${lang}" direction`);
    assert.deepEqual(errors, [], `lang="${lang}" ran without errors`);
    await page.close();
  }
});
