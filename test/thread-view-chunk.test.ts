// What shows the comments once they have loaded (the thread view) is a chunk of its own,
// fetched alongside the thread's first request. A chunk that cannot be fetched is a failure to
// load the comments like any other. Its own test file, so the page has not loaded the chunk
// yet; the tests run in order, the one that lets it land last (one that hangs:
// thread-view-hang.test.ts).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { viewLoader } from '../src/parley-comments.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { en } from './english.js';
import { findPart, loaderSeam, part, parts, renderWidget, serveBackend, text, waitForComments, standIn } from './helpers.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, errorBody, makeComment, THREAD_ID } from './mocks/data.js';

const placeholder = (el: ParleyComments) => el.shadowRoot!.querySelector('[role="progressbar"]');

function recordErrors(el: ParleyComments): unknown[] {
  const errors: unknown[] = [];
  el.addEventListener('parley-error', (e) => errors.push((e as CustomEvent).detail));
  return errors;
}

describe('the thread view chunk', () => {
  const realLoad = loaderSeam(viewLoader);

  it('does not hold back an error from the backend while the chunk is on its way', async () => {
    const settled = delay(1500);
    viewLoader.load = () => settled.then(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    await serveBackend(new FakeBackend(), http.get(`${BASE}/comments`, () => HttpResponse.json(errorBody('internal'), { status: 503 })));
    const started = performance.now();
    const el = await renderWidget();
    const errors = recordErrors(el);
    const error = await findPart(el, 'error');
    expect(performance.now() - started, 'shown before the chunk settles').to.be.below(1200);
    expect(text(error.querySelector('p'))).to.equal(`${en.loadFailed} ${en.errorServer}`);
    await expect(el).to.be.accessible();
    await settled; // the stand-in fails: the next test starts from no chunk
    await delay(50);
    expect(errors, 'the chunk failing meanwhile is not reported on top').to.deep.equal([{ action: 'load', status: 503, code: 'internal' }]);
    expect(text(part(el, 'error')!.querySelector('p'))).to.equal(`${en.loadFailed} ${en.errorServer}`);
  });

  it('is fetched only when the element nears the viewport; failing, it is an error with a retry that recovers', async () => {
    const chunk = standIn(viewLoader, realLoad, { failing: true });
    const backend = new FakeBackend({ comments: [makeComment(1), makeComment(2)] });
    // The backend takes its time (a resolver that returns nothing hands over to the fake backend).
    await serveBackend(backend, http.get(`${BASE}/comments`, () => delay(300)));
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 400vh">An article long enough to scroll</div>
      <parley-comments backend-url=${BASE} thread-id=${THREAD_ID}></parley-comments>
    </div>`);
    const el = wrapper.querySelector('parley-comments')!;
    const errors = recordErrors(el);
    try {
      await delay(300);
      expect(chunk.fetches, 'no chunk while far below the fold').to.equal(0);
      expect(backend.requests).to.have.length(0);

      window.scrollTo(0, document.documentElement.scrollHeight - 2 * innerHeight);
      await waitUntil(() => chunk.fetches === 1, 'the chunk is asked for');
      expect(backend.requests, 'alongside the thread, not after its answer').to.have.length(0);
      const error = await findPart(el, 'error');
      expect(backend.requests).to.have.length(1);
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error.querySelector('p'))).to.equal(`${en.loadFailed} ${en.errorNetwork}`);
      expect(placeholder(el), 'no endless loading placeholder').to.be.null;
      expect(parts(el, 'comment')).to.have.length(0);
      expect(errors).to.deep.equal([{ action: 'load', status: 0, code: 'network' }]);
      await expect(el).to.be.accessible();

      chunk.failing = false;
      (error.querySelector('[part~="retry"]') as HTMLButtonElement).click();
      await waitForComments(el, 2);
      expect(part(el, 'error')).to.be.null;
      expect(chunk.fetches, 'the retry fetches the chunk again').to.equal(2);
      expect(text(el.shadowRoot!.querySelector('[part~="comment-body"]'))).to.equal(backend.state.comments.at(-1)!.body);
    } finally {
      window.scrollTo(0, 0);
    }
  });
});
