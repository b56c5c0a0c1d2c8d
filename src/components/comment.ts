/**
 * One comment as the reader sees it: author, badges, time, body as text with only http(s)
 * links, and slots for the actions and inline forms the element adds. Rendered as a template,
 * not a nested element, so thousands of comments cost no extra shadow roots and every part is
 * reachable as `parley-comments::part(…)`.
 */
import type { nothing, TemplateResult } from 'lit';
import type { Comment } from '../api/types.js';
import { linkify } from '../format/linkify.js';
import { fullDate, relativeTime } from '../format/time.js';
import type { CoreStrings } from '../i18n/en.js';
import type { ViewStrings } from '../i18n/en-view.js';
import type { Kit } from '../kit.js';

/** The text a shown thread uses: what the bundle has, and what the thread view's chunk added. */
export type ViewText = CoreStrings & ViewStrings;

export interface CommentView {
  strings: ViewText;
  locale: string;
  now: number;
  /** The article's address without a fragment: each comment's time links to it with `#comment-{id}`. */
  permalink: string;
  /** The Reply button under a comment, or nothing. */
  reply(comment: Comment): HTMLElement | typeof nothing;
  /** The Report button under a comment, or nothing. */
  report(comment: Comment): HTMLElement | typeof nothing;
  /** The Copy link button under a comment, or nothing. */
  copy(comment: Comment): HTMLElement | typeof nothing;
  /** Recommend, and the reader's own Edit and Delete (the engage chunk), or nothing. */
  engage(comment: Comment): unknown;
  /** An inline form open under a comment (reply composer, report form), or nothing. */
  below(comment: Comment): TemplateResult | typeof nothing;
}

/** A comment's link: the article's address (`permalink`, no fragment) with `#comment-{id}`. */
export const commentHref = (permalink: string, id: string): string => `${permalink}#comment-${encodeURIComponent(id)}`;

/** An element with a class, an optional shadow part, and children that are nodes or text (never HTML). */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  part: string | null,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (part) node.setAttribute('part', part);
  node.append(...children);
  return node;
}

/** The body as text nodes, with its http(s) URLs as links. */
function bodyNodes(body: string): (Node | string)[] {
  return linkify(body).map((segment) => {
    if (!segment.href) return segment.text;
    const link = element('a', '', null, segment.text);
    link.href = segment.href;
    link.rel = 'nofollow ugc noopener';
    return link;
  });
}

interface Content {
  key: string;
  strings: ViewText;
  minute: number;
  label: string;
  node: HTMLElement;
  time: HTMLElement;
}

/**
 * What a comment shows (meta, body) depends only on the comment, the language and the text, so
 * it is built once, by hand rather than as a template (thousands of comments then cost plain
 * DOM, not template instances), and reused: re-rendering a long thread costs an identity check
 * per comment, and a reader's selection or focus in a comment survives it. When the minute
 * changes only the relative time is rewritten, in place. Every string goes in as a text node
 * or an attribute value, so nothing the backend sends is ever parsed as HTML.
 */
const contents = new WeakMap<Comment, Content>();

function content(comment: Comment, view: CommentView, answers: string | undefined): Content {
  const { strings, locale, now, permalink } = view;
  const key = `${locale}\n${answers ?? ''}\n${permalink}`;
  const minute = Math.floor(now / 60_000);
  const removed = comment.status === 'removed';
  const name = removed ? strings.removedAuthor : comment.author.displayName;
  const cached = contents.get(comment);
  if (cached?.key === key && cached.strings === strings) {
    if (cached.minute !== minute) {
      const when = relativeTime(comment.createdAt, locale, now) ?? strings.justNow;
      cached.time.textContent = when;
      Object.assign(cached, { minute, label: strings.commentLabel(name, when) });
    }
    return cached;
  }
  const when = relativeTime(comment.createdAt, locale, now) ?? strings.justNow;
  const time = element('time', '', 'comment-time', when);
  time.title = fullDate(comment.createdAt, locale);
  time.dateTime = comment.createdAt;
  const meta = element('div', 'meta', null, element('span', 'author', 'comment-author', name));
  if (!removed) {
    if (comment.featured) meta.append(element('span', 'badge featured', 'badge featured-badge', strings.featured));
    for (const badge of comment.author.badges) {
      meta.append(element('span', 'badge', 'badge', Object.hasOwn(strings.badges, badge) ? strings.badges[badge] : badge));
    }
  }
  // The time is the comment's link (a removed one has none to share).
  const link = removed ? time : element('a', 'permalink', 'comment-link', time);
  if (!removed) (link as HTMLAnchorElement).href = commentHref(permalink, comment.id);
  meta.append(link);
  if (comment.editedAt && !removed) {
    const edited = element('span', 'edited', null, strings.edited);
    edited.title = strings.editedTitle(fullDate(comment.editedAt, locale));
    meta.append(edited);
  }
  const node = element('div', 'content', null, meta);
  if (answers) node.append(element('p', 'answers', null, strings.inReplyTo(answers)));
  node.append(removed
    ? element('p', 'body placeholder', 'comment-body', comment.removedBy === 'author' ? strings.deletedByAuthor : strings.removed)
    : element('p', 'body', 'comment-body', ...bodyNodes(comment.body)));
  if (comment.status === 'pending') node.append(element('p', 'notice pending-notice', 'notice', strings.pending));
  const result = { key, strings, minute, label: strings.commentLabel(name, when), node, time };
  contents.set(comment, result);
  return result;
}

/**
 * Binds the renderer to the bundle's Lit (this module is part of the thread view's chunk, which
 * imports nothing); returns `renderConversation`.
 */
export const commentRenderer = ({ html, nothing }: Pick<Kit, 'html' | 'nothing'>) => {
  function renderComment(comment: Comment, view: CommentView, answers?: string): TemplateResult {
    const { label, node } = content(comment, view, answers);
    return html`<article
      part="comment"
      class="comment ${comment.status}"
      data-comment-id=${comment.id}
      aria-label=${label}
    >
      ${node}
      <div class="actions">${view.engage(comment)}${view.reply(comment)}${view.copy(comment)}${view.report(comment)}</div>
      ${view.below(comment)}
    </article>`;
  }

  /**
   * A top-level comment with its conversation nested under it. `role="listitem"` because the page
   * groups between it and the thread's list are `role="none"` (an `li` is a list item only
   * directly inside a list).
   */
  return function renderConversation(
    comment: Comment,
    replies: Comment[],
    view: CommentView,
    more: TemplateResult | typeof nothing,
  ): TemplateResult {
    const { strings } = view;
    const label = (c: Comment) => (c.status === 'removed' ? strings.removedComment : c.author.displayName);
    const names = new Map<string, string>([[comment.id, label(comment)]]);
    for (const reply of replies) names.set(reply.id, label(reply));
    const answers = (reply: Comment) =>
      !reply.parentId || reply.parentId === comment.id ? undefined : names.get(reply.parentId) ?? strings.earlierReply;
    return html`<li class="thread-item" role="listitem">
      ${renderComment(comment, view)}
      ${replies.length || more !== nothing
        ? html`<ol class="replies" role="list" aria-label=${strings.repliesLabel(label(comment))}>
              ${replies.map((reply) => html`<li>
                ${renderComment(reply, view, answers(reply))}
              </li>`)}
            </ol>
            ${more}`
        : nothing}
    </li>`;
  }
};
