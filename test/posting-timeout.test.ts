// The posting chunk's fetch hangs (a stalled connection): the subscriber's comments must not
// wait for it past the backend's time limit. Its own test file, so the chunk is not loaded yet.
import { expect, waitUntil } from '@open-wc/testing';
import { postingLoader } from '../src/controllers/participation.js';
import { en } from './english.js';
import { findPart, loaderSeam, part, parts, renderWidget, serveBackend, text, waitForComments, standIn } from './helpers.js';
import { composerInput, subscriber, threadFor } from './posting.helpers.js';

describe('the posting chunk hanging', () => {
  const realLoad = loaderSeam(postingLoader);

  it('shows the comments after the time limit when the fetch hangs, and the form when it lands at last', async () => {
    const chunk = standIn(postingLoader, realLoad, { holding: true });
    await serveBackend(threadFor(subscriber()));
    const el = await renderWidget();
    el.requestTimeout = 300;
    const started = performance.now();
    await waitForComments(el, 3);
    expect(performance.now() - started, 'not before the time limit').to.be.greaterThan(250);
    const error = await findPart(el, 'error');
    expect(text(error.querySelector('p'))).to.equal(`${en.postingFailed} ${en.errorTimeout}`);
    expect(error.querySelector('[part~="retry"]'), 'no Try again: the fetch is still out and cannot be restarted').to.be.null;
    await expect(el).to.be.accessible();

    chunk.release();
    await composerInput(el);
    expect(part(el, 'error'), 'the error gives way to the form').to.be.null;
    await waitUntil(() => parts(el, 'reply-button').length === 3, 'the Reply buttons come too');
  });
});
