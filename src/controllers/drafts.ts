/**
 * Unsent comments, kept in localStorage per thread and per parent so a reload, a closed tab or
 * a failed post never costs a reader what they wrote. The draft's Idempotency-Key is kept with
 * it: a post whose answer was lost is retried after a reload under the same key, so the
 * backend returns the first comment instead of making a second one.
 */

export interface Draft {
  /** What the reader typed. */
  text: string;
  /** The Idempotency-Key of every post of this draft. */
  key: string;
}

const storageKey = (threadId: string, parentId: string) => `parley-draft:${threadId}#${parentId}`;

/** A fresh Idempotency-Key: random, printable ASCII (works on http pages, unlike randomUUID). */
export const newDraftKey = (): string => [...crypto.getRandomValues(new Uint32Array(4))].map((n) => n.toString(36)).join('-');

/** The saved draft for a thread (and a parent comment, `''` for a top-level comment). */
export function readDraft(threadId: string, parentId: string): Draft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(storageKey(threadId, parentId)) ?? 'null') as Draft | null;
    return typeof draft?.text === 'string' && typeof draft.key === 'string' ? draft : null;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame) or a corrupted entry
  }
}

/** Saves a draft, or forgets it when `draft` is null or empty. */
export function writeDraft(threadId: string, parentId: string, draft: Draft | null): void {
  try {
    const key = storageKey(threadId, parentId);
    if (draft?.text) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    /* storage full or blocked: the draft still lives in the open form */
  }
}
