// Request bodies in, JSON responses out, and the headers every response carries.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.js';

export interface ApiResponse {
  status: number;
  /** Omitted for 204. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
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

export function sendJson(res: ServerResponse, response: ApiResponse): void {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries({ ...API_HEADERS, ...response.headers })) res.setHeader(name, value);
  if (response.body === undefined) {
    res.end();
    return;
  }
  const payload = JSON.stringify(response.body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.end(payload);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, { status: error.status, body: error.toBody(), headers: error.headers });
}

const tooLarge = (limit: number): ApiError => new ApiError(413, 'too_large', `The request body is over ${limit} bytes.`);

// An oversized body is read to its end (up to this much) before answering, so the client sees
// the 413 instead of a reset connection; past it the connection is cut.
const DRAIN_LIMIT = 1024 * 1024;

async function readRaw(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  // Chunked bodies declare no length; they are held to the limit as they arrive.
  const declared = Number(req.headers['content-length'] ?? 0);
  let received = 0;
  const overLimit = (): boolean => received > maxBytes || declared > maxBytes;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > DRAIN_LIMIT) {
      req.destroy();
      break;
    }
    if (!overLimit()) chunks.push(chunk);
  }
  if (overLimit()) throw tooLarge(maxBytes);
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
