// An in-process server on an ephemeral port with an in-memory database, and a client whose
// every /api/v1 answer is checked against docs/openapi.yaml before a test sees it.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createParleyServer } from '../../server/app.js';
import { configFromEnv, type ServerConfig } from '../../server/config.js';
import { SqliteStore } from '../../server/sqlite-store.js';
import type { UserClaims } from '../../server/store.js';
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

export interface TestServer {
  base: string;
  config: ServerConfig;
  store: SqliteStore;
  /** Moves the server's clock forward (rate-limit windows, suspensions). */
  advance(ms: number): void;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  token(claims: Partial<UserClaims> & { id: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}, options: { logError?: (e: unknown) => void } = {}): Promise<TestServer> {
  // Demo mode brings its own credentials and refuses any others.
  const credentials = env.PARLEY_DEMO ? {} : { PARLEY_JWT_SECRET: JWT_SECRET, PARLEY_ADMIN_TOKEN: ADMIN_TOKEN };
  const config = configFromEnv({ PARLEY_DB: ':memory:', ...credentials, ...env });
  const store = new SqliteStore(config.dbPath);
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
    advance: (ms) => void (offset += ms),
    call,
    token: (claims) => mintViewerToken(secret, { displayName: `User ${claims.id}`, subscriber: true, staff: false, ...claims }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
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
