import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import type { ParleyComments } from '../src/parley-comments.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment, makeThread } from './mocks/data.js';
import { commentBodies, serveBackend, waitForComments } from './helpers.js';

describe('when the widget loads', () => {
  it('makes no request until it comes within about a viewport of the screen', async () => {
    const backend = new FakeBackend({ comments: [makeComment(1)] });
    await serveBackend(backend);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 400vh">An article long enough to scroll</div>
      <parley-comments backend-url=${BASE} thread-id="lazy-thread"></parley-comments>
    </div>`);
    const el = wrapper.querySelector('parley-comments')!;
    await delay(300);
    expect(backend.requests, 'nothing fetched while far below the fold').to.have.length(0);
    window.scrollTo(0, document.documentElement.scrollHeight - 2 * innerHeight);
    await waitForComments(el, 1);
    expect(backend.requests).to.have.length(1);
    expect(backend.requests[0]!.url.searchParams.get('thread')).to.equal('lazy-thread');
    window.scrollTo(0, 0);
  });

  it('starts at once with loading="eager"', async () => {
    const backend = new FakeBackend({ comments: [makeComment(1)] });
    await serveBackend(backend);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 400vh"></div>
      <parley-comments backend-url=${BASE} thread-id="eager-thread" loading="eager"></parley-comments>
    </div>`);
    await waitForComments(wrapper.querySelector('parley-comments')!, 1);
  });

  it('uses the canonical URL as the thread id when none is given', async () => {
    const backend = new FakeBackend();
    await serveBackend(backend);
    const link = Object.assign(document.createElement('link'), { rel: 'canonical', href: 'https://news.test/canonical-story' });
    document.head.append(link);
    try {
      await fixture(html`<parley-comments backend-url=${BASE} loading="eager"></parley-comments>`);
      await waitUntil(() => backend.requests.length === 1);
      expect(backend.requests[0]!.url.searchParams.get('thread')).to.equal('https://news.test/canonical-story');
    } finally {
      link.remove();
    }
  });

  it('sends Accept, the credentials mode and the bearer token, asking again once after a 401', async () => {
    const backend = new FakeBackend({ comments: [makeComment(1)] });
    const seen: { auth: string | null; accept: string | null; credentials: RequestCredentials }[] = [];
    await serveBackend(backend, http.get(`${BASE}/comments`, ({ request }) => {
      seen.push({ auth: request.headers.get('authorization'), accept: request.headers.get('accept'), credentials: request.credentials });
      return seen.length === 1 ? new Response(JSON.stringify({ error: { code: 'unauthenticated', message: '' } }), { status: 401 }) : undefined;
    }));
    const tokens = ['stale', 'fresh'];
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id="t" loading="eager" credentials="omit"
      .getAuthToken=${async () => tokens.shift() ?? null}></parley-comments>`);
    await waitForComments(el, 1);
    expect(seen).to.deep.equal([
      { auth: 'Bearer stale', accept: 'application/json', credentials: 'omit' },
      { auth: 'Bearer fresh', accept: 'application/json', credentials: 'omit' },
    ]);
  });

  it('reloads when thread-id changes and drops the answer for the thread no longer shown', async () => {
    const slow = new FakeBackend({ comments: [makeComment(1, { body: 'Old article comment' })] });
    const fast = new FakeBackend({ comments: [makeComment(2, { body: 'New article comment' })] });
    await serveBackend(fast, http.get(`${BASE}/comments`, async ({ request }) => {
      if (new URL(request.url).searchParams.get('thread') !== 'old') return undefined;
      await delay(400);
      return HttpResponse.json({ thread: makeThread({ id: 'old' }), viewer: null, comments: slow.state.comments, nextCursor: null });
    }));
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id="old" loading="eager"></parley-comments>`);
    await delay(50);
    el.threadId = 'new';
    await waitForComments(el, 1);
    expect(commentBodies(el)).to.deep.equal(['New article comment']);
    await delay(600); // the old answer arrives now and must be dropped
    expect(commentBodies(el)).to.deep.equal(['New article comment']);
    expect(fast.requests.at(-1)!.url.searchParams.get('thread')).to.equal('new');
  });

  it('reloads when backend-url, sort or page-size change', async () => {
    const backend = new FakeBackend({ comments: [1, 2, 3].map((n) => makeComment(n)) });
    await serveBackend(backend);
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id="t" loading="eager"></parley-comments>`);
    await waitForComments(el, 3);
    el.pageSize = 1;
    await waitForComments(el, 1);
    expect(backend.requests.at(-1)!.url.searchParams.get('limit')).to.equal('1');
    el.setAttribute('sort', 'oldest');
    await waitUntil(() => backend.requests.at(-1)!.url.searchParams.get('sort') === 'oldest');
    await waitUntil(() => commentBodies(el)[0] === 'Comment number 1.');
    el.backendUrl = `${BASE}/`;
    await waitUntil(() => backend.requests.length === 4);
    expect(backend.requests[3]!.url.pathname).to.equal(new URL(`${BASE}/comments`).pathname);
    await waitForComments(el, 1); // the reload finished: one comment per page, as set
  });

  it('aborts its request when removed from the page and loads again when put back', async () => {
    const backend = new FakeBackend({ comments: [makeComment(1)] });
    await serveBackend(backend, http.get(`${BASE}/comments`, async () => {
      await delay(300);
      return undefined;
    }));
    const signals: AbortSignal[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      // The thread's requests (not the live stream that follows the load).
      if (init?.signal && !String(input).includes('/events')) signals.push(init.signal);
      return realFetch(input, init);
    };
    try {
      const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id="t" loading="eager"></parley-comments>`);
      const parent = el.parentElement!;
      await waitUntil(() => signals.length === 1);
      el.remove();
      expect(signals[0]!.aborted, 'the request was aborted').to.be.true;
      parent.append(el);
      await waitForComments(el, 1);
      expect(signals).to.have.length(2);
    } finally {
      window.fetch = realFetch;
    }
  });
});
