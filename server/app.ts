// The HTTP server: one request handler that sends each path to the API, the demo endpoints or
// the static files, and turns every failure into an api-v1 error body.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { addAdminRoutes } from './admin-routes.js';
import { addApiRoutes } from './api-routes.js';
import { requireAdmin } from './auth.js';
import { CommentsService, type Clock } from './comments-service.js';
import type { ServerConfig } from './config.js';
import { answerPreflight, applyCors } from './cors.js';
import { addDemoRoutes } from './demo-routes.js';
import { ApiError } from './errors.js';
import { BASE_SECURITY_HEADERS, sendError, sendJson } from './http.js';
import { LiveHub } from './live.js';
import { Moderation } from './moderation.js';
import { Router } from './router.js';
import { serveStatic } from './static.js';
import type { Store } from './store.js';

const API_PREFIX = '/api/v1';

export interface AppDeps {
  config: ServerConfig;
  store: Store;
  clock?: Clock;
  /** Where unexpected errors go (with their stack); never to the client. */
  logError?: (error: unknown) => void;
}

const notFound = (): ApiError => new ApiError(404, 'not_found', 'No such endpoint.');

/** Origin-form targets are taken as paths even when they start with `//`. */
function requestUrl(target: string): URL {
  try {
    return target.startsWith('/') ? new URL(`http://parley.invalid${target}`) : new URL(target);
  } catch {
    throw new ApiError(400, 'invalid_request', 'The request target is not a valid URL.');
  }
}

async function dispatch(router: Router, req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
  const match = router.match(req.method ?? 'GET', path);
  if (match.kind === 'none') throw notFound();
  if (match.kind === 'wrong_method') {
    throw new ApiError(405, 'method_not_allowed', `Use ${match.allow.join(' or ')} here.`, { Allow: match.allow.join(', ') });
  }
  const response = await match.handler({ req, url, params: match.params });
  if (response.stream) await response.stream(res);
  else sendJson(res, response, req);
}

export function createParleyServer({ config, store, clock = Date.now, logError = console.error }: AppDeps): ParleyServer {
  const jwtSecret = new TextEncoder().encode(config.jwtSecret);
  const service = new CommentsService(store, config, clock);
  const moderation = new Moderation(store, config, clock);
  const live = new LiveHub(store, { heartbeatMs: config.liveHeartbeatMs, maxStreams: config.liveMaxStreams, limits: config }, logError);
  const api = addApiRoutes(new Router(), { service, jwtSecret, maxBodyBytes: config.maxBodyBytes, live });
  const admin = addAdminRoutes(new Router(), moderation, config.maxBodyBytes);
  const demo = config.demo ? addDemoRoutes(new Router(), { store, jwtSecret, adminToken: config.adminToken, maxBodyBytes: config.maxBodyBytes }) : null;

  let draining = false;
  const inFlight = new Set<ServerResponse>();
  /** Every open connection, with how many of its requests are being handled. */
  const sockets = new Map<Socket, number>();
  let settled: (() => void) | undefined;

  /** For load balancers: 200 while this instance can serve (its store answers, no shutdown begun). */
  async function ready(res: ServerResponse): Promise<void> {
    if (draining) throw new ApiError(503, 'unavailable', 'This instance is shutting down.');
    try {
      await store.ping();
    } catch (error) {
      logError(error);
      throw new ApiError(503, 'unavailable', 'The database is not answering.');
    }
    sendJson(res, { status: 200, body: { status: 'ok' } });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req.url ?? '/');
    const path = url.pathname;
    if (path.startsWith(`${API_PREFIX}/admin/`) || path === `${API_PREFIX}/admin`) {
      // Moderation is same-origin only (no CORS) and every path needs the admin token.
      requireAdmin(req, config.adminToken);
      return dispatch(admin, req, res, url, path.slice(API_PREFIX.length));
    }
    if (path.startsWith(`${API_PREFIX}/`)) {
      if (req.method === 'OPTIONS') return answerPreflight(req, res, config.allowedOrigins);
      applyCors(req, res, config.allowedOrigins);
      return dispatch(api, req, res, url, path.slice(API_PREFIX.length));
    }
    // Liveness: the process answers. It never touches the store, so a database outage does not
    // get every instance restarted by its supervisor.
    if (path === '/healthz') return sendJson(res, { status: 200, body: { status: 'ok' } });
    if (path === '/readyz') return ready(res);
    if (demo && path.startsWith('/demo/')) return dispatch(demo, req, res, url, path);
    if (path.startsWith('/dist/')) return serveStatic(req, res, config.distRoot, path.slice('/dist'.length));
    // The moderation desk (docs/moderation.md): same origin as the admin API, built into dist/moderate/.
    if (path === '/moderate') {
      res.writeHead(308, { Location: '/moderate/', 'Content-Length': 0 }).end();
      return;
    }
    if (path.startsWith('/moderate/')) return serveStatic(req, res, join(config.distRoot, 'moderate'), path.slice('/moderate'.length));
    return serveStatic(req, res, config.demoRoot, path);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
    // While shutting down, every answer ends its connection, so keep-alive cannot hold the close.
    if (draining) res.setHeader('Connection', 'close');
    // In flight until its handler is done, not merely until the client went away: the store
    // must not close under a handler still running.
    inFlight.add(res);
    sockets.set(req.socket, (sockets.get(req.socket) ?? 0) + 1);
    try {
      await route(req, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof ApiError) {
        sendError(res, error);
      } else {
        logError(error);
        sendError(res, new ApiError(500, 'internal', 'Something went wrong on our side.'));
      }
    } finally {
      inFlight.delete(res);
      if (sockets.has(req.socket)) sockets.set(req.socket, sockets.get(req.socket)! - 1);
      // The answer's Connection: close ends its socket once it is written.
      if (draining && inFlight.size === 0) settled?.();
    }
  }

  // handle() never rejects: every failure becomes a response above.
  const server = createServer((req, res) => void handle(req, res)) as ParleyServer;
  // Bodies are small: a client that takes longer than this to send one is holding a socket hostage.
  server.requestTimeout = 30_000;
  server.on('connection', (socket: Socket) => {
    sockets.set(socket, 0);
    socket.once('close', () => sockets.delete(socket));
  });
  server.once('close', () => live.close());
  server.drain = () => {
    draining = true;
    server.close();
    // Live streams never end by themselves: end them, and their clients resume elsewhere.
    live.close();
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    // Connections with nothing in flight go now (Node's own idle check can take a request whose
    // body is still arriving for idle); the others once their answer is sent.
    for (const [socket, busy] of sockets) if (busy === 0) socket.destroy();
    return inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (settled = resolve));
  };
  return server;
}

export interface ParleyServer extends Server {
  /**
   * Begins shutdown: stops listening, /readyz answers 503, idle connections close and every
   * answer closes its own; resolves when no request is left in flight.
   */
  drain(): Promise<void>;
}
