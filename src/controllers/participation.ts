/**
 * Subscribers-only commenting, the part every reader loads: whether the viewer may post and,
 * for one who may, the posting chunk (`features/posting.ts`: the comment form, drafts, posting,
 * replies), fetched when the thread says so. The thread waits for it (the loading placeholder
 * stays), so the form does not push the comments down when it arrives; if it cannot be
 * fetched, the comments show with an error and a retry. What the area above the comments shows
 * (subscribe prompt, notices, the form or that error) is drawn by the thread view
 * (`features/thread-view.ts`), which reads `canPost`, `ready` and `failed` and calls `fetch`.
 */
import type { ReactiveController } from 'lit';
import { ParleyClient } from '../api/client.js';
import { timedOut, unreachable, type ApiError } from '../api/errors.js';
import type { Posting, PostingState } from '../features/posting.js';
import type { ParleyHost } from '../host.js';
import { kit, lazy } from '../kit.js';

type PostingModule = typeof import('../features/posting.js');

/** Fetches the posting chunk; a test may stand in a slow or failing fetch. @internal */
export const postingLoader = { load: (): Promise<PostingModule> => import('../features/posting.js') };

let make: ReturnType<PostingModule['posting']> | undefined;
const loadPosting = lazy(postingLoader, ({ posting }) => (make = posting(kit)));

/** Starts fetching the posting chunk early (the page gave a token); a failure is met when it is needed. */
export const prefetchPosting = (): void => void loadPosting().catch(() => undefined);

export class ParticipationController implements ReactiveController, PostingState {
  /** A post just failed because of who the reader is or the thread's state: say so as an alert. */
  stateChanged = false;
  /** The posting feature, once its chunk is here. */
  posting: Posting | undefined;
  /** The posting chunk could not be fetched: the area says so, with a retry. */
  failed: ApiError | null = null;
  #fetching = false;
  /** The thread was read again without a token, because the backend kept refusing it. */
  #signedOut = false;

  constructor(private readonly host: ParleyHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { host } = this;
    const { status, error } = host.threadState;
    // A reload (another thread, a sign-in, a sort) starts from what the backend says.
    if (status !== 'ready') this.posting?.reset(), this.stateChanged = false;
    else this.#signedOut = false;
    if (status === 'error' && error?.status === 401 && !this.#signedOut) {
      // The token stays refused even fresh: read as a signed-out reader rather than fail.
      this.#signedOut = true;
      void host.threadState.reload(new ParleyClient({ baseUrl: host.client.url('').href, credentials: host.credentials }));
    }
    if (this.canPost && !this.ready && !this.failed) this.fetch();
  }

  /** The posting feature, once its chunk is here (at once when another element fetched it). */
  get ready(): Posting | undefined {
    return (this.posting ??= make?.(this.host, this));
  }

  /** The viewer may post but the posting chunk is still on its way: the thread waits for it. */
  get waiting(): boolean {
    return this.canPost && !this.ready && !this.failed;
  }

  /** Fetches the posting chunk (again after a failure). */
  fetch(): void {
    if (this.#fetching) return;
    this.#fetching = true;
    // A fetch that hangs (a stalled connection) must not hold the comments back: after the
    // backend's time limit (`request-timeout`) they show with the error; the form still appears
    // if the chunk lands.
    const timer = setTimeout(() => {
      this.failed = timedOut();
      this.host.requestUpdate();
    }, this.host.timeLimit);
    loadPosting().then(
      () => (this.failed = null),
      (error: unknown) => (this.failed = unreachable(error)),
    ).finally(() => {
      clearTimeout(timer);
      this.#fetching = false;
      this.host.requestUpdate();
    });
  }

  /** The thread is open and the viewer an active subscriber. */
  get canPost(): boolean {
    const { thread, viewer } = this.host.threadState;
    return thread?.status === 'open' && viewer?.status === 'active' && viewer.subscriber;
  }

  /** Comments with an open reply form (the host re-renders them). */
  liveIds(): string[] {
    return this.posting?.liveIds() ?? [];
  }
}
