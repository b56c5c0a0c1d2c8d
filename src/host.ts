/**
 * What the element offers the feature controllers (posting, replying, reporting): its text,
 * locale, client, the loaded thread, the live region and its events. Controllers depend on
 * this interface, not on the element class, so each feature lives in its own files.
 */
import type { CSSResultOrNative, ReactiveControllerHost, TemplateResult } from 'lit';
import type { AuthTokenProvider, ParleyClient } from './api/client.js';
import type { ApiError } from './api/errors.js';
import type { LiveController } from './controllers/live.js';
import type { ParticipationController } from './controllers/participation.js';
import type { ThreadController } from './controllers/thread.js';
import type { ParleyAction } from './events.js';
import type { CoreStrings } from './i18n/en.js';

export interface ParleyHost extends ReactiveControllerHost, HTMLElement {
  /** The UI text in use. A feature chunk, having added its English, reads it as `ParleyStrings`. */
  readonly text: CoreStrings;
  readonly locale: string;
  readonly client: ParleyClient;
  /** Milliseconds to wait for an answer or a chunk: `request-timeout`, or the default for 0 or less. */
  readonly timeLimit: number;
  /** The fetch credentials mode (cookies). */
  readonly credentials: RequestCredentials;
  /** The loaded thread, its viewer and comments. */
  readonly threadState: ThreadController;
  readonly resolvedThreadId: string;
  /** The article URL and title sent with a first post. */
  readonly resolvedThreadUrl: string;
  readonly resolvedThreadTitle: string;
  readonly subscribeUrl: string;
  readonly signInUrl: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Adds a feature chunk's styles to the element's shadow root (once each). */
  addStyles(sheet: CSSResultOrNative): void;
  /** An error message with its retry button (none without `retry`). */
  renderError(summary: string, error: ApiError | null, retry?: () => void): TemplateResult;
  /** Says a result through the polite live region. */
  announce(message: string): void;
  /** Sends `parley-error` for a failed request. */
  reportError(action: ParleyAction, error: ApiError): void;
  /**
   * Sends the cancelable `parley-sign-in` / `parley-subscribe` event. Returns true when no
   * listener prevented it, i.e. the widget should go on (follow the link, show a link…).
   */
  requestNavigation(kind: 'sign-in' | 'subscribe'): boolean;
}

/** What the thread view (its own chunk) needs of the element besides. */
export interface ViewHost extends ParleyHost {
  /** Whether the viewer may post, and the posting feature once its chunk is here. */
  readonly participation: ParticipationController;
  /** Top-level comments per page: `page-size`, clamped to 1–100. */
  readonly pageLength: number;
  /** Live updates and the linked comment, once their chunk is here. */
  readonly liveState: LiveController;
}

/** What the live chunk needs of the element besides. */
export interface LiveHost extends ViewHost {
  /** `on` (default) or `off`. */
  readonly live: string;
  readonly getAuthToken?: AuthTokenProvider | undefined;
  /** Reloads the thread from its first page. */
  refresh(): Promise<void>;
}
