/**
 * The thread as the reader sees it once it has loaded: the conversations (a page at a time,
 * each comment built once), Show more and more replies, the closed and empty notices, the area
 * above the comments (subscribe prompt, notices, the comment form), the Report buttons, and
 * their English and styles. What the widget needs before the comments arrive (the header, the
 * loading placeholder, errors, the request itself) is the bundle every article page loads; this
 * is a chunk of its own, fetched alongside the thread's first request, so a reader who never
 * scrolls to the comments never downloads it, and one who does waits for whichever of the two
 * comes last. Like every chunk it imports nothing from the bundle (`Kit`).
 */
import type { nothing as litNothing, TemplateResult } from 'lit';
import type { Comment } from '../api/types.js';
import { commentRenderer, type CommentView, type ViewText } from '../components/comment.js';
import { ReportController } from '../controllers/reporting.js';
import { fullDate, longDay, prepareFormats } from '../format/time.js';
import type { ViewHost } from '../host.js';
import { enView } from '../i18n/en-view.js';
import type { Kit } from '../kit.js';
import type { Engage } from './engage.js';
import { viewStyles } from './thread-view.styles.js';

/** The view's style rules, also for the benchmark's baseline, which adopts the widget's own sheets. */
export { viewStyles };

export interface ThreadView {
  /** Above the comments: a notice, the subscribe prompt, or the comment form. */
  area(): TemplateResult;
  /** The closed and empty notices, the first `shown` top-level conversations, and Show more. */
  thread(shown: number): TemplateResult;
  /** The thread is off screen (loading again, failed): what each list slot last rendered is forgotten. */
  clear(): void;
}

/** Binds the chunk to the bundle's Lit and helpers; returns the view maker for each element. */
export const threadView = (kit: Kit) => {
  const { html, noChange } = kit;
  const nothing: typeof litNothing = kit.nothing;
  kit.addEnglish(enView);
  const sheet = viewStyles(kit.css);
  const renderConversation = commentRenderer(kit);

  return (host: ViewHost): ThreadView => {
    host.addStyles(sheet);
    const { threadState: state, participation } = host;
    const reports = new ReportController(host, kit);
    const { liveState } = host;
    // Recommend, Featured, Edit and Delete: their own chunk; the comments redraw when it lands.
    let engaged: Engage | undefined;
    kit.loadEngage().then((make) => ((engaged = make(host)), host.requestUpdate()), () => undefined);
    const permalink = () => host.resolvedThreadUrl.replace(/#.*/, '');
    const text = () => host.text as ViewText;
    // A comment's full date (and when it was edited) as the time's tooltip, made when the pointer
    // first comes to it: no comment on the first screen waits for a date (nor a page's first
    // `Intl` object) it may never show.
    host.renderRoot.addEventListener('pointerover', (event) => {
      const time = (event.target as Element).closest?.('time');
      if (!time || time.title) return;
      const date = fullDate(time.dateTime, host.locale);
      time.title = time.className ? text().editedTitle(date) : date;
    });
    // Usually here before the thread: make the date formatters the comments will need meanwhile.
    setTimeout(() => prepareFormats(host.locale));

    /**
     * What each list slot last rendered, so an unchanged conversation is skipped (`noChange`):
     * for the loaded pages, and for the comments the viewer posted on top of them, which have
     * their own group so that a new comment does not shift every slot below it.
     */
    let slots: unknown[][] = [];
    let postedSlots: unknown[][] = [];

    /**
     * The conversations in groups of one page each. An offscreen group is skipped whole by
     * `content-visibility`, so each frame's style, layout and paint stay the same size however
     * many pages the reader has loaded. The groups are `role="none"`: readers still meet one list.
     */
    const renderPages = (conversations: unknown[], size = host.pageLength): TemplateResult[] => {
      const pages: TemplateResult[] = [];
      for (let i = 0; i < conversations.length; i += size) {
        pages.push(html`<li class="page" role="none"><ol role="none">${conversations.slice(i, i + size)}</ol></li>`);
      }
      return pages;
    };

    /**
     * The conversations, skipping each one whose inputs are the same as when its slot last
     * rendered it, so a keystroke or another page does not re-render the whole thread.
     */
    const renderConversations = (comments: Comment[], view: CommentView, slots: unknown[][]): unknown[] => {
      const { viewer, thread, conversations } = state;
      const live = new Set([...participation.liveIds(), ...reports.liveIds(), ...engaged?.liveIds() ?? []]);
      const minute = Math.floor(view.now / 60_000);
      // The Reply buttons come with the posting chunk: one arriving late (a retry) redraws them.
      const posting = participation.posting;
      const rendered = comments.map((comment, i) => {
        const conversation = conversations.get(comment.id);
        const replies = conversation?.replies ?? comment.replies;
        const inputs = [comment, replies, conversation?.loading, conversation?.error, conversation?.cursor,
          conversation?.fetched, conversation?.total, viewer, thread?.status, view.strings, view.locale, minute, posting,
          liveState.feature, liveState.feature?.waiting(comment.id), view.permalink, engaged];
        const isLive = live.has(comment.id) || replies.some((reply) => live.has(reply.id));
        const previous = slots[i];
        if (!isLive && previous?.length === inputs.length && previous.every((value, k) => value === inputs[k])) return noChange;
        slots[i] = isLive ? [] : inputs;
        return renderConversation(comment, replies, view, renderRepliesMore(comment));
      });
      slots.length = comments.length;
      return rendered;
    };

    const renderRepliesMore = (comment: Comment): TemplateResult | typeof nothing => {
      const conversation = state.conversations.get(comment.id);
      if (!conversation) return nothing;
      const t = text();
      if (conversation.error) {
        return host.renderError(t.repliesFailed, conversation.error, () => void onRepliesMore(comment.id));
      }
      if (!state.hasMoreReplies(comment.id)) return liveState.feature?.repliesBar(comment.id) ?? nothing;
      const remaining = state.remainingReplies(comment.id);
      return html`<button part="replies-more" class="link-button replies-more" type="button"
        aria-disabled=${conversation.loading ? 'true' : 'false'} @click=${() => onRepliesMore(comment.id)}
      >${remaining ? t.repliesMore(remaining) : t.repliesMoreUnknown}</button>`;
    };

    /** What each comment needs to render; the participation features add actions and forms. */
    const commentView = (): CommentView => ({
      host,
      strings: text(),
      locale: host.locale,
      now: Date.now(),
      permalink: permalink(),
      reply: (comment) => (participation.canPost && participation.posting?.replyButton(comment)) || nothing,
      report: (comment) => reports.renderButton(comment),
      engage: (comment) => engaged?.actions(comment) ?? [],
      copy: (comment) => liveState.feature?.copy(comment) ?? nothing,
      below: (comment) => {
        const reply = (participation.canPost && participation.posting?.replyForm(comment)) || nothing;
        const report = reports.renderForm(comment);
        const own = engaged?.below(comment) ?? nothing;
        return reply === nothing && report === nothing && own === nothing ? nothing : [own, reply, report];
      },
    });

    const onLoadMore = async (): Promise<void> => {
      if (state.loadingMore) return;
      const before = state.comments.length;
      await state.loadMore();
      await host.updateComplete;
      const added = state.comments.length - before;
      if (added >= 0 && !state.moreError) host.announce(text().moreLoaded(added));
      keepFocus(!!state.nextCursor, state.comments[before]?.id);
    };

    const onRepliesMore = async (commentId: string): Promise<void> => {
      const before = state.conversations.get(commentId)?.replies.length ?? 0;
      const added = await state.loadReplies(commentId);
      await host.updateComplete;
      if (added) host.announce(text().repliesLoaded(added));
      keepFocus(state.hasMoreReplies(commentId), state.conversations.get(commentId)?.replies[before]?.id);
    };

    /** When the button the reader pressed has gone, move focus to the first new comment. */
    const keepFocus = (buttonStays: boolean, firstNewId: string | undefined): void => {
      const root = host.renderRoot as ShadowRoot;
      if (buttonStays || root.activeElement || !firstNewId) return; // focus is still in the widget
      if (document.activeElement !== document.body && document.activeElement !== host) return; // the reader moved on
      const article = root.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(firstNewId)}"]`);
      if (!article) return;
      article.tabIndex = -1;
      article.focus();
    };

    return {
      thread(shown) {
        const t = text();
        const { thread, comments, prepended, nextCursor, loadingMore, moreError } = state;
        const view = commentView();
        const posted = renderConversations(comments.slice(0, prepended), view, postedSlots);
        return html`
          ${thread?.status === 'closed' ? html`<p part="notice" class="notice">${t.closed}</p>` : nothing}
          ${comments.length === 0 ? html`<p class="empty">${thread?.status === 'closed' ? t.empty : t.emptyInvite}</p>` : nothing}
          ${engaged?.featured() ?? nothing}
          ${liveState.feature?.bar() ?? nothing}
          <ol class="thread" role="list">${posted.length ? renderPages(posted, posted.length) : nothing}${
            renderPages(renderConversations(comments.slice(prepended, Math.max(prepended, shown)), view, slots))}</ol>
          ${moreError ? host.renderError(t.loadMoreFailed, moreError, () => void state.loadMore()) : nothing}
          ${nextCursor && !moreError
            ? html`<button part="load-more" class="more" type="button" aria-disabled=${loadingMore ? 'true' : 'false'}
                @click=${onLoadMore}>${loadingMore ? t.loadingMore : t.loadMore}</button>`
            : nothing}
        `;
      },

      clear() {
        slots = [];
        postedSlots = [];
      },

      area() {
        const { stateChanged } = participation;
        const t = text();
        const { thread, viewer } = state;
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
        const { failed } = participation;
        // The prompt (and with it the slot) is in the tree from the view's arrival on, hidden when it does not apply.
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
          ${participation.canPost ? participation.ready?.composer() ?? (failed && host.renderError(t.postingFailed, failed,
            // After a time-out the fetch is still out (it cannot be restarted): no retry, the form comes if it lands.
            failed.kind === 'timeout' ? undefined : () => participation.fetch())) : nothing}`;
      },
    };
  };
};
