// The moderation API (paths relative to /api/v1). The admin bearer is checked by the app
// before any of these run, for every path under /admin.
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.js';
import { readJsonObject } from './http.js';
import { DEFAULT_ACTOR, type Moderation } from './moderation.js';
import type { Router } from './router.js';
import type { CommentStatus, QueueOrder } from './store.js';
import { parseLimit } from './validate.js';

/** The moderator's name for the audit log: `X-Parley-Moderator` (the desk sends the name given at sign-in). */
function actorOf(req: IncomingMessage): string {
  const raw = req.headers['x-parley-moderator'];
  if (raw === undefined) return DEFAULT_ACTOR;
  const name = (Array.isArray(raw) ? raw[0]! : raw).trim();
  if (!/^[\x20-\x7e]{1,100}$/.test(name)) {
    throw new ApiError(400, 'invalid_moderator', 'X-Parley-Moderator must be 1–100 printable ASCII characters.');
  }
  return name;
}

function parseQueueOrder(raw: string | null): QueueOrder {
  if (raw === null || raw === 'count' || raw === 'newest') return raw ?? 'count';
  throw new ApiError(400, 'invalid_sort', 'sort must be count or newest.');
}

function parseStatusFilter(raw: string | null): CommentStatus | null {
  if (raw === null || raw === 'published' || raw === 'pending' || raw === 'removed') return raw;
  throw new ApiError(400, 'invalid_filter', 'status must be published, pending or removed.');
}

const MAX_QUERY_LENGTH = 200;

function parseQuery(raw: string | null): string | null {
  if (raw === null) return null;
  if (raw.trim() === '' || [...raw].length > MAX_QUERY_LENGTH) {
    throw new ApiError(400, 'invalid_query', `q must be 1–${MAX_QUERY_LENGTH} characters.`);
  }
  return raw.trim();
}

export function addAdminRoutes(router: Router, moderation: Moderation, maxBodyBytes: number): Router {
  const ok = (body: unknown) => ({ status: 200, body });
  return router
    .add('GET', '/admin/audit', async ({ url }) =>
      ok(await moderation.listAudit(parseLimit(url.searchParams.get('limit')), url.searchParams.get('cursor'))))
    .add('GET', '/admin/reports', async ({ url }) =>
      ok(await moderation.listReports(parseLimit(url.searchParams.get('limit')), url.searchParams.get('cursor'), parseQueueOrder(url.searchParams.get('sort')))))
    .add('GET', '/admin/comments', async ({ url }) => {
      const q = url.searchParams;
      return ok(await moderation.searchComments(parseLimit(q.get('limit')), q.get('cursor'), parseStatusFilter(q.get('status')), parseQuery(q.get('q'))));
    })
    .add('GET', '/admin/comments/:id/context', async ({ params }) => ok(await moderation.context(params.id!)))
    .add('GET', '/admin/users/:id/history', async ({ params }) => ok(await moderation.userHistory(params.id!)))
    .add('POST', '/admin/comments/:id/reopen-reports', async ({ req, params }) => ok(await moderation.reopenReports(params.id!, actorOf(req))))
    .add('GET', '/admin/pending', async ({ url }) =>
      ok(await moderation.listPending(parseLimit(url.searchParams.get('limit')), url.searchParams.get('cursor'))))
    .add('POST', '/admin/comments/:id/remove', async ({ req, params }) => ok(await moderation.remove(params.id!, actorOf(req))))
    .add('POST', '/admin/comments/:id/restore', async ({ req, params }) => ok(await moderation.restore(params.id!, actorOf(req))))
    .add('POST', '/admin/comments/:id/dismiss-reports', async ({ req, params }) => ok(await moderation.dismissReports(params.id!, actorOf(req))))
    .add('POST', '/admin/comments/:id/feature', async ({ req, params }) => ok(await moderation.feature(params.id!, true, actorOf(req))))
    .add('POST', '/admin/comments/:id/unfeature', async ({ req, params }) => ok(await moderation.feature(params.id!, false, actorOf(req))))
    .add('POST', '/admin/users/:id/ban', async ({ req, params }) => ok(await moderation.ban(params.id!, actorOf(req))))
    .add('POST', '/admin/users/:id/suspend', async ({ req, params }) => {
      const body = await readJsonObject(req, maxBodyBytes);
      return ok(await moderation.suspend(params.id!, body.until, actorOf(req)));
    })
    .add('POST', '/admin/users/:id/unban', async ({ req, params }) => ok(await moderation.unban(params.id!, actorOf(req))))
    .add('POST', '/admin/threads/status', async ({ req }) => {
      const body = await readJsonObject(req, maxBodyBytes);
      return ok(await moderation.setThreadStatus(body.thread, body.status, actorOf(req)));
    });
}
