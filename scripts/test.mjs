// The one test command (`npm test`): type-check, build, size budget, server contract tests,
// then the browser tests in Chromium. Stops at the first failing step with its exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { ensureBrowser } from './ensure-browser.mjs';
import { findPostgres } from './find-postgres.mjs';

const testFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`);

const browser = ensureBrowser();
const env = { ...process.env, CHROME_PATH: browser };
// The PostgreSQL suites run where a server answers; where none does they are skipped, said so in
// one line — unless PARLEY_TEST_PG_URL was set, which asks for them: then unreachable is a failure.
const postgres = await findPostgres(process.env);
if (postgres.url) env.PARLEY_TEST_PG_URL = postgres.url;
else if (postgres.required) {
  console.error(`✖ PARLEY_TEST_PG_URL is set but PostgreSQL does not answer there: ${postgres.reason}`);
  process.exit(1);
} else console.log(`▷ PostgreSQL suites skipped: ${postgres.reason} (set PARLEY_TEST_PG_URL, or start PostgreSQL on 127.0.0.1:5432)`);
const onPostgres = () => postgres.url !== null && existsSync('test/server');

const steps = [
  ['type-check the widget and its tests', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['type-check the server', 'npm', ['run', '--silent', 'typecheck:server'], () => existsSync('server/tsconfig.json')],
  ['type-check the end-to-end tests', 'npx', ['tsc', '-p', 'test/e2e/tsconfig.json']],
  ['lint: ESLint (typescript-eslint, Lit, web components) and lit-analyzer', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['size budget', 'node', ['scripts/check-size.mjs']],
  ['server contract tests on SQLite', 'npm', ['run', '--silent', 'test:server'], () => existsSync('test/server')],
  ['server contract tests on PostgreSQL (a fresh schema per server)', 'npm', ['run', '--silent', 'test:server'], onPostgres,
    { PARLEY_TEST_STORE: 'postgres' }],
  ['build the integration examples (React, Next.js, Vue)', 'node', ['scripts/build-examples.mjs']],
  ['browser tests', 'npx', ['web-test-runner']],
  ['end-to-end tests (built bundle, real server, Chromium)', 'node',
    ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles('test/e2e')]],
];

for (const [name, cmd, args, when, extraEnv = {}] of steps) {
  if (when && !when()) continue;
  const shownEnv = Object.entries(extraEnv).map(([k, v]) => `${k}=${v} `).join('');
  console.log(`\n▶ ${name}: ${shownEnv}${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}
console.log(`\n✔ all checks passed${postgres.url ? ' (server suites on SQLite and PostgreSQL)' : ' (server suites on SQLite only: PostgreSQL skipped)'}`);
