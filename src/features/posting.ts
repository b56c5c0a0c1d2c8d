/**
 * Subscribers-only commenting past the prompt: the comment form (for a new comment and for an
 * inline reply), drafts that survive reloads and failures, posting, and the Reply buttons.
 * Only a viewer who may post needs any of it, so this module, its English and its styles are
 * a chunk of their own, fetched when a thread says the viewer may post. Like every feature
 * chunk it imports nothing from the bundle: the bundle hands it Lit and its helpers (`Kit`).
 */
import type { nothing as litNothing, TemplateResult } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { Comment } from '../api/types.js';
import { newDraftKey, readDraft, writeDraft, type Draft } from '../controllers/drafts.js';
import type { ParleyHost, ViewHost } from '../host.js';
import type { ParleyStrings } from '../i18n/en.js';
import { enPosting } from '../i18n/en-posting.js';
import type { Kit } from '../kit.js';

/**
 * The form's rules, adopted into the element's shadow root when this chunk arrives. The
 * textarea grows with its text (CSS `field-sizing`).
 */
const RULES = '.composer{display:grid;gap:.5rem}.composer label{font-weight:600}'
  + '.composer textarea{min-block-size:5rem;field-sizing:content;padding:.5rem;border:1px solid var(--_border);'
  + 'border-radius:var(--_radius);background:var(--_surface)}'
  + "[aria-invalid='true']{border-color:var(--_danger)}::placeholder{color:var(--_muted)}"
  + '.composer .row{color:var(--_muted);font-size:.875em}.hint{margin-inline-end:auto}.over{color:var(--_danger);font-weight:600}'
  + ".composer [aria-disabled='true']{cursor:progress;opacity:.65}";

interface DraftState extends Draft {
  busy: boolean;
  error: ApiError | null;
  /** The draft came back from storage and has not been touched yet. */
  restored: boolean;
}

/** What the element's participation controller keeps for posting. */
export interface PostingState {
  /** A post just failed because of who the reader is or the thread's state: the notice says so as an alert. */
  stateChanged: boolean;
}

export interface Posting {
  /** The form for a new top-level comment. */
  composer(): TemplateResult;
  /** Comments with an open reply form (the host re-renders them). */
  liveIds(): string[];
  /** The Reply button under `comment`. */
  replyButton(comment: Comment): HTMLElement | typeof litNothing;
  /** The inline reply form under `comment`, when open. */
  replyForm(comment: Comment): TemplateResult | typeof litNothing;
  /** Closes the reply form (the thread is reloading). */
  reset(): void;
}

/** Length as the backend counts it: trimmed, in Unicode code points. */
const bodyLength = (text: string): number => [...text.trim()].length;

/** Binds the chunk to the bundle's Lit and helpers; returns the posting maker for each element. */
export const posting = (kit: Kit) => {
  const { html, ApiError: Failure, emit, describeError } = kit;
  const nothing: typeof litNothing = kit.nothing;
  kit.addEnglish(enPosting);
  const sheet = kit.unsafeCSS(RULES);

  /** What went wrong, in the reader's words, with the next step. */
  const postErrorText = (error: ApiError, t: ParleyStrings) =>
    error.code === 'comment_not_found' ? t.parentGone
      : error.code === 'invalid_body' || error.status === 413 ? t.invalidBody
        : error.status === 429 ? describeError(error, t)
          : `${t.postFailed} ${describeError(error, t)}`;

  const buttons = kit.actionButtons('reply-button');

  return (host: ParleyHost, state: PostingState): Posting => {
    /** Drafts by storage slot (thread id and parent id). */
    const drafts = new Map<string, DraftState>();
    /** The comment whose reply form is open. */
    let replying: string | null = null;
    host.addStyles(sheet);
    const text = () => host.text as ParleyStrings;
    host.renderRoot.addEventListener('click', (e) => {
      const comment = buttons.owner(e.target as Element);
      if (comment) void (replying === comment.id ? closeReply() : ((replying = comment.id), focus('#reply-input')));
    });

    /** Renders, then moves focus to `selector`. */
    const focus = async (selector: string) => {
      host.requestUpdate();
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    };

    const closeReply = () => {
      const id = replying;
      replying = null;
      void focus(`[data-comment-id="${CSS.escape(id!)}"] [part~="reply-button"]`);
    };

    /** The draft for a parent (`''`: a new top-level comment) in the current thread. */
    const draftFor = (parentId: string): DraftState => {
      const threadId = host.resolvedThreadId;
      const slot = `${threadId}#${parentId}`;
      let draft = drafts.get(slot);
      if (!draft) {
        const saved = readDraft(threadId, parentId);
        drafts.set(slot, (draft = { text: '', key: newDraftKey(), ...saved, busy: false, error: null, restored: !!saved }));
      }
      return draft;
    };

    const post = async (parent: Comment | null, draft: DraftState) => {
      const { threadState: thread } = host;
      const t = text();
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
        if (thread.thread?.id !== threadId) return; // the page moved on to another article
        // Counted already when the live stream told of it first.
        thread.insertComment(comment, (host as Partial<ViewHost>).liveState?.feature?.told(comment.id));
        host.announce(comment.status === 'pending' ? t.postedPending : parent ? t.replyPosted : t.posted);
        emit(host, 'parley-posted', { comment });
        if (parentId && replying === parentId) closeReply();
        // Post is disabled once the field empties, which would drop its focus to <body>: back to the field.
        else if (!parentId) void host.updateComplete.then(() => void ((host.renderRoot as ShadowRoot).activeElement?.matches(':disabled') && focus('#composer-input')));
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
        draft.busy = false;
        host.reportError('post', error);
        // Errors about who the reader is or the thread's state switch to that state; the draft
        // stays saved for when it changes. Others are said at the field.
        const { code } = error;
        const viewer = { ...thread.viewer!, suspendedUntil: null };
        if (code === 'unauthenticated') thread.viewer = null;
        else if (code === 'not_subscriber') thread.viewer = { ...viewer, subscriber: false };
        else if (code === 'banned' || code === 'suspended') thread.viewer = { ...viewer, status: code };
        else if (code === 'thread_closed') thread.thread = { ...thread.thread!, status: 'closed' };
        else return void ((draft.error = error), host.requestUpdate());
        state.stateChanged = true;
        replying = null;
        void focus('[role="alert"][tabindex]');
      }
    };

    /**
     * The comment form: a labelled textarea, a character counter, Ctrl/Cmd+Enter to post, a
     * busy state, and the error of the last attempt at the field.
     */
    const form = (parent: Comment | null) => {
      const t = text();
      const draft = draftFor(parent?.id ?? '');
      const id = parent ? 'reply' : 'composer';
      const { error, busy } = draft;
      const left = host.threadState.thread!.maxCommentLength - bodyLength(draft.text);
      const empty = !draft.text.trim();
      const submit = () => void post(parent, draft);
      const cancel = parent && closeReply;
      const onKeydown = (event: KeyboardEvent) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          if (!empty && left >= 0) submit();
        } else if (event.key === 'Escape' && cancel) {
          event.preventDefault();
          cancel();
        }
      };
      const onInput = (event: InputEvent) => {
        const { value } = event.target as HTMLTextAreaElement;
        // Emptying the field starts a new draft, with a new key.
        Object.assign(draft, { text: value, restored: false, key: value ? draft.key : newDraftKey() });
        writeDraft(host.resolvedThreadId, parent?.id ?? '', draft);
        host.requestUpdate();
      };
      return html`<form part="composer" class="composer"
        @keydown=${onKeydown} @submit=${(event: Event) => { event.preventDefault(); submit(); }}>
        <label for=${`${id}-input`}>${parent ? t.replyLabel(parent.author.displayName) : t.composerLabel}</label>
        <textarea part="composer-input" id=${`${id}-input`} .value=${draft.text} ?readonly=${busy}
          placeholder=${t.composerPlaceholder} aria-invalid=${left < 0 || !!error}
          aria-describedby=${`${id}-count ${id}-error`} @input=${onInput}></textarea>
        <div class="row">
          <span id=${`${id}-count`} class=${left < 0 ? 'over' : ''}>${left < 0 ? t.charactersOver(-left) : t.charactersLeft(left)}</span>
          <span class="hint">${draft.restored ? t.draftRestored : t.shortcutHint}</span>
          ${cancel ? html`<button type="button" @click=${cancel}>${t.composerCancel}</button>` : nothing}
          <button part="composer-submit" class="primary" ?disabled=${empty || left < 0} aria-disabled=${busy}>
            ${busy ? t.posting : parent ? t.replySubmit : t.composerSubmit}
          </button>
        </div>
        <div id=${`${id}-error`} role="alert">${error
          ? html`<div part="error" class="error"><p>${postErrorText(error, t)}</p>${error.retryable
            ? html`<button part="retry" type="button" @click=${submit}>${t.retry}</button>` : nothing}</div>`
          : nothing}</div>
      </form>`;
    };

    return {
      composer: () => form(null),
      liveIds: () => (replying ? [replying] : []),
      /**
       * Built by hand once per comment and brought up to date in place, as the Report button
       * is (a template instance per comment costs a page of 100 more than the buttons); its
       * clicks reach one listener on the shadow root.
       */
      replyButton(comment): HTMLElement | typeof litNothing {
        if (comment.status !== 'published') return nothing;
        const t = text();
        const button = buttons.of(comment);
        button.className = 'link-button';
        button.setAttribute('aria-expanded', String(replying === comment.id));
        button.setAttribute('aria-label', t.replyTo(comment.author.displayName));
        button.textContent = t.reply;
        return button;
      },
      replyForm: (comment): TemplateResult | typeof litNothing => (replying === comment.id ? form(comment) : nothing),
      reset() {
        replying = null;
      },
    };
  };
};
