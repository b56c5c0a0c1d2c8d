// The benchmark's backend: api-v1 `GET /comments` over a generated thread, with real opaque
// cursors, CORS for the page's origin (and a Bearer token for the subscriber scenario), and
// every page's JSON serialised once up front so the widget and the plain-DOM baseline are
// served the very same bytes at the same cost.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CommentJson } from '../server/present.js';

export interface BenchBackend {
  /** Base URL of the API, as `backend-url`. */
  base: string;
  threadId: string;
  /** Top-level comments, newest first (the order `sort=newest` pages through). */
  comments: CommentJson[];
  /** How many `GET /comments` requests were answered, by status. */
  served: Record<number, number>;
  close(): Promise<void>;
}

const NAMES = ['Ann Hale', 'Bob Okafor', 'Carys Jones', 'Dev Patel', 'Elin Moss', 'Femi Adeyemi', 'Gwen Lloyd',
  'Hugo Brandt', 'Iolo Price', 'Júlia Ferreira', 'Kenji Mori', 'Lena Nowak'];
const WORDS = ('the council said bridge reopening traffic week cyclists night closures cost million budget '
  + 'residents ferry harbour engineers steel paint delay report commute bus lane tolls river footpath').split(' ');
const START = Date.parse('2026-11-01T08:00:00Z');

/** A small deterministic PRNG (mulberry32) so every run serves the same thread. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeBody(next: () => number, n: number): string {
  const sentences: string[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let s = 0; s < count; s++) {
    const words = Array.from({ length: 6 + Math.floor(next() * 18) }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    sentences.push(`${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
  }
  if (n % 7 === 0) sentences.push(`Source: https://news.example/reports/${n}?ref=comments`);
  return sentences.join(n % 4 === 0 ? '\n\n' : ' ');
}

/** `total` top-level comments; every fifth has two inline replies (its whole conversation). */
export function generateThread(total: number, seed = 7): CommentJson[] {
  const next = random(seed);
  const comment = (id: string, n: number, parentId: string | null, replies: CommentJson[]): CommentJson => ({
    id,
    parentId,
    author: { id: `u-${n % NAMES.length}`, displayName: NAMES[n % NAMES.length]!, badges: n % 3 === 0 ? ['subscriber'] : [] },
    body: makeBody(next, n),
    createdAt: new Date(START + n * 97_000).toISOString(),
    editedAt: n % 10 === 0 ? new Date(START + n * 97_000 + 300_000).toISOString() : null,
    status: 'published',
    replyCount: replies.length,
    replies,
    viewerReported: false,
    removedBy: null,
    recommendations: 0,
    viewerRecommended: false,
    featured: false,
  });
  const comments: CommentJson[] = [];
  for (let n = total; n >= 1; n--) {
    const replies = n % 5 === 0 ? [1, 2].map((k) => comment(`r-${n}-${k}`, n * 3 + k, `c-${n}`, [])) : [];
    comments.push(comment(`c-${n}`, n, null, replies));
  }
  return comments;
}

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
function decodeCursor(cursor: string | null): number | null {
  if (cursor === null) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: unknown };
    return typeof o === 'number' && Number.isSafeInteger(o) && o >= 0 ? o : null;
  } catch {
    return null;
  }
}

/** The token of the subscriber scenario's reader, and who the backend says they are. */
export const SUBSCRIBER_TOKEN = 'bench-subscriber';
const SUBSCRIBER = { id: 'u-bench', displayName: 'Bench Reader', subscriber: true, status: 'active', suspendedUntil: null };

/** Serves a thread of `total` comments on 127.0.0.1 to pages on `allowOrigin`. */
export async function startBenchBackend(total: number, allowOrigin: string): Promise<BenchBackend> {
  const threadId = 'bench-thread';
  const comments = generateThread(total);
  const thread = { id: threadId, title: 'Harbour bridge reopens', url: 'https://news.example/bridge', status: 'open',
    commentCount: comments.reduce((sum, c) => sum + 1 + c.replies.length, 0), maxCommentLength: 1500 };
  const pages = new Map<string, string>();
  const page = (offset: number, limit: number, subscriber: boolean): string => {
    const key = `${offset}/${limit}/${subscriber}`;
    let json = pages.get(key);
    if (json === undefined) {
      const next = offset + limit < comments.length ? encodeCursor(offset + limit) : null;
      const viewer = subscriber ? SUBSCRIBER : null;
      json = JSON.stringify({ thread, viewer, comments: comments.slice(offset, offset + limit), nextCursor: next });
      pages.set(key, json);
    }
    return json;
  };
  for (const limit of [20, 100]) for (let offset = 0; offset < total; offset += limit) page(offset, limit, false);
  page(0, 100, true);

  const served: Record<number, number> = {};
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bench');
    const send = (status: number, body: string) => {
      served[status] = (served[status] ?? 0) + 1;
      response.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Access-Control-Allow-Origin': allowOrigin,
        'Access-Control-Allow-Credentials': 'true',
        'Cache-Control': 'no-store',
        Vary: 'Origin',
      }).end(body);
    };
    const error = (status: number, code: string) => send(status, JSON.stringify({ error: { code, message: code } }));
    if (request.method === 'OPTIONS') {
      // The subscriber's requests carry a token: the browser asks first, as it would of a real backend.
      response.writeHead(204, {
        'Access-Control-Allow-Origin': allowOrigin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': 'GET',
        'Access-Control-Allow-Headers': 'Authorization, Accept',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      }).end();
      return;
    }
    if (request.method !== 'GET' || url.pathname !== '/api/v1/comments') return error(404, 'not_found');
    if (url.searchParams.get('thread') !== threadId) return error(404, 'thread_not_found');
    if ((url.searchParams.get('sort') ?? 'newest') !== 'newest') return error(400, 'invalid_sort');
    const limit = Number(url.searchParams.get('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return error(400, 'invalid_limit');
    const offset = decodeCursor(url.searchParams.get('cursor'));
    if (offset === null) return error(400, 'invalid_cursor');
    const auth = request.headers.authorization;
    if (auth && auth !== `Bearer ${SUBSCRIBER_TOKEN}`) return error(401, 'unauthenticated');
    return send(200, page(offset, limit, !!auth));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`,
    threadId,
    comments,
    served,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
