/**
 * The inline "Report this comment" form: a radio group of reasons (values are the API codes),
 * an optional note with a counter, Send report and Cancel. A template, not an element: the
 * report controller owns the state and passes it in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { REPORT_REASONS, type ReportReason } from '../api/types.js';
import type { ParleyStrings } from '../i18n/en.js';

/** The longest note api-v1 accepts. */
export const NOTE_MAX = 500;

export interface ReportFormView {
  strings: ParleyStrings;
  reason: ReportReason | undefined;
  note: string;
  /** The request is in flight: Send report and Cancel do nothing. */
  busy: boolean;
  /** Sending is on hold (a rate limit, or a refusal that would repeat). */
  held: boolean;
  /** A 422 belongs to one field: its message shows there. */
  field: 'reason' | 'note' | undefined;
  /** Any other failure, shown above the buttons. */
  error: TemplateResult | typeof nothing;
  onReason(event: Event): void;
  onNote(event: Event): void;
  onSubmit(event: Event): void;
  onCancel(): void;
}

export function renderReportForm(v: ReportFormView): TemplateResult {
  const t = v.strings;
  const fieldError = (field: 'reason' | 'note', message: string) =>
    v.field === field ? html`<p id="rp-${field}-error" part="error" class="report-error" role="alert">${message}</p>` : nothing;
  return html`<form part="report-form" class="report-form" aria-labelledby="rp-title" aria-busy=${v.busy}
    novalidate @submit=${v.onSubmit}>
    <h3 id="rp-title">${t.reportTitle}</h3>
    <fieldset aria-describedby=${v.field === 'reason' ? 'rp-reason-error' : nothing} @change=${v.onReason}>
      <legend>${t.reportReasonLegend}</legend>
      ${REPORT_REASONS.map((reason) => html`<label class="reason">
        <input type="radio" name="reason" value=${reason} .checked=${v.reason === reason}>${t.reasons[reason]}
      </label>`)}
      ${fieldError('reason', t.reportInvalidReason)}
    </fieldset>
    <label for="rp-note">${t.reportNote}</label>
    <textarea id="rp-note" rows="3" maxlength=${NOTE_MAX} .value=${v.note} @input=${v.onNote}
      aria-invalid=${v.field === 'note' ? 'true' : nothing}
      aria-describedby="rp-count ${v.field === 'note' ? 'rp-note-error' : ''}"></textarea>
    <p id="rp-count" class="report-count">${t.charactersLeft(NOTE_MAX - v.note.length)}</p>
    ${fieldError('note', t.reportInvalidNote)}
    ${v.error}
    <div class="report-buttons">
      <button part="report-submit" class="primary" type="submit" ?disabled=${!v.reason}
        aria-disabled=${v.busy || v.held ? 'true' : nothing}>${v.busy ? t.reportSending : t.reportSubmit}</button>
      <button part="report-cancel" type="button" aria-disabled=${v.busy ? 'true' : nothing} @click=${v.onCancel}
      >${t.reportCancel}</button>
    </div>
  </form>`;
}
