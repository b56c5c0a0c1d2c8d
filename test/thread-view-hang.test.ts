// The thread view's chunk hangs (a stalled connection): the loading placeholder stays while it
// is on its way, no longer than the backend's time limit; then an error with a retry, and the
// comments as soon as it lands. Its own test file, so the page has not loaded the chunk yet.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { delay, http } from 'msw';
import { viewLoader } from '../src/parley-comments.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { en } from './english.js';
import { findPart, loaderSeam, part, parts, serveBackend, text, waitForComments, standIn } from './helpers.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment, THREAD_ID } from './mocks/data.js';

const placeholder = (el: ParleyComments) => el.shadowRoot!.querySelector('[role="progressbar"]');

describe('the thread view chunk hanging', () => {
  const realLoad = loaderSeam(viewLoader);

  it('keeps the loading placeholder while the chunk is on its way, no longer than the time limit; Try again waits again; it shows the comments when it lands', async () => {
    const chunk = standIn(viewLoader, realLoad, { holding: true });
    const backend = new FakeBackend({ comments: [makeComment(1), makeComment(2), makeComment(3)] });
    // The backend takes 200 ms (a resolver that returns nothing hands over to the fake backend).
    await serveBackend(backend, http.get(`${BASE}/comments`, () => delay(200)));
    // A second element that leaves the page while the chunk is on its way: nothing more from it.
    const gone = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"
      request-timeout="600"></parley-comments>`);
    const goneErrors: unknown[] = [];
    gone.addEventListener('parley-error', (e) => goneErrors.push((e as CustomEvent).detail));
    gone.remove();

    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"
      request-timeout="600"></parley-comments>`);
    const errors: unknown[] = [];
    el.addEventListener('parley-error', (e) => errors.push((e as CustomEvent).detail));
    let loaded = 0;
    el.addEventListener('parley-load', () => loaded++);
    expect(chunk.fetches, 'asked for alongside the thread, one fetch for the page').to.equal(1);
    expect(backend.requests, 'before the thread has answered').to.have.length(0);

    await waitUntil(() => el.threadState.status === 'ready', 'the thread has arrived');
    await delay(50);
    expect(placeholder(el), 'the placeholder keeps the space while the chunk is on its way').to.exist;
    expect(parts(el, 'comment')).to.have.length(0);
    expect(loaded, 'no parley-load before the comments show').to.equal(0);

    const error = await findPart(el, 'error');
    expect(text(error.querySelector('p'))).to.equal(`${en.loadFailed} ${en.errorTimeout}`);
    expect(placeholder(el)).to.be.null;
    expect(errors).to.deep.equal([{ action: 'load', status: 0, code: 'timeout' }]);
    await expect(el).to.be.accessible();

    const asked = backend.requests.length;
    (error.querySelector('[part~="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => placeholder(el), 'Try again shows the placeholder again');
    expect(part(el, 'error'), 'waiting again').to.be.null;
    await waitUntil(() => backend.requests.length === asked + 1, 'the thread is asked again');
    await findPart(el, 'error');
    expect(errors, 'a second wait, a second time-out, each told once').to.have.length(2);

    chunk.release(); // no Try again this time: the comments show when it lands
    await waitForComments(el, 3);
    expect(part(el, 'error')).to.be.null;
    expect(placeholder(el)).to.be.null;
    expect(chunk.fetches, 'one fetch, still on its way when the reader retried').to.equal(1);
    expect(loaded).to.equal(1);
    expect(goneErrors, 'the element that left sent nothing').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
