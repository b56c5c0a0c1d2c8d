// The reader API of api-v1 (paths relative to /api/v1).
import type { IncomingMessage } from 'node:http';
import { viewerClaims } from './auth.js';
import type { CommentsService } from './comments-service.js';
import { ApiError, unauthenticated } from './errors.js';
import { hasCredentials, readJsonObject } from './http.js';
import type { LiveHub } from './live.js';
import type { Router } from './router.js';
import type { UserRecord } from './store.js';
import { isThreadId, parseIdempotencyKey, parseLimit } from './validate.js';

export interface ApiRouteDeps {
  service: CommentsService;
  jwtSecret: Uint8Array;
  maxBodyBytes: number;
  live: LiveHub;
}

export function addApiRoutes(router: Router, { service, jwtSecret, maxBodyBytes, live }: ApiRouteDeps): Router {
  const viewerOf = async (req: IncomingMessage): Promise<UserRecord | null> => service.viewer(await viewerClaims(req, jwtSecret));
  // Writes need a signed-in viewer before the body is even read.
  const signedIn = async (req: IncomingMessage): Promise<UserRecord> => {
    const viewer = await viewerOf(req);
    if (viewer === null) throw unauthenticated();
    return viewer;
  };

  return router
    .add('GET', '/comments', async ({ req, url }) => {
      const q = url.searchParams;
      const query = { threadId: q.get('thread'), sort: q.get('sort'), limit: parseLimit(q.get('limit')), cursor: q.get('cursor') };
      const body = await service.threadPage(query, await viewerOf(req));
      return { status: 200, body, cache: hasCredentials(req) ? 'private' : 'shared' };
    })
    .add('POST', '/comments', async ({ req }) => {
      const viewer = await signedIn(req);
      const key = parseIdempotencyKey(req.headers['idempotency-key']);
      const body = await readJsonObject(req, maxBodyBytes);
      return { status: 201, body: await service.post(viewer, body, key) };
    })
    .add('GET', '/comments/:id/replies', async ({ req, url, params }) => {
      const q = { limit: parseLimit(url.searchParams.get('limit')), cursor: url.searchParams.get('cursor') };
      return { status: 200, body: await service.replies(params.id!, q, await viewerOf(req)) };
    })
    .add('POST', '/comments/:id/reports', async ({ req, params }) => {
      const viewer = await signedIn(req);
      const body = await readJsonObject(req, maxBodyBytes);
      const { created, result } = await service.report(viewer, params.id!, body);
      return { status: created ? 201 : 200, body: result };
    })
    .add('PUT', '/comments/:id/recommendation', async ({ req, params }) =>
      ({ status: 200, body: await service.recommend(await signedIn(req), params.id!, true) }))
    .add('DELETE', '/comments/:id/recommendation', async ({ req, params }) =>
      ({ status: 200, body: await service.recommend(await signedIn(req), params.id!, false) }))
    .add('PATCH', '/comments/:id', async ({ req, params }) => {
      const viewer = await signedIn(req);
      const body = await readJsonObject(req, maxBodyBytes);
      return { status: 200, body: await service.edit(viewer, params.id!, body) };
    })
    .add('DELETE', '/comments/:id', async ({ req, params }) => ({ status: 200, body: await service.deleteOwn(await signedIn(req), params.id!) }))
    .add('DELETE', '/comments/:id/reports/mine', async ({ req, params }) => {
      await service.withdrawReport(await signedIn(req), params.id!);
      return { status: 204 };
    })
    .add('GET', '/comments/:id/context', async ({ req, url, params }) => {
      const threadId = url.searchParams.get('thread');
      if (threadId !== null && !isThreadId(threadId)) throw new ApiError(400, 'invalid_thread', 'thread must be 1–512 characters.');
      const q = { sort: url.searchParams.get('sort'), limit: parseLimit(url.searchParams.get('limit')), threadId };
      const body = await service.context(params.id!, q, await viewerOf(req));
      return { status: 200, body, cache: hasCredentials(req) ? 'private' : undefined };
    })
    .add('GET', '/events', async ({ req, url }) => {
      const threadId = url.searchParams.get('thread');
      if (!isThreadId(threadId)) throw new ApiError(400, 'invalid_thread', 'thread is required (1–512 characters).');
      const viewer = await viewerOf(req);
      const header = req.headers['last-event-id'];
      const since = (typeof header === 'string' ? header : null) ?? url.searchParams.get('since');
      return { status: 200, stream: (res) => live.serve(req, res, threadId, viewer?.id ?? null, since) };
    })
    .add('GET', '/counts', async ({ req, url }) => ({
      status: 200,
      body: await service.counts(url.searchParams.getAll('thread')),
      cache: hasCredentials(req) ? 'private' : 'shared',
    }));
}
