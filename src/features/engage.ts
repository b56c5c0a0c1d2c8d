/**
 * Readers shaping the conversation (#16): the Recommend toggle with its count, the Featured
 * strip above the thread, and the reader's own Edit and Delete while the edit window is open.
 * A chunk of its own (`parley-engage.js`), fetched by the thread view when it arrives; until
 * it is here the comments show without these controls (then redraw). Like every chunk it
 * imports nothing from the bundle (`Kit`). Recommend is optimistic: the count moves at once and
 * goes back, with a message, if the backend refuses; what shows after is what the backend said.
 */
import type { nothing as litNothing, TemplateResult } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { Comment } from '../api/types.js';
import type { ViewHost } from '../host.js';
import { enEngage } from '../i18n/en-engage.js';
import type { ParleyStrings } from '../i18n/en.js';
import type { Kit } from '../kit.js';
import { engageStyles } from './engage.styles.js';

export interface Engage {
  /** Recommend, and Edit and Delete on the reader's own comment, for its actions row. */
  actions(comment: Comment): HTMLElement[];
  /** The edit form, the delete confirmation or a notice under a comment. */
  below(comment: Comment): TemplateResult | typeof litNothing;
  /** The Featured strip above the thread, when the thread has featured comments. */
  featured(): TemplateResult | typeof litNothing;
  /** Comments whose rendering differs from the thread data alone (the host re-renders them). */
  liveIds(): string[];
}

type Text = ParleyStrings;
interface Recommendation { on: boolean; count: number }
interface Editing { id: string; draft: string; error: string; busy: boolean; mode: 'edit' | 'delete' }

/** The answer to PUT/DELETE …/recommendation, checked before it is believed. */
function readRecommendation(value: unknown): Recommendation {
  const o = (value ?? {}) as { recommendations?: unknown; viewerRecommended?: unknown };
  const count = o.recommendations;
  if (!Number.isSafeInteger(count) || (count as number) < 0 || typeof o.viewerRecommended !== 'boolean') throw new TypeError('recommendation');
  return { on: o.viewerRecommended, count: count as number };
}

export const engage = (kit: Kit) => {
  const { html } = kit;
  const nothing: typeof litNothing = kit.nothing;
  kit.addEnglish(enEngage);
  const sheet = engageStyles(kit.css);

  return (host: ViewHost): Engage => {
    host.addStyles(sheet);
    const state = host.threadState;
    const text = () => host.text as Text;
    const buttons = kit.actionButtons('recommend-button');
    const edits = kit.actionButtons('edit-button');
    const deletes = kit.actionButtons('delete-button');
    const counts = new WeakMap<Comment, HTMLElement>();
    /** What the backend said (or, while asked, what the reader pressed), by comment id. */
    const recommended = new Map<string, Recommendation>();
    const asking = new Set<string>();
    /** A notice under one comment: a failed recommendation, or "sign in first". */
    let notice: { id: string; text: string; signIn: boolean } | undefined;
    let open: Editing | undefined;

    host.addController({
      hostUpdate() {
        // A reload brings fresh counts and maybe another viewer: start over.
        if (state.status !== 'loading') return;
        recommended.clear();
        notice = open = undefined;
      },
    });

    const current = (c: Comment): Recommendation => recommended.get(c.id) ?? { on: c.viewerRecommended, count: c.recommendations };
    const find = (id: string, part: string) =>
      host.renderRoot.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(id)}"] [part~="${part}"]`);
    const focusAfterUpdate = (id: string, part: string) => void host.updateComplete.then(() => find(id, part)?.focus());
    /** Words for a failure: the backend's own reason when it is one a reader can act on. */
    const why = (error: ApiError, fallback: string): string =>
      error.status === 403 || error.status === 404 ? fallback : `${fallback} ${kit.describeError(error, host.text)}`;

    host.renderRoot.addEventListener('click', (event) => {
      const target = (event.target as Element).closest?.('button');
      const comment = buttons.owner(target);
      if (comment) void toggle(comment);
      const mine = edits.owner(target) ?? deletes.owner(target);
      if (mine) start(mine, edits.owner(target) ? 'edit' : 'delete');
    });

    async function toggle(comment: Comment): Promise<void> {
      const { id } = comment;
      const t = text();
      const viewer = state.viewer;
      notice = undefined;
      if (!viewer || !viewer.subscriber) {
        // Signed out: the page may open its own sign-in (and prevent the event); else say so here.
        if (viewer || host.requestNavigation('sign-in')) notice = { id, text: viewer ? t.recommendSubscribers : t.recommendSignIn, signIn: !viewer };
        return host.requestUpdate();
      }
      if (asking.has(id)) return;
      const before = current(comment);
      recommended.set(id, { on: !before.on, count: Math.max(0, before.count + (before.on ? -1 : 1)) });
      asking.add(id);
      host.requestUpdate();
      try {
        recommended.set(id, await host.client.request(`comments/${encodeURIComponent(id)}/recommendation`, {
          method: before.on ? 'DELETE' : 'PUT',
          decode: readRecommendation,
        }));
      } catch (error) {
        recommended.set(id, before);
        if (!(error instanceof kit.ApiError)) throw error;
        notice = { id, text: why(error, t.recommendFailed), signIn: error.status === 401 };
        host.reportError('recommend', error);
      } finally {
        asking.delete(id);
        host.requestUpdate();
      }
    }

    const recommendButton = (comment: Comment): HTMLElement => {
      const t = text();
      const { on, count } = current(comment);
      const button = buttons.of(comment);
      button.className = on ? 'link-button recommend on' : 'link-button recommend';
      button.setAttribute('aria-pressed', String(on));
      // The visible "Recommend 2" is its name (inside the comment's labelled article); the title says whose.
      button.title = t.recommendComment(comment.author.displayName);
      const number = document.createElement('span');
      number.className = 'count';
      number.textContent = String(count);
      button.replaceChildren(t.recommend, ' ', number);
      return button;
    };

    /** The reader's own comment, still theirs to change: published or pending, in the window. */
    const editable = (comment: Comment): boolean => {
      const { viewer, thread } = state;
      return !!viewer && comment.author.id === viewer.id && comment.status !== 'removed' && !!thread
        && Date.now() - Date.parse(comment.createdAt) < thread.editWindowSeconds * 1000;
    };

    /** Swaps in the backend's answer wherever the comment shows; a conversation keeps its replies. */
    function replace(updated: Comment): void {
      const swap = (list: Comment[]) => list.map((c) => (c.id === updated.id
        ? { ...updated, replies: c.replies, replyCount: c.replyCount } : c));
      state.comments = swap(state.comments);
      state.featured = swap(state.featured).filter((c) => c.featured && c.status === 'published');
      for (const conversation of state.conversations.values()) conversation.replies = swap(conversation.replies);
    }

    const start = (comment: Comment, mode: Editing['mode']) => {
      open = { id: comment.id, draft: comment.body, error: '', busy: false, mode };
      notice = undefined;
      host.requestUpdate();
      focusAfterUpdate(comment.id, mode === 'edit' ? 'edit-input' : 'delete-confirm-button');
    };

    const close = () => {
      const id = open?.id;
      open = undefined;
      host.requestUpdate();
      if (id) focusAfterUpdate(id, 'edit-button');
    };

    async function submit(comment: Comment): Promise<void> {
      const editing = open;
      if (!editing || editing.busy) return;
      const t = text();
      const max = state.thread?.maxCommentLength ?? Infinity;
      const body = editing.draft.replace(/\r\n?/g, '\n').trim();
      const deleting = editing.mode === 'delete';
      editing.error = deleting ? '' : !body ? t.editEmpty : [...body].length > max ? t.editTooLong(max) : '';
      if (editing.error) return host.requestUpdate();
      editing.busy = true;
      host.requestUpdate();
      try {
        const updated = await host.client.request(`comments/${encodeURIComponent(comment.id)}`, deleting
          ? { method: 'DELETE', decode: (v) => kit.decodeComment(v) }
          : { method: 'PATCH', body: { body }, decode: (v) => kit.decodeComment(v) });
        replace(updated);
        open = undefined;
        host.announce(deleting ? t.deleted : t.editSaved);
        // Focus goes back to Edit; after a deletion (no Edit any more) to the placeholder.
        if (!deleting) focusAfterUpdate(comment.id, 'edit-button');
        else void host.updateComplete.then(() => {
          const article = host.renderRoot.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(comment.id)}"]`);
          if (article) (article.tabIndex = -1), article.focus();
        });
      } catch (error) {
        if (!(error instanceof kit.ApiError)) throw error;
        // The draft stays; the reason shows under it.
        editing.busy = false;
        editing.error = error.code === 'edit_window_closed' ? t.editClosed : why(error, deleting ? t.deleteFailed : t.editFailed);
        host.reportError(deleting ? 'delete' : 'edit', error);
      }
      host.requestUpdate();
    }

    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close();
    };

    const signIn = () => html` <a part="sign-in-link" href=${host.signInUrl || '#'}
      @click=${(e: Event) => (host.requestNavigation('sign-in') && host.signInUrl) || e.preventDefault()}>${text().signIn}</a>`;

    return {
      actions(comment) {
        const t = text();
        const shown: HTMLElement[] = [];
        const own = comment.author.id === state.viewer?.id;
        const { count } = current(comment);
        if (comment.status === 'published' && !own) shown.push(recommendButton(comment));
        else if (comment.status === 'published' && count) {
          let span = counts.get(comment);
          if (!span) counts.set(comment, (span = document.createElement('span')));
          span.setAttribute('part', 'recommendations');
          span.className = 'recommendations';
          span.textContent = t.recommendations(count);
          shown.push(span);
        }
        if (editable(comment) && open?.id !== comment.id) {
          for (const [made, label] of [[edits, t.edit], [deletes, t.delete]] as const) {
            const button = made.of(comment);
            button.className = 'link-button';
            button.textContent = label;
            shown.push(button);
          }
        }
        return shown;
      },

      below(comment) {
        const t = text();
        if (notice?.id === comment.id) {
          return html`<p part="notice" class="notice" role="alert">${notice.text}${notice.signIn ? signIn() : nothing}</p>`;
        }
        if (open?.id !== comment.id) return nothing;
        const editing = open;
        const error = editing.error ? html`<p part="notice" class="notice" role="alert">${editing.error}</p>` : nothing;
        if (editing.mode === 'delete') {
          return html`<div part="delete-confirm" class="edit delete" role="group" aria-label=${t.deleteConfirm} @keydown=${onKey}>
            <p>${t.deleteConfirm}</p>${error}
            <p class="row"><button part="delete-confirm-button" type="button" class="primary" aria-disabled=${editing.busy ? "true" : "false"}
              @click=${() => submit(comment)}>${t.delete}</button>
            <button part="delete-cancel" type="button" @click=${close}>${t.cancel}</button></p>
          </div>`;
        }
        return html`<form part="edit-form" class="edit" @keydown=${onKey}
          @submit=${(e: Event) => (e.preventDefault(), void submit(comment))}>
          <textarea part="edit-input" aria-label=${t.editLabel} rows="4" .value=${editing.draft}
            @input=${(e: Event) => (editing.draft = (e.target as HTMLTextAreaElement).value)}></textarea>
          ${error}
          <p class="row"><button part="edit-save" type="submit" class="primary" aria-disabled=${editing.busy ? "true" : "false"}>${t.save}</button>
          <button part="edit-cancel" type="button" @click=${close}>${t.cancel}</button></p>
        </form>`;
      },

      featured() {
        const list = state.featured;
        if (!list.length) return nothing;
        const t = text();
        const permalink = host.resolvedThreadUrl.replace(/#.*/, '');
        return html`<section part="featured" class="featured" aria-labelledby="parley-featured">
          <h3 id="parley-featured">${t.featuredTitle}</h3>
          <ul role="list">${list.map((c) => html`<li part="featured-comment">
            <span class="author">${c.author.displayName}</span>
            <p class="body">${c.body}</p>
            <a part="featured-link" href=${`${permalink}#comment-${encodeURIComponent(c.id)}`}>${t.featuredGoTo(c.author.displayName)}</a>
          </li>`)}</ul>
        </section>`;
      },

      liveIds: () => [...recommended.keys(), notice?.id ?? '', open?.id ?? ''],
    };
  };
};
