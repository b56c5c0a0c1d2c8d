// The thread view's chunk hangs (a stalled connection): the loading placeholder stays while it
// is on its way, no longer than the backend's time limit; then an error with a retry, and the
// comments as soon as it lands. Its own test file, so the page has not loaded the chunk yet.
import { expect, fixture, html } from '@open-wc/testing';
import { delay } from 'msw';
import { viewLoader } from '../src/parley-comments.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { en } from './english.js';
import { findPart, loaderSeam, part, parts, serveBackend, text, waitForComments } from './helpers.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment, THREAD_ID } from './mocks/data.js';

const placeholder = (el: ParleyComments) => el.shadowRoot!.querySelector('[role="progressbar"]');

describe('the thread view chunk hanging', () => {
  const realLoad = loaderSeam(viewLoader);

  it('keeps the loading placeholder until the chunk lands; one that hangs is a time-out with a retry', async () => {
    let land: () => void = () => undefined;
    let fetches = 0;
    viewLoader.load = () => {
      fetches++;
      return new Promise<void>((resolve) => (land = resolve)).then(() => realLoad());
    };
    const backend = new FakeBackend({ comments: [makeComment(1), makeComment(2), makeComment(3)] });
    await serveBackend(backend);
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"
      request-timeout="600"></parley-comments>`);
    const errors: unknown[] = [];
    el.addEventListener('parley-error', (e) => errors.push((e as CustomEvent).detail));
    let loaded = 0;
    el.addEventListener('parley-load', () => loaded++);

    await delay(250);
    expect(backend.requests, 'the thread has arrived').to.have.length(1);
    expect(placeholder(el), 'the placeholder keeps the space while the chunk is on its way').to.exist;
    expect(parts(el, 'comment')).to.have.length(0);
    expect(loaded, 'no parley-load before the comments show').to.equal(0);

    const error = await findPart(el, 'error');
    expect(text(error.querySelector('p'))).to.equal(`${en.loadFailed} ${en.errorTimeout}`);
    expect(placeholder(el)).to.be.null;
    expect(errors).to.deep.equal([{ action: 'load', status: 0, code: 'timeout' }]);
    await expect(el).to.be.accessible();

    (error.querySelector('[part~="retry"]') as HTMLButtonElement).click();
    await findPart(el, 'header'); // the retry's render
    await delay(50);
    expect(part(el, 'error'), 'waiting again').to.be.null;
    expect(placeholder(el)).to.exist;
    expect(backend.requests, 'the thread is asked again').to.have.length(2);

    land();
    await waitForComments(el, 3);
    expect(part(el, 'error')).to.be.null;
    expect(placeholder(el)).to.be.null;
    expect(fetches, 'one fetch, still on its way when the reader retried').to.equal(1);
    expect(loaded).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
