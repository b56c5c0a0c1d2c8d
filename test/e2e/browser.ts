// Headless Chromium for the end-to-end tests (the same browser the widget tests use), and a
// tiny static server standing in for a publisher's site on its own origin.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
// @ts-expect-error -- a plain .mjs helper shared with the test runner's config
import { findBrowser } from '../../scripts/find-browser.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function launchBrowser(): Promise<Browser> {
  const executablePath = (findBrowser as () => string | undefined)();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-browser.mjs` or set CHROME_PATH');
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export interface SiteFile {
  /** A file on disk, relative to the working directory. */
  path?: string;
  /** Literal content, served as HTML unless `headers` name another Content-Type. */
  body?: string | Uint8Array;
  /** Response headers, over the defaults (e.g. a Content-Security-Policy, a Content-Type). */
  headers?: Record<string, string>;
}

export interface Site {
  origin: string;
  server: Server;
  /** URL path → a file on disk or literal content; may be changed while the site runs. */
  files: Record<string, SiteFile>;
}

/** The built bundle and chunks named (`parley-comments`, `parley-live`, …), as site files at the root. */
export const builtFiles = (...names: string[]): Site['files'] =>
  Object.fromEntries(names.map((name) => [`/${name}.js`, { path: `dist/${name}.js` }]));

/** Serves `files` on an ephemeral port of 127.0.0.1: a publisher's site on its own origin. */
export async function serveSite(files: Site['files']): Promise<Site> {
  const server = createServer(async (request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const body = file.body ?? (await readFile(normalize(join(process.cwd(), file.path!))));
    const type = file.path ? TYPES[extname(file.path)] ?? 'application/octet-stream' : TYPES['.html']!;
    response.writeHead(200, { 'Content-Type': type, ...file.headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, files };
}
