/**
 * One queue entry: the comment (text only: it is hostile), its reports, its conversation, its
 * author's history, and the actions that apply to it now.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ACTION_KEYS, offered, type ActionId } from './actions.js';
import { deskStrings as s } from './strings.js';
import type { AdminComment, AdminContext, QueueEntry, UserHistory } from './types.js';

export interface EntryState {
  entry: QueueEntry;
  /** False once this desk dismissed or actioned the reports. */
  reportsOpen: boolean;
  /** The suspend field's text. */
  days: string;
}

export interface Details {
  state: 'loading' | 'ready' | 'error';
  context: AdminContext | null;
  history: UserHistory | null;
  error?: string;
}

export interface EntryOptions {
  index: number;
  selected: boolean;
  details: Details | null;
  busy: boolean;
  onSelect: () => void;
  onAction: (action: ActionId) => void;
  onDays: (value: string) => void;
  onRetryDetails: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** A time as `<time>`, the full date in its title. */
export function when(iso: string): TemplateResult {
  const date = new Date(iso);
  return html`<time datetime=${iso} title=${fullDate.format(date)}>${dateFormat.format(date)}</time>`;
}

/** A comment as a quote: name, time, status, then the text exactly as written (as text). */
function quote(comment: AdminComment): TemplateResult {
  return html`<div class="quote"><p class="meta"><span class="author">${comment.author.displayName}</span> · ${when(comment.createdAt)}
    ${comment.status === 'published' ? nothing : html` · <span class="state">${s.status[comment.status]}</span>`}</p>
    <p class="body">${comment.body}</p></div>`;
}

function renderContext(context: AdminContext): TemplateResult {
  return html`<section class="context">
    <h4>${s.contextHeading} <span class="thread-status">(${s.threadStatus(context.thread.status === 'closed')})</span></h4>
    ${context.parent ? html`<p class="label">${s.inReplyTo(context.parent.author.displayName)}</p>${quote(context.parent)}` : nothing}
    <p class="label">${s.replies(context.replies.length)}</p>
    ${context.replies.length ? html`<ul class="replies">${context.replies.map((r) => html`<li>${quote(r)}</li>`)}</ul>` : nothing}
  </section>`;
}

function renderHistory(history: UserHistory, current: string): TemplateResult {
  const { user, counts } = history;
  const others = history.comments.filter((c) => c.id !== current);
  const removals = others.filter((c) => c.status === 'removed');
  return html`<section class="history">
    <h4>${s.historyHeading(user.displayName)}</h4>
    <p><strong class="standing">${s.standing(user.status, user.suspendedUntil && dateFormat.format(new Date(user.suspendedUntil)))}</strong>
      · ${s.counts(counts)} · <span class="author-id">${user.id}</span></p>
    <p class="label">${s.earlierRemovals(removals.length)}</p>
    ${others.length ? html`<details><summary>${s.otherComments} (${others.length})</summary>
      <ul class="replies">${others.map((c) => html`<li>${quote(c)}</li>`)}</ul></details>` : nothing}
    <p class="label">${s.sanctions}</p>
    ${history.sanctions.length
      ? html`<ul>${history.sanctions.map((e) => html`<li>${e.action}${e.detail ? ` (${e.detail})` : ''} · ${e.actor} · ${when(e.at)}</li>`)}</ul>`
      : html`<p>${s.noSanctions}</p>`}
  </section>`;
}

function renderDetails(details: Details | null, comment: AdminComment, onRetry: () => void): TemplateResult {
  if (!details || details.state === 'loading') return html`<p class="loading">${s.loading}</p>`;
  if (details.state === 'error') {
    return html`<p class="error">${s.contextFailed} ${details.error ?? ''}</p><button type="button" @click=${onRetry}>${s.retry}</button>`;
  }
  return html`${details.context ? renderContext(details.context) : nothing}${details.history ? renderHistory(details.history, comment.id) : nothing}`;
}

function actionLabel(action: ActionId, comment: AdminComment): string {
  if (comment.status === 'pending' && action === 'restore') return s.approve;
  if (comment.status === 'pending' && action === 'remove') return s.reject;
  return s.actions[action];
}

function renderActions(state: EntryState, o: EntryOptions): TemplateResult {
  const { comment } = state.entry;
  const history = o.details?.history ?? null;
  const thread = o.details?.context?.thread.status ?? null;
  const ids = offered(state.entry, state.reportsOpen, history?.user ?? null, thread);
  const button = (id: ActionId) => html`<button type="button" ?disabled=${o.busy} aria-keyshortcuts=${o.selected ? ACTION_KEYS[id] : nothing}
    @click=${() => o.onAction(id)}>${s.withKey(actionLabel(id, comment), ACTION_KEYS[id])}</button>`;
  return html`<div class="actions" role="group" aria-label=${s.actionsLabel}>
    ${ids.filter((id) => id !== 'suspend').map(button)}
    ${ids.includes('suspend') ? html`<form class="suspend" @submit=${(e: SubmitEvent) => (e.preventDefault(), o.onAction('suspend'))}>
      <label for=${`days-${o.index}`}>${s.daysLabel}</label>
      <input id=${`days-${o.index}`} type="number" min="1" max="3650" step="1" required .value=${state.days}
        @input=${(e: Event) => o.onDays((e.target as HTMLInputElement).value)}>
      <button type="submit" ?disabled=${o.busy}>${s.withKey(s.actions.suspend, ACTION_KEYS.suspend)}</button>
    </form>` : nothing}
  </div>`;
}

export function renderEntry(state: EntryState, o: EntryOptions): TemplateResult {
  const { comment, reports } = state.entry;
  const headingId = `entry-heading-${o.index}`;
  return html`<article id=${`entry-${o.index}`} class=${o.selected ? 'entry selected' : 'entry'} part=${o.selected ? 'entry selected' : 'entry'}
      tabindex="-1" aria-labelledby=${headingId} aria-current=${o.selected ? 'true' : nothing} @focusin=${o.onSelect}>
    <h3 id=${headingId}><span class="author">${comment.author.displayName}</span>
      <span class="meta">· ${when(comment.createdAt)} · ${s.inThread} <span class="thread">${comment.threadId}</span></span>
      <span class="state" part="status">${s.status[comment.status]}</span></h3>
    <p class="body" part="comment-body">${comment.body}</p>
    ${reports.length ? html`<section class="reports">
      <h4>${s.reportsHeading(reports.length)}${state.reportsOpen ? nothing : html` · ${s.reportsClosed}`}</h4>
      <ul>${reports.map((r) => html`<li><strong>${s.reason(r.reason)}</strong> · ${s.reportedBy(r.reporterId)} · ${when(r.createdAt)}
        ${r.note ? html`<q class="note">${r.note}</q>` : nothing}</li>`)}</ul></section>` : nothing}
    ${renderActions(state, o)}
    ${o.selected ? renderDetails(o.details, comment, o.onRetryDetails) : nothing}
  </article>`;
}
