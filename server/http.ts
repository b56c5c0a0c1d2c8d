// Request bodies in, JSON responses out, and the headers every response carries.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.js';

export interface ApiResponse {
  status: number;
  /** Omitted for 204. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  /**
   * A read that may be kept (docs/api.md, Caching): `shared` for a request without credentials
   * (public, with an ETag and 304s), `private` for the same read with them. Unset: no-store.
   */
  cache?: 'shared' | 'private';
  /** The handler writes the response itself (an event stream); resolves when it has ended. */
  stream?: (res: ServerResponse) => Promise<void>;
}

/** Signed-out reads: a new comment shows for others within seconds (docs/api.md, Caching). */
export const SHARED_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';
const PRIVATE_CACHE_CONTROL = 'private, no-store';
/** The answer depends on who asks and from where: caches must keep those apart. */
const CACHEABLE_VARY = 'Origin, Authorization, Cookie';

/** Whether a request carries anything that could name a viewer: a bearer token or any cookie. */
export const hasCredentials = (req: IncomingMessage): boolean =>
  req.headers.authorization !== undefined || req.headers.cookie !== undefined;

/** A strong validator of the exact bytes. */
const etagOf = (payload: string): string => `"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;

/**
 * The bytes and validator of a body, kept beside the body object itself: a signed-out page served
 * from the page cache (server/page-cache.ts) is the same object for every reader until its thread
 * changes, so it is serialized and hashed once, not once per request.
 */
const encoded = new WeakMap<object, { payload: string; etag: string }>();

function encode(body: unknown, shared: boolean): { payload: string; etag: string } {
  if (!shared || typeof body !== 'object' || body === null) return { payload: JSON.stringify(body), etag: '' };
  let kept = encoded.get(body);
  if (!kept) {
    const payload = JSON.stringify(body);
    encoded.set(body, (kept = { payload, etag: etagOf(payload) }));
  }
  return kept;
}

/** If-None-Match names this ETag (or `*`); weak comparison, as RFC 9110 asks for this header. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** On every response, pages and API alike. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** JSON is data, never a document: nothing in it may run or be framed. */
const API_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  // Answers depend on the viewer's token; no shared cache may keep them.
  'Cache-Control': 'no-store',
};

export function sendJson(res: ServerResponse, response: ApiResponse, req?: IncomingMessage): void {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries({ ...API_HEADERS, ...response.headers })) res.setHeader(name, value);
  if (response.body === undefined) {
    res.end();
    return;
  }
  const shared = response.cache === 'shared' && response.status === 200;
  const { payload, etag } = encode(response.body, shared);
  if (response.cache !== undefined && response.status === 200) {
    res.setHeader('Vary', CACHEABLE_VARY);
    if (response.cache === 'private') {
      res.setHeader('Cache-Control', PRIVATE_CACHE_CONTROL);
    } else {
      res.setHeader('Cache-Control', SHARED_CACHE_CONTROL);
      res.setHeader('ETag', etag);
      if (matches(req?.headers['if-none-match'], etag)) {
        res.statusCode = 304;
        res.end();
        return;
      }
    }
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.end(payload);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, { status: error.status, body: error.toBody(), headers: error.headers });
}

// Answered at once, without reading the rest of the body: the connection then closes, since what
// is left of the body would otherwise be read as the next request.
const tooLarge = (limit: number): ApiError =>
  new ApiError(413, 'too_large', `The request body is over ${limit} bytes.`, { Connection: 'close' });

async function readRaw(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  // A declared length over the limit is refused before a byte of the body is read.
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  // Chunked bodies declare no length; they are refused the moment they pass the limit.
  let received = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The body as a JSON object: 415 unless sent as JSON, 413 over the limit, 400 unless an object. */
export async function readJsonObject(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const [mediaType, ...params] = type.split(';').map((part) => part.trim());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
    req.resume();
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json (UTF-8).');
  }
  const raw = await readRaw(req, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON in UTF-8.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'invalid_json', 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
