/**
 * The conversation, live, and links to one comment: the chunk `parley-live.js`.
 *
 * Live: once a thread has loaded and the element is on screen, it reads `GET /events` (docs/api.md)
 * with `fetch` — so a signed-in reader's token goes as a header, never in a URL — from where the
 * first page ended (`lastEventId`), and reconnects with backoff (the server's `retry:` first)
 * from the last event it had. New top-level comments wait behind a "Show N new comments" button
 * above the list, and new replies behind one at the end of their conversation, so nothing moves
 * the text being read; removals and closing show in place; the count follows. Closed when the
 * element leaves the page or its tab stays hidden for a while.
 *
 * Links: an address naming `#comment-{id}` loads that comment's context first (its conversation
 * through it, the list going on after it), scrolls it into view once and marks it.
 *
 * Like every chunk it imports nothing from the bundle (`Kit`).
 */
import type { nothing as litNothing, ReactiveController, TemplateResult } from 'lit';
import type { Comment, ThreadPage } from '../api/types.js';
import type { LiveHost } from '../host.js';
import { enLive, type LiveStrings } from '../i18n/en-live.js';
import type { Kit } from '../kit.js';

/** How long things take; a test may shorten them. @internal */
export const timings = {
  /** A tab hidden this long closes its stream (it reopens, and catches up, when seen again). */
  hiddenMs: 60_000,
  /** Nothing at all (not even the 25 s keep-alive) for this long: the connection is dead. */
  silenceMs: 70_000,
  /** The first wait before reconnecting, until the server's `retry:` says otherwise. */
  retryMs: 3000,
  /** The longest wait between reconnections. */
  maxBackoffMs: 60_000,
};

/**
 * Answers that mean "no live updates here" (or not for this reader): the widget stops asking
 * until the next load. A 401 is not one: the next try asks `getAuthToken` for a fresh token.
 */
const FINAL = [403, 404, 405, 410, 501];

export interface LiveFeature extends ReactiveController {
  /** Above the list: the new-comments button, the linked comment's notices. */
  bar(): TemplateResult | typeof litNothing;
  /** At the end of a conversation: its new-replies button. */
  repliesBar(rootId: string): TemplateResult | typeof litNothing;
  /** The conversation's waiting replies (a new array whenever they change). */
  waiting(rootId: string): readonly Comment[] | undefined;
  /** Whether the stream has told of this comment (and so the count includes it). */
  told(id: string): boolean;
  /** A linked comment's context as the first page; null to load the thread as usual. */
  context(id: string, signal: AbortSignal): Promise<ThreadPage | null>;
  /** The comment's Copy link button (none for a removed comment). */
  copy(comment: Comment): HTMLElement | typeof litNothing;
}

type Text = LiveStrings & { repliesMore: (n: number) => string };

export const liveFeature = (kit: Kit) => {
  const { html, css, ApiError, decodeComment, decodeThreadPage } = kit;
  const nothing: typeof litNothing = kit.nothing;
  kit.addEnglish(enLive);
  const sheet = css`
    .new-comments { display: block; margin: 0 0 var(--parley-spacing, 1rem); }
    .comment[aria-current] {
      box-shadow: inset 4px 0 0 var(--parley-accent, #0b57d0);
      background: var(--parley-surface-alt, #f3f4f6);
      padding-inline-start: calc(var(--parley-spacing, 1rem) * 0.75);
    }
    .comment[aria-current]::before {
      content: attr(data-linked);
      display: block;
      font-size: 0.875em;
      font-weight: 600;
      color: var(--parley-accent, #0b57d0);
    }
  `;

  return (host: LiveHost): LiveFeature => {
    host.addStyles(sheet);
    const state = host.threadState;
    const text = () => host.text as unknown as Text;

    /** New top-level comments, oldest first, and new replies per conversation, waiting for a press. */
    let waitingTop: Comment[] = [];
    const waitingReplies = new Map<string, Comment[]>();
    /** Comments the stream has told of: their `count` came with them. */
    const seen = new Set<string>();
    /** The stream could not replay what was missed: the reader is offered a fresh first page. */
    let stale = false;
    /** The first page the stream follows, and the last event it had. */
    let loads = -1;
    let lastId: string | null = null;

    let abort: AbortController | null = null;
    let retryMs = timings.retryMs;
    let failures = 0;
    let gaveUp = false;
    let reconnect: ReturnType<typeof setTimeout> | undefined;
    let onScreen = false;
    let hidden: ReturnType<typeof setTimeout> | undefined;
    let hiddenLong = false;
    let announced: ReturnType<typeof setTimeout> | undefined;

    /** The linked comment: its id, whether it was scrolled to; whether a link named one that is gone. */
    let linked: { id: string; shown: boolean } | null = null;
    /** Where the linked comment's conversation goes on, for the first page it arrives in. */
    let linkedReplies: { rootId: string; cursor: string | null } | null = null;
    let missing = false;

    // Once seen, the thread stays live while it is on the page: scrolling past it does not
    // close and reopen the stream.
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      onScreen = true;
      observer.disconnect();
      sync();
    });
    const onVisibility = (): void => {
      clearTimeout(hidden);
      if (document.hidden) {
        hidden = setTimeout(() => ((hiddenLong = true), sync()), timings.hiddenMs);
      } else {
        hiddenLong = false;
        sync();
      }
    };

    /** Opens or closes the stream to match what the reader can see. */
    function sync(): void {
      if (state.loads !== loads) {
        // A new first page (reload, another sort, Try again): it is the new starting point.
        loads = state.loads;
        lastId = state.lastEventId;
        // The linked conversation arrived from its start through the comment: it goes on from its cursor.
        const conversation = linkedReplies && state.conversations.get(linkedReplies.rootId);
        if (conversation) Object.assign(conversation, { fetched: true, cursor: linkedReplies!.cursor });
        linkedReplies = null;
        waitingTop = [];
        waitingReplies.clear();
        stale = gaveUp = false;
        failures = 0;
        clearTimeout(announced);
        close();
      }
      // What the reader's own post (or anything else) has put on screen meanwhile waits no more.
      // (Its button was drawn in the update that showed it: draw again without it.)
      const shown = (c: Comment) => where(c.id, false) !== undefined;
      let settled = false;
      if (waitingTop.some(shown)) (waitingTop = waitingTop.filter((c) => !shown(c))), (settled = true);
      for (const [rootId, list] of waitingReplies) if (list.some(shown)) waitingReplies.set(rootId, list.filter((c) => !shown(c))), (settled = true);
      if (settled) host.requestUpdate();
      const wanted = host.isConnected && host.live !== 'off' && state.status === 'ready' && onScreen && !hiddenLong && !gaveUp;
      if (!wanted) close();
      else if (!abort && !reconnect) void connect();
    }

    function close(): void {
      abort?.abort();
      abort = null;
      clearTimeout(reconnect);
      reconnect = undefined;
    }

    async function connect(): Promise<void> {
      const controller = (abort = new AbortController());
      let silence: ReturnType<typeof setTimeout> | undefined;
      const alive = (): void => {
        clearTimeout(silence);
        silence = setTimeout(() => controller.abort(), timings.silenceMs);
      };
      try {
        let token: string | null | undefined = null;
        try {
          token = await host.getAuthToken?.();
        } catch {
          // a failing provider means "signed out", as for every request
        }
        if (controller.signal.aborted) return;
        const headers: Record<string, string> = { Accept: 'text/event-stream' };
        if (token) headers.Authorization = `Bearer ${token}`;
        alive();
        // `since` rather than Last-Event-ID: a signed-out reader's stream then needs no preflight.
        const response = await fetch(host.client.url('events', { thread: host.resolvedThreadId, since: lastId }), {
          headers, credentials: host.credentials, cache: 'no-store', signal: controller.signal,
        });
        if (!response.ok || !response.body) {
          // Not a stream: no live updates here (stop asking), or a failure (back off, ask again).
          gaveUp = FINAL.includes(response.status);
          throw new Error(String(response.status));
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        let event = '';
        let data = '';
        let id: string | null = null;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          alive();
          const lines = (buffer + value).split(/\r\n|\r|\n/);
          buffer = lines.pop()!;
          for (const line of lines) {
            if (line === '') {
              if (data) dispatch(event || 'message', data, id);
              event = data = '';
              continue;
            }
            const colon = line.indexOf(':');
            if (colon === 0) continue; // a comment: the keep-alive
            const field = colon < 0 ? line : line.slice(0, colon);
            const content = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event = content;
            else if (field === 'data') data += data ? `\n${content}` : content;
            else if (field === 'id') id = content;
            else if (field === 'retry' && /^\d+$/.test(content)) retryMs = Number(content);
          }
        }
      } catch {
        // dropped, silent too long, or closed on purpose
      } finally {
        clearTimeout(silence);
      }
      if (abort !== controller) return; // closed on purpose: sync() decides what comes next
      abort = null;
      if (gaveUp) return;
      // Back off: the server's advice first, doubling to a minute, with jitter so a restarted
      // instance's readers do not all come back at once.
      const wait = Math.min(timings.maxBackoffMs, retryMs * 2 ** failures++) * (0.5 + Math.random() / 2);
      reconnect = setTimeout(() => {
        reconnect = undefined;
        sync();
      }, wait);
    }

    /** One event, decoded as strictly as every answer; a malformed one is skipped. */
    function dispatch(kind: string, data: string, id: string | null): void {
      if (id !== null) lastId = id;
      try {
        const value = JSON.parse(data) as Record<string, unknown>;
        if (kind === 'comment') arrived(decodeComment(value));
        else if (kind === 'removed' && typeof value.id === 'string') replace(value.id, (c) => ({ ...c, status: 'removed', body: '' }));
        else if (kind === 'thread' && state.thread) {
          state.thread = decodeThreadPage({ thread: value, viewer: null, comments: [], nextCursor: null }).thread;
        } else if (kind === 'count' && state.thread && Number.isSafeInteger(value.commentCount) && (value.commentCount as number) >= 0) {
          state.thread = { ...state.thread, commentCount: value.commentCount as number };
        } else if (kind === 'reset') stale = true;
        else if (kind === 'ready') failures = 0;
      } catch {
        return;
      }
      host.requestUpdate();
    }

    /** Where a comment is — shown, or (with `waiting`) waiting for a press: null on top, else its conversation's key. */
    function where(id: string, waiting = true): string | null | undefined {
      if (state.comments.some((c) => c.id === id) || (waiting && waitingTop.some((c) => c.id === id))) return null;
      for (const [rootId, conversation] of state.conversations) {
        if (conversation.replies.some((r) => r.id === id) || (waiting && waitingReplies.get(rootId)?.some((r) => r.id === id))) return rootId;
      }
      return undefined;
    }

    function arrived(comment: Comment): void {
      seen.add(comment.id);
      if (where(comment.id) !== undefined) {
        // Known already (the reader's own post, a replay, a restored comment): brought up to date in place.
        replace(comment.id, (old) => ({ ...comment, replies: old.replies, replyCount: old.replyCount }));
        return;
      }
      if (comment.parentId === null) {
        waitingTop = [...waitingTop, comment];
        // Said once things settle, not for each of a burst.
        clearTimeout(announced);
        announced = setTimeout(() => waitingTop.length && host.announce(text().newCommentsArrived(waitingTop.length)), 1500);
        return;
      }
      const rootId = state.conversations.has(comment.parentId) ? comment.parentId : where(comment.parentId);
      const conversation = rootId ? state.conversations.get(rootId) : undefined;
      if (!rootId || !conversation) return; // a conversation the reader has not loaded: the count says it
      if (state.hasMoreReplies(rootId)) {
        // Its "Show more replies" will bring it.
        conversation.total++;
        return;
      }
      waitingReplies.set(rootId, [...(waitingReplies.get(rootId) ?? []), comment]);
    }

    function replace(id: string, change: (comment: Comment) => Comment): void {
      const swap = (list: Comment[]) => (list.some((c) => c.id === id) ? list.map((c) => (c.id === id ? change(c) : c)) : list);
      state.comments = swap(state.comments);
      for (const conversation of state.conversations.values()) conversation.replies = swap(conversation.replies);
      waitingTop = swap(waitingTop).filter((c) => c.status !== 'removed');
      for (const [rootId, list] of waitingReplies) waitingReplies.set(rootId, swap(list).filter((c) => c.status !== 'removed'));
    }

    /** Shows what was waiting and moves focus to the first of it (the button pressed is gone). */
    async function show(list: Comment[], first: Comment | undefined): Promise<void> {
      for (const comment of list) state.insertComment(comment, true);
      host.requestUpdate();
      await host.updateComplete;
      const article = first && host.renderRoot.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(first.id)}"]`);
      if (!article) return;
      article.tabIndex = -1;
      article.focus();
    }

    const showComments = (): void => {
      clearTimeout(announced);
      const list = waitingTop;
      waitingTop = [];
      // Newest first puts the newest on top, oldest first at the end: focus goes to the one read first.
      void show(list, state.query?.sort === 'oldest' ? list[0] : list[list.length - 1]);
    };

    const showReplies = (rootId: string): void => {
      const list = waitingReplies.get(rootId) ?? [];
      waitingReplies.delete(rootId);
      void show(list, list[0]);
    };

    const showAll = (): void => {
      linked = null;
      missing = false;
      history.replaceState(history.state, '', location.pathname + location.search);
      void host.refresh();
    };

    /** Marks the linked comment and brings it into view, once, when it has rendered. */
    function mark(): void {
      // Lit reuses an article for another comment: the mark goes with the comment, not the element.
      for (const old of host.renderRoot.querySelectorAll<HTMLElement>('[aria-current]')) {
        if (old.dataset.commentId !== linked?.id) old.removeAttribute('aria-current');
      }
      if (!linked) return;
      const article = host.renderRoot.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(linked.id)}"]`);
      if (!article) return;
      article.setAttribute('aria-current', 'true');
      article.dataset.linked = text().linkedComment;
      if (linked.shown) return;
      linked.shown = true;
      article.tabIndex = -1;
      article.focus({ preventScroll: true });
      // Again once the frame has laid out what it skipped (`content-visibility`): the first scroll
      // was measured against the estimated sizes of what is off screen.
      const bring = () => article.scrollIntoView({ block: 'center' });
      bring();
      requestAnimationFrame(() => requestAnimationFrame(bring));
    }

    // Copy link: one button per comment, built once (like Report), one listener for them all. It
    // copies the address the comment's time links to, and says whether that worked, for 4 s.
    const copies = kit.actionButtons('copy-link');
    let copied: { comment: Comment; ok: boolean } | undefined;
    let copiedTimer: ReturnType<typeof setTimeout> | undefined;
    const label = (comment: Comment): HTMLElement => {
      const t = text();
      const button = copies.of(comment);
      const said = copied?.comment === comment ? (copied.ok ? t.linkCopied : t.copyFailed) : '';
      button.className = 'link-button';
      button.textContent = said || t.copyLink;
      button.setAttribute('aria-label', said || t.copyLinkComment(comment.author.displayName));
      return button;
    };
    /** What the buttons say: the comment copied last, and the one before it (back to "Copy link"). */
    const say = (next?: { comment: Comment; ok: boolean }): void => {
      const before = copied?.comment;
      copied = next;
      if (before) label(before);
      if (next) label(next.comment);
    };
    host.renderRoot.addEventListener('click', (event) => {
      const button = (event.target as Element).closest?.('[part~="copy-link"]');
      const comment = copies.owner(button);
      if (!comment) return;
      const done = (ok: boolean) => {
        say({ comment, ok });
        host.announce(ok ? text().linkCopied : text().copyFailed);
        clearTimeout(copiedTimer);
        copiedTimer = setTimeout(say, 4000);
      };
      // The address the comment's time links to. No clipboard where the page is not secure (http,
      // some web views): then it says so too.
      const href = button!.closest('article')!.querySelector<HTMLAnchorElement>('[part~="comment-link"]')!.href;
      Promise.resolve().then(() => navigator.clipboard.writeText(href)).then(() => done(true), () => done(false));
    });

    const feature: LiveFeature = {
      hostConnected() {
        if (!onScreen) observer.observe(host);
        document.addEventListener('visibilitychange', onVisibility);
      },
      hostDisconnected() {
        observer.disconnect();
        document.removeEventListener('visibilitychange', onVisibility);
        clearTimeout(hidden);
        clearTimeout(announced);
        close();
      },
      hostUpdated() {
        sync();
        mark();
      },

      bar() {
        const t = text();
        const n = waitingTop.length;
        return html`${missing ? html`<p part="notice" class="notice">${t.linkMissing}</p>` : nothing}${
          linked ? html`<button part="show-all" class="new-comments" type="button" @click=${showAll}>${t.showAll}</button>` : nothing}${
          stale ? html`<button part="new-comments" class="new-comments" type="button" @click=${() => void host.refresh()}
              >${t.newCommentsUnknown}</button>`
            : n ? html`<button part="new-comments" class="new-comments" type="button" @click=${showComments}>${t.newComments(n)}</button>`
            : nothing}`;
      },

      repliesBar(rootId) {
        const n = waitingReplies.get(rootId)?.length;
        return n ? html`<button part="new-replies" class="link-button replies-more" type="button"
          @click=${() => showReplies(rootId)}>${text().newReplies(n)}</button>` : nothing;
      },

      waiting: (rootId) => waitingReplies.get(rootId),
      copy: (comment) => (comment.status === 'removed' ? nothing : label(comment)),
      told: (id) => seen.has(id),

      async context(id, signal) {
        const query = state.query!;
        let target: string;
        try {
          target = decodeURIComponent(id);
        } catch {
          missing = true;
          return null;
        }
        try {
          const json = await host.client.request(`comments/${encodeURIComponent(target)}/context`, {
            query: { thread: query.threadId, sort: query.sort, limit: query.pageSize },
            signal,
            decode: (value) => {
              const o = value as Record<string, unknown> | null;
              const page = decodeThreadPage({ thread: o?.thread, viewer: o?.viewer, comments: [o?.comment], nextCursor: o?.nextCursor, lastEventId: o?.lastEventId });
              const repliesCursor = o!.repliesCursor ?? null;
              if (typeof o!.targetId !== 'string' || (repliesCursor !== null && typeof repliesCursor !== 'string')) throw new Error('context');
              return { page, targetId: o!.targetId, repliesCursor };
            },
          });
          linked = { id: json.targetId, shown: false };
          linkedReplies = { rootId: json.page.comments[0]!.id, cursor: json.repliesCursor };
          return json.page;
        } catch (error) {
          // Not there (removed, unknown): a short notice, then the thread as usual. Anything else
          // fails the load like any other, with its Try again.
          if (!(error instanceof ApiError) || error.status !== 404) throw error;
          missing = true;
          return null;
        }
      },
    };
    host.addController(feature);
    return feature;
  };
};
