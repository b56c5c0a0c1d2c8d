// A page that gives the widget a token says the reader is signed in, most likely a subscriber:
// the comment form's chunk is fetched alongside the thread, not after it. Its own test file, so
// the page has not loaded the chunk yet.
import { expect, fixture, html } from '@open-wc/testing';
import { delay, http } from 'msw';
import { postingLoader } from '../src/controllers/participation.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { BASE, THREAD_ID } from './mocks/data.js';
import { findPart, loaderSeam, serveBackend, waitForComments } from './helpers.js';
import { subscriber, threadFor } from './posting.helpers.js';

describe('the posting chunk for a reader with a token', () => {
  const realLoad = loaderSeam(postingLoader);

  it('is fetched while the thread request is still out', async () => {
    let answered = false;
    let fetchedBeforeAnswer: boolean | undefined;
    postingLoader.load = () => {
      fetchedBeforeAnswer ??= !answered;
      return realLoad();
    };
    // The thread takes 300 ms to answer.
    await serveBackend(threadFor(subscriber()), http.get(`${BASE}/comments`, async () => {
      await delay(300);
      answered = true;
      return undefined; // on to the fake backend
    }));
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"
      .getAuthToken=${() => 'token-of-a-subscriber'}></parley-comments>`);
    await waitForComments(el, 3);
    await findPart(el, 'composer');
    expect(fetchedBeforeAnswer, 'the chunk was asked for before the thread answered').to.be.true;
  });
});
