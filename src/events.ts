/** The element's events, typed, and the one helper that sends them (bubbling, composed). */
import type { Comment, ReportReason, Thread, Viewer } from './api/types.js';

export type ParleyAction = 'load' | 'load-more' | 'replies' | 'post' | 'report' | 'withdraw-report' | 'recommend' | 'edit' | 'delete';

export interface ParleyEventMap {
  'parley-load': CustomEvent<{ thread: Thread; viewer: Viewer | null }>;
  'parley-error': CustomEvent<{ action: ParleyAction; status: number; code: string }>;
  'parley-posted': CustomEvent<{ comment: Comment }>;
  'parley-reported': CustomEvent<{ commentId: string; reason: ReportReason }>;
  'parley-report-withdrawn': CustomEvent<{ commentId: string }>;
  'parley-subscribe': CustomEvent<{ url: string | null }>;
  'parley-sign-in': CustomEvent<{ url: string | null }>;
}

type Detail<K extends keyof ParleyEventMap> = ParleyEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Sends `name` from `target`; returns false when a listener called preventDefault(). */
export function emit<K extends keyof ParleyEventMap>(
  target: EventTarget,
  name: K,
  detail: Detail<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

declare global {
  interface HTMLElementEventMap extends ParleyEventMap {}
}
