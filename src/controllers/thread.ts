/**
 * Loads and holds one thread: its first page, more pages by cursor, and each conversation's
 * further replies. Every request is tied to a generation; when the thread, backend, sort or
 * page size changes, the generation moves on, in-flight requests are aborted, and any answer
 * that still arrives for the old generation is dropped.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParleyClient } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { Comment, SortOrder, Thread, ThreadPage, Viewer } from '../api/types.js';
import { mark } from '../marks.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'unavailable' | 'error';

export interface Conversation {
  /** Replies shown under the top-level comment, oldest first. */
  replies: Comment[];
  /** Replies that exist in all, as the backend last said. */
  total: number;
  /** The cursor for the next page, once the replies endpoint has been asked. */
  cursor: string | null;
  fetched: boolean;
  loading: boolean;
  error: ApiError | null;
}

export interface ThreadQuery {
  client: ParleyClient;
  threadId: string;
  sort: SortOrder;
  pageSize: number;
  /** Fetches the first page instead of `GET /comments` (a linked comment's context: the live chunk); null: as usual. */
  first?: ((signal: AbortSignal) => Promise<ThreadPage | null>) | undefined;
}

export type ThreadAction = 'load' | 'load-more' | 'replies';

export interface ThreadEvents {
  /** The first page is being asked for (again): a first load, a retry, back online, a reload. */
  loading(): void;
  loaded(thread: Thread, viewer: Viewer | null, added: number, action: ThreadAction): void;
  failed(action: ThreadAction, error: ApiError): void;
}

export class ThreadController implements ReactiveController {
  status: LoadStatus = 'idle';
  thread: Thread | null = null;
  viewer: Viewer | null = null;
  comments: Comment[] = [];
  /** The thread's featured comments, from its first page (the strip above the thread). */
  featured: Comment[] = [];
  /** How many of `comments`, at its start, the viewer posted since the first page (newest first puts them on top). */
  prepended = 0;
  nextCursor: string | null = null;
  conversations = new Map<string, Conversation>();
  error: ApiError | null = null;
  loadingMore = false;
  moreError: ApiError | null = null;
  /** First pages loaded so far, and where the last one's live events go on: the live chunk follows them. */
  loads = 0;
  lastEventId: string | null = null;

  #generation = 0;
  #abort = new AbortController();
  /** What the current thread was loaded with. */
  query: ThreadQuery | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly events: ThreadEvents) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#abort.signal.aborted) this.#abort = new AbortController();
    addEventListener('online', this.#onOnline);
    // The host starts the load when it is ready, or (moved in the page) finishes showing a page.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#onOnline);
    this.#abort.abort();
    // A reconnected element reloads rather than waiting on requests that were aborted.
    if (this.status === 'loading') this.status = 'idle';
    this.loadingMore = false;
    for (const conversation of this.conversations.values()) conversation.loading = false;
  }

  /** Back online: retry whatever failed while the connection was down. */
  #onOnline = (): void => {
    if (this.status === 'error' && this.query) void this.load(this.query);
    else if (this.moreError) void this.loadMore();
  };

  /** Starts over: drops everything shown and loads the first page for `query`. */
  async load(query: ThreadQuery): Promise<void> {
    this.#abort.abort();
    this.#abort = new AbortController();
    const generation = ++this.#generation;
    this.query = query;
    this.status = 'loading';
    this.error = null;
    this.moreError = null;
    this.loadingMore = false;
    this.host.requestUpdate();
    this.events.loading();
    try {
      const page = (await query.first?.(this.#abort.signal)) ?? await query.client.fetchThreadPage(
        { threadId: query.threadId, sort: query.sort, limit: query.pageSize },
        this.#abort.signal,
      );
      if (generation !== this.#generation) return;
      mark('thread-decoded');
      this.loads++;
      this.lastEventId = page.lastEventId ?? null;
      this.thread = page.thread;
      this.viewer = page.viewer;
      this.comments = page.comments;
      this.featured = page.featured ?? [];
      this.prepended = 0;
      this.conversations = new Map(page.comments.map((c) => [c.id, conversationOf(c)]));
      this.nextCursor = page.nextCursor;
      this.status = 'ready';
      this.host.requestUpdate();
      this.events.loaded(page.thread, page.viewer, page.comments.length, 'load');
    } catch (error) {
      if (generation !== this.#generation || !(error instanceof ApiError)) return;
      const unavailable = error.status === 404;
      this.status = unavailable ? 'unavailable' : 'error';
      this.error = unavailable ? null : error;
      this.thread = null;
      this.comments = [];
      this.conversations = new Map();
      this.host.requestUpdate();
      this.events.failed('load', error);
    }
  }

  /** Loads the current thread again from its first page through another client. */
  reload(client: ParleyClient): Promise<void> {
    return this.query ? this.load({ ...this.query, client }) : Promise.resolve();
  }

  /** Appends the next page of top-level comments. */
  async loadMore(): Promise<void> {
    const { query, nextCursor } = this;
    if (!query || !nextCursor || this.loadingMore) return;
    const generation = this.#generation;
    this.loadingMore = true;
    this.moreError = null;
    this.host.requestUpdate();
    try {
      const page = await query.client.fetchThreadPage(
        { threadId: query.threadId, sort: query.sort, limit: query.pageSize, cursor: nextCursor },
        this.#abort.signal,
      );
      if (generation !== this.#generation) return;
      const known = new Set(this.comments.map((c) => c.id));
      const added = page.comments.filter((c) => !known.has(c.id));
      this.comments = [...this.comments, ...added];
      for (const comment of added) this.conversations.set(comment.id, conversationOf(comment));
      this.thread = page.thread;
      this.viewer = page.viewer;
      this.nextCursor = page.nextCursor;
      this.loadingMore = false;
      this.host.requestUpdate();
      this.events.loaded(page.thread, page.viewer, added.length, 'load-more');
    } catch (error) {
      if (generation !== this.#generation || !(error instanceof ApiError)) return;
      this.loadingMore = false;
      this.moreError = error;
      this.host.requestUpdate();
      this.events.failed('load-more', error);
    }
  }

  /** Fetches the next page of one conversation's replies. */
  async loadReplies(commentId: string): Promise<number> {
    const conversation = this.conversations.get(commentId);
    const query = this.query;
    if (!conversation || !query || conversation.loading) return 0;
    const generation = this.#generation;
    conversation.loading = true;
    conversation.error = null;
    this.host.requestUpdate();
    try {
      // The endpoint starts at the beginning of the conversation, so the first request also
      // covers the replies already inlined and still brings a full page of new ones.
      const limit = conversation.fetched ? query.pageSize : Math.min(100, conversation.replies.length + query.pageSize);
      const page = await query.client.fetchReplies(commentId, { limit, cursor: conversation.cursor }, this.#abort.signal);
      if (generation !== this.#generation) return 0;
      const known = new Set(conversation.replies.map((r) => r.id));
      const added = page.comments.filter((r) => !known.has(r.id));
      conversation.replies = [...conversation.replies, ...added];
      conversation.cursor = page.nextCursor;
      conversation.fetched = true;
      conversation.total = Math.max(conversation.total, conversation.replies.length);
      if (!page.nextCursor) conversation.total = conversation.replies.length;
      conversation.loading = false;
      this.host.requestUpdate();
      return added.length;
    } catch (error) {
      if (generation !== this.#generation || !(error instanceof ApiError)) return 0;
      conversation.loading = false;
      conversation.error = error;
      this.host.requestUpdate();
      this.events.failed('replies', error);
      return 0;
    }
  }

  /**
   * Shows a comment the viewer just posted: a reply at the end of the conversation holding its
   * parent, a top-level comment where the sort puts it. With `oldest` first and pages still
   * unloaded it goes at the end of what is shown; loading more skips it. `counted`: the thread's
   * count already includes it (a live event's count came with it).
   */
  insertComment(comment: Comment, counted?: boolean): void {
    const { id, parentId } = comment;
    const has = (list: Comment[], wanted: string | null) => list.some((c) => c.id === wanted);
    const conversation = parentId
      ? this.conversations.get(parentId) ?? [...this.conversations.values()].find((c) => has(c.replies, parentId))
      : undefined;
    if (conversation) {
      if (has(conversation.replies, id)) return;
      conversation.replies = [...conversation.replies, comment];
      conversation.total++;
    } else {
      if (parentId || has(this.comments, id)) return;
      if (this.query?.sort === 'oldest') {
        this.comments = [...this.comments, comment];
      } else {
        this.comments = [comment, ...this.comments];
        this.prepended++;
      }
      this.conversations.set(id, conversationOf(comment));
    }
    if (this.thread && comment.status === 'published' && !counted) this.thread = { ...this.thread, commentCount: this.thread.commentCount + 1 };
    this.host.requestUpdate();
  }

  /** Whether a conversation has replies the reader has not been shown yet. */
  hasMoreReplies(commentId: string): boolean {
    const conversation = this.conversations.get(commentId);
    if (!conversation) return false;
    return conversation.fetched ? conversation.cursor !== null : conversation.total > conversation.replies.length;
  }

  /** How many replies are not shown yet, as far as the backend's count tells; 0 when unknown. */
  remainingReplies(commentId: string): number {
    const conversation = this.conversations.get(commentId);
    return conversation ? Math.max(0, conversation.total - conversation.replies.length) : 0;
  }
}

function conversationOf(comment: Comment): Conversation {
  return {
    replies: comment.replies,
    total: Math.max(comment.replyCount, comment.replies.length),
    cursor: null,
    fetched: false,
    loading: false,
    error: null,
  };
}
