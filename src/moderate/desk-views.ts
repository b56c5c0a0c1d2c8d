/** The desk's other screens: sign-in, the audit log, and the keyboard help dialog. */
import { html, nothing, type TemplateResult } from 'lit';
import { ACTION_KEYS, type ActionId } from './actions.js';
import { when } from './entry-view.js';
import { NAV_KEYS, type NavCommand } from './shortcuts.js';
import { deskStrings as s } from './strings.js';
import type { AuditEntry, QueueFilter, QueueSort } from './types.js';

export interface AuditState {
  items: AuditEntry[];
  nextCursor: string | null;
  state: 'idle' | 'loading' | 'ready' | 'error';
  error: string;
}

export function renderSignIn(o: { error: string; busy: boolean; onSubmit: (moderator: string, token: string) => void }): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    o.onSubmit(field('moderator'), field('token'));
  };
  return html`<h1>${s.signInHeading}</h1>
    <p>${s.signInIntro}</p>
    <form class="sign-in" @submit=${submit} novalidate aria-describedby=${o.error ? 'sign-in-error' : nothing}>
      <label for="moderator">${s.moderatorLabel}</label>
      <input id="moderator" name="moderator" autocomplete="name" maxlength="100" required>
      <label for="token">${s.tokenLabel}</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required>
      <p id="sign-in-error" class="error" role="alert">${o.error}</p>
      <button type="submit" ?disabled=${o.busy}>${o.busy ? s.signingIn : s.signIn}</button>
    </form>`;
}

export function renderAudit(audit: AuditState, o: { onMore: () => void; onRetry: () => void }): TemplateResult {
  const c = s.auditColumns;
  let body: TemplateResult;
  if (audit.items.length === 0 && audit.state === 'loading') body = html`<p>${s.loading}</p>`;
  else if (audit.items.length === 0 && audit.state === 'ready') body = html`<p>${s.auditEmpty}</p>`;
  else {
    body = html`<table part="audit">
      <thead><tr><th scope="col">${c.at}</th><th scope="col">${c.actor}</th><th scope="col">${c.action}</th><th scope="col">${c.target}</th><th scope="col">${c.detail}</th></tr></thead>
      <tbody>${audit.items.map((e) => html`<tr><td>${when(e.at)}</td><td>${e.actor}</td><td>${e.action}</td><td>${e.target.type} ${e.target.id}</td><td>${e.detail ?? ''}</td></tr>`)}</tbody>
    </table>`;
  }
  return html`<h2>${s.auditHeading}</h2><p>${s.auditIntro}</p>${body}
    ${audit.state === 'error' ? html`<p class="error">${audit.error}</p><button type="button" @click=${o.onRetry}>${s.retry}</button>` : nothing}
    ${audit.nextCursor && audit.state !== 'loading' ? html`<button type="button" @click=${o.onMore}>${s.olderEntries}</button>` : nothing}`;
}

const NAV_ORDER: NavCommand[] = ['next', 'previous', 'undo', 'refresh', 'search', 'queue', 'audit', 'help'];

export function renderHelp(onClose: () => void): TemplateResult {
  const actions = Object.keys(ACTION_KEYS) as ActionId[];
  return html`<dialog aria-labelledby="help-heading" part="help">
    <h2 id="help-heading">${s.helpHeading}</h2>
    <p>${s.helpIntro}</p>
    <dl class="shortcuts">
      ${NAV_ORDER.map((c) => html`<div><dt><kbd>${NAV_KEYS[c]}</kbd></dt><dd>${s.keys[c]}</dd></div>`)}
      ${actions.map((a) => html`<div><dt><kbd>${ACTION_KEYS[a]}</kbd></dt><dd>${s.actions[a]}${a === 'suspend' ? ` (${s.daysLabel})` : ''}</dd></div>`)}
    </dl>
    <button type="button" @click=${onClose}>${s.close}</button>
  </dialog>`;
}

export interface ToolbarOptions {
  filter: QueueFilter;
  sort: QueueSort;
  query: string;
  onFilter: (event: Event) => void;
  onSort: (event: Event) => void;
  onSearch: (event: SubmitEvent) => void;
  onClear: () => void;
  onRefresh: () => void;
}

/** Show, Order (for the report queue), the search, Refresh. */
export function renderToolbar(o: ToolbarOptions): TemplateResult {
  return html`<form class="toolbar" part="toolbar" @submit=${o.onSearch}>
    <label>${s.filterLabel}
      <select .value=${o.filter} @change=${o.onFilter}>
        ${(Object.keys(s.filters) as QueueFilter[]).map((f) => html`<option value=${f} ?selected=${f === o.filter}>${s.filters[f]}</option>`)}
      </select></label>
    ${o.filter === 'reported' && !o.query ? html`<label>${s.sortLabel}
      <select .value=${o.sort} @change=${o.onSort}>
        ${(Object.keys(s.sorts) as QueueSort[]).map((v) => html`<option value=${v} ?selected=${v === o.sort}>${s.sorts[v]}</option>`)}
      </select></label>` : nothing}
    <label for="search">${s.searchLabel}</label>
    <input id="search" type="search" name="q" maxlength="200" .value=${o.query} aria-keyshortcuts="/">
    <button type="submit">${s.search}</button>
    ${o.query ? html`<button type="button" @click=${o.onClear}>${s.clearSearch}</button>` : nothing}
    <button type="button" @click=${o.onRefresh} aria-keyshortcuts="r">${s.withKey(s.refresh, 'r')}</button>
  </form>`;
}
