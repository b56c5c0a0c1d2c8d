import { adoptStyles, html, LitElement, nothing, type CSSResultGroup, type CSSResultOrNative, type PropertyValues, type TemplateResult } from 'lit';
import { DEFAULT_TIMEOUT_MS, ParleyClient, type AuthTokenProvider } from './api/client.js';
import { timedOut, unreachable, type ApiError } from './api/errors.js';
import { isSortOrder, SORTS, type SortOrder, type Thread, type Viewer } from './api/types.js';
import { ChunkController } from './controllers/chunks.js';
import { LiveController } from './controllers/live.js';
import { ParticipationController, prefetchPosting } from './controllers/participation.js';
import { ThreadController } from './controllers/thread.js';
import { VisibilityController } from './controllers/visibility.js';
import { emit, type ParleyAction } from './events.js';
import type { ThreadView } from './features/thread-view.js';
import type { LiveHost } from './host.js';
import { describeError } from './format/errors.js';
import { en, englishAdded, type CoreStrings, type ParleyStrings } from './i18n/en.js';
import { baseLanguage, isRightToLeft, loadStrings, shippedLanguage } from './i18n/locales.js';
import { kit, lazy } from './kit.js';
import { mark } from './marks.js';
import { clampPageSize, pageUrl, skeleton } from './page.js';
import { styles } from './parley-comments.styles.js';

type ViewModule = typeof import('./features/thread-view.js');

/**
 * Fetches the thread view's chunk (`parley-thread-view.js`: what shows the comments once they
 * have loaded), alongside the thread's first request. A test may stand in a slow or failing fetch. @internal
 */
export const viewLoader = { load: (): Promise<ViewModule> => import('./features/thread-view.js') };

const loadView = lazy(viewLoader, ({ threadView }) => (mark('view-evaluated'), threadView(kit)));

/** How long the widget waits, showing nothing, for the page's language before it shows English. */
const LANGUAGE_WAIT_MS = 3000;

/** The properties whose change means a different list of comments. */
const RELOAD_ON = ['backendUrl', 'threadId', 'sort', 'pageSize'] as const;

/**
 * A comment section for one article: reads the thread from a backend speaking Parley HTTP
 * API v1, invites non-subscribers to subscribe, and lets subscribers post, reply and report.
 *
 * @fires parley-load - A thread page rendered; detail `{thread, viewer}`.
 * @fires parley-error - A request failed; detail `{action, status, code}`.
 * @fires parley-posted - A comment or reply was accepted; detail `{comment}`.
 * @fires parley-reported - A report was accepted; detail `{commentId, reason}`.
 * @fires parley-report-withdrawn - A report was withdrawn; detail `{commentId}`.
 * @fires parley-subscribe - The reader chose Subscribe; cancelable to keep the page from navigating.
 * @fires parley-sign-in - The reader chose Sign in or tried to act signed out; cancelable.
 *
 * @attr lang - UI language and date formatting; defaults to the nearest `[lang]`, else English.
 *
 * @slot subscribe-prompt - Replaces the text of the subscriber prompt (the links stay).
 * @slot rules - Replaces the default rules blurb.
 *
 * @csspart header - The section header: heading, count, rules link and sort control.
 * @csspart count - The comment count.
 * @csspart sort - The sort control.
 * @csspart rules-link - The link to the community rules.
 * @csspart comment - Each comment's root element, carrying `data-comment-id`.
 * @csspart comment-author - A comment's author name.
 * @csspart comment-time - A comment's time.
 * @csspart comment-link - The link around a comment's time: the article's URL with `#comment-{id}`.
 * @csspart copy-link - A comment's "Copy link" button.
 * @csspart featured - The "Featured comments" strip above the thread.
 * @csspart featured-comment - One comment in the Featured strip.
 * @csspart featured-link - The link from a featured comment to it in the thread.
 * @csspart edit-form - The form that edits the reader's own comment in place.
 * @csspart edit-input - Its text area.
 * @csspart edit-save - Its Save button.
 * @csspart edit-cancel - Its Cancel button.
 * @csspart delete-confirm - The question asked before the reader's own comment is deleted.
 * @csspart delete-confirm-button - Its Delete button.
 * @csspart delete-cancel - Its Cancel button.
 * @csspart new-comments - "Show N new comments" (live), or "Show new comments" when the stream could not catch up.
 * @csspart new-replies - "Show N new replies" at the end of a conversation (live).
 * @csspart show-all - Leaves a linked comment's view for the whole thread.
 * @csspart comment-body - A comment's text.
 * @csspart badge - An author badge.
 * @csspart replies-more - The button that loads more replies of a conversation.
 * @csspart load-more - The button that loads more comments.
 * @csspart subscribe-prompt - The prompt inviting readers who may not comment to subscribe.
 * @csspart subscribe-link - The prompt's Subscribe link.
 * @csspart sign-in-link - The prompt's Sign in link (signed-out readers).
 * @csspart composer - The form for a new comment or an inline reply.
 * @csspart composer-input - The composer's text field.
 * @csspart composer-submit - The composer's Post button.
 * @csspart reply-button - The Reply button under a comment.
 * @csspart notice - Closed thread, banned, suspended, pending and unavailable notices.
 * @csspart error - An error message.
 * @csspart retry - The button that retries what failed.
 * @csspart report-button - A comment's "Report this comment" button (marked once reported).
 * @csspart report-form - The report form, whose reasons are radio inputs valued with the API's reason codes.
 * @csspart report-submit - The report form's Report button.
 * @csspart report-cancel - The report form's Cancel button.
 * @csspart report-status - The confirmation after reporting, with the button that withdraws the report.
 *
 * @cssprop [--parley-font=inherit] - Font family.
 * @cssprop [--parley-font-size=1rem] - Base font size.
 * @cssprop [--parley-line-height=1.5] - Line height.
 * @cssprop [--parley-heading-font=inherit] - Font family of the "Comments" heading.
 * @cssprop [--parley-heading-size=1.25rem] - Font size of the "Comments" heading.
 * @cssprop [--parley-color=#1b1b1b] - Text colour (dark theme `#ececec`).
 * @cssprop [--parley-muted-color=#575757] - Secondary text: times, counts, hints (dark `#b4b4b4`).
 * @cssprop [--parley-accent=#0b57d0] - Links, primary buttons, focus (dark `#8ab4f8`).
 * @cssprop [--parley-accent-contrast=#ffffff] - Text on the accent colour (dark `#0b1a33`).
 * @cssprop [--parley-background=transparent] - The element's background (dark `#161616`).
 * @cssprop [--parley-surface=#ffffff] - Background of buttons and text inputs (dark `#161616`).
 * @cssprop [--parley-surface-alt=#f3f4f6] - Background of badges, notices, errors, the report form and the loading placeholder (dark `#242424`).
 * @cssprop [--parley-border-color=#80868f] - Borders of inputs and buttons (dark `#737373`); keep 3:1 against the surfaces.
 * @cssprop [--parley-rule-color=#e2e4e8] - Lines between comments (dark `#333333`).
 * @cssprop [--parley-danger=#b3261e] - Errors (dark `#f2b8b5`).
 * @cssprop [--parley-focus-color] - Focus ring; defaults to the accent.
 * @cssprop [--parley-radius=6px] - Corner radius.
 * @cssprop [--parley-spacing=1rem] - The base spacing unit.
 * @cssprop [--parley-loading-height=18rem] - Height reserved while the thread loads, so the page below does not move.
 */
export class ParleyComments extends LitElement implements LiveHost {
  static override styles: CSSResultGroup = styles;

  // Declared without decorators: the decorator helpers cost readers bytes on every page.
  static override properties = {
    backendUrl: { attribute: 'backend-url' },
    threadId: { attribute: 'thread-id' },
    threadUrl: { attribute: 'thread-url' },
    threadTitle: { attribute: 'thread-title' },
    subscribeUrl: { attribute: 'subscribe-url' },
    signInUrl: { attribute: 'sign-in-url' },
    rulesUrl: { attribute: 'rules-url' },
    sort: {},
    pageSize: { attribute: 'page-size', type: Number },
    loading: {},
    credentials: {},
    requestTimeout: { attribute: 'request-timeout', type: Number },
    theme: { reflect: true },
    live: {},
    getAuthToken: { attribute: false },
    strings: { attribute: false },
    announcement: { state: true },
    localeStrings: { state: true },
  };

  /** Base URL of the backend's HTTP API v1, e.g. `https://comments.example.com/api/v1`. */
  backendUrl = '';

  /** Which thread to show; defaults to the page's canonical URL, else origin + path. */
  threadId = '';

  /** The article's URL, sent with a first post so a backend can create the thread. */
  threadUrl = '';

  /** The article's title, sent with a first post; defaults to `document.title`. */
  threadTitle = '';

  /** Where the Subscribe call to action leads. */
  subscribeUrl = '';

  /** Where Sign in leads. */
  signInUrl = '';

  /** The community rules page ("Comments: Our rules"). */
  rulesUrl = '';

  /** `newest` or `oldest` first; the visible sort control changes it too. */
  sort: SortOrder = 'newest';

  /** Top-level comments per request, 1–100. */
  pageSize = 20;

  /** `lazy`: no request until the element is about one viewport away; `eager`: at once. */
  loading: 'lazy' | 'eager' = 'lazy';

  /** Fetch credentials mode: `include`, `same-origin` or `omit`. */
  credentials: RequestCredentials = 'include';

  /** Milliseconds to wait for the backend before showing an error with a retry. */
  requestTimeout = DEFAULT_TIMEOUT_MS;

  /** `light`, `dark`, or `auto` to follow the reader's colour-scheme preference. */
  theme: 'light' | 'dark' | 'auto' = 'light';

  /** `on`: new comments, removals and closing show while the reader reads; `off`: not until a reload. */
  live: 'on' | 'off' = 'on';

  /** Called before each request; a token is sent as `Authorization: Bearer`. */
  getAuthToken?: AuthTokenProvider;

  /** Overrides any UI text; see `ParleyStrings` for every key. */
  strings?: Partial<ParleyStrings>;

  private announcement = '';

  /** The language whose strings are loaded, and those strings. */
  private localeStrings: [string, ParleyStrings] = ['en', en];
  #language?: { locale: string; text: ParleyStrings };

  /** A page has fully rendered: parley-load (and for load-more, the announcement) is due. */
  #loaded: { thread: Thread; viewer: Viewer | null } | null = null;

  /** The loaded thread; read by the feature controllers. @internal */
  readonly threadState = new ThreadController(this, {
    // A new first page: whatever the last one left to announce is stale.
    loading: () => ((this.#loaded = null), this.#fetchView()),
    loaded: (thread, viewer) => void (this.#loaded = { thread, viewer }),
    failed: (action, error) => this.reportError(action, error),
  });

  readonly #visibility = new VisibilityController(this, () => this.requestUpdate());
  /** How much of the thread is on screen: a page arrives in chunks. */
  readonly #chunks = new ChunkController(this, () => this.#held);
  /** Whether the viewer may post, and the comment form's chunk. @internal */
  readonly participation = new ParticipationController(this);
  /** Live updates and the linked comment. @internal */
  readonly liveState: LiveController = new LiveController(this);

  /** What shows the loaded thread, once its chunk is here; why it could not be fetched, if so. */
  #view: ThreadView | undefined;
  #viewFailed: ApiError | null = null;
  /** The chunk is on its way; the time limit on waiting for it; the last failure told to the page. */
  #viewPending = false;
  #viewWait: ReturnType<typeof setTimeout> | undefined;
  #viewReported: ApiError | null = null;

  /** Reloads the thread from the first page. */
  refresh(): Promise<void> {
    return this.#load();
  }

  /** Milliseconds to wait for an answer or a chunk: `request-timeout`, or the default for 0 or less. @internal */
  get timeLimit(): number {
    return this.requestTimeout > 0 ? this.requestTimeout : DEFAULT_TIMEOUT_MS;
  }

  /** Top-level comments per page: `page-size`, clamped to 1–100. @internal */
  get pageLength(): number {
    return clampPageSize(this.pageSize);
  }

  /** The thread id in use: the attribute, else the canonical URL, else origin + path. */
  get resolvedThreadId(): string {
    return this.threadId || pageUrl();
  }

  /** The language the UI speaks: the element's `lang`, else the nearest `[lang]`, else English. */
  get locale(): string {
    return (this.#language ??= this.#resolveLanguage()).locale;
  }

  /** The article URL sent with a first post: the attribute, else the canonical URL. */
  get resolvedThreadUrl(): string {
    return this.threadUrl || pageUrl();
  }

  /** The article title sent with a first post: the attribute, else the document's title. */
  get resolvedThreadTitle(): string {
    return this.threadTitle || document.title;
  }

  /** The UI strings in use: the language's, with `strings` over them. @internal */
  get text(): CoreStrings {
    return (this.#language ??= this.#resolveLanguage()).text;
  }

  /** Worked out once per update: every comment asks for the text and the language. */
  #resolveLanguage(): { locale: string; text: ParleyStrings } {
    const locale = shippedLanguage((this.closest('[lang]') as HTMLElement | null)?.lang || 'en');
    // The last language that arrived: a language change swaps the text in place when the new one lands.
    const base = this.localeStrings[1];
    const strings = this.strings, merged = this.#merged;
    // The same merged object while neither side changes: every comment's cache keys on it. A
    // chunk arriving adds its English to `en` in place (`addEnglish`), which also makes it stale.
    const grown = englishAdded();
    if (strings && (merged?.[0] !== base || merged[1] !== strings || merged[3] !== grown)) {
      this.#merged = [base, strings, { ...base, ...strings }, grown];
    }
    return { locale, text: strings ? this.#merged![2] : base };
  }

  #merged?: [ParleyStrings, Partial<ParleyStrings>, ParleyStrings, number];

  /** An API client for the current backend settings. @internal */
  get client(): ParleyClient {
    return new ParleyClient({
      baseUrl: this.backendUrl,
      credentials: this.credentials,
      timeoutMs: this.timeLimit,
      getAuthToken: async () => {
        const token = await this.getAuthToken?.();
        // Signed in: most likely a subscriber, so fetch the comment form alongside the thread.
        if (token) prefetchPosting();
        return token;
      },
    });
  }

  get #started(): boolean {
    return this.loading === 'eager' || this.#visibility.near || this.liveState.linking;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#language = this.#resolveLanguage();
    const language = baseLanguage(this.locale);
    if (language !== this.localeStrings[0] && language !== this.#asked) {
      this.#asked = language;
      void loadStrings(language).then((strings) => {
        if (this.#asked === language) clearTimeout(this.#languageWait);
        if (baseLanguage(this.locale) === language) this.localeStrings = [language, strings];
        else if (this.#asked === language) this.#asked = ''; // the page moved on: ask again if it comes back
      });
      // A language file that hangs must not hide the comments: after a moment they show in the
      // text at hand (English), and change language when the file lands.
      clearTimeout(this.#languageWait);
      this.#languageWait = setTimeout(() => ((this.#spoken = true), this.requestUpdate()), LANGUAGE_WAIT_MS);
    }
    if (!this.#started || !this.isConnected) return;
    if (this.threadState.status === 'idle' || RELOAD_ON.some((key) => changed.has(key) && changed.get(key) !== undefined)) {
      void this.#load();
    }
  }

  #load(): Promise<void> {
    if (!this.backendUrl) {
      console.warn('<parley-comments>: no backend-url');
      return Promise.resolve();
    }
    // The thread view's chunk is asked for alongside (`loading` above).
    return this.threadState.load({
      client: this.client,
      threadId: this.resolvedThreadId,
      sort: isSortOrder(this.sort) ? this.sort : 'newest',
      pageSize: this.pageLength,
      first: this.liveState.linked(),
    });
  }

  /**
   * Fetches the thread view alongside each load of the thread's first page (at once when another
   * element fetched it). A chunk that cannot be fetched, or takes longer than the backend may
   * (`request-timeout`), is a failure to load the comments like any other: an error, Try again,
   * and `parley-error` once it shows. The next load (Try again, back online) asks again; a
   * fetch still on its way after a time-out is waited for again, and shows the comments whenever
   * it lands.
   */
  #fetchView(): void {
    if (this.#view) return;
    if (this.#viewFailed || !this.#viewWait) {
      // A new attempt, or a wait cut short when the element left the page.
      this.#viewFailed = null;
      clearTimeout(this.#viewWait);
      this.#viewWait = setTimeout(() => this.#failView(timedOut()), this.timeLimit);
    }
    if (this.#viewPending) return;
    this.#viewPending = true;
    mark('view-requested');
    loadView().then((make) => {
      this.#view ??= make(this);
    }).catch((error: unknown) => this.#failView(unreachable(error))).finally(() => {
      this.#viewPending = false;
      this.#stopViewWait();
      this.requestUpdate();
    });
  }

  #failView(error: ApiError): void {
    this.#stopViewWait();
    this.#viewFailed ??= error; // a fetch failing after its time-out is the same failure
    this.requestUpdate();
  }

  #stopViewWait(): void {
    clearTimeout(this.#viewWait);
    this.#viewWait = undefined;
  }

  /** The thread is here but its view could not be: the error shown instead. */
  get #viewError(): ApiError | null {
    return this.threadState.status === 'ready' && !this.#view ? this.#viewFailed : null;
  }

  /** The page's `lang` may change (a single-page site switching language): the element follows. */
  readonly #langWatch = new MutationObserver(() => this.requestUpdate());

  override connectedCallback(): void {
    super.connectedCallback();
    // The page's and the element's own (which the first misses when the element is in a shadow root).
    for (const node of [document.documentElement, this]) this.#langWatch.observe(node, { attributeFilter: ['lang'], subtree: true });
    // Back in a page with the thread view still on its way: the time limit starts again.
    if (this.#viewPending && !this.#viewFailed) this.#fetchView();
    addEventListener('online', this.#onOnline);
  }

  /** Back online with only the thread view missing (the thread itself retries on its own). */
  #onOnline = (): void => {
    if (this.#viewError) void this.#load();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langWatch.disconnect();
    removeEventListener('online', this.#onOnline);
    // Back in a page, it asks again (and waits again) for the language it finds there.
    clearTimeout(this.#languageWait);
    this.#asked = '';
    this.#stopViewWait();
  }

  protected override updated(): void {
    const viewError = this.#viewError;
    if (viewError && viewError !== this.#viewReported) this.reportError('load', (this.#viewReported = viewError));
    const loaded = this.#loaded;
    if (!loaded || this.#held || this.#chunks.shown < this.threadState.comments.length) return;
    mark('last-comment');
    this.#loaded = null;
    emit(this, 'parley-load', { thread: loaded.thread, viewer: loaded.viewer });
  }

  /** Sends `parley-error` for a failed `action`. @internal */
  reportError(action: ParleyAction, error: ApiError): void {
    emit(this, 'parley-error', { action, status: error.status, code: error.code });
  }

  /** Sends the cancelable `parley-sign-in` or `parley-subscribe`; false when a listener cancelled it. @internal */
  requestNavigation(kind: 'sign-in' | 'subscribe'): boolean {
    const url = (kind === 'sign-in' ? this.signInUrl : this.subscribeUrl) || null;
    return emit(this, kind === 'sign-in' ? 'parley-sign-in' : 'parley-subscribe', { url }, { cancelable: true });
  }

  /** Adds a feature chunk's styles to the shadow root, once each. @internal */
  addStyles(sheet: CSSResultOrNative): void {
    if (this.#added.includes(sheet)) return;
    this.#added.push(sheet);
    // All at once (Lit adds a <style> per sheet where adoptedStyleSheets is missing).
    adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof ParleyComments).elementStyles, ...this.#added]);
  }

  #added: CSSResultOrNative[] = [];

  /** Says `message` through the polite live region (results, never errors). @internal */
  announce(message: string): void {
    this.announcement = this.announcement === message ? `${message}\u00a0` : message;
  }

  /**
   * The page's language is still on its way and nothing has been shown yet: the widget keeps
   * its space but shows no English meanwhile (`visibility: hidden`).
   */
  get #translating(): boolean {
    return !this.#spoken && baseLanguage(this.locale) !== this.localeStrings[0];
  }

  /** Text has been shown: from now on a language change swaps it in place. */
  #spoken = false;
  /** The language whose file was last asked for, and the wait for it. */
  #asked = '';
  #languageWait: ReturnType<typeof setTimeout> | undefined;

  /** The thread waits for its view, the language's text or, for a viewer who may post, the comment form. */
  get #held(): boolean {
    return !this.#view || this.#translating || this.participation.waiting;
  }

  protected override render(): TemplateResult {
    const { text } = this;
    const { status, thread } = this.threadState;
    const translating = this.#translating, held = this.#held, view = this.#view, viewError = this.#viewError;
    this.#spoken ||= !translating;
    return html`<section aria-labelledby="heading" dir=${isRightToLeft(this.locale) ? 'rtl' : nothing}
      class=${translating ? 'translating' : nothing}>
      <header part="header">
        <h2 id="heading" tabindex="-1">${text.heading}</h2>
        ${thread ? html`<span part="count">${text.count(thread.commentCount)}</span>` : nothing}
        ${this.rulesUrl ? html`<a part="rules-link" href=${this.rulesUrl}>${text.rulesLink}</a>` : nothing}
        <label class="sort">
          ${text.sortLabel}
          <select part="sort" @change=${this.#onSortChange} .value=${this.sort}>
            ${SORTS.map(([value, label]) => html`<option value=${value}>${text[label]}</option>`)}
          </select>
        </label>
      </header>
      <div class="rules"><slot name="rules">${text.rulesBlurb}</slot></div>
      ${view ? view.area() : nothing}
      ${status === 'idle' || status === 'loading' || (status === 'ready' && held && !viewError) ? skeleton(this.text.loading) : nothing}
      ${status === 'error' || viewError
        ? this.renderError(text.loadFailed, viewError ?? this.threadState.error, this.#onRetry) : nothing}
      ${status === 'unavailable' ? html`<p part="notice" class="notice">${text.unavailable}</p>` : nothing}
      ${status === 'ready' && !held ? view!.thread(this.#chunks.shown) : (view?.clear(), nothing)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  /** An error message with its retry. @internal */
  renderError(summary: string, error: ApiError | null, retry?: () => void): TemplateResult {
    return html`<div part="error" class="error" role="alert">
      <p><strong>${summary}</strong> ${error ? describeError(error, this.text) : nothing}</p>
      ${retry ? html`<button part="retry" type="button" @click=${retry}>${this.text.retry}</button>` : nothing}
    </div>`;
  }

  #onSortChange(event: Event): void {
    const { value } = event.target as HTMLSelectElement;
    if (isSortOrder(value)) this.sort = value;
  }

  #onRetry = (): void => {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    void this.#load();
  };
}
