// The listeners of a store's change feed (Store.watch), shared by both stores.
import type { ChangeListener } from './store.js';

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  get size(): number {
    return this.listeners.size;
  }

  add(listener: ChangeListener, onFirst?: () => void, onLast?: () => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) onFirst?.();
    return () => {
      if (this.listeners.delete(listener) && this.listeners.size === 0) onLast?.();
    };
  }

  emit(threadId: string | null): void {
    // One listener's failure must not keep the news from the others.
    for (const listener of this.listeners) {
      try {
        listener(threadId);
      } catch {
        // listeners own their errors
      }
    }
  }
}
