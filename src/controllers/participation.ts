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

/** Post errors that change what the reader may do, rather than what they wrote. */
const STATE_ERRORS = ['unauthenticated', 'not_subscriber', 'banned', 'suspended', 'thread_closed'];

export class ParticipationController implements ReactiveController {
  /** Drafts by storage slot (thread id and parent id). */
  private drafts = new Map<string, DraftState>();
  /** The comment whose reply form is open, and the top-level comment of its conversation. */
  private replying: { id: string; root: string } | null = null;
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

  /** Above the comments: the subscribe prompt, a notice, or the composer. */
  renderArea(): TemplateResult | typeof nothing {
    const { text: t, threadState } = this.host;
    const { thread, viewer } = threadState;
    const ready = threadState.status === 'ready';
    const prompt = ready && thread?.status === 'open' && (!viewer || (viewer.status === 'active' && !viewer.subscriber));
    const alert = this.stateChanged ? 'alert' : nothing;
    const notice = (message: string) => html`<p part="notice" class="notice" role=${alert} tabindex="-1">${message}</p>`;
    // The prompt (and with it the slot) is always in the tree, hidden when it does not apply.
    return html`<div part="subscribe-prompt" class="prompt" ?hidden=${!prompt}>
        <h3>${t.subscribePromptTitle}</h3>
        ${this.stateChanged && prompt
          ? html`<p role="alert" tabindex="-1">${viewer ? t.notSubscriber : t.signInAgain}</p>` : nothing}
        <div><slot name="subscribe-prompt">${viewer ? t.subscribePromptSignedIn(viewer.displayName) : t.subscribePromptText}</slot></div>
        <details><summary>${t.whySubscribers}</summary><p>${t.whySubscribersText}</p></details>
        <p class="links">
          <a part="subscribe-link" class="button primary" href=${this.host.subscribeUrl || '#'}
            @click=${(event: Event) => this.navigate(event, 'subscribe')}>${t.subscribe}</a>
          ${viewer ? nothing : html`<a part="sign-in-link" class="button" href=${this.host.signInUrl || '#'}
            @click=${(event: Event) => this.navigate(event, 'sign-in')}>${t.signIn}</a>`}
        </p>
      </div>
      ${!ready || prompt || !thread ? nothing
        : thread.status === 'closed' ? (this.stateChanged ? notice(t.threadClosedNow) : nothing)
        : viewer?.status === 'banned' ? notice(t.banned)
        : viewer?.status === 'suspended'
          ? notice(viewer.suspendedUntil ? t.suspended(longDay(viewer.suspendedUntil, this.host.locale)) : t.suspendedGeneric)
        : this.composer(null)}`;
  }

  /** The reply button under `comment`, for those who may reply. */
  renderReplyButton(comment: Comment): TemplateResult | typeof nothing {
    if (!this.canPost || comment.status !== 'published') return nothing;
    const open = this.replying?.id === comment.id;
    return html`<button part="reply-button" class="link-button" type="button" aria-expanded=${open}
      aria-label=${this.host.text.replyTo(comment.author.displayName)}
      @click=${() => (open ? this.closeReply() : this.openReply(comment))}>${this.host.text.reply}</button>`;
  }

  /** The inline reply composer under `comment`, when open. */
  renderReplyForm(comment: Comment): TemplateResult | typeof nothing {
    return this.canPost && this.replying?.id === comment.id ? this.composer(comment) : nothing;
  }

  private composer(parent: Comment | null): TemplateResult {
    const { text: t, threadState } = this.host;
    const draft = this.draft(parent?.id ?? '');
    return renderComposer({
      ...draft,
      id: parent ? 'reply' : 'composer',
      label: parent ? t.replyLabel(parent.author.displayName) : t.composerLabel,
      submitLabel: parent ? t.replySubmit : t.composerSubmit,
      max: threadState.thread!.maxCommentLength,
      strings: t,
      input: (value) => {
        // Emptying the field starts a new draft, with a new key.
        Object.assign(draft, { text: value, restored: false, key: value ? draft.key : newDraftKey() });
        writeDraft(this.host.resolvedThreadId, parent?.id ?? '', draft);
        this.host.requestUpdate();
      },
      submit: () => void this.post(parent, draft),
      cancel: parent ? () => this.closeReply() : undefined,
    });
  }

  /** The draft for a parent (`''`: a new top-level comment) in the current thread. */
  private draft(parentId: string): DraftState {
    const slot = `${this.host.resolvedThreadId}#${parentId}`;
    let draft = this.drafts.get(slot);
    if (!draft) {
      const saved = readDraft(this.host.resolvedThreadId, parentId);
      draft = { text: '', key: newDraftKey(), ...saved, busy: false, error: null, restored: !!saved };
      this.drafts.set(slot, draft);
    }
    return draft;
  }

  private async post(parent: Comment | null, draft: DraftState): Promise<void> {
    const { host } = this;
    const threadId = host.resolvedThreadId;
    const root = parent && (this.replying?.root ?? parent.id);
    if (draft.busy || !draft.text.trim()) return;
    Object.assign(draft, { busy: true, error: null, restored: false });
    host.requestUpdate();
    try {
      const comment = await host.client.postComment({
        thread: { id: threadId, url: host.resolvedThreadUrl, title: host.resolvedThreadTitle },
        body: draft.text,
        parentId: parent?.id ?? null,
      }, draft.key);
      // Accepted: only now is the draft forgotten, and the next one gets a new key.
      writeDraft(threadId, parent?.id ?? '', null);
      Object.assign(draft, { text: '', key: newDraftKey(), busy: false });
      if (host.threadState.thread?.id !== threadId) return; // the page moved on to another article
      host.threadState.insertComment(comment, root);
      host.announce(comment.status === 'pending' ? host.text.postedPending : parent ? host.text.replyPosted : host.text.posted);
      emit(host, 'parley-posted', { comment });
      if (parent && this.replying?.id === parent.id) this.closeReply();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      draft.busy = false;
      host.reportError('post', error);
      const { threadState } = host;
      if (STATE_ERRORS.includes(error.code) && threadState.thread && threadState.viewer) {
        // Show the state the backend says the reader is in; the draft stays saved for later.
        if (error.code === 'thread_closed') threadState.thread = { ...threadState.thread, status: 'closed' };
        else threadState.viewer = error.code === 'unauthenticated' ? null : {
          ...threadState.viewer,
          subscriber: error.code !== 'not_subscriber',
          status: error.code === 'not_subscriber' ? 'active' : error.code as 'banned' | 'suspended',
          suspendedUntil: null,
        };
        this.stateChanged = true;
        this.replying = null;
        host.requestUpdate();
        this.focus('[role="alert"][tabindex]');
      } else {
        draft.error = error;
        host.requestUpdate();
      }
    }
  }

  private openReply(comment: Comment): void {
    const { conversations } = this.host.threadState;
    const root = comment.parentId
      ? [...conversations].find(([, c]) => c.replies.some((r) => r.id === comment.id))?.[0] ?? comment.parentId
      : comment.id;
    this.replying = { id: comment.id, root };
    this.host.requestUpdate();
    this.focus('#reply-input');
  }

  private closeReply(): void {
    const id = this.replying?.id;
    this.replying = null;
    this.host.requestUpdate();
    if (id) this.focus(`[data-comment-id="${CSS.escape(id)}"] [part~="reply-button"]`);
  }

  private async focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Sends the cancelable event; a listener that prevents it takes over from the link. */
  private navigate(event: Event, kind: 'sign-in' | 'subscribe'): void {
    const url = kind === 'subscribe' ? this.host.subscribeUrl : this.host.signInUrl;
    if (!this.host.requestNavigation(kind) || !url) event.preventDefault();
  }
}
