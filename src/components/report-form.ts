/**
 * The inline "Report this comment" form: a radio group of reasons (values are the API codes),
 * an optional note with a counter, Send report and Cancel. A template, not an element: the
 * report controller owns the draft and passes it in. Few readers ever report, so this module
 * and its styles are a chunk of their own, fetched when a reader first heads for a Report
 * button (pointer over it or focus on it) rather than with every article. The chunk imports
 * nothing: the controller hands it Lit's `html` and `nothing`, so it works however the page
 * loaded the bundle (a `?ver=` query, another copy) and never pulls in a second one.
 */
import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { ReportReason } from '../api/types.js';
import type { ParleyStrings } from '../i18n/en.js';

/** The form's own rules, adopted into the element's shadow root when this module arrives. */
export const formCss = '.report fieldset{display:grid;margin:0;padding:0;border:0}.report legend{padding:0}'
  + '.reason{display:flex;align-items:center;gap:.5rem;min-block-size:2.25rem}.reason input{inline-size:1.5rem;block-size:1.5rem;margin:0}'
  + '.report textarea{padding:.5rem;border:1px solid var(--_border);border-radius:var(--_radius);background:var(--_surface)}'
  + '.report-count{color:var(--_muted);font-size:.875em}';

/** The longest note api-v1 accepts. */
export const NOTE_MAX = 500;

export interface ReportDraft {
  reason?: ReportReason;
  note: string;
  /** The request is in flight: Send report and Cancel do nothing (the answer decides what shows next). */
  busy?: boolean;
  /** Sending waits out a rate limit. */
  held?: boolean;
  error?: ApiError | undefined;
}

export type RenderReportForm = (
  t: ParleyStrings,
  d: ReportDraft,
  error: TemplateResult | typeof litNothing,
  edit: (event: Event) => void,
  send: (event: Event) => void,
  cancel: () => void,
) => TemplateResult;

/**
 * The form's renderer, made with the bundle's own Lit and the API's reasons. `edit` receives
 * every input event (its target's `name` is `reason` or `note`); `error` is the message for
 * any failure but a 422, which shows at its field instead.
 */
export const reportForm = (
  { html, nothing }: { html: typeof litHtml; nothing: typeof litNothing },
  reasons: readonly ReportReason[],
): RenderReportForm => (t, d, error, edit, send, cancel) => {
  const field = d.error?.status === 422 && (d.error.code === 'invalid_note' ? 'note' : 'reason');
  const at = (name: string) =>
    field === name ? html`<p id="rp-error" part="error" class="report-error" role="alert">${t.reportInvalid}</p>` : nothing;
  return html`<form part="report-form" aria-labelledby="rp-title" @input=${edit} @submit=${send}>
    <h3 id="rp-title">${t.reportTitle}</h3>
    <fieldset aria-describedby=${field === 'reason' ? 'rp-error' : nothing}>
      <legend>${t.reportReasonLegend}</legend>
      ${reasons.map((reason) => html`<label class="reason">
        <input type="radio" name="reason" value=${reason} .checked=${d.reason === reason}>${t.reasons[reason]}
      </label>`)}
      ${at('reason')}
    </fieldset>
    <label for="rp-note">${t.reportNote}</label>
    <textarea id="rp-note" name="note" rows="3" maxlength=${NOTE_MAX} .value=${d.note}
      aria-invalid=${field === 'note' ? 'true' : nothing} aria-describedby="rp-count ${field === 'note' ? 'rp-error' : ''}"></textarea>
    <p id="rp-count" class="report-count">${t.charactersLeft(NOTE_MAX - d.note.length)}</p>
    ${at('note')}${field ? nothing : error}
    <div>
      <button part="report-submit" class="primary" type="submit" ?disabled=${!d.reason}
        aria-disabled=${d.busy || d.held ? 'true' : nothing}>${d.busy ? t.reportSending : t.reportSubmit}</button>
      <button part="report-cancel" type="button" @click=${cancel}>${t.reportCancel}</button>
    </div>
  </form>`;
};
