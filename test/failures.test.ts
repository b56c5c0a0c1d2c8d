import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ParleyComments } from '../src/parley-comments.js';
import { http, HttpResponse } from 'msw';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment, makeThread } from './mocks/data.js';
import { commentBodies, findPart, nextEvent, part, renderWidget, serve, serveBackend, text, waitForComments } from './helpers.js';

const healthy = () => new FakeBackend({ comments: [makeComment(1), makeComment(2)], thread: makeThread({ commentCount: 2 }) });

/** Each way a backend can fail, answered once before it recovers. */
const FAILURES: [string, () => Response | Promise<Response>, string][] = [
  ['a 500', () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 }), 'The comment service is having trouble right now.'],
  ['a 503 with an HTML body', () => HttpResponse.html('<html><body><h1>Bad gateway</h1><script>window.__pwned = 1</script></body></html>', { status: 503 }), 'The comment service is having trouble right now.'],
  ['a 200 whose body is not JSON', () => HttpResponse.text('{"thread": oops'), 'The comment service sent an answer we could not read.'],
  ['a 200 with an HTML page', () => HttpResponse.html('<!doctype html><title>Login</title>'), 'The comment service sent an answer we could not read.'],
  ['a 200 of the wrong shape', () => HttpResponse.json({ thread: { id: 7 }, comments: 'none' }), 'The comment service sent an answer we could not read.'],
  ['a comment of the wrong shape', () => HttpResponse.json({ thread: makeThread(), viewer: null, comments: [{ ...makeComment(1), createdAt: 'yesterday' }], nextCursor: null }), 'The comment service sent an answer we could not read.'],
  ['a dropped connection', () => HttpResponse.error(), 'We could not reach the comment service. Check your connection and try again.'],
];

describe('when the backend fails', () => {
  for (const [name, answer, message] of FAILURES) {
    it(`shows an error with a retry for ${name}, and recovers on retry`, async () => {
      const backend = healthy();
      let failures = 0;
      await serveBackend(backend, http.get(`${BASE}/comments`, () => (failures++ === 0 ? answer() : undefined)));
      const el = await renderWidget();
      const errorEvent = nextEvent<{ action: string; status: number; code: string }>(el, 'parley-error');
      const error = await findPart(el, 'error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain('Comments could not be loaded.');
      expect(text(error)).to.contain(message);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect((await errorEvent).detail.action).to.equal('load');
      await expect(el).to.be.accessible();

      part(el, 'retry')!.click();
      await waitForComments(el, 2);
      expect(part(el, 'error')).to.be.null;
      expect(commentBodies(el)).to.deep.equal(['Comment number 2.', 'Comment number 1.']);
      expect(el.shadowRoot!.activeElement?.id, 'focus stays in the widget after retry').to.equal('heading');
    });
  }

  it('gives up on a request that never answers, then retries', async () => {
    const backend = healthy();
    let calls = 0;
    await serveBackend(backend, http.get(`${BASE}/comments`, () => (calls++ === 0 ? new Promise<Response>(() => {}) : undefined)));
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id="t" loading="eager"
      request-timeout="300"></parley-comments>`);
    const error = await findPart(el, 'error');
    expect(text(error)).to.contain('The comment service took too long to answer.');
    part(el, 'retry')!.click();
    await waitForComments(el, 2);
  });

  it('reports the status and code of an API error in parley-error', async () => {
    await serve(http.get(`${BASE}/comments`, () => HttpResponse.json({ error: { code: 'invalid_limit', message: '<b>nope</b>' } }, { status: 400 })));
    const el = await renderWidget();
    const event = await nextEvent<{ action: string; status: number; code: string }>(el, 'parley-error');
    expect(event.detail).to.deep.equal({ action: 'load', status: 400, code: 'invalid_limit' });
    const error = await findPart(el, 'error');
    expect(error.querySelector('b'), 'the message is never HTML').to.be.null;
  });

  it('keeps the comments shown when a later page fails, and retries that page', async () => {
    const backend = new FakeBackend({ comments: [1, 2, 3].map((n) => makeComment(n)) });
    let pages = 0;
    await serveBackend(backend, http.get(`${BASE}/comments`, ({ request }) =>
      new URL(request.url).searchParams.has('cursor') && pages++ === 0 ? HttpResponse.json({}, { status: 502 }) : undefined));
    const el = await renderWidget({ pageSize: 2 });
    await waitForComments(el, 2);
    part(el, 'load-more')!.click();
    const error = await findPart(el, 'error');
    expect(text(error)).to.contain('More comments could not be loaded.');
    expect(commentBodies(el)).to.have.length(2);
    part(el, 'retry')!.click();
    await waitForComments(el, 3);
    await waitUntil(() => !part(el, 'error'));
  });

  it('shows a failed replies page under its conversation with a retry', async () => {
    const root = makeComment(1);
    const backend = new FakeBackend({ comments: [root], inlineReplies: 0, conversations: new Map([['c-1', [makeComment(2, { id: 'r-2', parentId: 'c-1' })]]]) });
    let calls = 0;
    await serveBackend(backend, http.get(`${BASE}/comments/:id/replies`, () => (calls++ === 0 ? HttpResponse.error() : undefined)));
    const el = await renderWidget();
    (await findPart(el, 'replies-more')).click();
    const error = await findPart(el, 'error');
    expect(text(error)).to.contain('Replies could not be loaded.');
    part(el, 'retry')!.click();
    await waitForComments(el, 2);
  });
});
