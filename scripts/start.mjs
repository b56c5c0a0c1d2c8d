// `npm start`: build the widget, then run the reference server in demo mode on a SQLite file
// (.data/parley.db), seeded on first run, serving the demo at http://localhost:8787/.
// Set PARLEY_SKIP_BUILD=1 to reuse an existing dist/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = resolve(root, 'dist/parley-comments.js');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (process.env.PARLEY_SKIP_BUILD !== '1') {
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.error('\nstart: the widget build failed (see above).');
}
if (!existsSync(bundle)) {
  // The API and the moderation page still work; the article page says the widget is missing.
  console.error(`start: ${bundle} does not exist, so the demo article will show no widget.\n` +
    'start: fix the build (npm run build), then restart. Starting the server anyway.\n');
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { PARLEY_DEMO: '1', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
