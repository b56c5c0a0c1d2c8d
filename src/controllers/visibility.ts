/**
 * Tells the host when it comes within about one viewport of being seen, so a lazy widget
 * makes no request for readers who never scroll down to the comments.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class VisibilityController implements ReactiveController {
  /** True once the element has come near the viewport (it stays true). */
  near = false;
  #observer: IntersectionObserver | null = null;

  constructor(private readonly host: ReactiveControllerHost & Element, private readonly onNear: () => void) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.near || typeof IntersectionObserver === 'undefined') return this.#markNear();
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.#markNear();
      },
      { rootMargin: '100% 0px' }, // one viewport's height above and below
    );
    this.#observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  #markNear(): void {
    this.hostDisconnected();
    if (this.near) return;
    this.near = true;
    this.onNear();
  }
}
