/**
 * One comment as the reader sees it: author, badges, time, body as text with only http(s)
 * links, and slots for the actions and inline forms the element adds. Rendered as a template,
 * not a nested element, so thousands of comments cost no extra shadow roots and every part is
 * reachable as `parley-comments::part(…)`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Comment } from '../api/types.js';
import { linkify } from '../format/linkify.js';
import { fullDate, relativeTime } from '../format/time.js';
import type { ParleyStrings } from '../i18n/en.js';

export interface CommentView {
  strings: ParleyStrings;
  locale: string;
  now: number;
  /** The buttons under a comment (reply, report), or nothing. */
  actions(comment: Comment): TemplateResult | typeof nothing;
  /** An inline form open under a comment (reply composer, report form), or nothing. */
  below(comment: Comment): TemplateResult | typeof nothing;
}

/** The body as text, with its http(s) URLs as links; a body without links is one text node. */
export function renderBody(body: string): string | unknown[] {
  const segments = linkify(body);
  return segments.some((segment) => segment.href)
    ? segments.map((segment) => segment.href
      ? html`<a href=${segment.href} rel="nofollow ugc noopener">${segment.text}</a>`
      : segment.text)
    : body;
}

interface Content {
  key: string;
  strings: ParleyStrings;
  label: string;
  template: TemplateResult;
}

/**
 * What a comment shows (meta, body) depends only on the comment, the language, the text and
 * the minute, so it is built once and reused: re-rendering a long thread (a keystroke in the
 * composer updates the element) then costs identity checks, not date formatting and linkifying.
 */
const contents = new WeakMap<Comment, Content>();

function content(comment: Comment, view: CommentView, answers: string | undefined): Content {
  const { strings, locale } = view;
  const key = `${locale}\n${Math.floor(view.now / 60_000)}\n${answers ?? ''}`;
  const cached = contents.get(comment);
  if (cached?.key === key && cached.strings === strings) return cached;
  const removed = comment.status === 'removed';
  const name = removed ? strings.removedAuthor : comment.author.displayName;
  const when = relativeTime(comment.createdAt, locale, view.now) ?? strings.justNow;
  const template = html`<div class="meta">
      <span part="comment-author" class="author">${name}</span>
      ${removed ? nothing : comment.author.badges.map((badge) => html`<span part="badge" class="badge">${Object.hasOwn(strings.badges, badge) ? strings.badges[badge] : badge}</span>`)}
      <time part="comment-time" datetime=${comment.createdAt} title=${fullDate(comment.createdAt, locale)}>${when}</time>
      ${comment.editedAt && !removed
        ? html`<span class="edited" title=${strings.editedTitle(fullDate(comment.editedAt, locale))}>${strings.edited}</span>`
        : nothing}
    </div>
    ${answers ? html`<p class="answers">${strings.inReplyTo(answers)}</p>` : nothing}
    ${removed
      ? html`<p part="comment-body" class="body placeholder">${strings.removed}</p>`
      : html`<p part="comment-body" class="body">${renderBody(comment.body)}</p>`}
    ${comment.status === 'pending' ? html`<p part="notice" class="notice pending-notice">${strings.pending}</p>` : nothing}`;
  const result = { key, strings, label: strings.commentLabel(name, when), template };
  contents.set(comment, result);
  return result;
}

export function renderComment(comment: Comment, view: CommentView, answers?: string): TemplateResult {
  const { label, template } = content(comment, view, answers);
  return html`<article
    part="comment"
    class="comment ${comment.status}"
    data-comment-id=${comment.id}
    aria-label=${label}
  >
    ${template}
    ${comment.status === 'removed' ? nothing : view.actions(comment)}
    ${view.below(comment)}
  </article>`;
}

/** A top-level comment with its conversation nested under it. */
export function renderConversation(
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
  return html`<li class="thread-item">
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
