/**
 * An in-memory backend speaking api-v1, served through msw. It pages with real opaque cursors
 * and records every request so tests can assert on what the backend received.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Comment, Thread, Viewer } from '../../src/api/types.js';
import { BASE, errorBody, makeThread } from './data.js';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export interface BackendState {
  thread: Thread;
  viewer: Viewer | null;
  /** Top-level comments, oldest first. */
  comments: Comment[];
  /** Whole conversations by top-level id, oldest first (what /replies pages through). */
  conversations: Map<string, Comment[]>;
  /** How many replies each top-level comment inlines. */
  inlineReplies: number;
}

const encodeCursor = (offset: number) => btoa(JSON.stringify({ o: offset }));
function decodeCursor(cursor: string | null): number | null {
  if (cursor === null) return 0;
  try {
    const { o } = JSON.parse(atob(cursor)) as { o: unknown };
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 ? o : null;
  } catch {
    return null;
  }
}

export class FakeBackend {
  readonly requests: RecordedRequest[] = [];
  state: BackendState;

  constructor(state: Partial<BackendState> = {}) {
    const comments = state.comments ?? [];
    this.state = {
      thread: state.thread ?? makeThread({ commentCount: comments.length }),
      viewer: state.viewer ?? null,
      comments,
      conversations: state.conversations ?? new Map(),
      inlineReplies: state.inlineReplies ?? 3,
    };
  }

  /** Requests whose method and path (relative to the API base) match. */
  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.url.pathname === new URL(`${BASE}/${path}`).pathname);
  }

  async record(request: Request): Promise<RecordedRequest> {
    const text = request.method === 'GET' ? '' : await request.clone().text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep the raw text */
    }
    const recorded = { method: request.method, url: new URL(request.url), headers: request.headers, body };
    this.requests.push(recorded);
    return recorded;
  }

  withReplies(comment: Comment): Comment {
    const conversation = this.state.conversations.get(comment.id) ?? [];
    return { ...comment, replyCount: conversation.length, replies: conversation.slice(0, this.state.inlineReplies) };
  }

  handlers(): HttpHandler[] {
    return [
      http.get(`${BASE}/comments`, async ({ request }) => {
        const { url } = await this.record(request);
        const limit = Number(url.searchParams.get('limit') ?? 20);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) return HttpResponse.json(errorBody('invalid_limit'), { status: 400 });
        const offset = decodeCursor(url.searchParams.get('cursor'));
        if (offset === null) return HttpResponse.json(errorBody('invalid_cursor'), { status: 400 });
        const ordered = url.searchParams.get('sort') === 'oldest' ? this.state.comments : [...this.state.comments].reverse();
        const page = ordered.slice(offset, offset + limit).map((c) => this.withReplies(c));
        const next = offset + limit < ordered.length ? encodeCursor(offset + limit) : null;
        return HttpResponse.json({ thread: this.state.thread, viewer: this.state.viewer, comments: page, nextCursor: next });
      }),
      http.get(`${BASE}/comments/:id/replies`, async ({ request, params }) => {
        const { url } = await this.record(request);
        const conversation = this.state.conversations.get(String(params.id));
        if (!conversation) return HttpResponse.json(errorBody('comment_not_found'), { status: 404 });
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const offset = decodeCursor(url.searchParams.get('cursor'));
        if (offset === null) return HttpResponse.json(errorBody('invalid_cursor'), { status: 400 });
        const page = conversation.slice(offset, offset + limit);
        const next = offset + limit < conversation.length ? encodeCursor(offset + limit) : null;
        return HttpResponse.json({ comments: page, nextCursor: next });
      }),
    ];
  }
}
