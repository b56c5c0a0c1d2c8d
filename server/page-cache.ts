// Signed-out answers (a thread's page, the counts) kept in memory for a few seconds, and dropped
// the moment the store's change feed says their thread changed — on this instance or any other.
// Signed-out readers are most readers and all ask for the same first page; with this, a burst
// on one article costs the database one query set per change, not one per reader.
//
// Correctness rests on two rules. An answer loaded while its thread changed is not kept (each
// thread has a generation, read before the load and checked after it). And while the feed
// cannot vouch for what it tells (PostgreSQL's LISTEN connection lost), nothing is kept or served.
import type { Store } from './store.js';

export interface PageCacheOptions {
  /** The most an answer is served from memory, feed or no feed. */
  ttlMs: number;
  maxEntries: number;
  clock: () => number;
}

interface Entry<T> {
  value: T;
  threadIds: readonly string[];
  expires: number;
}

/** Past this many threads with a generation, all are forgotten at once (and every entry with them). */
const MAX_GENERATIONS = 10_000;

export class PageCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly keysByThread = new Map<string, Set<string>>();
  private readonly generations = new Map<string, number>();
  private epoch = 0;

  constructor(private readonly store: Store, private readonly options: PageCacheOptions) {
    store.watch((threadId) => (threadId === null ? this.clear() : this.invalidate(threadId)));
  }

  get size(): number {
    return this.entries.size;
  }

  /** The answer for `key` (which depends on `threadIds`) from memory, or from `load` and then kept. */
  async get(key: string, threadIds: readonly string[], load: () => Promise<T>): Promise<T> {
    if (!this.store.watching) return load();
    const now = this.options.clock();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (hit) this.delete(key);
    const stamp = this.stamp(threadIds);
    const value = await load();
    if (this.store.watching && this.stamp(threadIds) === stamp) this.keep(key, threadIds, value, now);
    return value;
  }

  private stamp(threadIds: readonly string[]): string {
    return `${this.epoch}:${threadIds.map((id) => this.generations.get(id) ?? 0).join(',')}`;
  }

  private keep(key: string, threadIds: readonly string[], value: T, now: number): void {
    if (this.entries.size >= this.options.maxEntries) {
      // The oldest kept goes first (a Map iterates in insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    this.entries.set(key, { value, threadIds, expires: now + this.options.ttlMs });
    for (const id of threadIds) {
      let keys = this.keysByThread.get(id);
      if (!keys) this.keysByThread.set(id, (keys = new Set()));
      keys.add(key);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const id of entry.threadIds) {
      const keys = this.keysByThread.get(id);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByThread.delete(id);
    }
  }

  private invalidate(threadId: string): void {
    if (this.generations.size >= MAX_GENERATIONS) {
      this.clear();
      return;
    }
    this.generations.set(threadId, (this.generations.get(threadId) ?? 0) + 1);
    for (const key of [...(this.keysByThread.get(threadId) ?? [])]) this.delete(key);
  }

  private clear(): void {
    this.epoch += 1;
    this.generations.clear();
    this.entries.clear();
    this.keysByThread.clear();
  }
}
