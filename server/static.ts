// Static files for the demo (demo/ at /) and the built widget (dist/ at /dist/). Only files
// inside those two folders are ever read: no `..`, no dotfiles, no symlinks leading out.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { ApiError } from './errors.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// The demo pages are strict-CSP pages, as a publisher's may be: the widget must work under it.
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const notFound = (): ApiError => new ApiError(404, 'not_found', 'Nothing here.');

/** The file under `root` that `urlPath` (still %-encoded, relative to the mount) names. */
async function locate(root: string, urlPath: string): Promise<string> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw notFound();
  }
  const segments = decoded.split('/').filter(Boolean);
  if (decoded.includes('\0') || decoded.includes('\\') || segments.some((s) => s.startsWith('.'))) throw notFound();
  let file = resolve(root, ...segments);
  try {
    if ((await stat(file)).isDirectory()) file = resolve(file, 'index.html');
    const [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    if (!real.startsWith(realRoot + sep) || !(await stat(real)).isFile()) throw notFound();
    return real;
  } catch {
    throw notFound();
  }
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): Promise<void> {
  const file = await locate(root, urlPath);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new ApiError(405, 'method_not_allowed', 'Static files are read-only.', { Allow: 'GET, HEAD' });
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const { size } = await stat(file);
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', size);
  // Revalidate every time: the demo and a fresh build must show at once.
  res.setHeader('Cache-Control', 'no-cache');
  if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', PAGE_CSP);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
