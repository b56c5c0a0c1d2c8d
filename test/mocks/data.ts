/**
 * Builders for api-v1 objects (docs/openapi.yaml). Plain data, usable in the browser tests
 * and in Node, where the contract suite validates them against the OpenAPI schemas.
 */
import type { Comment, Thread, Viewer } from '../../src/api/types.js';

export const BASE = 'https://comments.test/api/v1';
export const THREAD_ID = 'https://news.test/articles/harbour-bridge';

const START = Date.parse('2026-11-20T09:00:00Z');

export function makeThread(overrides: Partial<Thread> = {}): Thread {
  return {
    id: THREAD_ID,
    title: 'The harbour bridge reopens',
    url: THREAD_ID,
    status: 'open',
    commentCount: 0,
    maxCommentLength: 1500,
    editWindowSeconds: 300,
    ...overrides,
  };
}

export function makeViewer(overrides: Partial<Viewer> = {}): Viewer {
  return { id: 'u-reader', displayName: 'Rhiannon', subscriber: true, status: 'active', suspendedUntil: null, ...overrides };
}

const NAMES = ['Ann Hale', 'Bob Okafor', 'Carys Jones', 'Dev Patel', 'Elin Moss', 'Femi Adeyemi', 'Gwen Lloyd', 'Hugo Brandt'];

/** Comment number `n`: later numbers are newer. */
export function makeComment(n: number, overrides: Partial<Comment> = {}): Comment {
  return {
    id: `c-${n}`,
    parentId: null,
    author: { id: `u-${n % NAMES.length}`, displayName: NAMES[n % NAMES.length]!, badges: n % 3 === 0 ? ['subscriber'] : [] },
    body: `Comment number ${n}.`,
    createdAt: new Date(START + n * 60_000).toISOString(),
    editedAt: null,
    status: 'published',
    replyCount: 0,
    replies: [],
    viewerReported: false,
    removedBy: overrides.status === 'removed' ? 'moderator' : null,
    recommendations: 0,
    viewerRecommended: false,
    featured: false,
    ...overrides,
  };
}

/** Reply `n` under `parentId` in conversation `rootId`. */
export function makeReply(rootId: string, n: number, overrides: Partial<Comment> = {}): Comment {
  return makeComment(n, { id: `${rootId}-r${n}`, parentId: rootId, ...overrides });
}

/** A ready-made error body. */
export function errorBody(code: string, message = code.replace(/_/g, ' ')) {
  return { error: { code, message } };
}
