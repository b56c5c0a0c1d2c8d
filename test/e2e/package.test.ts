// The npm package as an installer gets it: `npm pack` of the built tree, installed into a
// scratch project as a new user's npm would: Lit (its only dependency) comes from the npm registry,
// which every machine of this project reaches; `--prefer-offline` takes it from the npm cache when
// the cache has it, and asks the registry when it does not (an empty cache, as on a new machine or
// in CI, which runs with a fresh one). It never depends on what one machine happened to cache.
// Then the package is used three ways — type-checked by a
// TypeScript consumer, bundled by esbuild (which honours `exports` and `sideEffects`) and run in
// Chromium, and imported in Node as a server-rendering framework would. Run after `npm run build`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import type { Browser } from 'puppeteer-core';
import { launchBrowser, serveSite, type Site } from './browser.js';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string; main: string; module: string; types: string; unpkg: string; jsdelivr: string; customElements: string;
  exports: Record<string, string | Record<string, string>>; sideEffects: string[];
};

interface Packed { filename: string; size: number; unpackedSize: number; files: { path: string }[] }

let scratch: string;
let packed: Packed;
let files: string[];
let browser: Browser | undefined;
let site: Site | undefined;

const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  assert.ok(existsSync(join(ROOT, 'dist/lib/index.js')), 'run `npm run build` first');
  scratch = mkdtempSync(join(tmpdir(), 'parley-pack-'));
  // --ignore-scripts: the test command has just built dist/; prepack would build it again.
  packed = (JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], ROOT)) as Packed[])[0]!;
  files = packed.files.map((f) => f.path).sort();
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `./${packed.filename}`], scratch);
});

after(async () => {
  await browser?.close();
  site?.server.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the tarball holds only the built files, the manifest, README, LICENSE and package.json', () => {
  const stray = files.filter((f) => !/^(package\.json|README\.md|LICENSE|dist\/.+\.(js|d\.ts)|dist\/custom-elements\.json)$/.test(f));
  assert.deepEqual(stray, [], 'nothing but dist/*.js, dist/**/*.d.ts and the manifest');
  for (const required of ['README.md', 'LICENSE', 'dist/custom-elements.json', 'dist/parley-comments.js', 'dist/parley-count.js',
    'dist/lib/index.js', 'dist/lib/index.d.ts', 'dist/lib/define.js', 'dist/lib/define.d.ts', 'dist/lib/parley-count.js', 'dist/lib/parley-count.d.ts']) {
    assert.ok(files.includes(required), `${required} is packed`);
  }
  const modules = files.filter((f) => f.startsWith('dist/lib/') && f.endsWith('.js'));
  assert.deepEqual(modules.filter((f) => !files.includes(f.replace(/\.js$/, '.d.ts'))), [], 'every module has its declarations');
  // A ceiling that only something shipped by mistake (sources, node_modules, maps) would reach.
  assert.ok(packed.size < 256 * 1024, `tarball ${packed.size} B`);
});

test('every path package.json points at is in the tarball, and `types` comes first in each export', () => {
  const targets = [manifest.main, manifest.module, manifest.types, manifest.unpkg, manifest.jsdelivr, manifest.customElements];
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (typeof target === 'string') {
      targets.push(target);
      continue;
    }
    assert.equal(Object.keys(target)[0], 'types', `exports["${subpath}"] lists "types" first`);
    targets.push(...Object.values(target));
  }
  const missing = targets.map((t) => t.replace(/^\.\//, '')).filter((t) => t !== 'package.json' && !files.includes(t));
  assert.deepEqual(missing, []);
  for (const entry of manifest.sideEffects) {
    const pattern = new RegExp(`^${entry.replace(/^\.\//, '').replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
    assert.ok(files.some((f) => pattern.test(f)), `sideEffects entry ${entry} names packed files`);
  }
  assert.ok(!manifest.sideEffects.some((e) => /lib\/(index|parley-comments)\.js$/.test(e)), 'the class entry is side-effect free');
});

test('a TypeScript consumer type-checks against the packed declarations (bundler and NodeNext resolution)', () => {
  writeFileSync(join(scratch, 'consumer.ts'), `
import { ParleyComments, type ParleyEventMap, type ParleyStrings } from 'parley-comments';
import 'parley-comments/define';
import 'parley-comments/count';

const widget: ParleyComments = document.createElement('parley-comments');
widget.getAuthToken = async () => 'token';
widget.strings = { heading: 'Reader comments' } satisfies Partial<ParleyStrings>;
widget.addEventListener('parley-load', (event) => console.log(event.detail.thread.commentCount.toFixed(0)));
const onError = (event: ParleyEventMap['parley-error']): number => event.detail.status;
widget.addEventListener('parley-error', onError);
document.createElement('parley-count').setAttribute('thread-id', 'story-1');
// @ts-expect-error -- the types are real: sort is 'newest' | 'oldest'
widget.sort = 'sideways';
`);
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  for (const [module, moduleResolution] of [['esnext', 'bundler'], ['nodenext', 'nodenext']] as const) {
    const compilerOptions = { noEmit: true, strict: true, target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], types: [], module, moduleResolution };
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    try {
      run(process.execPath, [tsc, '-p', 'tsconfig.json'], scratch);
    } catch (error) {
      assert.fail(`tsc (${moduleResolution}) failed:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
  }
});

/** Bundles `source` in the scratch project, as an installer's bundler would, and runs it in Chromium. */
async function runBundled(source: string): Promise<Record<string, unknown>> {
  writeFileSync(join(scratch, 'entry.js'), source);
  const { outputFiles } = await esbuild.build({
    absWorkingDir: scratch, entryPoints: ['entry.js'], bundle: true, format: 'esm', write: false, outdir: 'out', logLevel: 'silent',
  });
  site ??= await serveSite({});
  site.files['/'] = { body: '<!doctype html><html lang="en"><head><title>Scratch</title><link rel="icon" href="data:,"><script type="module" src="/entry.js"></script></head><body></body></html>' };
  site.files['/entry.js'] = { body: outputFiles[0]!.contents, headers: { 'Content-Type': 'text/javascript' } };
  browser ??= await launchBrowser();
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.goto(`${site.origin}/`);
  try {
    return await (await tab.waitForFunction(() => (window as { result?: unknown }).result, { timeout: 10_000 })).jsonValue() as Record<string, unknown>;
  } catch (error) {
    return assert.fail(`the bundle never finished: ${errors.join('; ') || error}`);
  } finally {
    await tab.close();
    assert.deepEqual(errors, []);
  }
}

test('bundled from the tarball, `./define` registers the class that `.` exports, and `./count` registers <parley-count>', async () => {
  const result = await runBundled(`
import { ParleyComments } from 'parley-comments';
import 'parley-comments/define';
import 'parley-comments/count';
const widget = document.createElement('parley-comments');
document.body.append(widget, document.createElement('parley-count'));
await widget.updateComplete;
window.result = {
  sameClass: customElements.get('parley-comments') === ParleyComments,
  header: widget.shadowRoot.querySelector('[part~="header"] h2')?.textContent,
  count: document.querySelector('parley-count').shadowRoot.querySelectorAll('[part="count"]').length,
};`);
  assert.deepEqual(result, { sameClass: true, header: 'Comments', count: 1 });
});

test('the class entry alone registers nothing', async () => {
  const result = await runBundled(`
import { ParleyComments } from 'parley-comments';
window.result = { isClass: typeof ParleyComments === 'function', defined: customElements.get('parley-comments') !== undefined };`);
  assert.deepEqual(result, { isClass: true, defined: false });
});

test('in Node (server rendering), the class entry and `./define` import under Lit\'s DOM shim', () => {
  const out = run(process.execPath, ['--input-type=module', '-e', `
const { ParleyComments } = await import('parley-comments');
await import('parley-comments/define');
console.log(JSON.stringify({ name: ParleyComments.name, defined: customElements.get('parley-comments') === ParleyComments }));`], scratch);
  assert.deepEqual(JSON.parse(out), { name: 'ParleyComments', defined: true });
});
