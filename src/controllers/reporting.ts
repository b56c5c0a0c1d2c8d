/**
 * "Report this comment": the report button, the inline reason form with Cancel, the
 * confirmation with Undo, and the notices that stand in for the form (sign in, banned…).
 * One panel is open at a time across the thread. What the viewer has reported is kept here,
 * seeded from each comment's `viewerReported`; the thread's data is never changed.
 */
import { adoptStyles, html, nothing, unsafeCSS, type CSSResult, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { ApiError } from '../api/errors.js';
import { REPORT_REASONS, type Comment } from '../api/types.js';
import type { RenderReportForm, ReportDraft } from '../components/report-form.js';
import { emit } from '../events.js';
import { describeError } from '../format/errors.js';
import type { ParleyHost } from '../host.js';

/** A notice that stands in for the form, named by its string. */
type Notice = 'signInToAct' | 'reportBanned' | 'reportSuspended' | 'reportOwn' | 'reportGone' | 'errorNetwork';

type FormModule = typeof import('../components/report-form.js');
let renderReportForm: RenderReportForm | undefined;
let formStyles: CSSResult | undefined;
let formLoading: Promise<unknown> | undefined;

/** Fetches the form's module; a test may stand in a failing fetch. @internal */
export const formLoader = { load: (): Promise<FormModule> => import('../components/report-form.js') };

/** The form's code, fetched once per page; a failed fetch is tried again next time. */
function loadForm(): Promise<unknown> {
  return (formLoading ??= formLoader.load().then(({ reportForm, formCss }) => {
    renderReportForm = reportForm({ html, nothing }, REPORT_REASONS);
    formStyles = unsafeCSS(formCss);
  }).catch((error: unknown) => {
    formLoading = undefined; // a failed fetch, or a chunk of another version: try again next time
    throw error;
  }));
}

/** Refusals that would only repeat, by error code (also the viewer statuses that may not report). */
const REFUSALS: Record<string, Notice> = { banned: 'reportBanned', suspended: 'reportSuspended', own_comment: 'reportOwn' };

const BUTTON = '[part~="report-button"]';
const EVENTS = ['click', 'pointerover', 'focusin'];

/** Each comment's report button, kept while the comment is, and each button's comment. */
const buttons = new WeakMap<Comment, HTMLButtonElement>();
const comments = new WeakMap<Element, Comment>();

interface Panel extends ReportDraft {
  /** The comment it is open under. */
  id: string;
  kind: 'form' | 'done' | Notice;
}

export class ReportController implements ReactiveController {
  private panel: Panel | undefined;
  /** Reports sent or withdrawn here, by comment id; overrides `viewerReported`. */
  private readonly reported = new Map<string, boolean>();
  private abort = new AbortController();
  /** Presses of Report so far: after fetching the form, only the latest opens it. */
  private opening = 0;
  private styled = false;

  constructor(private readonly host: ParleyHost) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of EVENTS) this.host.renderRoot.addEventListener(type, this.onButton);
  }

  /**
   * Every Report button's events: a click opens its panel; heading for one (pointer or
   * keyboard) starts fetching the form.
   */
  private onButton = (e: Event): void => {
    const button = (e.target as Element).closest?.(BUTTON);
    const comment = button && comments.get(button);
    if (!comment) return;
    if (e.type === 'click') void this.toggle(comment, this.isReported(comment));
    else loadForm().catch(() => undefined);
  };

  hostUpdate(): void {
    // A reload brings fresh `viewerReported` values and maybe another viewer: start over.
    if (this.host.threadState.status === 'loading') {
      this.reset();
      this.reported.clear();
    }
  }

  hostDisconnected(): void {
    this.reset();
    for (const type of EVENTS) this.host.renderRoot.removeEventListener(type, this.onButton);
  }

  /** Comments whose report UI differs from what the thread data alone says (the host re-renders them). */
  liveIds(): string[] {
    return [this.panel?.id ?? '', ...this.reported.keys()];
  }

  /**
   * The report button in `comment`'s actions row: every published comment but the viewer's
   * own. Built by hand once per comment and brought up to date in place (a thread has one per
   * comment, so a template instance each would cost more than the button); its clicks reach
   * one listener on the shadow root.
   */
  renderButton(comment: Comment): HTMLElement | typeof nothing {
    const viewer = this.host.threadState.viewer;
    if (comment.status !== 'published' || comment.author.id === viewer?.id) return nothing;
    const t = this.host.text;
    const name = comment.author.displayName;
    const reported = this.isReported(comment);
    let button = buttons.get(comment);
    if (!button) {
      buttons.set(comment, (button = document.createElement('button')));
      comments.set(button, comment);
      button.setAttribute('part', 'report-button');
      button.type = 'button';
    }
    button.className = reported ? 'link-button reported' : 'link-button';
    button.setAttribute('aria-label', reported ? t.reportedComment(name) : t.reportComment(name));
    button.setAttribute('aria-expanded', String(this.panel?.id === comment.id));
    button.textContent = reported ? t.reported : t.report;
    return button;
  }

  private isReported(comment: Comment): boolean {
    return this.reported.get(comment.id) ?? comment.viewerReported;
  }

  /** The open panel under `comment`: the form, the confirmation with Undo, or a notice. */
  renderForm(comment: Comment): TemplateResult | typeof nothing {
    const p = this.panel;
    if (p?.id !== comment.id) return nothing;
    const t = this.host.text;
    const { kind } = p;
    return html`<div class="report" @keydown=${this.onKeydown}>${kind === 'form'
      ? renderReportForm!(t, p, this.renderError(p, t.reportFailed), this.onEdit, this.onSend, () => this.close(p))
      : kind === 'done'
        ? html`<div part="report-status" class="report-status">
            <p>${t.reportThanks}</p>
            <button class="link-button" type="button" aria-disabled=${p.busy ? 'true' : nothing}
              @click=${() => this.send(p, true)}>${t.undo}</button>
            ${this.renderError(p, t.reportUndoFailed)}
          </div>`
        : html`<p part="notice" class="notice" role="alert">${t[kind]} ${kind === 'signInToAct' ? this.renderSignIn() : nothing}</p>`
    }</div>`;
  }

  private renderError(p: Panel, summary: string): TemplateResult | typeof nothing {
    const { error } = p;
    const t = this.host.text;
    return error
      ? html`<p part="error" class="report-error" role="alert">${error.status === 401
        ? html`${t.signInToAct} ${this.renderSignIn()}`
        : html`<strong>${summary}</strong> ${describeError(error, t)}`}</p>`
      : nothing;
  }

  private renderSignIn(): TemplateResult | typeof nothing {
    const url = this.host.signInUrl;
    return url
      ? html`<a part="sign-in-link" href=${url}
          @click=${(e: Event) => this.host.requestNavigation('sign-in') || e.preventDefault()}>${this.host.text.signIn}</a>`
      : nothing;
  }

  private async toggle(comment: Comment, reported: boolean): Promise<void> {
    const { id } = comment;
    if (this.panel?.id === id) return this.close(this.panel);
    const opening = ++this.opening;
    const viewer = this.host.threadState.viewer;
    let kind: Panel['kind'] = reported ? 'done' : 'form';
    if (!viewer) {
      // The page may handle sign-in itself (a modal): then it prevents the event and we step back.
      if (!this.host.requestNavigation('sign-in')) return;
      kind = 'signInToAct';
    } else if (!reported) {
      kind = REFUSALS[viewer.status] ?? kind;
    }
    let focus = kind === 'form';
    if (focus && !renderReportForm) {
      const { signal } = this.abort;
      try {
        await loadForm();
      } catch {
        kind = 'errorNetwork'; // the form's code could not be fetched: say so; Report tries again
      }
      // Meanwhile the thread reloaded, the element left the page, or another press came (which wins).
      if (signal.aborted || opening !== this.opening) return;
      // Focus follows only if the reader is still at that button (Safari does not focus a clicked
      // button: then nothing at all may have focus): never into the form mid-sentence elsewhere.
      const active = (this.host.renderRoot as ShadowRoot).activeElement;
      focus = active ? comments.get(active) === comment : document.activeElement === document.body;
    }
    if (kind === 'form' && !this.styled) {
      // Once per element (Lit adds a <style> per sheet where adoptedStyleSheets is missing).
      adoptStyles(this.host.renderRoot as ShadowRoot, [...(this.host.constructor as typeof ReactiveElement).elementStyles, formStyles!]);
      this.styled = true;
    }
    this.panel = { id, kind, note: '' };
    this.host.requestUpdate();
    if (kind === 'form' && focus) void this.focus(id, '.report input');
  }

  private edit(p: Panel, change: Partial<Panel>): void {
    Object.assign(p, change);
    this.host.requestUpdate();
  }

  private onEdit = (e: Event): void => {
    const { name, value } = e.target as HTMLInputElement;
    this.edit(this.panel!, { [name]: value });
  };

  private onSend = (e: Event): void => {
    e.preventDefault();
    void this.send(this.panel!);
  };

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') this.close(this.panel!);
  };

  private close(p: Panel): void {
    if (p.busy) return; // the answer is on its way; it decides what shows next
    void this.focus(p.id, BUTTON);
    this.panel = undefined;
    this.host.requestUpdate();
  }

  /** Sends the report drafted in `p` or, with `undo`, withdraws it; the answer decides what shows next. */
  private async send(p: Panel, undo?: boolean): Promise<void> {
    const { id, reason } = p;
    if (p.busy || p.held || !(undo || reason)) return;
    this.edit(p, { busy: true, error: undefined });
    const { host } = this;
    const { signal } = this.abort;
    try {
      if (undo) {
        await host.client.withdrawReport(id, signal);
        emit(host, 'parley-report-withdrawn', { commentId: id });
      } else {
        const result = await host.client.reportComment(id, reason!, p.note.trim(), signal);
        emit(host, 'parley-reported', { commentId: id, reason: result.reason });
      }
      this.reported.set(id, !undo);
      host.announce(undo ? host.text.reportWithdrawn : host.text.reportThanks);
      this.replace(p, undo ? undefined : 'done');
    } catch (error) {
      if (!(error instanceof ApiError) || signal.aborted) return;
      host.reportError(undo ? 'withdraw-report' : 'report', error);
      const { status, code } = error;
      const refusal = status === 404 ? 'reportGone' : status === 403 ? REFUSALS[code] : undefined;
      if (refusal) return this.replace(p, refusal);
      // A 401 is "tried to act while signed out": the page may open its own sign-in.
      if (status === 401) host.requestNavigation('sign-in');
      if (status === 422) void this.focus(id, code === 'invalid_note' ? '.report textarea' : '.report input:checked');
      if (status === 429) setTimeout(() => this.edit(p, { held: false, error: undefined }), (error.retryAfter ?? 30) * 1000);
      this.edit(p, { busy: false, error, held: status === 429 });
    }
  }

  /** Swaps the panel `p` for `next` (a new kind under the same comment, or none), unless another opened meanwhile. */
  private replace(p: Panel, next?: Panel['kind']): void {
    if (this.panel === p) {
      // Focus follows only when it was in the panel (the reader may have moved on while waiting).
      if ((this.host.renderRoot as ShadowRoot).activeElement?.closest('.report')) void this.focus(p.id, BUTTON);
      this.panel = next && { id: p.id, kind: next, note: '' };
    }
    this.host.requestUpdate();
  }

  private async focus(id: string, selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(id)}"] ${selector}`)?.focus();
  }

  private reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.panel = undefined;
  }
}
