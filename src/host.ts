/**
 * What the element offers the feature controllers (posting, replying, reporting): its text,
 * locale, client, the loaded thread, the live region and its events. Controllers depend on
 * this interface, not on the element class, so each feature lives in its own files.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ParleyClient } from './api/client.js';
import type { ApiError } from './api/errors.js';
import type { ThreadController } from './controllers/thread.js';
import type { ParleyAction } from './events.js';
import type { ParleyStrings } from './i18n/en.js';

export interface ParleyHost extends ReactiveControllerHost, HTMLElement {
  readonly text: ParleyStrings;
  readonly locale: string;
  readonly client: ParleyClient;
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
