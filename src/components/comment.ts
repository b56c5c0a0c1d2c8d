/**
 * One comment as the reader sees it: author, badges, time, body as text with only http(s)
 * links, and slots for the actions and inline forms the element adds. Built as plain DOM in the
 * element's shadow root (by hand, not as a template, and not as a nested element), so thousands
 * of comments cost no template instances or extra shadow roots and every part is reachable as
 * `parley-comments::part(…)`.
 */
import type { nothing, TemplateResult } from 'lit';
import type { Comment } from '../api/types.js';
import { linkify } from '../format/linkify.js';
import { relativeTime } from '../format/time.js';
import type { CoreStrings } from '../i18n/en.js';
import type { ViewStrings } from '../i18n/en-view.js';
import type { Kit } from '../kit.js';

/** The text a shown thread uses: what the bundle has, and what the thread view's chunk added. */
export type ViewText = CoreStrings & ViewStrings;

export interface CommentView {
  /** The element: the `this` of listeners in what Lit renders under a comment. */
  host: HTMLElement;
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
  /** Recommend, and the reader's own Edit and Delete (the engage chunk). */
  engage(comment: Comment): HTMLElement[];
  /** The inline forms open under a comment (reply composer, report form), or nothing. */
  below(comment: Comment): unknown[] | typeof nothing;
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
  if (className) node.className = className;
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
    // A time too: its tooltip ("Edited …") is made on hover, like the comment's own.
    const edited = element('time', 'edited', null, strings.edited);
    edited.dateTime = comment.editedAt;
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

/** `nodes`, in order, as `parent`'s children; nodes already in place are not moved (focus in them stays). */
function sync(parent: Element, nodes: Node[]): void {
  nodes.forEach((node, i) => parent.childNodes[i] !== node && parent.insertBefore(node, parent.childNodes[i] ?? null));
  while (parent.childNodes.length > nodes.length) parent.lastChild!.remove();
}

/**
 * The elements around a comment's content (its `<article>` and actions row, a conversation's
 * `<li>` and replies list) are built by hand too, once per comment, and brought up to date in
 * place when the comment renders again: a first screen of 100 conversations then costs plain
 * DOM, not the four to six Lit template instances each took (the largest part of a page's
 * render). Lit renders only what is a template: an inline form under a comment, and a
 * conversation's "more replies" button or error, each at the end of its element, from the first
 * time there is one (most comments never have one).
 */
const articles = new WeakMap<Comment, HTMLElement>();
const items = new WeakMap<Comment, HTMLElement>();
/** The elements Lit renders into (at their end). */
const rendered = new WeakSet<Element>();

/**
 * Binds the renderer to the bundle's Lit (this module is part of the thread view's chunk, which
 * imports nothing); returns `renderConversation`.
 */
export const commentRenderer = ({ render, nothing }: Pick<Kit, 'render' | 'nothing'>) => {
  /** Lit renders `value` at the end of `parent`, once it has had something to render there. */
  const tail = (parent: HTMLElement, value: unknown, host: HTMLElement): void => {
    if (value !== nothing || rendered.has(parent)) render(value, parent, { host }), rendered.add(parent);
  };

  /** `comment`'s list item around `article`, made on first use. */
  const item = (comment: Comment, article: HTMLElement, className: string): HTMLElement => {
    let li = items.get(comment);
    if (!li) {
      items.set(comment, (li = element('li', className, null, article)));
      if (className) li.setAttribute('role', 'listitem');
    }
    return li;
  };

  function renderComment(comment: Comment, view: CommentView, answers?: string): HTMLElement {
    const { label, node } = content(comment, view, answers);
    let article = articles.get(comment);
    if (!article) {
      articles.set(comment, (article = element('article', '', 'comment', node, element('div', 'actions', null))));
      article.dataset.commentId = comment.id;
    } else if (article.firstChild !== node) {
      article.firstChild!.replaceWith(node); // another language or text
    }
    article.className = `comment ${comment.status}`;
    article.setAttribute('aria-label', label);
    sync(article.children[1]!, [...view.engage(comment), view.reply(comment), view.copy(comment), view.report(comment)].filter((button): button is HTMLElement => button !== nothing));
    tail(article, view.below(comment), view.host);
    return article;
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
  ): HTMLElement {
    const { strings } = view;
    const label = (c: Comment) => (c.status === 'removed' ? strings.removedComment : c.author.displayName);
    const names = new Map<string, string>([[comment.id, label(comment)]]);
    for (const reply of replies) names.set(reply.id, label(reply));
    const answers = (reply: Comment) =>
      !reply.parentId || reply.parentId === comment.id ? undefined : names.get(reply.parentId) ?? strings.earlierReply;
    const article = renderComment(comment, view);
    const li = item(comment, article, 'thread-item');
    // The replies list, while there are replies or more to ask for: after the article, before what Lit renders.
    let list = article.nextElementSibling;
    if (list?.tagName !== 'OL') list = null;
    if (replies.length || more !== nothing) {
      if (!list) {
        article.after((list = element('ol', 'replies', null)));
        list.setAttribute('role', 'list');
      }
      list.setAttribute('aria-label', strings.repliesLabel(label(comment)));
      sync(list, replies.map((reply) => item(reply, renderComment(reply, view, answers(reply)), '')));
    } else {
      list?.remove();
    }
    tail(li, more, view.host);
    return li;
  };
};
