// The posting chunk cannot be fetched (offline, a deploy replaced it): the subscriber still
// reads, is told the form could not load, and Try again fetches it, with their saved draft.
// Its own test file, so the page has not loaded the chunk yet.
import { expect } from '@open-wc/testing';
import { postingLoader } from '../src/controllers/participation.js';
import { writeDraft } from '../src/controllers/drafts.js';
import { en } from './english.js';
import { findPart, loaderSeam, part, parts, renderWidget, serveBackend, text, waitForComments, standIn } from './helpers.js';
import { composerInput, subscriber, threadFor } from './posting.helpers.js';
import { THREAD_ID } from './mocks/data.js';

describe('the posting chunk failing to arrive', () => {
  const realLoad = loaderSeam(postingLoader);

  it('shows the comments with an error and a retry; the retry brings the form and the reader\'s draft', async () => {
    localStorage.clear();
    writeDraft(THREAD_ID, '', { text: 'Half a thought about the bridge', key: 'k-1' });
    const chunk = standIn(postingLoader, realLoad, { failing: true });
    await serveBackend(threadFor(subscriber()));
    const el = await renderWidget();
    await waitForComments(el, 3);
    const error = await findPart(el, 'error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error.querySelector('p'))).to.equal(`${en.postingFailed} ${en.errorNetwork}`);
    expect(part(el, 'composer')).to.be.null;
    expect(parts(el, 'reply-button')).to.have.length(0);
    expect(chunk.fetches).to.equal(1);
    await expect(el).to.be.accessible();

    chunk.failing = false;
    (error.querySelector('[part~="retry"]') as HTMLButtonElement).click();
    const input = await composerInput(el);
    expect(input.value, 'the saved draft is back').to.equal('Half a thought about the bridge');
    expect(part(el, 'error')).to.be.null;
    expect(parts(el, 'reply-button')).to.have.length(3);
    expect(chunk.fetches).to.equal(2);
    await expect(el).to.be.accessible();
  });
});
