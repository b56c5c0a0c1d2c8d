// The moderation API (paths relative to /api/v1). The admin bearer is checked by the app
// before any of these run, for every path under /admin.
import { readJsonObject } from './http.js';
import type { Moderation } from './moderation.js';
import type { Router } from './router.js';
import { parseLimit } from './validate.js';

export function addAdminRoutes(router: Router, moderation: Moderation, maxBodyBytes: number): Router {
  const ok = (body: unknown) => ({ status: 200, body });
  return router
    .add('GET', '/admin/reports', async ({ url }) =>
      ok(await moderation.listReports(parseLimit(url.searchParams.get('limit')), url.searchParams.get('cursor'))))
    .add('GET', '/admin/pending', async ({ url }) =>
      ok(await moderation.listPending(parseLimit(url.searchParams.get('limit')), url.searchParams.get('cursor'))))
    .add('POST', '/admin/comments/:id/remove', async ({ params }) => ok(await moderation.remove(params.id!)))
    .add('POST', '/admin/comments/:id/restore', async ({ params }) => ok(await moderation.restore(params.id!)))
    .add('POST', '/admin/comments/:id/dismiss-reports', async ({ params }) => ok(await moderation.dismissReports(params.id!)))
    .add('POST', '/admin/users/:id/ban', async ({ params }) => ok(await moderation.ban(params.id!)))
    .add('POST', '/admin/users/:id/suspend', async ({ req, params }) => {
      const body = await readJsonObject(req, maxBodyBytes);
      return ok(await moderation.suspend(params.id!, body.until));
    })
    .add('POST', '/admin/users/:id/unban', async ({ params }) => ok(await moderation.unban(params.id!)))
    .add('POST', '/admin/threads/status', async ({ req }) => {
      const body = await readJsonObject(req, maxBodyBytes);
      return ok(await moderation.setThreadStatus(body.thread, body.status));
    });
}
