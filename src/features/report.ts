/**
 * "Report this comment" past its button: the inline reason form with Cancel, the confirmation
 * with Undo, and the notices that stand in for the form (sign in, banned, own comment, gone).
 * One panel is open at a time across the thread. Few readers ever report, so this module, its
 * English and its styles are a chunk of their own, fetched when a reader first heads for a
 * Report button (pointer over it or focus on it), not with every article. Like every feature
 * chunk it imports nothing: the bundle hands it Lit and its helpers (`Kit`).
 */
import type { nothing as litNothing, TemplateResult } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { Comment, ReportReason } from '../api/types.js';
import type { ParleyHost } from '../host.js';
import type { ParleyStrings } from '../i18n/en.js';
import { enReport } from '../i18n/en-report.js';
import type { Kit } from '../kit.js';

/** The longest note api-v1 accepts. */
const NOTE_MAX = 500;

/** The form's and the panel's rules, adopted into the element's shadow root when this chunk arrives. */
const RULES = '.report>*{display:grid;gap:.5rem;padding:.75rem var(--_space);border:1px solid var(--_border);'
  + 'border-radius:var(--_radius);background:var(--_surface-alt)}.report-error{color:var(--_danger)}'
  + ".report [aria-disabled='true']{cursor:progress;opacity:.65}.report-status{justify-items:start}"
  + '.report fieldset{display:grid;margin:0;padding:0;border:0}.report legend{padding:0}'
  + '.reason{display:flex;align-items:center;gap:.5rem;min-block-size:2.25rem}.reason input{inline-size:1.5rem;block-size:1.5rem;margin:0}'
  + '.report textarea{padding:.5rem;border:1px solid var(--_border);border-radius:var(--_radius);background:var(--_surface)}'
  + '.report-count{color:var(--_muted);font-size:.875em}';

/** A notice that stands in for the form, named by its string. */
type Notice = 'signInToAct' | 'reportBanned' | 'reportSuspended' | 'reportOwn' | 'reportGone';

/** Refusals that would only repeat, by error code (also the viewer statuses that may not report). */
const REFUSALS: Record<string, Notice> = { banned: 'reportBanned', suspended: 'reportSuspended', own_comment: 'reportOwn' };

interface Panel {
  /** The comment it is open under. */
  id: string;
  kind: 'form' | 'done' | Notice;
  reason?: ReportReason;
  note: string;
  /** The request is in flight: Send report and Cancel do nothing (the answer decides what shows next). */
  busy?: boolean;
  /** Sending waits out a rate limit. */
  held?: boolean;
  error?: ApiError | undefined;
}

/** What the element's report controller keeps for the panels: what the viewer reported here. */
export interface ReportState {
  /** Reports sent or withdrawn here, by comment id; overrides each comment's `viewerReported`. */
  reported: Map<string, boolean>;
}

export interface ReportPanels {
  /** The comment whose panel is open. */
  openId(): string | undefined;
  /** Opens `comment`'s panel (the form, the confirmation or a notice), focusing the form if `focus`. */
  open(comment: Comment, reported: boolean, focus: boolean): void;
  /** Closes the open panel, unless its request is in flight; focus goes back to its button. */
  close(): void;
  /** The open panel, under `comment`. */
  render(comment: Comment): TemplateResult | typeof litNothing;
  /** Closes everything and forgets requests in flight (a reload, the element leaving the page). */
  reset(): void;
}

const BUTTON = '[part~="report-button"]';

/** Binds the chunk to the bundle's Lit and helpers; returns the panels' maker for each element. */
export const reports = (kit: Kit) => {
  const { html, ApiError: Failure, emit, describeError } = kit;
  const nothing: typeof litNothing = kit.nothing;
  kit.addEnglish(enReport);
  const sheet = kit.unsafeCSS(RULES);

  return (host: ParleyHost, state: ReportState): ReportPanels => {
    let panel: Panel | undefined;
    let abort = new AbortController();
    host.addStyles(sheet);
    const text = () => host.text as ParleyStrings;

    const focus = async (id: string, selector: string) => {
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(id)}"] ${selector}`)?.focus();
    };

    const edit = (p: Panel, change: Partial<Panel>) => {
      Object.assign(p, change);
      host.requestUpdate();
    };

    const close = (p: Panel) => {
      if (p.busy) return; // the answer is on its way; it decides what shows next
      void focus(p.id, BUTTON);
      panel = undefined;
      host.requestUpdate();
    };

    /** Swaps the panel `p` for `next` (a new kind under the same comment, or none), unless another opened meanwhile. */
    const replace = (p: Panel, next?: Panel['kind']) => {
      if (panel === p) {
        // Focus follows only when it was in the panel (the reader may have moved on while waiting).
        if ((host.renderRoot as ShadowRoot).activeElement?.closest('.report')) void focus(p.id, BUTTON);
        panel = next && { id: p.id, kind: next, note: '' };
      }
      host.requestUpdate();
    };

    /** Sends the report drafted in `p` or, with `undo`, withdraws it; the answer decides what shows next. */
    const send = async (p: Panel, undo?: boolean) => {
      const { id, reason } = p;
      if (p.busy || p.held || !(undo || reason)) return;
      edit(p, { busy: true, error: undefined });
      const { signal } = abort;
      const t = text();
      try {
        if (undo) {
          await host.client.withdrawReport(id, signal);
          emit(host, 'parley-report-withdrawn', { commentId: id });
        } else {
          const result = await host.client.reportComment(id, reason!, p.note.trim(), signal);
          emit(host, 'parley-reported', { commentId: id, reason: result.reason });
        }
        state.reported.set(id, !undo);
        host.announce(undo ? t.reportWithdrawn : t.reportThanks);
        replace(p, undo ? undefined : 'done');
      } catch (error) {
        if (!(error instanceof Failure) || signal.aborted) return;
        host.reportError(undo ? 'withdraw-report' : 'report', error);
        const { status, code } = error;
        const refusal = status === 404 ? 'reportGone' : status === 403 ? REFUSALS[code] : undefined;
        if (refusal) return replace(p, refusal);
        // A 401 is "tried to act while signed out": the page may open its own sign-in.
        if (status === 401) host.requestNavigation('sign-in');
        if (status === 422) void focus(id, code === 'invalid_note' ? '.report textarea' : '.report input:checked');
        if (status === 429) setTimeout(() => edit(p, { held: false, error: undefined }), (error.retryAfter ?? 30) * 1000);
        edit(p, { busy: false, error, held: status === 429 });
      }
    };

    const onEdit = (e: Event) => {
      const { name, value } = e.target as HTMLInputElement;
      edit(panel!, { [name]: value });
    };
    const onSend = (e: Event) => {
      e.preventDefault();
      void send(panel!);
    };
    const onKeydown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close(panel!);
    };

    const signIn = () => {
      const url = host.signInUrl;
      return url
        ? html`<a part="sign-in-link" href=${url}
            @click=${(e: Event) => host.requestNavigation('sign-in') || e.preventDefault()}>${text().signIn}</a>`
        : nothing;
    };

    const failure = (p: Panel, summary: string) => {
      const { error } = p;
      const t = text();
      return error
        ? html`<p part="error" class="report-error" role="alert">${error.status === 401
          ? html`${t.signInToAct} ${signIn()}`
          : html`<strong>${summary}</strong> ${describeError(error, t)}`}</p>`
        : nothing;
    };

    /**
     * The form: a radio group of reasons (values are the API codes), an optional note with a
     * counter, Send report and Cancel. A 422's message shows at its field, any other failure's
     * under the note.
     */
    const form = (p: Panel, t: ParleyStrings) => {
      const field = p.error?.status === 422 && (p.error.code === 'invalid_note' ? 'note' : 'reason');
      const at = (name: string) =>
        field === name ? html`<p id="rp-error" part="error" class="report-error" role="alert">${t.reportInvalid}</p>` : nothing;
      return html`<form part="report-form" aria-labelledby="rp-title" @input=${onEdit} @submit=${onSend}>
        <h3 id="rp-title">${t.reportTitle}</h3>
        <fieldset aria-describedby=${field === 'reason' ? 'rp-error' : nothing}>
          <legend>${t.reportReasonLegend}</legend>
          ${kit.REPORT_REASONS.map((reason) => html`<label class="reason">
            <input type="radio" name="reason" value=${reason} .checked=${p.reason === reason}>${t.reasons[reason]}
          </label>`)}
          ${at('reason')}
        </fieldset>
        <label for="rp-note">${t.reportNote}</label>
        <textarea id="rp-note" name="note" rows="3" maxlength=${NOTE_MAX} .value=${p.note}
          aria-invalid=${field === 'note' ? 'true' : nothing} aria-describedby="rp-count ${field === 'note' ? 'rp-error' : ''}"></textarea>
        <p id="rp-count" class="report-count">${t.charactersLeft(NOTE_MAX - p.note.length)}</p>
        ${at('note')}${field ? nothing : failure(p, t.reportFailed)}
        <div>
          <button part="report-submit" class="primary" type="submit" ?disabled=${!p.reason}
            aria-disabled=${p.busy || p.held ? 'true' : nothing}>${p.busy ? t.reportSending : t.reportSubmit}</button>
          <button part="report-cancel" type="button" @click=${() => close(p)}>${t.reportCancel}</button>
        </div>
      </form>`;
    };

    return {
      openId: () => panel?.id,
      open(comment, reported, focusForm) {
        const viewer = host.threadState.viewer;
        let kind: Panel['kind'] = reported ? 'done' : 'form';
        if (!viewer) kind = 'signInToAct';
        else if (!reported) kind = REFUSALS[viewer.status] ?? kind;
        panel = { id: comment.id, kind, note: '' };
        host.requestUpdate();
        if (kind === 'form' && focusForm) void focus(comment.id, '.report input');
      },
      close: () => panel && close(panel),
      render(comment): TemplateResult | typeof litNothing {
        const p = panel;
        if (p?.id !== comment.id) return nothing;
        const t = text();
        const { kind } = p;
        return html`<div class="report" @keydown=${onKeydown}>${kind === 'form'
          ? form(p, t)
          : kind === 'done'
            ? html`<div part="report-status" class="report-status">
                <p>${t.reportThanks}</p>
                <button class="link-button" type="button" aria-disabled=${p.busy ? 'true' : nothing}
                  @click=${() => send(p, true)}>${t.undo}</button>
                ${failure(p, t.reportUndoFailed)}
              </div>`
            : html`<p part="notice" class="notice" role="alert">${t[kind]} ${kind === 'signInToAct' ? signIn() : nothing}</p>`
        }</div>`;
      },
      reset() {
        abort.abort();
        abort = new AbortController();
        panel = undefined;
      },
    };
  };
};
