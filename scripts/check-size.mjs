// Fails the test command when the CDN bundle outgrows its budget (bytes after gzip -9).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = { 'dist/parley-comments.js': 20 * 1024, 'dist/parley-count.js': 3 * 1024 };

let failed = false;
for (const [file, budget] of Object.entries(BUDGETS)) {
  const source = readFileSync(file);
  const gzipped = gzipSync(source, { level: 9 }).length;
  const ok = gzipped <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: ${source.length} B min, ${gzipped} B gzip -9 (budget ${budget} B)`);
}
process.exit(failed ? 1 : 0);
