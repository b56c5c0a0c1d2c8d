// Links to one comment (issue 15): every comment's time is its link, "Copy link" copies it, and
// an address naming `#comment-{id}` opens the article at that comment — even a reply far down a
// conversation on a later page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { ParleyComments } from '../src/parley-comments.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, errorBody, makeComment, makeReply, makeThread, THREAD_ID } from './mocks/data.js';
import { commentBodies, findPart, part, parts, renderWidget, serveBackend, text, waitForComments } from './helpers.js';
import { announced, focused } from './posting.helpers.js';

const ARTICLE = 'https://news.test/articles/harbour-bridge';
const article = (el: ParleyComments, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-comment-id="${id}"]`);
const linkTo = (hash: string) => history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
afterEach(() => linkTo(''));

/** 30 top-level comments (c-30 newest); c-5's conversation holds 80 replies. */
function bigThread(): FakeBackend {
  return new FakeBackend({
    thread: makeThread({ commentCount: 110 }),
    comments: Array.from({ length: 30 }, (_, i) => makeComment(i + 1)),
    conversations: new Map([['c-5', Array.from({ length: 80 }, (_, i) => makeReply('c-5', 100 + i, { body: `Reply ${i + 1}` }))]]),
  });
}

async function widget(): Promise<ParleyComments> {
  return fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} thread-url=${ARTICLE}
    loading="eager" page-size="20"></parley-comments>`);
}

describe('links to a comment', () => {
  it("makes every comment's time its link, on the article's address", async () => {
    await serveBackend(bigThread());
    const el = await widget();
    await waitForComments(el, 20);
    const links = parts(el, 'comment-link') as HTMLAnchorElement[];
    expect(links).to.have.length(20);
    expect(links[0]!.href).to.equal(`${ARTICLE}#comment-c-30`);
    expect(links[0]!.querySelector('[part~="comment-time"]'), 'the time is the link’s text').to.exist;
  });

  it('Copy link copies the link and says so; a refused clipboard says that instead', async () => {
    await serveBackend(bigThread());
    const el = await widget();
    await waitForComments(el, 20);
    const copied: string[] = [];
    let refuse = false;
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (value: string) => (refuse ? Promise.reject(new DOMException('denied', 'NotAllowedError')) : (copied.push(value), Promise.resolve())) },
    });
    try {
      const button = parts(el, 'copy-link')[0]!;
      expect(text(button)).to.equal('Copy link');
      expect(button.getAttribute('aria-label')).to.equal(`Copy link to comment by ${text(article(el, 'c-30')!.querySelector('[part~="comment-author"]'))}`);
      button.click();
      await waitUntil(() => text(button) === 'Link copied');
      expect(copied).to.deep.equal([`${ARTICLE}#comment-c-30`]);
      expect(announced(el)).to.equal('Link copied');
      await expect(el).to.be.accessible();
      refuse = true;
      const second = parts(el, 'copy-link')[1]!;
      second.click();
      await waitUntil(() => text(second) === 'Link not copied');
      expect(announced(el)).to.equal('Link not copied');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('opens at a reply on a later page of its conversation: context first, scrolled to once, marked', async () => {
    const backend = bigThread();
    await serveBackend(backend);
    linkTo('#comment-c-5-r139');
    const el = await widget();
    await waitUntil(() => article(el, 'c-5-r139')?.getAttribute('aria-current') === 'true', 'the linked reply is marked', { timeout: 4000 });
    const [first] = backend.requests;
    expect(first!.url.pathname, 'the context is the first request').to.equal(new URL(`${BASE}/comments/c-5-r139/context`).pathname);
    expect(first!.url.searchParams.get('sort')).to.equal('newest');
    expect(backend.requestsTo('GET', 'comments'), 'no first page on top of it').to.have.length(0);
    const target = article(el, 'c-5-r139')!;
    const inView = () => {
      const box = target.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    };
    await waitUntil(inView, 'scrolled into view', { timeout: 2000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inView(), 'and stays there').to.be.true;
    expect(focused(el)).to.equal(target);
    expect(getComputedStyle(target, '::before').content).to.equal('"Linked comment"');
    expect(parts(el, 'comment')[0]!.dataset.commentId, 'its conversation comes first').to.equal('c-5');
    // Everything up to it, and a page after: replies 1–60 of 80.
    expect(commentBodies(el).filter((b) => b.startsWith('Reply '))).to.have.length(60);
    await expect(el).to.be.accessible();

    // Scrolled once: the reader moves on and the page does not pull them back.
    scrollTo(0, 0);
    const more = await findPart(el, 'replies-more');
    expect(text(more)).to.equal('Show 20 more replies');
    more.click();
    await waitUntil(() => commentBodies(el).includes('Reply 80'));
    const replies = backend.requestsTo('GET', 'comments/c-5/replies');
    expect(replies).to.have.length(1);
    expect(replies[0]!.url.searchParams.get('cursor'), 'from where the context ended').to.be.a('string');
    expect(scrollY).to.be.lessThan(50);

    // The list goes on after the linked conversation, in the reader's sort.
    (await findPart(el, 'load-more')).click();
    await waitUntil(() => article(el, 'c-4'));
    expect(parts(el, 'comment').filter((a) => !a.dataset.commentId!.includes('-r')).map((a) => a.dataset.commentId).slice(0, 3))
      .to.deep.equal(['c-5', 'c-4', 'c-3']);
  });

  it('opens at a top-level comment on page 3, in view and marked, the list going on after it', async () => {
    const backend = bigThread();
    await serveBackend(backend);
    linkTo('#comment-c-18');
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} thread-url=${ARTICLE}
      loading="eager" page-size="5"></parley-comments>`);
    await waitUntil(() => article(el, 'c-18')?.getAttribute('aria-current') === 'true', 'marked', { timeout: 4000 });
    await waitUntil(() => {
      const box = article(el, 'c-18')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    }, 'in view');
    (await findPart(el, 'load-more')).click();
    await waitUntil(() => article(el, 'c-13'));
    expect(parts(el, 'comment').map((a) => a.dataset.commentId)).to.deep.equal(['c-18', 'c-17', 'c-16', 'c-15', 'c-14', 'c-13']);
  });

  it('with loading="lazy" far down the page, a link still loads and brings the comment into view at once', async () => {
    const backend = bigThread();
    await serveBackend(backend);
    linkTo('#comment-c-12');
    const wrapper = await fixture(html`<div><div style="height: 4000px">The article</div>
      <parley-comments backend-url=${BASE} thread-id=${THREAD_ID} thread-url=${ARTICLE}></parley-comments></div>`);
    const el = wrapper.querySelector('parley-comments') as ParleyComments;
    await waitUntil(() => article(el, 'c-12')?.getAttribute('aria-current') === 'true', 'marked without the reader scrolling', { timeout: 4000 });
    expect(backend.requests[0]!.url.searchParams.get('thread'), 'asked for in this thread').to.equal(THREAD_ID);
    await waitUntil(() => {
      const box = article(el, 'c-12')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    }, 'in view');
  });

  it('a link to a comment of another thread is not followed into it', async () => {
    const backend = bigThread();
    await serveBackend(backend);
    linkTo('#comment-c-12');
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id="https://news.test/another-article"
      loading="eager"></parley-comments>`);
    await waitUntil(() => parts(el, 'notice').map(text).includes('The comment in your link is not available. Here is the conversation as usual.'));
  });

  it('"Show all comments" leaves the link and shows the thread from its first page', async () => {
    const backend = bigThread();
    await serveBackend(backend);
    linkTo('#comment-c-12');
    const el = await widget();
    await waitUntil(() => article(el, 'c-12')?.getAttribute('aria-current') === 'true');
    (await findPart(el, 'show-all')).click();
    await waitUntil(() => parts(el, 'comment')[0]?.dataset.commentId === 'c-30');
    expect(location.hash).to.equal('');
    expect(el.shadowRoot!.querySelector('[aria-current]'), 'nothing marked any more').to.be.null;
    expect(part(el, 'show-all')).to.be.null;
  });

  it('an unknown comment: a short notice, then the thread as usual', async () => {
    const backend = bigThread();
    await serveBackend(backend);
    linkTo('#comment-c-nope');
    const el = await widget();
    await waitForComments(el, 20);
    expect(parts(el, 'notice').map(text)).to.include('The comment in your link is not available. Here is the conversation as usual.');
    expect(parts(el, 'comment')[0]!.dataset.commentId).to.equal('c-30');
    expect(backend.requestsTo('GET', 'comments/c-nope/context')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('a failing context is a load failure with Try again, which asks for the context again', async () => {
    const backend = bigThread();
    let fail = true;
    await serveBackend(backend, http.get(`${BASE}/comments/:id/context`, () => (fail ? HttpResponse.json(errorBody('internal'), { status: 500 }) : undefined)));
    linkTo('#comment-c-12');
    const el = await widget();
    const retry = await findPart(el, 'retry');
    expect(text(part(el, 'error'))).to.contain('Comments could not be loaded.');
    fail = false;
    retry.click();
    await waitUntil(() => article(el, 'c-12')?.getAttribute('aria-current') === 'true');
  });

  it('a hash that is not a comment link changes nothing', async () => {
    const backend = bigThread();
    await serveBackend(backend);
    linkTo('#section-2');
    const el = await renderWidget();
    await waitForComments(el, 20);
    expect(backend.requests[0]!.url.pathname).to.equal(new URL(`${BASE}/comments`).pathname);
  });
});
