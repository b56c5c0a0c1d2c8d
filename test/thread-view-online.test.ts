// Offline before the comments were reached: the thread and its view's chunk both failed. Back
// online, the thread is read again and the chunk asked for again, with no Try again pressed.
// Its own test file, so the page has not loaded the chunk yet.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { viewLoader } from '../src/parley-comments.js';
import { en } from './english.js';
import { findPart, loaderSeam, part, renderWidget, serveBackend, text, waitForComments, worker } from './helpers.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment } from './mocks/data.js';

describe('the thread view chunk, back online', () => {
  const realLoad = loaderSeam(viewLoader);

  it('reads the thread again and fetches the chunk again when the connection comes back', async () => {
    let offline = true;
    let fetches = 0;
    viewLoader.load = () => {
      fetches++;
      return offline ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : realLoad();
    };
    const backend = new FakeBackend({ comments: [makeComment(1), makeComment(2)] });
    await serveBackend(backend, http.get(`${BASE}/comments`, () => (offline ? HttpResponse.error() : undefined)));
    const el = await renderWidget();
    const errors: unknown[] = [];
    el.addEventListener('parley-error', (e) => errors.push((e as CustomEvent).detail));
    const error = await findPart(el, 'error');
    expect(text(error.querySelector('p'))).to.equal(`${en.loadFailed} ${en.errorNetwork}`);
    await expect(el).to.be.accessible();

    offline = false;
    dispatchEvent(new Event('online'));
    await waitForComments(el, 2);
    expect(part(el, 'error')).to.be.null;
    expect(fetches, 'the chunk was asked for again').to.equal(2);
    expect(errors, 'one failure told: the chunk failing beside it is the same outage').to.have.length(1);
    worker.resetHandlers();
  });
});
