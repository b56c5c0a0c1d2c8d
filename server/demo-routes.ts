// Demo mode only (PARLEY_DEMO=1): mints persona tokens so a visitor can be anyone, and hands
// the admin token to the demo moderation page. Never registered in production.
import { ApiError } from './errors.js';
import { readJsonObject } from './http.js';
import type { Router } from './router.js';
import type { Store, UserClaims, UserStatus } from './store.js';
import { mintViewerToken } from './tokens.js';

interface Persona {
  claims: UserClaims;
  status: UserStatus;
}

const SUSPENSION_MS = 3 * 24 * 60 * 60 * 1000;

const DEMO_PERSONAS: Readonly<Record<string, Persona | null>> = {
  'signed-out': null,
  'non-subscriber': { claims: { id: 'demo-reader', displayName: 'Robin Ashby', subscriber: false, staff: false }, status: 'active' },
  subscriber: { claims: { id: 'demo-subscriber', displayName: 'Sam Okafor', subscriber: true, staff: false }, status: 'active' },
  banned: { claims: { id: 'demo-banned', displayName: 'Blake Farrow', subscriber: true, staff: false }, status: 'banned' },
  suspended: { claims: { id: 'demo-suspended', displayName: 'Sky Marren', subscriber: true, staff: false }, status: 'suspended' },
};

export function addDemoRoutes(router: Router, deps: { store: Store; jwtSecret: Uint8Array; adminToken: string | null; maxBodyBytes: number }): Router {
  return router
    .add('POST', '/demo/token', async ({ req }) => {
      const { persona: name } = await readJsonObject(req, deps.maxBodyBytes);
      if (typeof name !== 'string' || !Object.hasOwn(DEMO_PERSONAS, name)) {
        throw new ApiError(422, 'invalid_persona', `persona must be one of ${Object.keys(DEMO_PERSONAS).join(', ')}.`);
      }
      const persona = DEMO_PERSONAS[name];
      if (!persona) return { status: 200, body: { persona: name, token: null } };
      // Reset the persona's standing each time, so moderating it in the demo never locks it out for good.
      const now = Date.now();
      await deps.store.upsertUser(persona.claims, new Date(now).toISOString());
      const until = persona.status === 'suspended' ? new Date(now + SUSPENSION_MS).toISOString() : null;
      await deps.store.setUserStatus(persona.claims.id, persona.status, until);
      return { status: 200, body: { persona: name, token: await mintViewerToken(deps.jwtSecret, persona.claims) } };
    })
    .add('GET', '/demo/admin-token', async () => ({ status: 200, body: { token: deps.adminToken } }));
}
