// The thread view's chunk lands late, after the thread it was fetched for is gone (a time-out,
// Try again, and the backend failing meanwhile): no parley-load for the old thread, the error
// stays. Moving the element in the page does not hide an error or report it again. Its own test
// file, so the page has not loaded the chunk yet.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { viewLoader } from '../src/parley-comments.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { en } from './english.js';
import { findPart, loaderSeam, part, parts, serveBackend, text, waitForComments, standIn } from './helpers.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, errorBody, makeComment, THREAD_ID } from './mocks/data.js';

describe('the thread view chunk landing late', () => {
  const realLoad = loaderSeam(viewLoader);

  it('sends no parley-load for a thread no longer shown, and keeps its error through a move in the page', async () => {
    const chunk = standIn(viewLoader, realLoad, { holding: true });
    let failing = false;
    const backend = new FakeBackend({ comments: [makeComment(1), makeComment(2)] });
    await serveBackend(backend, http.get(`${BASE}/comments`, () => (failing ? HttpResponse.json(errorBody('internal'), { status: 503 }) : undefined)));
    const wrapper = await fixture<HTMLDivElement>(html`<div><parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"
      request-timeout="400"></parley-comments></div>`);
    const el = wrapper.querySelector<ParleyComments>('parley-comments')!;
    const events: string[] = [];
    el.addEventListener('parley-load', () => events.push('load'));
    el.addEventListener('parley-error', (e) => events.push(`error ${(e as CustomEvent<{ code: string }>).detail.code}`));

    await findPart(el, 'error');
    expect(events).to.deep.equal(['error timeout']);

    // Moved in the page (a layout change of the host page): the error and its report stay as they were.
    const other = document.createElement('div');
    wrapper.append(other);
    other.append(el);
    await delay(100);
    expect(text(part(el, 'error')!.querySelector('p'))).to.equal(`${en.loadFailed} ${en.errorTimeout}`);
    expect(events).to.deep.equal(['error timeout']);

    failing = true;
    (part(el, 'retry') as HTMLButtonElement).click();
    await waitUntil(() => text(part(el, 'error')?.querySelector('p') ?? null) === `${en.loadFailed} ${en.errorServer}`, 'the backend fails');
    chunk.release();
    await delay(200);
    expect(events, 'nothing for the thread that was replaced').to.deep.equal(['error timeout', 'error internal']);
    expect(text(part(el, 'error')!.querySelector('p'))).to.equal(`${en.loadFailed} ${en.errorServer}`);
    expect(parts(el, 'comment')).to.have.length(0);

    failing = false;
    (part(el, 'retry') as HTMLButtonElement).click();
    await waitForComments(el, 2);
    await waitUntil(() => events.length === 3, 'parley-load');
    expect(events).to.deep.equal(['error timeout', 'error internal', 'load']);
    await expect(el).to.be.accessible();
  });
});
