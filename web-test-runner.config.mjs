// Browser tests in real Chromium; the backend is mocked by msw's service worker.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { findBrowser } from './scripts/find-browser.mjs';

const mswWorker = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts', '!test/server/**', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 5 * 60 * 1000,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // `executeServerCommand('a11y-tree')`: Chromium's whole accessibility tree (the stock
    // a11ySnapshot keeps only "interesting" nodes, which leaves out lists and list items).
    {
      name: 'a11y-tree',
      executeCommand({ command, session }) {
        if (command !== 'a11y-tree') return undefined;
        return session.browser.getPage(session.id).accessibility.snapshot({ interestingOnly: false });
      },
    },
  ],
  middleware: [
    // msw's worker must be served from the site root to control every test page.
    function serveMswWorker(context, next) {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.body = readFileSync(mswWorker, 'utf8');
      return undefined;
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findBrowser(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      },
    }),
  ],
};
