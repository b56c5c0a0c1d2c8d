/**
 * Live updates and links to a comment, from the bundle's side: when the live chunk
 * (`parley-live.js`, `features/live.ts`, which also brings each comment's Copy link) is fetched,
 * and what it is given. Once a thread has loaded (whatever `live` says: with `off` it opens no
 * stream), or before the first load when the page's address names a comment (`#comment-{id}`);
 * a reader who never reaches the comments never downloads it.
 */
import type { ReactiveController } from 'lit';
import type { LiveFeature } from '../features/live.js';
import type { LiveHost } from '../host.js';
import { kit, lazy } from '../kit.js';
import type { ThreadQuery } from './thread.js';

type LiveModule = typeof import('../features/live.js');

/** Fetches the live chunk; a test may stand in a slow or failing fetch. @internal */
export const liveLoader = { load: (): Promise<LiveModule> => import('../features/live.js') };

const loadLive = lazy(liveLoader, ({ liveFeature }) => liveFeature(kit));

export class LiveController implements ReactiveController {
  /** The chunk's part, once here: what the thread view shows of it. */
  feature?: LiveFeature;
  #asked = false;
  /** The comment the page's address named, read once: a later hash change is the page's own. */
  #linkedId = /^#comment-(.+)/.exec(location.hash)?.[1];

  constructor(private readonly host: LiveHost) {
    host.addController(this);
  }

  /** The address names a comment: the thread loads at once, whatever `loading` says. */
  get linking(): boolean {
    return !!this.#linkedId;
  }

  hostUpdated(): void {
    // Also with `live="off"`: the chunk brings Copy link too (it then opens no stream).
    if (this.host.threadState.status === 'ready') void this.#start();
  }

  /**
   * The first page's fetch for a linked comment (its context) until one has answered (a failure
   * is tried again by Try again); undefined otherwise. A chunk that cannot be fetched shows the
   * thread as usual.
   */
  linked(): ThreadQuery['first'] {
    const id = this.#linkedId;
    return id ? (signal) => this.#start().then((live) => live.context(id, signal), () => null)
      .then((page) => ((this.#linkedId = undefined), page)) : undefined;
  }

  #start(): Promise<LiveFeature> {
    if (this.feature) return Promise.resolve(this.feature);
    const loading = loadLive().then((make) => (this.feature ??= make(this.host)));
    if (!this.#asked) {
      this.#asked = true;
      // Failed (offline, another deploy): asked again on the next update.
      loading.then(() => this.host.requestUpdate(), () => (this.#asked = false));
    }
    return loading;
  }
}
