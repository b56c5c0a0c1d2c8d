/**
 * "Report this comment": the report button, the inline reason form with Cancel, the
 * confirmation with Undo, and the notices that stand in for the form (sign in, banned…).
 * One panel is open at a time across the thread. What the viewer has reported is kept here,
 * seeded from each comment's `viewerReported`; the thread's data is never changed.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ApiError } from '../api/errors.js';
import type { Comment, ReportReason } from '../api/types.js';
import { renderReportForm } from '../components/report-form.js';
import { emit } from '../events.js';
import { describeError } from '../format/errors.js';
import type { ParleyHost } from '../host.js';

/** What a panel shows in place of the form, and the string that says it. */
const NOTICES = {
  'sign-in': 'signInToAct',
  banned: 'reportBanned',
  suspended: 'reportSuspended',
  own: 'reportOwn',
  gone: 'reportGone',
} as const;
type PanelKind = 'form' | 'done' | keyof typeof NOTICES;

/** Refusals that would only repeat, by error code: the form gives way to a notice. */
const REFUSALS: Record<string, PanelKind> = { banned: 'banned', suspended: 'suspended', own_comment: 'own' };

const BUTTON = '[part~="report-button"]';

interface Panel {
  id: string;
  kind: PanelKind;
  reason?: ReportReason;
  note: string;
  busy?: boolean;
  error?: ApiError;
  /** A 401 whose sign-in event no listener prevented: offer the link. */
  signIn?: boolean;
  /** Sending waits until then (a 429's Retry-After). */
  heldUntil?: number;
  /** Just sent: thank the reader (a reopened status only says the report is open). */
  fresh?: boolean;
}

export class ReportController implements ReactiveController {
  private panel: Panel | undefined;
  /** Reports sent or withdrawn here, by comment id; overrides `viewerReported`. */
  private readonly reported = new Map<string, boolean>();
  /** Set when the backend refused the viewer (banned/suspended after the page loaded). */
  private blocked: PanelKind | undefined;
  private abort = new AbortController();

  constructor(private readonly host: ParleyHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    // A reload brings fresh `viewerReported` values and maybe another viewer: start over.
    if (this.host.threadState.status === 'loading' && (this.panel || this.reported.size || this.blocked)) {
      this.reset();
      this.reported.clear();
      this.blocked = undefined;
    }
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** Comments whose report UI differs from what the thread data alone says (the host re-renders them). */
  liveIds(): string[] {
    return this.panel ? [this.panel.id, ...this.reported.keys()] : [...this.reported.keys()];
  }

  /** The report button in `comment`'s actions row: every published comment but the viewer's own. */
  renderButton(comment: Comment): TemplateResult | typeof nothing {
    const viewer = this.host.threadState.viewer;
    if (comment.status !== 'published' || comment.author.id === viewer?.id) return nothing;
    const t = this.host.text;
    const name = comment.author.displayName;
    const reported = this.reported.get(comment.id) ?? comment.viewerReported;
    return html`<button part="report-button" class="link-button ${reported ? 'reported' : ''}" type="button"
      aria-label=${reported ? t.reportedComment(name) : t.reportComment(name)}
      aria-expanded=${this.panel?.id === comment.id} @click=${() => this.toggle(comment, reported)}
    >${reported ? t.reported : t.report}</button>`;
  }

  /** The open panel under `comment`: the form, the confirmation with Undo, or a notice. */
  renderForm(comment: Comment): TemplateResult | typeof nothing {
    const p = this.panel;
    if (p?.id !== comment.id) return nothing;
    const t = this.host.text;
    const { error, kind } = p;
    const field = error?.status === 422 ? (error.code === 'invalid_note' ? 'note' : 'reason') : undefined;
    return html`<div class="report" @keydown=${this.onKeydown}>${
      kind === 'form'
        ? renderReportForm({
          strings: t,
          reason: p.reason,
          note: p.note,
          busy: !!p.busy,
          held: Date.now() < (p.heldUntil ?? 0),
          field,
          error: field ? nothing : this.renderError(p, t.reportFailed),
          onReason: (e) => this.edit(p, { reason: (e.target as HTMLInputElement).value as ReportReason }),
          onNote: (e) => this.edit(p, { note: (e.target as HTMLTextAreaElement).value }),
          onSubmit: (e) => {
            e.preventDefault();
            void this.submit(p);
          },
          onCancel: () => this.close(p),
        })
        : kind === 'done'
          ? html`<div part="report-status" class="report-status">
              <p>${p.fresh ? t.reportThanks : t.reportOpen}</p>
              <button class="link-button" type="button" aria-disabled=${p.busy ? 'true' : nothing}
                @click=${() => this.withdraw(p)}>${t.undo}</button>
              ${this.renderError(p, t.reportUndoFailed)}
            </div>`
          : html`<p part="notice" class="notice" role="alert">
              ${t[NOTICES[kind]]} ${kind === 'sign-in' ? this.renderSignIn() : nothing}
            </p>`
    }</div>`;
  }

  private renderError(p: Panel, summary: string): TemplateResult | typeof nothing {
    const { error } = p;
    const t = this.host.text;
    return error
      ? html`<p part="error" class="report-error" role="alert">${error.status === 401
        ? html`${t.signInToAct} ${p.signIn ? this.renderSignIn() : nothing}`
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

  private toggle(comment: Comment, reported: boolean): void {
    const { id } = comment;
    if (this.panel?.id === id) return this.close(this.panel);
    const viewer = this.host.threadState.viewer;
    let kind: PanelKind = reported ? 'done' : 'form';
    if (!viewer) {
      // The page may handle sign-in itself (a modal): then it prevents the event and we step back.
      if (!this.host.requestNavigation('sign-in')) return;
      kind = 'sign-in';
    } else if (!reported && (this.blocked || viewer.status !== 'active')) {
      kind = this.blocked ?? (viewer.status as PanelKind);
    }
    this.panel = { id, kind, note: '' };
    this.host.requestUpdate();
    if (kind === 'form') void this.focus(id, '.report input');
  }

  private edit(p: Panel, change: Partial<Panel>): void {
    Object.assign(p, change);
    this.host.requestUpdate();
  }

  private close(p: Panel): void {
    if (p.busy) return; // the answer is on its way; it decides what shows next
    void this.focus(p.id, BUTTON);
    this.panel = undefined;
    this.host.requestUpdate();
  }

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.panel) this.close(this.panel);
  };

  private async submit(p: Panel): Promise<void> {
    const { id, reason } = p;
    if (!reason || p.busy || Date.now() < (p.heldUntil ?? 0)) return;
    this.edit(p, { busy: true, error: undefined });
    const { signal } = this.abort;
    const { host } = this;
    try {
      const result = await host.client.reportComment(id, reason, p.note.trim(), signal);
      this.reported.set(id, true);
      emit(host, 'parley-reported', { commentId: id, reason: result.reason });
      host.announce(host.text.reportThanks);
      this.replace(p, { id, kind: 'done', note: '', fresh: true });
    } catch (error) {
      if (!(error instanceof ApiError) || signal.aborted) return;
      host.reportError('report', error);
      const refusal = error.status === 404 ? 'gone' : error.status === 403 ? REFUSALS[error.code] : undefined;
      if (refusal) {
        if (refusal !== 'own' && refusal !== 'gone') this.blocked = refusal;
        return this.replace(p, { id, kind: refusal, note: '' });
      }
      this.fail(p, error);
      if (error.status === 429) {
        const wait = (error.retryAfter ?? 30) * 1000;
        p.heldUntil = Date.now() + wait;
        setTimeout(() => p.error === error && this.edit(p, { error: undefined }), wait);
      }
      if (error.status === 422) void this.focus(id, error.code === 'invalid_note' ? '.report textarea' : '.report input:checked');
    }
  }

  private async withdraw(p: Panel): Promise<void> {
    if (p.busy) return;
    this.edit(p, { busy: true, error: undefined });
    const { signal } = this.abort;
    const { host } = this;
    try {
      await host.client.withdrawReport(p.id, signal);
      this.reported.set(p.id, false);
      emit(host, 'parley-report-withdrawn', { commentId: p.id });
      host.announce(host.text.reportWithdrawn);
      this.replace(p, undefined);
    } catch (error) {
      if (!(error instanceof ApiError) || signal.aborted) return;
      host.reportError('withdraw-report', error);
      this.fail(p, error);
    }
  }

  private fail(p: Panel, error: ApiError): void {
    this.edit(p, { busy: false, error, signIn: error.status === 401 && this.host.requestNavigation('sign-in') });
  }

  /** Swaps the panel that `p` was for `next`, if the reader has not opened another meanwhile. */
  private replace(p: Panel, next: Panel | undefined): void {
    if (this.panel !== p) return this.host.requestUpdate();
    // Focus follows only when it was in the panel (the reader may have moved on while waiting).
    if ((this.host.renderRoot as ShadowRoot).activeElement?.closest('.report')) void this.focus(p.id, BUTTON);
    this.panel = next;
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
