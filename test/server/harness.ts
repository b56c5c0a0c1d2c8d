// An in-process server on an ephemeral port with a database of its own, and a client whose
// every /api/v1 answer is checked against docs/openapi.yaml before a test sees it.
//
// One contract suite, every store: PARLEY_TEST_STORE picks the store the whole suite runs on —
// `sqlite` (default: an in-memory database per server) or `postgres` (a fresh schema per server
// in the database at PARLEY_TEST_PG_URL, dropped when the server closes). `npm test` runs the
// suite once on each store that is there (scripts/test.mjs).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createParleyServer } from '../../server/app.js';
import { configFromEnv, type ServerConfig } from '../../server/config.js';
import { openStore } from '../../server/open-store.js';
import { scratchDatabase as makeScratch, type ScratchDatabase } from '../../server/scratch-db.js';
import type { Store, UserClaims } from '../../server/store.js';
import { mintViewerToken } from '../../server/tokens.js';
import { checkContract } from './contract.js';

export const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const API = '/api/v1';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or null for an empty body. */
  body: any;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** Sent as is, instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export const TEST_STORE: 'sqlite' | 'postgres' = process.env.PARLEY_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_PG_URL = process.env.PARLEY_TEST_PG_URL || 'postgres://root@127.0.0.1:5432/test';

export type { ScratchDatabase };

/** A new, empty database on the suite's store: a SQLite file, or a PostgreSQL schema. */
export const scratchDatabase = (): Promise<ScratchDatabase> => makeScratch(TEST_STORE, 'parley_t', TEST_PG_URL);

export interface TestServer {
  base: string;
  config: ServerConfig;
  store: Store;
  /** The database this server uses: pass it as `database` to start a second instance on it. */
  database: ScratchDatabase;
  /** Moves the server's clock forward (rate-limit windows, suspensions). */
  advance(ms: number): void;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  token(claims: Partial<UserClaims> & { id: string }): Promise<string>;
  close(): Promise<void>;
}

export interface StartOptions {
  logError?: (e: unknown) => void;
  /** Another instance's database: this server shares it (and leaves dropping it to the owner). */
  database?: ScratchDatabase;
}

export async function startServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestServer> {
  // Demo mode brings its own credentials and refuses any others.
  const credentials = env.PARLEY_DEMO ? {} : { PARLEY_JWT_SECRET: JWT_SECRET, PARLEY_ADMIN_TOKEN: ADMIN_TOKEN };
  const owned = options.database === undefined;
  // SQLite in memory for one instance (fast, nothing to clean); a file when instances share it.
  const database = options.database
    ?? (TEST_STORE === 'sqlite' ? { setting: ':memory:', drop: async () => {} } : await scratchDatabase());
  const config = configFromEnv({ ...credentials, ...env, PARLEY_DB: database.setting });
  const store = await openStore(config);
  let offset = 0;
  const server = createParleyServer({ config, store, clock: () => Date.now() + offset, logError: options.logError ?? (() => {}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const secret = new TextEncoder().encode(config.jwtSecret);

  async function call(method: string, path: string, o: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let payload = o.rawBody;
    if (payload === undefined && o.body !== undefined) payload = JSON.stringify(o.body);
    if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const response = await fetch(base + path, { method, headers, body: payload });
    const text = await response.text();
    const reply: Reply = { status: response.status, headers: response.headers, text, body: text === '' ? null : JSON.parse(text) };
    if (path.startsWith(`${API}/`) && method !== 'OPTIONS') {
      const route = new URL(path, base).pathname.slice(API.length);
      checkContract(method, route, reply.status, reply.body);
    }
    return reply;
  }

  return {
    base,
    config,
    store,
    database,
    advance: (ms) => void (offset += ms),
    call,
    token: (claims) => mintViewerToken(secret, { displayName: `User ${claims.id}`, subscriber: true, staff: false, ...claims }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      if (owned) await database.drop();
    },
  };
}

export function expectStatus(reply: Reply, status: number): any {
  assert.equal(reply.status, status, `expected ${status}, got ${reply.status}: ${reply.text}`);
  return reply.body;
}

export function expectError(reply: Reply, status: number, code: string): void {
  assert.equal(reply.status, status, `expected ${status} ${code}, got ${reply.status}: ${reply.text}`);
  assert.equal(reply.body?.error?.code, code, reply.text);
  assert.equal(typeof reply.body.error.message, 'string');
}

/** A valid POST /comments body. */
export function newComment(thread: string, body: string, parentId: string | null = null): object {
  return { thread: { id: thread, url: `https://news.example/${thread}`, title: `Story ${thread}` }, body, parentId };
}
