// Server configuration, read from the environment once at start. Bad values stop the
// server with a clear message rather than running half-configured.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RateRule } from './store.js';

export interface ServerConfig {
  port: number;
  /** A SQLite file, `:memory:`, or a postgres:// URL (see open-store.ts). */
  dbPath: string;
  /** PostgreSQL connections this instance may hold. */
  dbPoolMax: number;
  jwtSecret: string;
  /** Null disables the admin HTTP API (the CLI still works on the database). */
  adminToken: string | null;
  allowedOrigins: ReadonlySet<string>;
  maxCommentLength: number;
  /** How long after posting an author may edit (PATCH /comments/{id}); 0: never. */
  editWindowSeconds: number;
  maxBodyBytes: number;
  postRate: RateRule;
  reportRate: RateRule;
  recommendRate: RateRule;
  /** On SIGTERM, how long requests in flight may take to finish. */
  shutdownGraceMs: number;
  /** How long a signed-out page may be served from memory at most (0: never); a change drops it at once. */
  pageCacheMs: number;
  /** Live streams (GET /events): keep-alive interval, and the most one instance holds. */
  liveHeartbeatMs: number;
  liveMaxStreams: number;
  /** New comments wait as `pending` until a moderator restores (approves) them. */
  premoderate: boolean;
  /** Demo mode: persona tokens, the admin token for the demo moderation page, seed data. */
  demo: boolean;
  demoRoot: string;
  distRoot: string;
}

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

// Public on purpose: demo mode is for a laptop, and says so when it starts.
export const DEMO_JWT_SECRET = 'parley-demo-secret-do-not-use-in-production-0123456789';
export const DEMO_ADMIN_TOKEN = 'parley-demo-admin-token';

const MIN_SECRET_LENGTH = 32; // HS256 wants a key of at least 256 bits.

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** "5/60" is five actions per 60 seconds. */
function rate(env: NodeJS.ProcessEnv, name: string, fallback: RateRule): RateRule {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new ConfigError(`${name} must look like "5/60" (actions/seconds), got "${raw}"`);
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  return env[name] === '1' || env[name] === 'true';
}

/** What the moderation CLI needs too: it works on the database without serving anything. */
export function storageConfigFromEnv(env: NodeJS.ProcessEnv): Pick<ServerConfig, 'dbPath' | 'dbPoolMax' | 'maxCommentLength' | 'editWindowSeconds'> {
  return {
    dbPath: env.PARLEY_DB || resolve(REPO_ROOT, '.data/parley.db'),
    dbPoolMax: integer(env, 'PARLEY_DB_POOL_MAX', 10, 1, 1000),
    maxCommentLength: integer(env, 'PARLEY_MAX_COMMENT_LENGTH', 1500, 1, 100_000),
    editWindowSeconds: integer(env, 'PARLEY_EDIT_WINDOW_SECONDS', 300, 0, 7 * 24 * 3600),
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const demo = flag(env, 'PARLEY_DEMO');
  if (demo && (env.PARLEY_JWT_SECRET || env.PARLEY_ADMIN_TOKEN)) {
    // Demo mode hands tokens and the admin token to every visitor: never real credentials.
    throw new ConfigError('PARLEY_DEMO=1 runs only with its built-in demo credentials: unset PARLEY_JWT_SECRET and PARLEY_ADMIN_TOKEN');
  }
  const jwtSecret = env.PARLEY_JWT_SECRET || (demo ? DEMO_JWT_SECRET : '');
  if (jwtSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`PARLEY_JWT_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters (or run with PARLEY_DEMO=1)`);
  }
  const adminToken = env.PARLEY_ADMIN_TOKEN || (demo ? DEMO_ADMIN_TOKEN : null);
  if (adminToken !== null && adminToken.length < 16) throw new ConfigError('PARLEY_ADMIN_TOKEN must be at least 16 characters');
  const origins = (env.PARLEY_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new ConfigError(`PARLEY_ALLOWED_ORIGINS: "${origin}" is not an origin like https://news.example`);
  }
  return {
    ...storageConfigFromEnv(env),
    port: integer(env, 'PORT', 8787, 0, 65535),
    jwtSecret,
    adminToken,
    allowedOrigins: new Set(origins),
    maxBodyBytes: integer(env, 'PARLEY_MAX_BODY_BYTES', 32 * 1024, 1024, 10 * 1024 * 1024),
    postRate: rate(env, 'PARLEY_POST_RATE', { limit: 5, windowMs: 60_000 }),
    reportRate: rate(env, 'PARLEY_REPORT_RATE', { limit: 10, windowMs: 60_000 }),
    recommendRate: rate(env, 'PARLEY_RECOMMEND_RATE', { limit: 30, windowMs: 60_000 }),
    premoderate: flag(env, 'PARLEY_PREMODERATE'),
    shutdownGraceMs: integer(env, 'PARLEY_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    pageCacheMs: integer(env, 'PARLEY_PAGE_CACHE_MS', 10_000, 0, 300_000),
    liveHeartbeatMs: integer(env, 'PARLEY_LIVE_HEARTBEAT_MS', 25_000, 100, 600_000),
    liveMaxStreams: integer(env, 'PARLEY_LIVE_MAX_STREAMS', 10_000, 0, 1_000_000),
    demo,
    demoRoot: resolve(REPO_ROOT, 'demo'),
    distRoot: resolve(REPO_ROOT, 'dist'),
  };
}
