// A test's event-stream client: opens GET /events the way the widget does (fetch, headers),
// parses Server-Sent Events as the HTML standard says, and hands them out one at a time.
import assert from 'node:assert/strict';
import { validateSchema } from '../../server/openapi-validate.js';
import { API, type TestServer } from './harness.js';

export interface SseEvent {
  event: string;
  id: string | null;
  data: unknown;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** `retry:` values and comment lines seen so far (`: keep-alive`). */
  retries: number[];
  comments: string[];
  /** The next event (skipping none), or a failure after `ms`. */
  next(ms?: number): Promise<SseEvent>;
  /** Events until (and including) the first of `kind`. */
  until(kind: string, ms?: number): Promise<SseEvent[]>;
  /** Resolves once nothing more arrives for `ms`: the events that did arrive meanwhile. */
  quiet(ms: number): Promise<SseEvent[]>;
  /** Whether the server ended the stream. */
  readonly ended: boolean;
  close(): void;
}

/** Schemas of each event's data (docs/openapi.yaml): the stream is held to the contract too. */
const SCHEMAS: Record<string, string | null> = { comment: 'Comment', thread: 'Thread', removed: 'EventRemoved', count: 'EventCount', ready: null, reset: null };

export async function openEvents(
  server: TestServer,
  thread: string,
  options: { token?: string; lastEventId?: string; since?: string } = {},
): Promise<SseStream> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  const query = new URLSearchParams({ thread });
  if (options.since !== undefined) query.set('since', options.since);
  const abort = new AbortController();
  const response = await fetch(`${server.base}${API}/events?${query}`, { headers, signal: abort.signal });
  const queue: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  const stream: SseStream & { ended: boolean } = {
    status: response.status,
    headers: response.headers,
    retries: [],
    comments: [],
    ended: false,
    async next(ms = 5000) {
      const deadline = Date.now() + ms;
      while (queue.length === 0) {
        if (stream.ended) throw new Error('the stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event within ${ms} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => (clearTimeout(timer), resolve()));
        });
      }
      return queue.shift()!;
    },
    async until(kind, ms = 5000) {
      const seen: SseEvent[] = [];
      for (;;) {
        const event = await stream.next(ms);
        seen.push(event);
        if (event.event === kind) return seen;
      }
    },
    async quiet(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return queue.splice(0);
    },
    close: () => abort.abort(),
  };
  if (!response.ok || !response.body) return stream;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = { event: '', id: null as string | null, data: [] as string[] };
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
          if (line === '') {
            if (event.data.length > 0 || event.event) {
              const kind = event.event || 'message';
              const data = JSON.parse(event.data.join('\n'));
              const schema = SCHEMAS[kind];
              assert.ok(schema !== undefined, `an event the contract does not name: ${kind}`);
              if (schema) {
                const result = validateSchema(schema, data);
                assert.ok(result.valid, `${kind} event is not a valid ${schema}:\n${result.errors.join('\n')}`);
              }
              queue.push({ event: kind, id: event.id, data });
              waiters.splice(0).forEach((wake) => wake());
            }
            event = { event: '', id: event.id, data: [] };
            continue;
          }
          const colon = line.indexOf(':');
          if (colon === 0) {
            stream.comments.push(line.slice(1).trim());
            continue;
          }
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event.event = value;
          else if (field === 'data') event.data.push(value);
          else if (field === 'id') event.id = value;
          else if (field === 'retry') stream.retries.push(Number(value));
        }
      }
    } catch {
      // aborted by close()
    }
    stream.ended = true;
    waiters.splice(0).forEach((wake) => wake());
  })();
  return stream;
}
