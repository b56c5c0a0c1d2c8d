/**
 * "Report this comment" as the thread shows it: the Report button under each comment (marked
 * once reported) and what the viewer has reported here, seeded from each comment's
 * `viewerReported`; the thread's data is never changed. Part of the thread view's chunk, so it
 * takes Lit and the helpers from the bundle (`Kit`). The panel the button opens (form,
 * confirmation with Undo, notices) is the report chunk, `features/report.ts`, fetched when a
 * reader heads for a Report button and awaited by the click.
 */
import type { nothing as litNothing, ReactiveController, TemplateResult } from 'lit';
import type { Comment } from '../api/types.js';
import type { ReportPanels } from '../features/report.js';
import type { ParleyHost } from '../host.js';
import type { ViewText } from '../components/comment.js';
import type { Kit } from '../kit.js';

const BUTTON = '[part~="report-button"]';
const EVENTS = ['click', 'pointerover', 'focusin'];

export class ReportController implements ReactiveController {
  /** Reports sent or withdrawn here, by comment id; overrides `viewerReported`. */
  readonly reported = new Map<string, boolean>();
  #panels: ReportPanels | undefined;
  /** The comment under which the report chunk could not be fetched: a notice says so. */
  #failed: string | undefined;
  #abort = new AbortController();
  /** Presses of Report so far: after fetching the chunk, only the latest opens its panel. */
  #opening = 0;

  readonly #buttons: ReturnType<Kit['actionButtons']>;

  constructor(private readonly host: ParleyHost, private readonly kit: Kit) {
    this.#buttons = kit.actionButtons('report-button');
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of EVENTS) this.host.renderRoot.addEventListener(type, this.#onButton);
  }

  /**
   * Every Report button's events: a click opens its panel; a signed-in reader heading for one
   * (pointer or keyboard) starts fetching the chunk. Not a signed-out one: their press goes to
   * the page's sign-in first, and only a page that lets it through shows the chunk's notice.
   */
  #onButton = (e: Event): void => {
    const button = (e.target as Element).closest?.(BUTTON);
    const comment = this.#buttons.owner(button);
    if (!comment) return;
    if (e.type === 'click') void this.#toggle(comment);
    else if (this.host.threadState.viewer) this.kit.loadReport().catch(() => undefined);
  };

  hostUpdate(): void {
    // A reload brings fresh `viewerReported` values and maybe another viewer: start over.
    if (this.host.threadState.status === 'loading') {
      this.#reset();
      this.reported.clear();
    }
  }

  hostDisconnected(): void {
    this.#reset();
    for (const type of EVENTS) this.host.renderRoot.removeEventListener(type, this.#onButton);
  }

  /** The comment whose panel (or chunk-failure notice) is open. */
  get #openId(): string | undefined {
    return this.#panels?.openId() ?? this.#failed;
  }

  /** Comments whose report UI differs from what the thread data alone says (the host re-renders them). */
  liveIds(): string[] {
    return [this.#openId ?? '', ...this.reported.keys()];
  }

  /**
   * The report button in `comment`'s actions row: every published comment but the viewer's
   * own. Built by hand once per comment and brought up to date in place (a thread has one per
   * comment, so a template instance each would cost more than the button); its clicks reach
   * one listener on the shadow root.
   */
  renderButton(comment: Comment): HTMLElement | typeof litNothing {
    const viewer = this.host.threadState.viewer;
    if (comment.status !== 'published' || comment.author.id === viewer?.id) return this.kit.nothing;
    const t = this.host.text as ViewText;
    const name = comment.author.displayName;
    const reported = this.#isReported(comment);
    const button = this.#buttons.of(comment);
    button.className = reported ? 'link-button reported' : 'link-button';
    button.setAttribute('aria-label', reported ? t.reportedComment(name) : t.reportComment(name));
    button.setAttribute('aria-expanded', String(this.#openId === comment.id));
    button.textContent = reported ? t.reported : t.report;
    return button;
  }

  #isReported(comment: Comment): boolean {
    return this.reported.get(comment.id) ?? comment.viewerReported;
  }

  /** The open panel under `comment`, or the notice that its code could not be fetched. */
  renderForm(comment: Comment): TemplateResult | typeof litNothing {
    const { html } = this.kit;
    return this.#failed === comment.id
      ? html`<div class="report"><p part="notice" class="notice" role="alert">${this.host.text.errorNetwork}</p></div>`
      : this.#panels?.render(comment) ?? this.kit.nothing;
  }

  async #toggle(comment: Comment): Promise<void> {
    const { id } = comment;
    if (this.#failed === id) return void ((this.#failed = undefined), this.host.requestUpdate());
    if (this.#panels?.openId() === id) return this.#panels.close();
    const opening = ++this.#opening;
    // Signed out: the page may handle sign-in itself (a modal), now, in the click; then it
    // prevents the event and we step back.
    if (!this.host.threadState.viewer && !this.host.requestNavigation('sign-in')) return;
    let focus = true;
    if (!this.#panels) {
      const { signal } = this.#abort;
      let failed = false;
      let make;
      try {
        make = await this.kit.loadReport();
      } catch {
        failed = true; // the chunk could not be fetched: say so; the next press fetches again
      }
      // Meanwhile the thread reloaded, the element left the page, or another press came (which wins).
      if (signal.aborted || opening !== this.#opening) return;
      // Focus follows only if the reader is still at that button (Safari does not focus a clicked
      // button: then nothing at all may have focus): never into the form mid-sentence elsewhere.
      const active = (this.host.renderRoot as ShadowRoot).activeElement;
      focus = active ? this.#buttons.owner(active) === comment : document.activeElement === document.body;
      if (failed) return void ((this.#failed = id), this.host.requestUpdate());
      this.#panels = make!(this.host, this);
    }
    this.#failed = undefined;
    this.#panels.open(comment, this.#isReported(comment), focus);
  }

  #reset(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#failed = undefined;
    this.#panels?.reset();
  }
}
