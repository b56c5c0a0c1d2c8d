/**
 * The comment form, for a new comment and for an inline reply: a labelled textarea that grows
 * with its text (CSS `field-sizing`), a character counter, Ctrl/Cmd+Enter to post, a busy
 * state, and the error of the last attempt at the field. A template, like a comment, so its
 * parts are reachable from outside.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../api/errors.js';
import { describeError } from '../format/errors.js';
import type { ParleyStrings } from '../i18n/en.js';

export interface ComposerView {
  /** Prefix of the element ids, unique in the shadow root. */
  id: string;
  label: string;
  submitLabel: string;
  text: string;
  max: number;
  busy: boolean;
  error: ApiError | null;
  /** The draft came back from storage and has not been touched yet. */
  restored: boolean;
  strings: ParleyStrings;
  input(text: string): void;
  submit(): void;
  /** Closes the form (replies only); Escape does the same. */
  cancel?: (() => void) | undefined;
}

/** Length as the backend counts it: trimmed, in Unicode code points. */
export const bodyLength = (text: string): number => [...text.trim()].length;

/** What went wrong, in the reader's words, with the next step. */
export function postErrorText(error: ApiError, strings: ParleyStrings): string {
  if (error.code === 'comment_not_found') return strings.parentGone;
  if (error.code === 'invalid_body' || error.status === 413) return strings.invalidBody;
  if (error.status === 429) return describeError(error, strings);
  return `${strings.postFailed} ${describeError(error, strings)}`;
}

export function renderComposer(view: ComposerView): TemplateResult {
  const { id, strings: t, error, busy } = view;
  const left = view.max - bodyLength(view.text);
  const empty = !view.text.trim();
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!empty && left >= 0) view.submit();
    } else if (event.key === 'Escape' && view.cancel) {
      event.preventDefault();
      view.cancel();
    }
  };
  return html`<form part="composer" class="composer"
    @keydown=${onKeydown} @submit=${(event: Event) => { event.preventDefault(); view.submit(); }}>
    <label for=${`${id}-input`}>${view.label}</label>
    <textarea part="composer-input" id=${`${id}-input`} .value=${view.text} ?readonly=${busy}
      placeholder=${t.composerPlaceholder} aria-invalid=${left < 0 || !!error}
      aria-describedby=${`${id}-count ${id}-error`}
      @input=${(event: InputEvent) => view.input((event.target as HTMLTextAreaElement).value)}></textarea>
    <div class="row">
      <span id=${`${id}-count`} class=${left < 0 ? 'over' : ''}>${left < 0 ? t.charactersOver(-left) : t.charactersLeft(left)}</span>
      <span class="hint">${view.restored ? t.draftRestored : t.shortcutHint}</span>
      ${view.cancel ? html`<button type="button" @click=${view.cancel}>${t.composerCancel}</button>` : nothing}
      <button part="composer-submit" class="primary" ?disabled=${empty || left < 0} aria-disabled=${busy}>
        ${busy ? t.posting : view.submitLabel}
      </button>
    </div>
    <div id=${`${id}-error`} role="alert">${error
      ? html`<div part="error" class="error"><p>${postErrorText(error, t)}</p>${error.retryable
        ? html`<button part="retry" type="button" @click=${view.submit}>${t.retry}</button>` : nothing}</div>`
      : nothing}</div>
  </form>`;
}
