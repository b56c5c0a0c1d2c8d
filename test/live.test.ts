// The conversation, live (issue 15): the event stream's life (when it opens and closes, how it
// reconnects and resumes), and what each event does to what the reader sees — against the
// msw FakeBackend's GET /events, which streams Server-Sent Events like the reference server.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ParleyComments } from '../src/parley-comments.js';
import { timings } from '../src/features/live.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment, makeReply, makeThread, makeViewer, THREAD_ID } from './mocks/data.js';
import { commentBodies, findPart, part, parts, renderWidget, serveBackend, text, waitForComments } from './helpers.js';
import { announced, composerInput, focused, typeInto } from './posting.helpers.js';

const real = { ...timings };
afterEach(() => Object.assign(timings, real));
beforeEach(() => localStorage.clear());

/** Three comments (c-1 oldest … c-3 newest); c-1 has one reply. */
function backendFor(viewer = null as ReturnType<typeof makeViewer> | null): FakeBackend {
  return new FakeBackend({
    viewer,
    thread: makeThread({ commentCount: 4 }),
    comments: [makeComment(1), makeComment(2), makeComment(3)],
    conversations: new Map([['c-1', [makeReply('c-1', 4)]]]),
  });
}

const streamRequests = (backend: FakeBackend) => backend.eventRequests;
const openStream = (backend: FakeBackend) => waitUntil(() => backend.streams.size === 1, 'the stream never opened', { timeout: 4000 });
const article = (el: ParleyComments, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-comment-id="${id}"]`);
const newComment = (n: number, overrides = {}) => makeComment(n, { createdAt: new Date().toISOString(), ...overrides });

async function liveWidget(backend = backendFor(), attrs: { sort?: string } = {}): Promise<ParleyComments> {
  await serveBackend(backend);
  const el = await renderWidget(attrs);
  await waitForComments(el, 4);
  await openStream(backend);
  return el;
}

describe('live updates: the stream', () => {
  it('opens only once the thread has loaded and the element is on screen, from where the page ended', async () => {
    const backend = backendFor();
    backend.emit('count', { commentCount: 4 }); // an event before the page: not replayed
    await serveBackend(backend);
    const el = await fixture<ParleyComments>(html`<div>
      <div style="height: 3000px">The article</div>
      <parley-comments backend-url=${BASE} thread-id=${THREAD_ID}></parley-comments>
    </div>`).then((wrapper) => wrapper.querySelector('parley-comments')!);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(backend.requests, 'nothing at all before the element nears the viewport').to.have.length(0);
    expect(backend.eventRequests).to.have.length(0);
    el.scrollIntoView({ block: 'center' });
    await waitForComments(el, 4);
    await openStream(backend);
    const [request] = streamRequests(backend);
    expect(request!.url.searchParams.get('thread')).to.equal(THREAD_ID);
    expect(request!.url.searchParams.get('since'), "the page's lastEventId").to.equal('1');
    expect(request!.headers.get('Accept')).to.equal('text/event-stream');
    expect(request!.headers.get('Authorization'), 'signed out: no token, so no preflight').to.be.null;
  });

  it('is never opened with live="off"', async () => {
    const backend = backendFor();
    await serveBackend(backend);
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID}
      loading="eager" live="off"></parley-comments>`);
    await waitForComments(el, 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(streamRequests(backend)).to.have.length(0);
  });

  it('sends a signed-in reader’s token as a header, never in the address', async () => {
    const backend = backendFor(makeViewer());
    await serveBackend(backend);
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID}
      loading="eager" .getAuthToken=${() => 'token-123'}></parley-comments>`);
    await waitForComments(el, 4);
    await openStream(backend);
    const [request] = streamRequests(backend);
    expect(request!.headers.get('Authorization')).to.equal('Bearer token-123');
    expect(request!.url.href).not.to.contain('token-123');
  });

  it('closes when the element leaves the page, and opens again when it comes back', async () => {
    const backend = backendFor();
    const el = await liveWidget(backend);
    const parent = el.parentElement!;
    el.remove();
    await waitUntil(() => backend.streams.size === 0, 'the stream stayed open');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(streamRequests(backend), 'no reconnection for a removed element').to.have.length(1);
    parent.append(el);
    await openStream(backend);
    expect(streamRequests(backend)).to.have.length(2);
  });

  it('reconnects after a drop, honouring retry, and replays what it missed from the last event it had', async () => {
    const backend = backendFor();
    const el = await liveWidget(backend);
    const seen = backend.emit('count', { commentCount: 5 });
    await waitUntil(() => text(part(el, 'count')) === '5 comments');
    backend.endStreams();
    // While it is away: a comment it must not miss.
    backend.emit('comment', newComment(9, { body: 'While you were away' }));
    await openStream(backend);
    const [, again] = streamRequests(backend);
    expect(again!.url.searchParams.get('since'), 'resumes after the last event it had').to.equal(seen);
    expect(text(await findPart(el, 'new-comments'))).to.equal('Show 1 new comment');
  });

  it('backs off while the backend fails, and stops asking a backend without live updates', async () => {
    Object.assign(timings, { retryMs: 100, maxBackoffMs: 400 });
    const backend = backendFor();
    backend.eventsStatus = 503;
    await serveBackend(backend);
    const el = await renderWidget();
    await waitForComments(el, 4);
    await waitUntil(() => streamRequests(backend).length >= 4, 'it should keep trying a failing backend', { timeout: 4000 });
    const times = streamRequests(backend).length;
    // Doubling: the waits between tries grow (jitter keeps each within half to all of its step).
    const at = streamRequests(backend).map((r) => r.at);
    expect(at[3]! - at[2]!, 'the third wait is longer than the first').to.be.greaterThan(at[1]! - at[0]!);
    expect(at[3]! - at[2]!).to.be.at.least(150);
    backend.eventsStatus = 404;
    await waitUntil(() => streamRequests(backend).length > times, 'one more try', { timeout: 4000 });
    const final = streamRequests(backend).length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(streamRequests(backend), '404: no live updates here, no more asking').to.have.length(final);
    expect(parts(el, 'error'), 'live updates failing is never an error on screen').to.have.length(0);
  });

  it('closes while the tab stays hidden and catches up when it is seen again', async () => {
    timings.hiddenMs = 100;
    const backend = backendFor();
    const el = await liveWidget(backend);
    let hidden = true;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => backend.streams.size === 0, 'closed after a while hidden');
      backend.emit('comment', newComment(9, { body: 'Posted while hidden' }));
      hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      await openStream(backend);
      expect(text(await findPart(el, 'new-comments'))).to.equal('Show 1 new comment');
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
  });
});

describe('live updates: what the reader sees', () => {
  it('new comments wait behind a button; neither focus nor the text being read moves until it is pressed', async () => {
    const backend = backendFor();
    const el = await liveWidget(backend);
    // The reader has scrolled down to the second comment and is reading it.
    document.body.style.paddingBottom = '3000px';
    const reading = article(el, 'c-2')!;
    scrollTo(0, scrollY + reading.getBoundingClientRect().top - 20);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    parts(el, 'copy-link')[1]!.focus({ preventScroll: true });
    const focus = focused(el);
    const top = reading.getBoundingClientRect().top;
    expect(top).to.be.closeTo(20, 2);
    backend.emit('comment', newComment(10, { body: 'New one' }));
    backend.emit('comment', newComment(11, { body: 'Newer one' }));
    backend.emit('count', { commentCount: 6 });
    const button = await findPart(el, 'new-comments');
    await waitUntil(() => text(button) === 'Show 2 new comments');
    expect(focused(el), 'focus stays').to.equal(focus);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(reading.getBoundingClientRect().top, 'the comment being read does not move on screen').to.be.closeTo(top, 1);
    expect(commentBodies(el)).not.to.include('New one');
    expect(text(part(el, 'count'))).to.equal('6 comments');
    await waitUntil(() => announced(el) === '2 new comments', 'said once, politely', { timeout: 3000 });
    await expect(el).to.be.accessible();

    button.click();
    await waitUntil(() => commentBodies(el)[0] === 'Newer one');
    expect(commentBodies(el).slice(0, 3)).to.deep.equal(['Newer one', 'New one', 'Comment number 3.']);
    expect(part(el, 'new-comments')).to.be.null;
    expect(focused(el), 'the button is gone: focus goes to the newest comment').to.equal(article(el, 'c-11'));
    expect(text(part(el, 'count')), 'the count is the server’s, not counted twice').to.equal('6 comments');
    document.body.style.paddingBottom = '';
  });

  it('with oldest first, new comments go at the end', async () => {
    const backend = backendFor();
    const el = await liveWidget(backend, { sort: 'oldest' });
    backend.emit('comment', newComment(10, { body: 'Latest' }));
    (await findPart(el, 'new-comments')).click();
    await waitUntil(() => commentBodies(el).at(-1) === 'Latest');
    expect(focused(el)).to.equal(article(el, 'c-10'));
  });

  it('a new reply in a conversation shown in full waits behind its own button at the end of it', async () => {
    const backend = backendFor();
    const el = await liveWidget(backend);
    backend.emit('comment', makeReply('c-1', 20, { body: 'A live reply', createdAt: new Date().toISOString() }));
    const button = await findPart(el, 'new-replies');
    expect(text(button)).to.equal('Show 1 new reply');
    expect(article(el, 'c-1')!.closest('li')!.contains(button), 'under its conversation').to.be.true;
    await expect(el).to.be.accessible();
    button.click();
    await waitUntil(() => article(el, 'c-1-r20'));
    expect(text(article(el, 'c-1-r20')!.querySelector('[part~="comment-body"]'))).to.equal('A live reply');
    expect(focused(el)).to.equal(article(el, 'c-1-r20'));
  });

  it('a reply to a conversation with replies still to load grows its "Show more replies" count instead', async () => {
    const backend = new FakeBackend({
      thread: makeThread({ commentCount: 6 }),
      comments: [makeComment(1)],
      conversations: new Map([['c-1', [2, 3, 4, 5].map((n) => makeReply('c-1', n))]]),
      inlineReplies: 3,
    });
    await serveBackend(backend);
    const el = await renderWidget();
    await waitForComments(el, 4);
    await openStream(backend);
    expect(text(part(el, 'replies-more'))).to.equal('Show 1 more reply');
    backend.emit('comment', makeReply('c-1', 9, { createdAt: new Date().toISOString() }));
    await waitUntil(() => text(part(el, 'replies-more')) === 'Show 2 more replies');
    expect(part(el, 'new-replies')).to.be.null;
  });

  it('a removed comment turns into the placeholder in place; a restored one comes back', async () => {
    const backend = backendFor();
    const el = await liveWidget(backend);
    const before = parts(el, 'comment').map((a) => a.dataset.commentId);
    backend.emit('removed', { id: 'c-2' });
    backend.emit('count', { commentCount: 3 });
    await waitUntil(() => article(el, 'c-2')!.classList.contains('removed'));
    expect(text(article(el, 'c-2')!.querySelector('[part~="comment-body"]'))).to.equal('This comment was removed by a moderator.');
    expect(parts(el, 'comment').map((a) => a.dataset.commentId), 'nothing moves').to.deep.equal(before);
    expect(text(part(el, 'count'))).to.equal('3 comments');
    backend.emit('comment', makeComment(2, { body: 'Restored' }));
    await waitUntil(() => text(article(el, 'c-2')!.querySelector('[part~="comment-body"]')) === 'Restored');
    expect(part(el, 'new-comments'), 'a known comment is updated, not new').to.be.null;
  });

  it('closing the thread hides the form and shows the closed notice, keeping the draft; reopening brings both back', async () => {
    const backend = backendFor(makeViewer());
    await serveBackend(backend);
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID}
      loading="eager" .getAuthToken=${() => 'token'}></parley-comments>`);
    await waitForComments(el, 4);
    await openStream(backend);
    await typeInto(await composerInput(el), 'My half-written thought');
    backend.emit('thread', makeThread({ status: 'closed', commentCount: 4 }));
    await waitUntil(() => !part(el, 'composer-input'), 'the form goes');
    expect(parts(el, 'notice').map(text)).to.include('Comments are closed on this article. You can still read them.');
    await expect(el).to.be.accessible();
    backend.emit('thread', makeThread({ status: 'open', commentCount: 4 }));
    expect((await composerInput(el)).value, 'the draft is kept').to.equal('My half-written thought');
  });

  it('renders hostile event text as text, and skips malformed events', async () => {
    const backend = backendFor();
    const el = await liveWidget(backend);
    backend.emitRaw('event: comment\ndata: {not json\n\n');
    backend.emitRaw(`event: comment\ndata: ${JSON.stringify({ id: 'bad' })}\n\n`);
    backend.emit('count', { commentCount: -1 });
    const hostile = '<img src=x onerror="window.__pwned=1">';
    backend.emit('comment', newComment(12, { body: hostile, author: { id: 'u-x', displayName: '<script>alert(1)</script>', badges: [] } }));
    (await findPart(el, 'new-comments')).click();
    await waitUntil(() => article(el, 'c-12'));
    expect(text(article(el, 'c-12')!.querySelector('[part~="comment-body"]'))).to.equal(hostile);
    expect(text(article(el, 'c-12')!.querySelector('[part~="comment-author"]'))).to.equal('<script>alert(1)</script>');
    expect(el.shadowRoot!.querySelector('img, script')).to.be.null;
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
    expect(text(part(el, 'count')), 'a negative count is ignored').to.equal('4 comments');
    expect(parts(el, 'comment')).to.have.length(5);
  });

  it('a reset offers the new first page; pressing it reloads, keeping the reader’s draft out of harm', async () => {
    const backend = backendFor();
    const el = await liveWidget(backend);
    backend.state.comments.push(makeComment(30, { body: 'Loaded fresh' }));
    backend.emit('reset', {});
    const button = await findPart(el, 'new-comments');
    expect(text(button)).to.equal('Show new comments');
    button.click();
    await waitUntil(() => commentBodies(el)[0] === 'Loaded fresh');
    await openStream(backend);
  });

  it('live="off" set later closes the stream', async () => {
    const backend = backendFor();
    const el = await liveWidget(backend);
    el.live = 'off';
    await waitUntil(() => backend.streams.size === 0, 'closed');
  });
});
