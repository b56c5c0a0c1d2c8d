/**
 * Subscribers-only commenting: the viewer's state (subscribe prompt, notices, composer),
 * posting with drafts that survive reloads and failures, and inline replies.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ParleyClient } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { Comment } from '../api/types.js';
import { renderComposer } from '../components/composer.js';
import { emit } from '../events.js';
import { longDay } from '../format/time.js';
import type { ParleyHost } from '../host.js';
import { newDraftKey, readDraft, writeDraft, type Draft } from './drafts.js';

interface DraftState extends Draft {
  busy: boolean;
  error: ApiError | null;
  restored: boolean;
}

export class ParticipationController implements ReactiveController {
  /** Drafts by storage slot (thread id and parent id). */
  private drafts = new Map<string, DraftState>();
  /** The comment whose reply form is open. */
  private replying: string | null = null;
  /** A post just failed because of who the reader is or the thread's state: say so as an alert. */
  private stateChanged = false;
  /** The thread was read again without a token, because the backend kept refusing it. */
  private signedOut = false;

  constructor(private readonly host: ParleyHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { host } = this;
    const { status, error } = host.threadState;
    // A reload (another thread, a sign-in, a sort) starts from what the backend says.
    if (status !== 'ready') this.replying = null, this.stateChanged = false;
    else this.signedOut = false;
    if (status === 'error' && error?.status === 401 && !this.signedOut) {
      // The token stays refused even fresh: read as a signed-out reader rather than fail.
      this.signedOut = true;
      void host.threadState.reload(new ParleyClient({ baseUrl: host.client.url('').href, credentials: host.credentials }));
    }
  }

  private get canPost(): boolean {
    const { thread, viewer } = this.host.threadState;
    return thread?.status === 'open' && viewer?.status === 'active' && viewer.subscriber;
  }

  /** Above the comments: a notice, the subscribe prompt, or the composer. */
  renderArea(): TemplateResult {
    const { host, stateChanged } = this;
    const { text: t, threadState } = host;
    const { thread, viewer } = threadState;
    const status = viewer?.status;
    // While a thread reloads, what was shown stays (no jump); after a failed load there is no thread.
    const prompt = thread?.status === 'open' && (!viewer || (status === 'active' && !viewer.subscriber));
    const message = !thread ? ''
      : prompt ? stateChanged && (viewer ? t.notSubscriber : t.signInAgain)
      : thread.status === 'closed' ? stateChanged && t.threadClosedNow
      : status === 'banned' ? t.banned
      : status === 'suspended' ? (viewer!.suspendedUntil ? t.suspended(longDay(viewer!.suspendedUntil, host.locale)) : t.suspendedGeneric)
      : '';
    const link = (kind: 'subscribe' | 'sign-in', url: string, label: string, primary = '') =>
      html`<a part="${kind}-link" class="button ${primary}" href=${url || '#'}
        @click=${(event: Event) => (host.requestNavigation(kind) && url) || event.preventDefault()}>${label}</a>`;
    // The prompt (and with it the slot) is always in the tree, hidden when it does not apply.
    return html`${message
        ? html`<p part="notice" class="notice" role=${stateChanged ? 'alert' : nothing} tabindex="-1">${message}</p>`
        : nothing}
      <div part="subscribe-prompt" class="prompt notice" ?hidden=${!prompt}>
        <h3>${t.subscribePromptTitle}</h3>
        <div><slot name="subscribe-prompt">${viewer ? t.subscribePromptSignedIn(viewer.displayName) : t.subscribePromptText}</slot></div>
        <details><summary>${t.whySubscribers}</summary>${t.whySubscribersText}</details>
        <p class="row">
          ${link('subscribe', host.subscribeUrl, t.subscribe, 'primary')}
          ${viewer ? nothing : link('sign-in', host.signInUrl, t.signIn)}
        </p>
      </div>
      ${this.canPost ? this.composer(null) : nothing}`;
  }

  /** Comments with an open reply form (the host re-renders them). */
  liveIds(): string[] {
    return this.replying ? [this.replying] : [];
  }

  /** The reply button under `comment`, for those who may reply. */
  renderReplyButton(comment: Comment): TemplateResult | typeof nothing {
    if (!this.canPost || comment.status !== 'published') return nothing;
    const open = this.replying === comment.id;
    return html`<button part="reply-button" class="link-button" type="button" aria-expanded=${open}
      aria-label=${this.host.text.replyTo(comment.author.displayName)}
      @click=${() => (open ? this.closeReply() : ((this.replying = comment.id), this.focus('#reply-input')))}
    >${this.host.text.reply}</button>`;
  }

  /** The inline reply composer under `comment`, when open. */
  renderReplyForm(comment: Comment): TemplateResult | typeof nothing {
    return this.canPost && this.replying === comment.id ? this.composer(comment) : nothing;
  }

  private composer(parent: Comment | null): TemplateResult {
    const { host } = this;
    const { text: t } = host;
    const draft = this.draft(parent?.id ?? '');
    return renderComposer({
      ...draft,
      id: parent ? 'reply' : 'composer',
      label: parent ? t.replyLabel(parent.author.displayName) : t.composerLabel,
      submitLabel: parent ? t.replySubmit : t.composerSubmit,
      max: host.threadState.thread!.maxCommentLength,
      strings: t,
      input: (value) => {
        // Emptying the field starts a new draft, with a new key.
        Object.assign(draft, { text: value, restored: false, key: value ? draft.key : newDraftKey() });
        writeDraft(host.resolvedThreadId, parent?.id ?? '', draft);
        host.requestUpdate();
      },
      submit: () => void this.post(parent, draft),
      cancel: parent ? () => this.closeReply() : undefined,
    });
  }

  /** The draft for a parent (`''`: a new top-level comment) in the current thread. */
  private draft(parentId: string): DraftState {
    const threadId = this.host.resolvedThreadId;
    const slot = `${threadId}#${parentId}`;
    let draft = this.drafts.get(slot);
    if (!draft) {
      const saved = readDraft(threadId, parentId);
      this.drafts.set(slot, (draft = { text: '', key: newDraftKey(), ...saved, busy: false, error: null, restored: !!saved }));
    }
    return draft;
  }

  private async post(parent: Comment | null, draft: DraftState): Promise<void> {
    const { host } = this;
    const { threadState: state, text: t } = host;
    const threadId = host.resolvedThreadId;
    const parentId = parent?.id ?? null;
    if (draft.busy || !draft.text.trim()) return;
    Object.assign(draft, { busy: true, error: null, restored: false });
    host.requestUpdate();
    try {
      const comment = await host.client.postComment({
        thread: { id: threadId, url: host.resolvedThreadUrl, title: host.resolvedThreadTitle.slice(0, 300) },
        body: draft.text,
        parentId,
      }, draft.key);
      // Accepted: only now is the draft forgotten, and the next one gets a new key.
      writeDraft(threadId, parentId ?? '', null);
      Object.assign(draft, { text: '', key: newDraftKey(), busy: false });
      if (state.thread?.id !== threadId) return; // the page moved on to another article
      state.insertComment(comment);
      host.announce(comment.status === 'pending' ? t.postedPending : parent ? t.replyPosted : t.posted);
      emit(host, 'parley-posted', { comment });
      if (parentId && this.replying === parentId) this.closeReply();
      // Post is disabled once the field empties, which would drop its focus to <body>: back to the field.
      else if (!parentId) void host.updateComplete.then(() => void ((host.renderRoot as ShadowRoot).activeElement?.matches(':disabled') && this.focus('#composer-input')));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      draft.busy = false;
      host.reportError('post', error);
      // Errors about who the reader is or the thread's state switch to that state; the draft
      // stays saved for when it changes. Others are said at the field.
      const { code } = error;
      const viewer = { ...state.viewer!, suspendedUntil: null };
      if (code === 'unauthenticated') state.viewer = null;
      else if (code === 'not_subscriber') state.viewer = { ...viewer, subscriber: false };
      else if (code === 'banned' || code === 'suspended') state.viewer = { ...viewer, status: code };
      else if (code === 'thread_closed') state.thread = { ...state.thread!, status: 'closed' };
      else return void ((draft.error = error), host.requestUpdate());
      this.stateChanged = true;
      this.replying = null;
      void this.focus('[role="alert"][tabindex]');
    }
  }

  private closeReply(): void {
    const id = this.replying;
    this.replying = null;
    void this.focus(`[data-comment-id="${CSS.escape(id!)}"] [part~="reply-button"]`);
  }

  /** Renders, then moves focus to `selector`. */
  private async focus(selector: string): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
