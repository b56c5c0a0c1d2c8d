/**
 * Collects the thread ids that `<parley-count>` elements ask for during one task and fetches
 * them with as few `GET /counts` requests as the API allows (50 ids each), one set per backend.
 */
const MAX_IDS = 50;

type Pending = Map<string, ((count: number | null) => void)[]>;

const queues = new Map<string, Pending>();
const cache = new Map<string, number>();

/** The comment count of `threadId` on `backendUrl`, or null when the backend could not say. */
export function requestCount(backendUrl: string, threadId: string): Promise<number | null> {
  const known = cache.get(`${backendUrl}\n${threadId}`);
  if (known !== undefined) return Promise.resolve(known);
  return new Promise((resolve) => {
    let queue = queues.get(backendUrl);
    if (!queue) {
      queues.set(backendUrl, (queue = new Map() as Pending));
      setTimeout(() => flush(backendUrl), 0);
    }
    queue.set(threadId, [...(queue.get(threadId) ?? []), resolve]);
  });
}

function flush(backendUrl: string): void {
  const queue = queues.get(backendUrl)!;
  queues.delete(backendUrl);
  const ids = [...queue.keys()];
  for (let i = 0; i < ids.length; i += MAX_IDS) void fetchCounts(backendUrl, ids.slice(i, i + MAX_IDS), queue);
}

async function fetchCounts(backendUrl: string, ids: string[], queue: Pending): Promise<void> {
  let counts: Record<string, unknown> = {};
  try {
    const url = new URL('counts', new URL(backendUrl.replace(/\/?$/, '/'), document.baseURI));
    for (const id of ids) url.searchParams.append('thread', id);
    // Counts are public: no credentials, so a CDN may cache them for every reader.
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
    const body: unknown = response.ok ? await response.json() : null;
    const found = typeof body === 'object' && body !== null ? (body as { counts?: unknown }).counts : null;
    if (typeof found === 'object' && found !== null) counts = found as Record<string, unknown>;
  } catch {
    // A count is decoration: on any failure the element keeps its fallback text.
  }
  for (const id of ids) {
    const value = counts[id];
    const count = Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : null;
    if (count !== null) cache.set(`${backendUrl}\n${id}`, count);
    for (const resolve of queue.get(id)!) resolve(count);
  }
}
