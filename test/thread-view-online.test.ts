// Offline before the comments were reached: the thread and its view's chunk both failed. Back
// online, the thread is read again and the chunk asked for again, with no Try again pressed;
// and again when only the chunk failed.
// Its own test file, so the page has not loaded the chunk yet.
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { viewLoader } from '../src/parley-comments.js';
import { en } from './english.js';
import { findPart, loaderSeam, part, renderWidget, serveBackend, text, waitForComments, worker, standIn } from './helpers.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment } from './mocks/data.js';

describe('the thread view chunk, back online', () => {
  const realLoad = loaderSeam(viewLoader);

  it('reads the thread again and fetches the chunk again when the connection comes back, whichever failed', async () => {
    let offline = true;
    const chunk = standIn(viewLoader, realLoad, { failing: true });
    const backend = new FakeBackend({ comments: [makeComment(1), makeComment(2)] });
    await serveBackend(backend, http.get(`${BASE}/comments`, () => (offline ? HttpResponse.error() : undefined)));
    const el = await renderWidget();
    const errors: unknown[] = [];
    el.addEventListener('parley-error', (e) => errors.push((e as CustomEvent).detail));
    const error = await findPart(el, 'error');
    expect(text(error.querySelector('p'))).to.equal(`${en.loadFailed} ${en.errorNetwork}`);
    await expect(el).to.be.accessible();

    // Back online: the thread comes, the chunk fails once more (the connection is still shaky).
    offline = false;
    dispatchEvent(new Event('online'));
    await waitUntil(() => chunk.fetches === 2 && el.threadState.status === 'ready', 'the thread read again, the chunk asked again');
    await waitUntil(() => errors.length === 2, 'the chunk\'s failure told');
    expect(text(part(el, 'error')!.querySelector('p'))).to.equal(`${en.loadFailed} ${en.errorNetwork}`);

    // Online again with only the chunk missing: asked for once more, with no Try again pressed.
    chunk.failing = false;
    dispatchEvent(new Event('online'));
    await waitForComments(el, 2);
    expect(part(el, 'error')).to.be.null;
    expect(chunk.fetches).to.equal(3);
    expect(errors, 'each failure shown told once').to.have.length(2);
    worker.resetHandlers();
  });
});
