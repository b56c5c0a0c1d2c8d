/**
 * The one request path for everything the widget asks of a backend: credentials mode,
 * `Accept`, an optional Bearer token (asked again once after a 401), a time limit, an
 * AbortSignal, and decoding of every answer into typed objects or a typed ApiError.
 */
import { ApiError, parseRetryAfter, timedOut, unreachable } from './errors.js';
import {
  DecodeError, decodeComment, decodeErrorBody, decodeRepliesPage, decodeReportResult,
  decodeThreadPage,
} from './decode.js';
import type { Comment, NewComment, RepliesPage, ReportReason, ReportResult, SortOrder, ThreadPage } from './types.js';

export type AuthTokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

export interface ClientOptions {
  baseUrl: string;
  credentials: RequestCredentials;
  getAuthToken?: AuthTokenProvider | undefined;
  /** Milliseconds before a request that never answers is abandoned. */
  timeoutMs?: number;
}

interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | string[] | null | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  decode: (json: unknown) => T;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export class ParleyClient {
  constructor(private readonly options: ClientOptions) {}

  fetchThreadPage(
    params: { threadId: string; sort: SortOrder; limit: number; cursor?: string | null },
    signal?: AbortSignal,
  ): Promise<ThreadPage> {
    const { threadId, sort, limit, cursor } = params;
    return this.request('comments', {
      query: { thread: threadId, sort, limit, cursor },
      signal,
      decode: decodeThreadPage,
    });
  }

  fetchReplies(commentId: string, params: { limit: number; cursor?: string | null }, signal?: AbortSignal): Promise<RepliesPage> {
    return this.request(`comments/${encodeURIComponent(commentId)}/replies`, {
      query: { limit: params.limit, cursor: params.cursor },
      signal,
      decode: decodeRepliesPage,
    });
  }

  postComment(comment: NewComment, idempotencyKey: string, signal?: AbortSignal): Promise<Comment> {
    return this.request('comments', {
      method: 'POST',
      body: comment,
      headers: { 'Idempotency-Key': idempotencyKey },
      signal,
      decode: (json) => decodeComment(json, 'response'),
    });
  }

  reportComment(commentId: string, reason: ReportReason, note: string, signal?: AbortSignal): Promise<ReportResult> {
    return this.request(`comments/${encodeURIComponent(commentId)}/reports`, {
      method: 'POST',
      body: note ? { reason, note } : { reason },
      signal,
      decode: decodeReportResult,
    });
  }

  withdrawReport(commentId: string, signal?: AbortSignal): Promise<void> {
    return this.request(`comments/${encodeURIComponent(commentId)}/reports/mine`, {
      method: 'DELETE',
      signal,
      decode: () => undefined,
    });
  }

  /** Builds the URL of a path relative to the backend base, whatever slashes the publisher typed. */
  url(path: string, query: RequestOptions<unknown>['query'] = {}): URL {
    const base = this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`;
    const url = new URL(path, new URL(base, document.baseURI));
    for (const [key, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== null && item !== undefined && item !== '') url.searchParams.append(key, String(item));
      }
    }
    return url;
  }

  async request<T>(path: string, options: RequestOptions<T>): Promise<T> {
    const url = this.url(path, options.query);
    // One controller for the caller's signal and the time limit, covering the body as well as
    // the headers (no AbortSignal.any: Safari before 17.4 lacks it).
    const controller = new AbortController();
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      controller.abort();
    }, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const stop = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', stop, { once: true });
    if (options.signal?.aborted) stop();
    try {
      let token = await this.#token();
      let response = await this.#send(url, options, token, controller.signal);
      if (response.status === 401 && token) {
        // The token may have expired since it was issued: ask the provider once more, retry once.
        token = await this.#token();
        if (token) response = await this.#send(url, options, token, controller.signal);
      }
      return await this.#read(response, options.decode);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (options.signal?.aborted) throw options.signal.reason ?? error; // the caller stopped caring
      if (late) throw timedOut();
      throw unreachable(error);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
    }
  }

  async #token(): Promise<string | null> {
    if (!this.options.getAuthToken) return null;
    try {
      return (await this.options.getAuthToken()) || null;
    } catch {
      return null; // a failing provider means "signed out", never a broken widget
    }
  }

  #send(url: URL, options: RequestOptions<unknown>, token: string | null, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: this.options.credentials,
      signal,
    });
  }

  async #read<T>(response: Response, decode: (json: unknown) => T): Promise<T> {
    const text = await response.text(); // a dropped connection rejects here and becomes 'network'
    if (!response.ok) {
      const body = decodeErrorBody(parseJson(text));
      throw new ApiError(
        'http',
        response.status,
        body?.code ?? `http_${response.status}`,
        body?.message ?? response.statusText,
        parseRetryAfter(response.headers.get('Retry-After')),
      );
    }
    const json = response.status === 204 || text === '' ? undefined : parseJson(text);
    if (json === NOT_JSON) throw new ApiError('invalid-response', response.status, 'invalid_response', 'Not JSON');
    try {
      return decode(json);
    } catch (error) {
      const detail = error instanceof DecodeError ? error.message : 'Unreadable answer';
      throw new ApiError('invalid-response', response.status, 'invalid_response', detail);
    }
  }
}

const NOT_JSON = Symbol('not json');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}
