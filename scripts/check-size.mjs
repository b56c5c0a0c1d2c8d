// Fails the test command when a CDN file outgrows its budget (bytes after gzip -9), or when a
// lazily loaded chunk imports anything: a chunk must take Lit and the helpers from the bundle
// that loads it (`src/kit.ts`), never import the bundle again under another URL.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const BUDGETS = {
  // What every article page loads: the element, the request, the loading placeholder, errors.
  // #16 may add at most 1 KB over main as it stood when #16 merged it (14,291 B by this script's zlib).
  'dist/parley-comments.js': 14_291 + KB,
  'dist/parley-count.js': 3 * KB,
  // Fetched alongside the thread's first request: what shows the comments once loaded.
  // 6 KB until #16, whose hooks for its own chunk (parley-engage.js: Recommend, Featured, Edit,
  // Delete), the Featured badge and the author's-deletion wording cost 135 B more than #19 left
  // room for: 6,279 B at #16's merge. Trim, then lower again.
  'dist/parley-thread-view.js': 6 * KB + 160,
  // Fetched only for a viewer who may post, and when a reader heads for a Report button.
  'dist/parley-posting.js': 3 * KB,
  'dist/parley-report.js': 3 * KB,
  // Fetched once a thread has loaded (live updates), or first when the address names a comment.
  'dist/parley-live.js': 4 * KB,
  // Fetched by the thread view when it arrives: Recommend, the Featured strip, Edit and Delete.
  'dist/parley-engage.js': 4 * KB,
};

let failed = false;
for (const [file, budget] of Object.entries(BUDGETS)) {
  const source = readFileSync(file);
  const gzipped = gzipSync(source, { level: 9 }).length;
  const ok = gzipped <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: ${source.length} B min, ${gzipped} B gzip -9 (budget ${budget} B)`);
}
for (const name of readdirSync('dist').filter((f) => /^parley-.*\.js$/.test(f) && !/^parley-(comments|count)\.js$/.test(f))) {
  const code = readFileSync(`dist/${name}`, 'utf8');
  if (/\bimport\s*[{*"'(]|\bfrom\s*["']/.test(code)) {
    failed = true;
    console.log(`FAIL dist/${name} imports a module: a chunk must import nothing`);
  }
}
process.exit(failed ? 1 : 0);
