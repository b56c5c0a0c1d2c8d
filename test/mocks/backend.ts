/**
 * An in-memory backend speaking api-v1, served through msw. It pages with real opaque cursors
 * and records every request so tests can assert on what the backend received.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { REPORT_REASONS, type Comment, type ReportReason, type Thread, type Viewer } from '../../src/api/types.js';
import { BASE, errorBody, makeThread } from './data.js';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  /** When it arrived (performance.now()). */
  at: number;
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

const encodeCursor = (offset: number, reading?: number) => btoa(JSON.stringify({ o: offset, r: reading }));
function readCursor(cursor: string | null): { o: number; r?: number } | null {
  if (cursor === null) return { o: 0 };
  try {
    const { o, r } = JSON.parse(atob(cursor)) as { o: unknown; r?: unknown };
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0) return null;
    return r === undefined ? { o } : typeof r === 'number' ? { o, r } : null;
  } catch {
    return null;
  }
}
const decodeCursor = (cursor: string | null): number | null => readCursor(cursor)?.o ?? null;
/** sort=top as api.md states it: most recommended, then newest, then by id. */
const byTop = (a: Comment, b: Comment): number =>
  b.recommendations - a.recommendations || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

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
    const recorded = { method: request.method, url: new URL(request.url), headers: request.headers, body, at: performance.now() };
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
        const sort = url.searchParams.get('sort') ?? 'newest';
        if (!['newest', 'oldest', 'top'].includes(sort)) return HttpResponse.json(errorBody('invalid_sort'), { status: 400 });
        const at = readCursor(url.searchParams.get('cursor'));
        if (at === null || (sort === 'top' ? at.o > 0 && at.r === undefined : at.r !== undefined)) return HttpResponse.json(errorBody('invalid_cursor'), { status: 400 });
        // A top reading keeps the order its first page saw (the server's snapshot, by construction).
        let reading = at.r;
        if (sort === 'top' && reading === undefined) reading = this.readings.push([...this.state.comments].sort(byTop).map((c) => c.id)) - 1;
        const snapshot = reading === undefined ? undefined : this.readings[reading];
        if (sort === 'top' && !snapshot) return HttpResponse.json(errorBody('invalid_cursor'), { status: 400 });
        const ordered = snapshot
          ? snapshot.map((id) => this.state.comments.find((c) => c.id === id)!)
          : sort === 'oldest' ? this.state.comments : [...this.state.comments].reverse();
        const page = ordered.slice(at.o, at.o + limit).map((c) => this.withReplies(c));
        const next = at.o + limit < ordered.length ? encodeCursor(at.o + limit, reading) : null;
        const featured = url.searchParams.has('cursor') ? {} : { featured: this.featured() };
        return HttpResponse.json({
          thread: this.state.thread, viewer: this.state.viewer, comments: page, nextCursor: next, lastEventId: String(this.events.length), ...featured,
        });
      }),
      http.get(`${BASE}/comments/:id/context`, async ({ request, params }) => {
        const { url } = await this.record(request);
        const id = String(params.id);
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const root = this.state.comments.find((c) => c.id === id)
          ?? this.state.comments.find((c) => this.state.conversations.get(c.id)?.some((r) => r.id === id));
        const conversation = root ? this.state.conversations.get(root.id) ?? [] : [];
        const target = root?.id === id ? root : conversation.find((r) => r.id === id);
        const thread = url.searchParams.get('thread');
        if (!root || !target || target.status === 'removed' || (thread !== null && thread !== this.state.thread.id)) {
          return HttpResponse.json(errorBody('comment_not_found'), { status: 404 });
        }
        const through = conversation.indexOf(target) + 1;
        const ordered = url.searchParams.get('sort') === 'oldest' ? this.state.comments : [...this.state.comments].reverse();
        const at = ordered.indexOf(root);
        return HttpResponse.json({
          thread: this.state.thread,
          viewer: this.state.viewer,
          lastEventId: String(this.events.length),
          targetId: id,
          comment: { ...root, replyCount: conversation.length, replies: conversation.slice(0, through + limit) },
          repliesCursor: through + limit < conversation.length ? encodeCursor(through + limit) : null,
          nextCursor: at + 1 < ordered.length ? encodeCursor(at + 1) : null,
        });
      }),
      http.get(`${BASE}/events`, async ({ request }) => {
        const url = new URL(request.url);
        const { headers } = request;
        this.eventRequests.push({ method: 'GET', url, headers, body: undefined, at: performance.now() });
        if (this.eventsStatus !== 200) return HttpResponse.json(errorBody('not_found'), { status: this.eventsStatus });
        const from = Number(headers.get('Last-Event-ID') ?? url.searchParams.get('since') ?? this.events.length);
        const encoder = new TextEncoder();
        let stream: ReadableStreamDefaultController<Uint8Array>;
        const body = new ReadableStream<Uint8Array>({
          start: (controller) => {
            stream = controller;
            let text = `retry: ${this.retryMs}\n\n`;
            for (const [i, event] of this.events.entries()) if (i + 1 > from) text += event;
            controller.enqueue(encoder.encode(`${text}id: ${this.events.length}\nevent: ready\ndata: {}\n\n`));
            this.streams.add(controller);
          },
          cancel: () => void this.streams.delete(stream),
        });
        request.signal.addEventListener('abort', () => this.streams.delete(stream));
        return new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' } });
      }),
      http.post(`${BASE}/comments`, ({ request }) => this.postComment(request)),
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
      http.post(`${BASE}/comments/:id/reports`, async ({ request, params }) => {
        const { body, headers } = await this.record(request);
        const refused = this.refuseReporter(headers);
        if (refused) return refused;
        const comment = this.findReported(String(params.id));
        if (!comment || comment.status === 'removed') return HttpResponse.json(errorBody('comment_not_found'), { status: 404 });
        const { reason, note } = (body ?? {}) as { reason?: unknown; note?: unknown };
        if (typeof reason !== 'string' || !REPORT_REASONS.includes(reason as ReportReason)) {
          return HttpResponse.json(errorBody('invalid_reason'), { status: 422 });
        }
        if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 500)) {
          return HttpResponse.json(errorBody('invalid_note'), { status: 422 });
        }
        if (comment.author.id === this.state.viewer!.id) return HttpResponse.json(errorBody('own_comment'), { status: 403 });
        const open = this.reports.get(comment.id);
        if (open) return HttpResponse.json({ commentId: comment.id, reason: open.reason }, { status: 200 });
        this.reports.set(comment.id, { reason: reason as ReportReason, note: typeof note === 'string' ? note : null });
        comment.viewerReported = true;
        return HttpResponse.json({ commentId: comment.id, reason }, { status: 201 });
      }),
      http.put(`${BASE}/comments/:id/recommendation`, ({ request, params }) => this.recommend(request, String(params.id), true)),
      http.delete(`${BASE}/comments/:id/recommendation`, ({ request, params }) => this.recommend(request, String(params.id), false)),
      http.patch(`${BASE}/comments/:id`, ({ request, params }) => this.editComment(request, String(params.id))),
      http.delete(`${BASE}/comments/:id`, ({ request, params }) => this.deleteComment(request, String(params.id))),
      http.delete(`${BASE}/comments/:id/reports/mine`, async ({ request, params }) => {
        await this.record(request);
        if (!this.state.viewer) return HttpResponse.json(errorBody('unauthenticated'), { status: 401 });
        this.reports.delete(String(params.id));
        const comment = this.findReported(String(params.id));
        if (comment) comment.viewerReported = false;
        return new HttpResponse(null, { status: 204 });
      }),
    ];
  }

  /** sort=top readings: each first page's order, by reading number (the cursor's `r`). */
  readonly readings: string[][] = [];

  /** Every comment, top-level and replies. */
  allComments(): Comment[] {
    return [...this.state.comments, ...[...this.state.conversations.values()].flat()];
  }

  /** The first page's `featured`: published featured comments as replies are drawn (no conversation). */
  featured(): Comment[] {
    return this.allComments().filter((c) => c.featured && c.status === 'published').slice(0, 5)
      .map((c) => ({ ...c, replyCount: 0, replies: [] }));
  }

  /** PUT/DELETE /comments/{id}/recommendation, its checks in the documented order. */
  async recommend(request: Request, id: string, on: boolean): Promise<Response> {
    await this.record(request);
    const fail = (status: number, code: string) => HttpResponse.json(errorBody(code), { status });
    const { viewer } = this.state;
    if (!viewer) return fail(401, 'unauthenticated');
    if (on && viewer.status !== 'active') return fail(403, viewer.status);
    if (on && !viewer.subscriber) return fail(403, 'not_subscriber');
    const comment = this.findReported(id);
    if (!comment || comment.status !== 'published') return fail(404, 'comment_not_found');
    if (on && comment.author.id === viewer.id) return fail(403, 'own_comment');
    if (comment.viewerRecommended !== on) {
      comment.viewerRecommended = on;
      comment.recommendations += on ? 1 : -1;
    }
    return HttpResponse.json({ commentId: id, recommendations: comment.recommendations, viewerRecommended: on });
  }

  /** The viewer's own comment for PATCH/DELETE, or the documented refusal. */
  private ownComment(id: string): Comment | Response {
    const { viewer } = this.state;
    if (!viewer) return HttpResponse.json(errorBody('unauthenticated'), { status: 401 });
    const comment = this.findReported(id);
    if (!comment || comment.status === 'removed') return HttpResponse.json(errorBody('comment_not_found'), { status: 404 });
    if (comment.author.id !== viewer.id) return HttpResponse.json(errorBody('not_author'), { status: 403 });
    return comment;
  }

  /** PATCH /comments/{id}: body only, within the thread's edit window. */
  async editComment(request: Request, id: string): Promise<Response> {
    const { body: json, headers } = await this.record(request);
    const fail = (status: number, code: string) => HttpResponse.json(errorBody(code), { status });
    if (!this.state.viewer) return fail(401, 'unauthenticated');
    if (!headers.get('Content-Type')?.startsWith('application/json')) return fail(415, 'unsupported_media_type');
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail(400, 'invalid_json');
    const raw = (json as { body?: unknown }).body;
    const text = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').trim() : '';
    if (!text || [...text].length > this.state.thread.maxCommentLength || /[\x00-\x08\x0b-\x1f\x7f]/.test(text)) return fail(422, 'invalid_body');
    const comment = this.ownComment(id);
    if (comment instanceof Response) return comment;
    if (this.state.viewer.status !== 'active') return fail(403, this.state.viewer.status);
    if (this.state.thread.status === 'closed') return fail(403, 'thread_closed');
    if (Date.now() - Date.parse(comment.createdAt) > this.state.thread.editWindowSeconds * 1000) return fail(403, 'edit_window_closed');
    if (text !== comment.body) Object.assign(comment, { body: text, editedAt: new Date().toISOString() });
    return HttpResponse.json(this.withRepliesIfTop(comment));
  }

  /** DELETE /comments/{id}: the author's deletion, a placeholder that keeps its replies. */
  async deleteComment(request: Request, id: string): Promise<Response> {
    await this.record(request);
    const known = this.findReported(id);
    if (known?.status === 'removed' && known.removedBy === 'author' && known.author.id === this.state.viewer?.id) {
      return HttpResponse.json(this.withRepliesIfTop(known));
    }
    const comment = this.ownComment(id);
    if (comment instanceof Response) return comment;
    if (comment.status === 'published') this.state.thread.commentCount--;
    Object.assign(comment, { status: 'removed', removedBy: 'author', body: '', featured: false });
    return HttpResponse.json(this.withRepliesIfTop(comment));
  }

  private withRepliesIfTop(comment: Comment): Comment {
    return comment.parentId === null ? this.withReplies(comment) : comment;
  }

  /** GET /events requests, kept apart from `requests` (which are the thread's reads and writes). */
  readonly eventRequests: RecordedRequest[] = [];
  /** Live events sent so far, as written on the stream (the id of each is its place, from 1). */
  readonly events: string[] = [];
  /** The event streams open now. */
  readonly streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  /** GET /events answers this status instead of a stream when not 200 (404: no live updates here). */
  eventsStatus = 200;
  /** The `retry:` advice each stream opens with (short: tests wait for reconnections). */
  retryMs = 100;

  /** Sends an event to every open stream and keeps it for replay. */
  emit(event: string, data: unknown): string {
    const id = String(this.events.length + 1);
    const frame = `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    this.events.push(frame);
    for (const stream of this.streams) stream.enqueue(new TextEncoder().encode(frame));
    return id;
  }

  /** Sends raw bytes to every open stream (a malformed event, a comment line). */
  emitRaw(text: string): void {
    for (const stream of this.streams) stream.enqueue(new TextEncoder().encode(text));
  }

  /** Ends every open stream, as a server shutting down does. */
  endStreams(): void {
    for (const stream of this.streams) stream.close();
    this.streams.clear();
  }

  /** The viewer's open reports, by comment id. */
  readonly reports = new Map<string, { reason: ReportReason; note: string | null }>();

  /** The comment a report names: top-level or a reply, as stored. */
  findReported(id: string): Comment | undefined {
    return this.state.comments.find((c) => c.id === id)
      ?? [...this.state.conversations.values()].flat().find((c) => c.id === id);
  }

  /** What api-v1 answers a report nobody may make: not JSON, signed out, banned, suspended. */
  refuseReporter(headers: Headers): Response | undefined {
    if (!headers.get('Content-Type')?.startsWith('application/json')) {
      return HttpResponse.json(errorBody('unsupported_media_type'), { status: 415 });
    }
    const { viewer } = this.state;
    if (!viewer) return HttpResponse.json(errorBody('unauthenticated'), { status: 401 });
    if (viewer.status !== 'active') return HttpResponse.json(errorBody(viewer.status), { status: 403 });
    return undefined;
  }

  /** Comments created by POST /comments, by viewer and Idempotency-Key (a repeat returns the first). */
  readonly posted = new Map<string, Comment>();
  /** Comments POST /comments creates are `pending` (a premoderating backend) instead of `published`. */
  premoderate = false;

  /** POST /comments as docs/api.md states it, its errors checked in the documented order. */
  async postComment(request: Request): Promise<Response> {
    const { body: json, headers } = await this.record(request);
    const fail = (status: number, code: string) => HttpResponse.json(errorBody(code), { status });
    const { viewer, thread } = this.state;
    if (!viewer) return fail(401, 'unauthenticated');
    const key = headers.get('Idempotency-Key');
    if (key !== null && !/^[\x21-\x7e]{1,200}$/.test(key)) return fail(400, 'invalid_idempotency_key');
    if (!headers.get('Content-Type')?.startsWith('application/json')) return fail(415, 'unsupported_media_type');
    if ((typeof json === 'string' ? json : JSON.stringify(json ?? '')).length > 64 * 1024) return fail(413, 'too_large');
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail(400, 'invalid_json');
    const first = key === null ? undefined : this.posted.get(`${viewer.id} ${key}`);
    if (first) return HttpResponse.json(first, { status: 201 });
    const input = json as { thread?: { id?: unknown; url?: unknown; title?: unknown }; body?: unknown; parentId?: unknown };
    const t = input.thread;
    if (typeof t?.id !== 'string' || !t.id || t.id.length > 512
      || (t.url !== undefined && (typeof t.url !== 'string' || t.url.length > 2048 || !/^https?:\/\//.test(t.url)))
      || (t.title !== undefined && (typeof t.title !== 'string' || t.title.length > 300))) return fail(422, 'invalid_thread');
    const text = typeof input.body === 'string' ? input.body.replace(/\r\n?/g, '\n').trim() : '';
    if (!text || [...text].length > thread.maxCommentLength || /[\x00-\x08\x0b-\x1f\x7f]/.test(text)) return fail(422, 'invalid_body');
    const parentId = input.parentId ?? null;
    if (parentId !== null && typeof parentId !== 'string') return fail(422, 'invalid_parent');
    if (viewer.status !== 'active') return fail(403, viewer.status);
    if (!viewer.subscriber) return fail(403, 'not_subscriber');
    if (thread.status === 'closed') return fail(403, 'thread_closed');
    let root: Comment | undefined;
    if (parentId !== null) {
      root = this.state.comments.find((c) => c.id === parentId)
        ?? this.state.comments.find((c) => this.state.conversations.get(c.id)?.some((r) => r.id === parentId));
      const parent = parentId === root?.id ? root : this.state.conversations.get(root?.id ?? '')?.find((r) => r.id === parentId);
      if (!root || !parent || parent.status === 'removed') return fail(404, 'comment_not_found');
    }
    const comment: Comment = {
      id: `c-posted-${this.posted.size + 1}`,
      parentId,
      author: { id: viewer.id, displayName: viewer.displayName, badges: ['subscriber'] },
      body: text,
      createdAt: new Date().toISOString(),
      editedAt: null,
      status: this.premoderate ? 'pending' : 'published',
      replyCount: 0,
      replies: [],
      viewerReported: false,
      removedBy: null,
      recommendations: 0,
      viewerRecommended: false,
      featured: false,
    };
    if (root) this.state.conversations.set(root.id, [...(this.state.conversations.get(root.id) ?? []), comment]);
    else this.state.comments.push(comment);
    if (comment.status === 'published') thread.commentCount++;
    if (!thread.url && typeof t.url === 'string') thread.url = t.url;
    if (!thread.title && typeof t.title === 'string') thread.title = t.title;
    this.posted.set(`${viewer.id} ${key ?? comment.id}`, comment);
    return HttpResponse.json(comment, { status: 201 });
  }
}
