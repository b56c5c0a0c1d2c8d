// Live event streams (GET /events, docs/api.md): what changes in a thread while readers have it
// open, as Server-Sent Events. The log of events is a table the database writes itself (triggers,
// in the transaction that makes each change), so it is the same for every instance; the store's
// change feed (PostgreSQL NOTIFY, SQLite's own writes and data_version) only says "thread X has
// news", and each instance then reads the log once per thread — not once per stream — and sends
// every stream what it has not had yet. A stream resumes after the last id it was sent, on this
// instance or any other.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.js';
import { presentComment, presentThread, type CommentJson, type ThreadLimits } from './present.js';
import type { CommentRecord, EventRecord, Store } from './store.js';

export interface LiveOptions {
  /** Milliseconds between keep-alive comments on an idle stream. */
  heartbeatMs: number;
  /** Streams one instance holds at most; past it, 503 with Retry-After. */
  maxStreams: number;
  limits: ThreadLimits;
}

/** What a client is told to wait before reconnecting (`retry:`). */
export const RETRY_MS = 3000;
/** A client further behind than this is told to refetch (`reset`): one page beats a long replay. */
export const REPLAY_LIMIT = 200;
/** Events read from the log at a time. */
const BATCH = 500;
/** A client that has not read this much of what was sent is dropped; it resumes by Last-Event-ID. */
const MAX_BUFFERED = 1 << 20;

interface Stream {
  res: ServerResponse;
  viewerId: string | null;
  /** The last event this stream has been sent (or was told to skip to). */
  seq: number;
  /** `ready` sent: the replay is over. */
  live: boolean;
}

interface Watched {
  streams: Set<Stream>;
  running: boolean;
  again: boolean;
}

const unavailable = (why: string): ApiError => new ApiError(503, 'unavailable', why, { 'Retry-After': '5' });

/** A Last-Event-ID or `since` this server issued: a decimal seq. */
function parseSeq(raw: string | null): number | null {
  return raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

function frame(event: string, id: number, data: unknown): string {
  // JSON.stringify escapes every line break, so the data is one `data:` line.
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export class LiveHub {
  private readonly threads = new Map<string, Watched>();
  private count = 0;
  private closing = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unwatch: () => void;

  constructor(
    private readonly store: Store,
    private readonly options: LiveOptions,
    private readonly logError: (error: unknown) => void,
  ) {
    // Null: any thread may have changed (SQLite: another process wrote; PostgreSQL: the feed
    // reconnected) — every watched thread reads the log again, so nothing is lost.
    this.unwatch = store.watch((threadId) => {
      if (threadId === null) for (const id of this.threads.keys()) this.pump(id);
      else if (this.threads.has(threadId)) this.pump(threadId);
    });
    this.heartbeat = setInterval(() => {
      for (const watched of this.threads.values()) for (const stream of watched.streams) this.write(stream, ': keep-alive\n\n');
    }, options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Streams held now. */
  get size(): number {
    return this.count;
  }

  /**
   * Serves one stream until the client leaves or the hub closes. Throws (before anything is
   * written) when the stream cannot be taken: the caller answers with the error.
   */
  async serve(req: IncomingMessage, res: ServerResponse, threadId: string, viewerId: string | null, since: string | null): Promise<void> {
    if (this.closing) throw unavailable('This instance is shutting down.');
    if (this.count >= this.options.maxStreams) throw unavailable('Too many live streams on this instance.');
    // The slot is taken now, before the reads below: a burst of reconnections cannot overshoot.
    this.count++;
    let watched: Watched | undefined;
    let stream: Stream | undefined;
    try {
      const head = await this.store.lastEventSeq(threadId);
      const from = parseSeq(since);
      // Unknown, from another database, or too far behind: start from now, and say so.
      const reset = since !== null && (from === null || from > head
        || (await this.store.listEvents(threadId, from, REPLAY_LIMIT + 1)).length > REPLAY_LIMIT);
      if (this.closing) throw unavailable('This instance is shutting down.');
      if (req.destroyed) return;
      res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
      });
      stream = { res, viewerId, seq: from === null || reset ? head : from, live: false };
      res.write(`retry: ${RETRY_MS}\n\n`);
      if (reset) res.write(frame('reset', head, {}));
      watched = this.threads.get(threadId);
      if (!watched) this.threads.set(threadId, (watched = { streams: new Set(), running: false, again: false }));
      watched.streams.add(stream);
      const closed = new Promise<void>((resolve) => res.once('close', resolve));
      this.pump(threadId);
      await closed;
    } finally {
      this.count--;
      if (watched && stream) {
        watched.streams.delete(stream);
        if (watched.streams.size === 0 && this.threads.get(threadId) === watched && !watched.running) this.threads.delete(threadId);
      }
    }
  }

  /** Ends every stream (shutdown): clients reconnect, to another instance, from where they were. */
  close(): void {
    this.closing = true;
    clearInterval(this.heartbeat);
    this.unwatch();
    for (const watched of this.threads.values()) for (const { res } of watched.streams) res.end(() => res.socket?.end());
  }

  /** Reads the thread's log and sends it on; one reader per thread at a time, again if news came meanwhile. */
  private pump(threadId: string): void {
    const watched = this.threads.get(threadId);
    if (!watched) return;
    if (watched.running) {
      watched.again = true;
      return;
    }
    watched.running = true;
    void (async () => {
      do {
        watched.again = false;
        try {
          await this.deliver(threadId, watched);
        } catch (error) {
          // The store failed (a lost connection): try again shortly; the streams stay open.
          this.logError(error);
          setTimeout(() => this.pump(threadId), 1000).unref();
          break;
        }
      } while (watched.again && !this.closing);
      watched.running = false;
      if (watched.streams.size === 0 && this.threads.get(threadId) === watched) this.threads.delete(threadId);
    })();
  }

  private async deliver(threadId: string, watched: Watched): Promise<void> {
    const streams = [...watched.streams];
    if (streams.length === 0) return;
    const from = Math.min(...streams.map((s) => s.seq));
    const events = await this.store.listEvents(threadId, from, BATCH);
    if (events.length === BATCH) watched.again = true;
    const shown = events.length > 0 ? await this.load(threadId, events, streams) : null;
    for (const stream of streams) {
      if (stream.res.writableEnded) continue;
      const unseen = events.filter((e) => e.seq > stream.seq);
      let text = '';
      let counted = false;
      for (const event of unseen) {
        if (event.kind === 'thread') {
          text += frame('thread', event.seq, shown!.thread);
          continue;
        }
        counted = true;
        if (event.kind === 'removed') {
          const by = shown!.comments.get(event.commentId!)?.deletedAt != null ? 'author' : 'moderator';
          text += frame('removed', event.seq, { id: event.commentId, by });
          continue;
        }
        const record = shown!.comments.get(event.commentId!);
        // Removed again (or never visible) by now: its `removed` event follows.
        if (!record || record.status !== 'published') continue;
        text += frame('comment', event.seq, this.comment(record, shown!, stream.viewerId));
      }
      const last = unseen[unseen.length - 1];
      if (last) {
        if (counted) text += frame('count', last.seq, { commentCount: shown!.thread.commentCount });
        stream.seq = last.seq;
      }
      if (!stream.live && !watched.again) {
        stream.live = true;
        text += frame('ready', stream.seq, {});
      }
      if (text) this.write(stream, text);
    }
  }

  /** The comments, thread and per-viewer flags a batch of events needs, in a few queries. */
  private async load(threadId: string, events: EventRecord[], streams: Stream[]) {
    const ids = [...new Set(events.filter((e) => e.kind === 'comment').map((e) => e.commentId!))];
    // A removal says who removed it: the removed comments are read too.
    const removed = [...new Set(events.filter((e) => e.kind === 'removed').map((e) => e.commentId!))].filter((id) => !ids.includes(id));
    const [thread, records] = await Promise.all([
      this.store.getThread(threadId),
      Promise.all([...ids, ...removed].map((id) => this.store.getComment(id))),
    ]);
    const comments = new Map<string, CommentRecord>();
    for (const record of records) if (record) comments.set(record.id, record);
    const topLevel = [...comments.values()].filter((c) => c.rootId === null).map((c) => c.id);
    const summaries = topLevel.length > 0 ? await this.store.summarizeReplies(topLevel, null, 0) : new Map();
    // A restored comment may be one the viewer had reported: one query per signed-in viewer.
    const viewers = [...new Set(streams.map((s) => s.viewerId).filter((id): id is string => id !== null))];
    const reported = new Map<string, Set<string>>();
    const recommended = new Map<string, Set<string>>();
    if (ids.length > 0) {
      await Promise.all(viewers.map(async (viewerId) => {
        reported.set(viewerId, await this.store.reportedBy(viewerId, ids));
        recommended.set(viewerId, await this.store.recommendedBy(viewerId, ids));
      }));
    }
    return {
      thread: presentThread(thread ?? { id: threadId, title: '', url: '', status: 'open', commentCount: 0 }, this.options.limits),
      comments,
      replyCounts: new Map([...summaries].map(([id, summary]) => [id, summary.count as number])),
      reported,
      recommended,
    };
  }

  private comment(record: CommentRecord, shown: Awaited<ReturnType<LiveHub['load']>>, viewerId: string | null): CommentJson {
    return presentComment(record, {
      replyCount: shown.replyCounts.get(record.id) ?? 0,
      replies: [],
      viewerReported: viewerId !== null && (shown.reported.get(viewerId)?.has(record.id) ?? false),
      viewerRecommended: viewerId !== null && (shown.recommended.get(viewerId)?.has(record.id) ?? false),
    });
  }

  private write(stream: Stream, text: string): void {
    const { res } = stream;
    if (res.writableEnded || res.destroyed) return;
    res.write(text);
    // A client that stopped reading: drop it rather than hold its backlog in memory.
    if (res.writableLength > MAX_BUFFERED) res.destroy();
  }
}
