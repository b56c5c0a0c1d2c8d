// CORS for the reader API: only listed publisher origins, with credentials, so a page on any
// other origin cannot read a viewer's answers. Same-origin requests need none of this.
import type { IncomingMessage, ServerResponse } from 'node:http';

// Last-Event-ID: an EventSource on a publisher's page resumes GET /events with it.
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/** Sets the CORS answer for an allowed Origin; returns whether the origin was allowed. */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: ReadonlySet<string>): boolean {
  // Caches must keep answers for different origins apart, allowed or not.
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (origin === undefined || !allowedOrigins.has(origin)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  return true;
}

/** Answers an OPTIONS preflight: 204 always, with permissions only for allowed origins. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, allowedOrigins: ReadonlySet<string>): void {
  if (applyCors(req, res, allowedOrigins)) {
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
  }
  res.statusCode = 204;
  res.end();
}
