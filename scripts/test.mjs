// The one test command (`npm test`): type-check, build, size budget, server contract tests,
// then the browser tests in Chromium. Stops at the first failing step with its exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { ensureBrowser } from './ensure-browser.mjs';

const testFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`);

const browser = ensureBrowser();
const env = { ...process.env, CHROME_PATH: browser };

const steps = [
  ['type-check the widget and its tests', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['type-check the server', 'npm', ['run', '--silent', 'typecheck:server'], () => existsSync('server/tsconfig.json')],
  ['type-check the end-to-end tests', 'npx', ['tsc', '-p', 'test/e2e/tsconfig.json']],
  ['lint: ESLint (typescript-eslint, Lit, web components) and lit-analyzer', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['size budget', 'node', ['scripts/check-size.mjs']],
  ['server contract tests', 'npm', ['run', '--silent', 'test:server'], () => existsSync('test/server')],
  ['build the integration examples (React, Next.js, Vue)', 'node', ['scripts/build-examples.mjs']],
  ['browser tests', 'npx', ['web-test-runner']],
  ['end-to-end tests (built bundle, real server, Chromium)', 'node',
    ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles('test/e2e')]],
];

for (const [name, cmd, args, when] of steps) {
  if (when && !when()) continue;
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}
console.log('\n✔ all checks passed');
