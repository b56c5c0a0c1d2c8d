/**
 * `<parley-count thread-id="…" backend-url="…">Comments</parley-count>` — the comment count
 * of one thread, for index and section pages. Separate from the widget and free of Lit so it
 * costs almost nothing; every count on a page comes from one batched request per backend.
 * The element's own text is shown until the count arrives, and stays if it never does.
 */
import { requestCount } from './count/batch.js';
import { countText } from './count/plural.js';

// The count is laid over an invisible "888 comments" so the text around it does not move.
let sheet: CSSStyleSheet | undefined;

// Importable during server rendering (Node has no HTMLElement); it only works in a browser.
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

let observer: IntersectionObserver | undefined;

/**
 * The comment count of one thread.
 *
 * @attr thread-id - The thread whose comments to count (required).
 * @attr backend-url - Base URL of the backend's HTTP API v1 (required).
 * @attr lang - Language of the text; defaults to the nearest `[lang]`, else English.
 * @slot - Fallback text shown until the count arrives, and if it never does.
 * @csspart count - The count text.
 */
export class ParleyCount extends Base {
  static observedAttributes = ['thread-id', 'backend-url', 'lang'];

  private readonly root = this.attachShadow({ mode: 'open' });
  private readonly reserve = document.createElement('span');
  private readonly text = document.createElement('span');
  private request = 0;

  constructor() {
    super();
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(':host{display:inline-grid}span{grid-area:1/1}.reserve{visibility:hidden}');
    }
    this.root.adoptedStyleSheets = [sheet];
    this.reserve.className = 'reserve';
    this.reserve.ariaHidden = 'true';
    this.text.setAttribute('part', 'count');
    this.text.append(document.createElement('slot'));
    this.root.append(this.reserve, this.text);
  }

  connectedCallback(): void {
    this.reserve.textContent = countText(888, this.lang_);
    observer ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer!.unobserve(entry.target);
        void (entry.target as ParleyCount).load();
      }
    }, { rootMargin: '100% 0px' });
    observer.observe(this);
  }

  disconnectedCallback(): void {
    observer?.unobserve(this);
  }

  attributeChangedCallback(): void {
    if (!this.isConnected) return;
    this.request++; // an answer for the old thread is dropped
    this.text.replaceChildren(document.createElement('slot'));
    this.disconnectedCallback();
    this.connectedCallback();
  }

  private get lang_(): string {
    return (this.closest('[lang]') as HTMLElement | null)?.lang || 'en';
  }

  private async load(): Promise<void> {
    const backend = this.getAttribute('backend-url');
    const thread = this.getAttribute('thread-id');
    if (!backend || !thread) return;
    const request = ++this.request;
    const count = await requestCount(backend, thread);
    if (count !== null && request === this.request) this.text.textContent = countText(count, this.lang_);
  }
}

if (globalThis.customElements && !customElements.get('parley-count')) customElements.define('parley-count', ParleyCount);

declare global {
  interface HTMLElementTagNameMap {
    'parley-count': ParleyCount;
  }
}
