/**
 * The desk's one request path to the admin API (same origin, `/api/v1/admin`): the admin token
 * as a Bearer, the moderator's name as `X-Parley-Moderator` on every request, a time limit, an
 * AbortSignal, and every failure as the widget's typed ApiError.
 */
import { ApiError, parseRetryAfter, timedOut, unreachable } from '../api/errors.js';
import type {
  AdminComment, AdminContext, AuditEntry, AuditPage, CommentStatus, Page, QueueEntry, QueueSort, Standing, UserHistory,
} from './types.js';

export interface Credentials {
  token: string;
  moderator: string;
}

const TIMEOUT_MS = 15_000;

export class AdminClient {
  constructor(
    private readonly credentials: Credentials,
    private readonly base = '/api/v1/admin',
  ) {}

  /** The report queue; a pending or removed comment is an entry with no reports. */
  async fetchReports(sort: QueueSort, cursor: string | null, signal?: AbortSignal): Promise<Page<QueueEntry>> {
    const page = await this.request<Page<{ comment: CommentJson; threadId: string; reports: QueueEntry['reports'] }>>('GET', '/reports', { sort, cursor }, signal);
    return { items: page.items.map((i) => ({ comment: fromComment(i.comment, i.threadId), reports: i.reports })), nextCursor: page.nextCursor };
  }

  async fetchPending(cursor: string | null, signal?: AbortSignal): Promise<Page<QueueEntry>> {
    const page = await this.request<Page<{ comment: CommentJson; threadId: string }>>('GET', '/pending', { cursor }, signal);
    return { items: page.items.map((i) => ({ comment: fromComment(i.comment, i.threadId), reports: [] })), nextCursor: page.nextCursor };
  }

  async searchComments(status: CommentStatus | null, q: string | null, cursor: string | null, signal?: AbortSignal): Promise<Page<QueueEntry>> {
    const page = await this.request<Page<AdminComment>>('GET', '/comments', { status, q, cursor }, signal);
    return { items: page.items.map((comment) => ({ comment, reports: [] })), nextCursor: page.nextCursor };
  }

  fetchContext(commentId: string, signal?: AbortSignal): Promise<AdminContext> {
    return this.request('GET', `/comments/${encodeURIComponent(commentId)}/context`, {}, signal);
  }

  fetchHistory(userId: string, signal?: AbortSignal): Promise<UserHistory> {
    return this.request('GET', `/users/${encodeURIComponent(userId)}/history`, {}, signal);
  }

  fetchAudit(cursor: string | null, signal?: AbortSignal): Promise<AuditPage> {
    return this.request<Page<AuditEntry>>('GET', '/audit', { cursor }, signal);
  }

  /** remove, restore, dismiss-reports, reopen-reports. */
  async actOnComment(commentId: string, action: 'remove' | 'restore' | 'dismiss-reports' | 'reopen-reports'): Promise<CommentStatus> {
    const comment = await this.request<CommentJson>('POST', `/comments/${encodeURIComponent(commentId)}/${action}`);
    return comment.status;
  }

  /** ban, unban, or suspend until `until`; answers with the user's standing after it. */
  actOnUser(userId: string, action: 'ban' | 'unban' | 'suspend', until?: string): Promise<Standing> {
    return this.request('POST', `/users/${encodeURIComponent(userId)}/${action}`, {}, undefined, action === 'suspend' ? { until } : undefined);
  }

  async setThreadStatus(threadId: string, status: 'open' | 'closed'): Promise<'open' | 'closed'> {
    const thread = await this.request<{ status: 'open' | 'closed' }>('POST', '/threads/status', {}, undefined, { thread: threadId, status });
    return thread.status;
  }

  private async request<T>(method: 'GET' | 'POST', path: string, query: Record<string, string | null> = {}, signal?: AbortSignal, body?: unknown): Promise<T> {
    const url = new URL(`${this.base}${path}`, document.baseURI);
    for (const [key, value] of Object.entries(query)) if (value !== null && value !== '') url.searchParams.set(key, value);
    const controller = new AbortController();
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      controller.abort();
    }, TIMEOUT_MS);
    const stop = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', stop, { once: true });
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${this.credentials.token}`,
      'X-Parley-Moderator': this.credentials.moderator,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const response = await fetch(url, {
        method, headers, body: body === undefined ? null : JSON.stringify(body), credentials: 'same-origin', signal: controller.signal,
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = text === '' ? null : JSON.parse(text);
      } catch {
        throw new ApiError('invalid-response', response.status, 'invalid_response', 'Not JSON');
      }
      if (!response.ok) {
        const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
        throw new ApiError('http', response.status, typeof error?.code === 'string' ? error.code : `http_${response.status}`,
          typeof error?.message === 'string' ? error.message : response.statusText, parseRetryAfter(response.headers.get('Retry-After')));
      }
      if (typeof json !== 'object' || json === null) throw new ApiError('invalid-response', response.status, 'invalid_response', 'Not an object');
      return json as T;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (signal?.aborted) throw signal.reason ?? error;
      if (late) throw timedOut();
      throw unreachable(error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    }
  }
}

/** The public Comment shape the report and pending queues answer with. */
interface CommentJson {
  id: string;
  parentId: string | null;
  author: { id: string; displayName: string };
  body: string;
  status: CommentStatus;
  createdAt: string;
}

const fromComment = (c: CommentJson, threadId: string): AdminComment => ({
  id: c.id, threadId, parentId: c.parentId, author: { id: c.author.id, displayName: c.author.displayName },
  body: c.body, status: c.status, createdAt: c.createdAt,
});
