/**
 * How much of the loaded thread is on screen: a page of comments arrives a chunk of top-level
 * conversations at a time, so no task holds the main thread for a whole page on a slow device,
 * and as few tasks as fit on a fast one. The first chunk is `FIRST_CHUNK`; each later one is
 * sized from what the last cost per comment. While the next still fits in the task's budget it
 * follows at once (a microtask): a page that fits shows without a timer and a frame between
 * its chunks. Otherwise it waits for the next task (a timer, not a frame: input and paint go
 * first without waiting ~16 ms per chunk).
 */
import type { ReactiveController } from 'lit';
import type { ParleyHost } from '../host.js';
import { mark } from '../marks.js';

/** Top-level comments in the first chunk of a page, before anything is known of the device. */
const FIRST_CHUNK = 25;
/**
 * Milliseconds of rendering per task for a chunk that waits for its task: a fast device renders
 * a page of 100 in one or two tasks, a slow one in more, and no task comes near 50 ms.
 */
const CHUNK_BUDGET_MS = 20;
/** Milliseconds of rendering one task may hold before the next chunk waits for a task of its own. */
const TASK_BUDGET_MS = 25;

export class ChunkController implements ReactiveController {
  /** Top-level comments on screen. */
  shown = 0;
  /** How many of them the viewer posted, as of the last update. */
  #prepended = 0;
  #chunk = FIRST_CHUNK;
  /** When the update now rendering began, and from which comment. */
  #start: { at: number; from: number } | null = null;
  /** When the current task began rendering chunks (0: none is). */
  #taskStart = 0;
  #timer: ReturnType<typeof setTimeout> | 0 = 0;

  /** `held`: the thread is loaded but waits (for its view, its language, the comment form). */
  constructor(private readonly host: ParleyHost, private readonly held: () => boolean) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { status, comments, prepended } = this.host.threadState;
    if (status !== 'ready' || this.held()) {
      this.shown = this.#prepended = this.#taskStart = 0;
      return;
    }
    // Comments the viewer posted go on top: everything shown so far stays shown.
    this.shown = Math.min(this.shown + prepended - this.#prepended, comments.length);
    this.#prepended = prepended;
    if (this.#timer || this.shown === comments.length) return;
    const at = performance.now();
    this.#taskStart ||= at;
    this.#start = { at, from: this.shown };
    this.shown = Math.min(comments.length, this.shown + this.#chunk);
    if (this.shown < comments.length) this.#timer = setTimeout(() => ((this.#timer = 0), this.host.requestUpdate()));
  }

  hostUpdated(): void {
    const start = this.#start;
    if (!start) return;
    if (!start.from) mark('first-comment');
    this.#start = null;
    // The next chunk from what this one cost (first-use costs included, so on the safe side).
    const now = performance.now();
    const perComment = (now - start.at) / Math.max(1, this.shown - start.from);
    const fits = Math.floor((TASK_BUDGET_MS - now + this.#taskStart) / perComment);
    const left = this.host.threadState.comments.length - this.shown;
    if (this.#timer && fits >= Math.min(left, 5)) {
      // Room in this task: the next chunk now. All the rest if it is within a quarter of what
      // fits (no lone last chunk after a frame).
      this.hostDisconnected();
      this.#chunk = left <= fits * 1.25 ? left : fits;
      queueMicrotask(() => this.host.requestUpdate());
    } else {
      this.#chunk = Math.max(5, Math.min(100, Math.floor(CHUNK_BUDGET_MS / perComment)));
      this.#taskStart = 0;
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = 0;
  }
}
