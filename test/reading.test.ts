import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { expect, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment, makeReply, makeThread } from './mocks/data.js';
import {
  commentBodies, findPart, nextEvent, part, parts, renderWidget, serve, serveBackend, text, waitForComments,
} from './helpers.js';

function backendWith(count: number, extra: Partial<ConstructorParameters<typeof FakeBackend>[0]> = {}): FakeBackend {
  const comments = Array.from({ length: count }, (_, i) => makeComment(i + 1));
  return new FakeBackend({ comments, thread: makeThread({ commentCount: count }), ...extra });
}

describe('reading a thread', () => {
  it('reserves space while loading, then shows the comments without a layout jump above them', async () => {
    const backend = backendWith(3);
    await serveBackend(backend, http.get(`${BASE}/comments`, async () => {
      await delay(300);
      return undefined; // fall through to the fake backend
    }));
    const el = await renderWidget();
    const skeleton = el.shadowRoot!.querySelector<HTMLElement>('.skeleton')!;
    expect(skeleton, 'a loading placeholder').to.exist;
    expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(200);
    expect(skeleton.getAttribute('aria-label')).to.equal('Loading comments…');
    await expect(el).to.be.accessible();
    const headerTop = part(el, 'header')!.getBoundingClientRect().top;
    await waitForComments(el, 3);
    expect(part(el, 'header')!.getBoundingClientRect().top).to.equal(headerTop);
    expect(el.shadowRoot!.querySelector('.skeleton')).to.be.null;
  });

  it('shows author, badges, time, edited mark and the body as text with its line breaks', async () => {
    const backend = new FakeBackend({
      comments: [makeComment(1, {
        author: { id: 'u-1', displayName: 'Ann Hale', badges: ['subscriber', 'staff', 'Top reader'] },
        body: 'First line\nSecond line',
        createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        editedAt: new Date(Date.now() - 60_000).toISOString(),
      })],
    });
    await serveBackend(backend);
    const el = await renderWidget();
    await waitForComments(el, 1);
    const comment = part(el, 'comment')!;
    expect(comment.dataset.commentId).to.equal('c-1');
    expect(text(part(el, 'comment-author'))).to.equal('Ann Hale');
    expect(parts(el, 'badge').map(text)).to.deep.equal(['Subscriber', 'Staff', 'Top reader']);
    const time = part(el, 'comment-time') as HTMLTimeElement;
    expect(time.dateTime).to.equal(backend.state.comments[0]!.createdAt);
    expect(text(time)).to.equal('5 minutes ago');
    expect(time.title, 'no full date before the pointer comes').to.equal('');
    // The reader's pointer on the time: its tooltip is the full date, as Intl says it in the page's language.
    const box = time.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await resetMouse();
    expect(time.title).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(time.dateTime)));
    const edited = comment.querySelector<HTMLTimeElement>('.edited')!;
    expect(text(edited)).to.equal('edited');
    const at = edited.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(at.x + at.width / 2), Math.round(at.y + at.height / 2)] });
    await resetMouse();
    expect(edited.title).to.equal(`Edited ${new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(backend.state.comments[0]!.editedAt!))}`);
    const body = part(el, 'comment-body')!;
    expect(body.textContent).to.equal('First line\nSecond line');
    expect(body.getClientRects()[0]!.height, 'two visible lines').to.be.greaterThan(parseFloat(getComputedStyle(body).lineHeight) * 1.5);
    expect(comment.getAttribute('aria-label')).to.equal('Comment by Ann Hale, 5 minutes ago');
    await expect(el).to.be.accessible();
  });

  it('turns only http(s) URLs into links, with rel="nofollow ugc noopener"', async () => {
    await serveBackend(new FakeBackend({
      comments: [makeComment(1, { body: 'See https://example.org/a?b=1, or javascript:alert(1) and ftp://x.test and www.nope.test' })],
    }));
    const el = await renderWidget();
    await waitForComments(el, 1);
    const links = [...part(el, 'comment-body')!.querySelectorAll('a')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.org/a?b=1']);
    expect(links[0]!.rel).to.equal('nofollow ugc noopener');
    expect(links[0]!.target).to.equal('');
    expect(part(el, 'comment-body')!.textContent).to.contain('javascript:alert(1)');
  });

  it('shows the count, the rules link and the rules blurb in the header', async () => {
    await serveBackend(backendWith(2, { thread: makeThread({ commentCount: 1234 }) }));
    const el = await renderWidget();
    await waitForComments(el, 2);
    expect(text(part(el, 'count'))).to.equal('1,234 comments');
    const rules = part(el, 'rules-link') as HTMLAnchorElement;
    expect(rules.href).to.equal('https://news.test/rules');
    expect(text(rules)).to.equal('Our rules');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Comments');
  });

  it('nests replies under their comment, pages further replies and says whom a reply answers', async () => {
    const root = makeComment(1, { author: { id: 'u-a', displayName: 'Ann Hale', badges: [] } });
    const conversation = [
      makeReply('c-1', 2, { author: { id: 'u-b', displayName: 'Bob Okafor', badges: [] } }),
      makeReply('c-1', 3),
      makeReply('c-1', 4),
      makeReply('c-1', 5, { parentId: 'c-1-r2', body: 'Answering Bob' }),
      makeReply('c-1', 6),
    ];
    const backend = new FakeBackend({ comments: [root], conversations: new Map([['c-1', conversation]]) });
    await serveBackend(backend);
    const el = await renderWidget({ pageSize: 2 });
    await waitForComments(el, 4);
    const replies = el.shadowRoot!.querySelector('.replies')!;
    expect(replies.getAttribute('aria-label')).to.equal('Replies to Ann Hale');
    expect(replies.querySelectorAll('[part~="comment"]').length).to.equal(3);
    const more = part(el, 'replies-more')!;
    expect(text(more)).to.equal('Show 2 more replies');

    more.click();
    await waitForComments(el, 6);
    const [first] = backend.requestsTo('GET', 'comments/c-1/replies');
    // The endpoint starts at the conversation's beginning: ask for the 3 inlined + a page of 2.
    expect(first!.url.searchParams.get('limit')).to.equal('5');
    expect(first!.url.searchParams.has('cursor')).to.be.false;
    expect(text(el.shadowRoot!.querySelector('[aria-live="polite"]'))).to.equal('2 more replies loaded');
    const answer = parts(el, 'comment').find((c) => c.dataset.commentId === 'c-1-r5')!;
    expect(text(answer.querySelector('.answers'))).to.equal('In reply to Bob Okafor');
    const direct = parts(el, 'comment').find((c) => c.dataset.commentId === 'c-1-r3')!;
    expect(direct.querySelector('.answers'), 'a direct reply needs no "in reply to"').to.be.null;
    await waitUntil(() => !part(el, 'replies-more'), 'no more replies to show');
    expect(commentBodies(el)).to.deep.equal(['Comment number 1.', 'Comment number 2.', 'Comment number 3.',
      'Comment number 4.', 'Answering Bob', 'Comment number 6.']);
    await expect(el).to.be.accessible();
  });

  it('shows a removed comment as a placeholder and keeps its replies', async () => {
    const removed = makeComment(1, { status: 'removed', body: '' });
    const backend = new FakeBackend({ comments: [removed], conversations: new Map([['c-1', [makeReply('c-1', 2)]]]) });
    await serveBackend(backend);
    const el = await renderWidget();
    await waitForComments(el, 2);
    expect(commentBodies(el)).to.deep.equal(['This comment was removed by a moderator.', 'Comment number 2.']);
    expect(text(part(el, 'comment-author'))).to.equal('Removed comment');
    expect(parts(el, 'badge')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('loads more by cursor, keeps focus on the button and announces how many arrived', async () => {
    const backend = backendWith(5);
    await serveBackend(backend);
    const el = await renderWidget({ pageSize: 2 });
    await waitForComments(el, 2);
    expect(commentBodies(el)).to.deep.equal(['Comment number 5.', 'Comment number 4.']);
    const more = part(el, 'load-more')!;
    more.focus();
    more.click();
    await waitForComments(el, 4);
    const [, second] = backend.requestsTo('GET', 'comments');
    expect(second!.url.searchParams.get('cursor')).to.be.a('string').and.not.empty;
    expect(second!.url.searchParams.get('limit')).to.equal('2');
    expect(second!.url.searchParams.get('sort')).to.equal('newest');
    expect(second!.url.searchParams.get('thread')).to.equal(backend.state.thread.id);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'load-more'));
    expect(text(el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]'))).to.equal('2 more comments loaded');

    part(el, 'load-more')!.click();
    await waitForComments(el, 5);
    expect(part(el, 'load-more'), 'no button after the last page').to.be.null;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-comment-id'), 'focus moves to the first new comment').to.equal('c-1');
    expect(commentBodies(el)).to.deep.equal([5, 4, 3, 2, 1].map((n) => `Comment number ${n}.`));
  });

  it('refetches in the chosen order when the reader changes the sort', async () => {
    const backend = backendWith(3);
    await serveBackend(backend);
    const el = await renderWidget();
    await waitForComments(el, 3);
    expect(commentBodies(el)[0]).to.equal('Comment number 3.');
    const select = part(el, 'sort') as HTMLSelectElement;
    expect(select.labels?.[0]?.textContent).to.contain('Sort');
    select.value = 'oldest';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => commentBodies(el)[0] === 'Comment number 1.');
    const last = backend.requestsTo('GET', 'comments').at(-1)!;
    expect(last.url.searchParams.get('sort')).to.equal('oldest');
    expect(last.url.searchParams.has('cursor')).to.be.false;
  });

  it('invites the first comment on an empty thread', async () => {
    await serveBackend(new FakeBackend());
    const el = await renderWidget();
    await waitUntil(() => el.shadowRoot!.querySelector('.empty'));
    expect(text(el.shadowRoot!.querySelector('.empty'))).to.equal('No comments yet. Start the conversation.');
    expect(text(part(el, 'count'))).to.equal('0 comments');
    await expect(el).to.be.accessible();
  });

  it('says a closed thread is closed and keeps its comments readable', async () => {
    await serveBackend(backendWith(2, { thread: makeThread({ status: 'closed', commentCount: 2 }) }));
    const el = await renderWidget();
    await waitForComments(el, 2);
    expect(text(part(el, 'notice'))).to.equal('Comments are closed on this article. You can still read them.');
    await expect(el).to.be.accessible();
  });

  it('says comments are unavailable when the backend answers 404', async () => {
    await serve(http.get(`${BASE}/comments`, () => HttpResponse.json({ error: { code: 'thread_not_found', message: 'no' } }, { status: 404 })));
    const el = await renderWidget();
    const notice = await findPart(el, 'notice');
    expect(text(notice)).to.equal('Comments are not available on this page.');
    expect(part(el, 'retry')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('sends parley-load with the thread and viewer once the page is on screen', async () => {
    await serveBackend(backendWith(1));
    const el = await renderWidget();
    const event = await nextEvent<{ thread: { id: string }; viewer: unknown }>(el, 'parley-load');
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail.thread.id).to.equal('https://news.test/articles/harbour-bridge');
    expect(event.detail.viewer).to.equal(null);
    expect(parts(el, 'comment')).to.have.length(1);
  });

  it('is styleable from outside through ::part', async () => {
    await serveBackend(backendWith(1));
    const style = document.createElement('style');
    style.textContent = 'parley-comments::part(comment-author) { color: rgb(200, 0, 0); }';
    document.head.append(style);
    try {
      const el = await renderWidget();
      await waitForComments(el, 1);
      expect(getComputedStyle(part(el, 'comment-author')!).color).to.equal('rgb(200, 0, 0)');
    } finally {
      style.remove();
    }
  });
});
