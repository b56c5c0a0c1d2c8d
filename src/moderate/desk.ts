/**
 * `<parley-desk>`: the moderation desk served at /moderate/ — sign-in, the queue with each
 * entry's conversation and author history, actions with undo, keyboard triage, the audit log.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { offered, perform, type ActionId, type Effects, type Outcome } from './actions.js';
import { AdminClient, type Credentials } from './admin-client.js';
import { styles } from './desk.styles.js';
import { UndoSlot } from './undo.js';
import { renderAudit, renderHelp, renderSignIn, renderToolbar, type AuditState } from './desk-views.js';
import { renderEntry, type Details, type EntryState } from './entry-view.js';
import { describeFailure, fetchQueuePage, isModeratorName, isUnauthorized, session, toEntryState, withEffects } from './queue.js';
import { commandFor, type Command } from './shortcuts.js';
import { deskStrings as s } from './strings.js';
import type { QueueEntry, QueueFilter, QueueSort, Standing } from './types.js';

type Loading = 'idle' | 'loading' | 'ready' | 'error';


/**
 * The moderation desk. Not part of what readers load: bundled on its own (dist/moderate/).
 *
 * @attr undo-seconds - How long the last action can be undone; 10 by default.
 */
export class ParleyDesk extends LitElement {
  static override styles = styles;

  static override properties = {
    undoSeconds: { type: Number, attribute: 'undo-seconds' },
    credentials: { state: true },
    signInError: { state: true },
    signingIn: { state: true },
    view: { state: true },
    filter: { state: true },
    sort: { state: true },
    query: { state: true },
    entries: { state: true },
    nextCursor: { state: true },
    listState: { state: true },
    listError: { state: true },
    selected: { state: true },
    details: { state: true },
    announcement: { state: true },
    alert: { state: true },
    undoOffered: { state: true },
    busy: { state: true },
    audit: { state: true },
  };

  /** How long the last action can be undone, in seconds. */
  undoSeconds = 10;

  private credentials: Credentials | null = null;
  private signInError = '';
  private signingIn = false;
  private view: 'queue' | 'audit' = 'queue';
  private filter: QueueFilter = 'reported';
  private sort: QueueSort = 'count';
  private query = '';
  private entries: EntryState[] = [];
  private nextCursor: string | null = null;
  private listState: Loading = 'idle';
  private listError = '';
  private selected = 0;
  /** Context and author history per comment id, read when the entry is first selected. */
  private details = new Map<string, Details>();
  private announcement = '';
  private alert = '';
  private undoOffered = false;
  private busy = false;
  private audit: AuditState = { items: [], nextCursor: null, state: 'idle', error: '' };
  private readonly undoSlot = new UndoSlot((offered) => (this.undoOffered = offered));
  private client: AdminClient | null = null;
  /** Drops answers to a list request that a newer one replaced. */
  private listRequest: AbortController | null = null;
  /** Where focus goes after the next render (an entry index, or a named control). */
  private focusAfterRender: number | 'search' | 'sign-in' | 'heading' | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeydown);
    const kept = session.read();
    if (kept && !this.credentials) this.begin(kept);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeydown);
    this.listRequest?.abort();
    this.undoSlot.clear();
  }

  override render(): TemplateResult {
    if (!this.credentials) {
      return html`<main part="sign-in">${renderSignIn({ error: this.signInError, busy: this.signingIn, onSubmit: (name, token) => void this.onSignIn(name, token) })}
        <p class="visually-hidden" role="status">${this.announcement}</p></main>`;
    }
    return html`
      <header part="header">
        <h1 tabindex="-1" id="desk-heading">${s.title}</h1>
        <p class="who">${s.signedInAs(this.credentials.moderator)}</p>
        <button type="button" @click=${this.openHelp} aria-keyshortcuts="?">${s.helpButton}</button>
        <button type="button" @click=${() => this.signOut()}>${s.signOut}</button>
      </header>
      <nav aria-label=${s.views} part="views">
        <button type="button" aria-pressed=${this.view === 'queue' ? 'true' : 'false'} aria-keyshortcuts="q" @click=${() => this.show('queue')}>${s.withKey(s.queueView, 'q')}</button>
        <button type="button" aria-pressed=${this.view === 'audit' ? 'true' : 'false'} aria-keyshortcuts="l" @click=${() => this.show('audit')}>${s.withKey(s.auditView, 'l')}</button>
      </nav>
      <main part="main">
        <p class="keys" part="keys">${s.keysLine}</p>
        <div class="live" part="undo">
          <p role="status" id="announcement">${this.announcement}</p>
          ${this.undoOffered ? html`<button type="button" @click=${() => void this.undo()} aria-keyshortcuts="z">${s.withKey(s.undo, 'z')}</button>` : nothing}
        </div>
        <p role="alert" class="alert" part="alert">${this.alert}</p>
        ${this.view === 'queue' ? this.renderQueue() : renderAudit(this.audit, { onMore: () => void this.loadAudit(true), onRetry: () => void this.loadAudit(false) })}
      </main>
      ${renderHelp(this.closeHelp)}
    `;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this.focusAfterRender;
    if (target === null) return;
    this.focusAfterRender = null;
    const root = this.renderRoot as ShadowRoot;
    if (target === 'search') root.querySelector<HTMLInputElement>('#search')?.focus();
    else if (target === 'sign-in') root.querySelector<HTMLInputElement>('#moderator')?.focus();
    else if (target === 'heading') root.querySelector<HTMLElement>('#desk-heading')?.focus();
    else root.querySelector<HTMLElement>(`#entry-${target}`)?.focus();
  }

  private renderQueue(): TemplateResult {
    const filterName = s.filters[this.filter];
    const heading = this.query ? s.resultsFor(this.query, filterName) : filterName;
    return html`
      ${renderToolbar({
        filter: this.filter, sort: this.sort, query: this.query, onFilter: this.onFilter, onSort: this.onSort, onSearch: this.onSearch,
        onClear: this.clearSearch, onRefresh: () => void this.reload(),
      })}
      <h2 id="list-heading">${heading}</h2>
      ${this.renderList()}
    `;
  }

  private renderList(): TemplateResult {
    if (this.listState === 'loading' && this.entries.length === 0) return html`<p>${s.loading}</p>`;
    if (this.listState === 'error' && this.entries.length === 0) {
      return html`<p class="error">${this.listError}</p><button type="button" @click=${() => void this.reload()}>${s.retry}</button>`;
    }
    if (this.entries.length === 0) return html`<p part="empty">${this.query ? s.noResults(this.query) : s.empty[this.filter]}</p>`;
    return html`
      <ol class="entries" part="entries" aria-labelledby="list-heading">
        ${this.entries.map((state, index) => html`<li>${renderEntry(state, {
          index,
          selected: index === this.selected,
          details: this.details.get(state.entry.comment.id) ?? null,
          busy: this.busy,
          onSelect: () => this.select(index, false),
          onAction: (action: ActionId) => void this.act(action, index),
          onDays: (value: string) => this.setDays(index, value),
          onRetryDetails: () => void this.loadDetails(state.entry, true),
        })}</li>`)}
      </ol>
      ${this.listState === 'error' ? html`<p class="error">${this.listError}</p>` : nothing}
      ${this.nextCursor ? html`<button type="button" @click=${() => void this.loadList(true)} ?disabled=${this.listState === 'loading'}>${s.loadMore}</button>` : nothing}
    `;
  }

  // --- sign-in -------------------------------------------------------------------------------

  private onSignIn = async (moderator: string, token: string): Promise<void> => {
    const name = moderator.trim();
    if (!isModeratorName(name)) return void (this.signInError = s.badName);
    if (!token.trim()) return void (this.signInError = s.noToken);
    this.signingIn = true;
    this.signInError = '';
    const credentials = { token: token.trim(), moderator: name };
    try {
      // Any admin read proves the token; this one is also the first screen.
      await new AdminClient(credentials).fetchAudit(null);
    } catch (error) {
      this.signingIn = false;
      this.signInError = isUnauthorized(error) ? s.badToken : describeFailure(error);
      return;
    }
    this.signingIn = false;
    session.save(credentials);
    this.begin(credentials);
    this.focusAfterRender = 'heading';
  };

  private begin(credentials: Credentials): void {
    this.credentials = credentials;
    this.client = new AdminClient(credentials);
    this.announcement = '';
    void this.reload();
  }

  private signOut = (message: string = s.signedOut): void => {
    session.clear();
    this.listRequest?.abort();
    this.undoSlot.clear();
    this.credentials = null;
    this.client = null;
    this.entries = [];
    this.details = new Map();
    this.audit = { items: [], nextCursor: null, state: 'idle', error: '' };
    this.alert = '';
    this.signInError = message === s.signedOut ? '' : message;
    this.announcement = message;
    this.focusAfterRender = 'sign-in';
  };

  /** Every failure goes through here: a refused token ends the session, anything else is said. */
  private failed(error: unknown, what: string | null = null): string {
    if (isUnauthorized(error)) {
      this.signOut(s.errors.signedOut);
      return s.errors.signedOut;
    }
    const why = describeFailure(error);
    return what ? s.failed(what, why) : why;
  }

  // --- the list ------------------------------------------------------------------------------

  private async reload(): Promise<void> {
    if (this.view === 'audit') return this.loadAudit(false);
    return this.loadList(false);
  }

  private async loadList(more: boolean): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.listRequest?.abort();
    const request = (this.listRequest = new AbortController());
    this.listState = 'loading';
    if (!more) {
      this.entries = [];
      this.nextCursor = null;
      this.selected = 0;
    }
    const cursor = more ? this.nextCursor : null;
    try {
      const page = await fetchQueuePage(client, { filter: this.filter, sort: this.sort, query: this.query }, cursor, request.signal);
      if (request.signal.aborted) return;
      const fresh = page.items.map(toEntryState);
      this.entries = more ? [...this.entries, ...fresh] : fresh;
      this.nextCursor = page.nextCursor;
      this.listState = 'ready';
      this.announcement = s.shown(this.entries.length);
      if (!more && this.entries[0]) void this.loadDetails(this.entries[0].entry, false);
    } catch (error) {
      if (request.signal.aborted) return;
      this.listState = 'error';
      this.listError = this.failed(error);
    }
  }

  private onFilter = (event: Event): void => {
    this.filter = (event.target as HTMLSelectElement).value as QueueFilter;
    void this.loadList(false);
  };

  private onSort = (event: Event): void => {
    this.sort = (event.target as HTMLSelectElement).value as QueueSort;
    void this.loadList(false);
  };

  private onSearch = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = (this.renderRoot as ShadowRoot).querySelector<HTMLInputElement>('#search')!;
    this.query = input.value.trim();
    void this.loadList(false);
  };

  private clearSearch = (): void => {
    this.query = '';
    this.focusAfterRender = 'search';
    void this.loadList(false);
  };

  private select(index: number, focus: boolean): void {
    const state = this.entries[index];
    if (!state) return;
    this.selected = index;
    if (focus) this.focusAfterRender = index;
    void this.loadDetails(state.entry, false);
  }

  private async loadDetails(entry: QueueEntry, again: boolean): Promise<void> {
    const client = this.client;
    const id = entry.comment.id;
    if (!client || (!again && this.details.has(id))) return;
    this.setDetails(id, { state: 'loading', context: null, history: null });
    try {
      const [context, history] = await Promise.all([client.fetchContext(id), client.fetchHistory(entry.comment.author.id)]);
      this.setDetails(id, { state: 'ready', context, history });
    } catch (error) {
      this.setDetails(id, { state: 'error', context: null, history: null, error: this.failed(error) });
    }
  }

  private setDetails(id: string, details: Details): void {
    this.details = new Map(this.details).set(id, details);
  }

  private setDays(index: number, value: string): void {
    this.entries = this.entries.map((e, i) => (i === index ? { ...e, days: value } : e));
  }

  // --- actions and undo ----------------------------------------------------------------------

  private async act(action: ActionId, index: number): Promise<void> {
    const client = this.client;
    const state = this.entries[index];
    if (!client || !state || this.busy) return;
    const days = Number(state.days);
    if (action === 'suspend' && !(Number.isInteger(days) && days >= 1 && days <= 3650)) {
      this.alert = s.badDays;
      return;
    }
    this.select(index, false);
    const details = this.details.get(state.entry.comment.id);
    const standing: Standing | null = details?.history?.user ?? null;
    // A key may ask for what the entry does not offer (Restore on a published comment): say so.
    if (!offered(state.entry, state.reportsOpen, standing, details?.context?.thread.status ?? null).includes(action)) {
      this.alert = s.notOffered(s.actions[action]);
      return;
    }
    this.busy = true;
    this.alert = '';
    try {
      const done = await perform(client, action, { entry: state.entry, reportsOpen: state.reportsOpen, standing, days, now: Date.now() }, s);
      this.apply(state.entry, done.effects);
      this.offerUndo(state.entry.comment.id, done.message, done.undo);
    } catch (error) {
      this.alert = this.failed(error, s.actions[action]);
    } finally {
      this.busy = false;
    }
  }

  private offerUndo(commentId: string, message: string, run: (() => Promise<Outcome>) | null): void {
    this.undoSlot.offer(commentId, run, this.undoSeconds);
    this.announcement = `${message} ${run ? s.undoHint(this.undoSeconds) : s.noUndo}`;
  }

  private undo = async (): Promise<void> => {
    if (this.busy) return;
    const pending = this.undoSlot.take();
    if (!pending) return;
    this.busy = true;
    try {
      const outcome = await pending.run();
      const index = this.entries.findIndex((e) => e.entry.comment.id === pending.commentId);
      const entry = this.entries[index]?.entry;
      if (entry) this.apply(entry, outcome.effects);
      // The Undo button is gone: focus goes back to the entry the action was on.
      if (entry && this.view === 'queue') this.select(index, true);
      this.announcement = outcome.message;
      if (this.view === 'audit') void this.loadAudit(false);
    } catch (error) {
      this.alert = this.failed(error, s.undo);
    } finally {
      this.busy = false;
    }
  };

  /** Shows what an action changed: on the entry, and on every entry by the same author or thread. */
  private apply(target: QueueEntry, effects: Effects): void {
    [this.entries, this.details] = withEffects(this.entries, this.details, target, effects);
  }

  // --- views, help and keys ------------------------------------------------------------------

  private show(view: 'queue' | 'audit'): void {
    if (this.view === view) return;
    this.view = view;
    void this.reload();
  }

  private async loadAudit(more: boolean): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.audit = { ...this.audit, state: 'loading', error: '', ...(more ? {} : { items: [], nextCursor: null }) };
    try {
      const page = await client.fetchAudit(more ? this.audit.nextCursor : null);
      this.audit = { items: more ? [...this.audit.items, ...page.items] : page.items, nextCursor: page.nextCursor, state: 'ready', error: '' };
    } catch (error) {
      this.audit = { ...this.audit, state: 'error', error: this.failed(error) };
    }
  }

  private get helpDialog(): HTMLDialogElement | null {
    return (this.renderRoot as ShadowRoot).querySelector('dialog');
  }

  private openHelp = (): void => {
    const dialog = this.helpDialog;
    if (dialog && !dialog.open) dialog.showModal();
  };

  private closeHelp = (): void => this.helpDialog?.close();

  private onKeydown = (event: KeyboardEvent): void => {
    if (!this.credentials || this.helpDialog?.open) return;
    const command = commandFor(event);
    if (command === null) return;
    event.preventDefault();
    this.run(command);
  };

  private run(command: Command): void {
    switch (command) {
      case 'help': return this.openHelp();
      case 'queue': return this.show('queue');
      case 'audit': return this.show('audit');
      case 'undo': return void this.undo();
      case 'refresh': return void this.reload();
      default:
    }
    if (this.view !== 'queue') return;
    switch (command) {
      case 'search':
        this.focusAfterRender = 'search';
        return this.requestUpdate();
      case 'next': return this.select(Math.min(this.selected + 1, this.entries.length - 1), true);
      case 'previous': return this.select(Math.max(this.selected - 1, 0), true);
      case 'suspend': {
        // Suspend asks for the number of days first: the key goes to the entry's days field.
        (this.renderRoot as ShadowRoot).querySelector<HTMLInputElement>(`#days-${this.selected}`)?.focus();
        return;
      }
      default:
        return void this.act(command, this.selected);
    }
  }
}

if (!customElements.get('parley-desk')) customElements.define('parley-desk', ParleyDesk);

declare global {
  interface HTMLElementTagNameMap {
    'parley-desk': ParleyDesk;
  }
}
