// A subscriber on a thread with no comments yet, while the posting chunk is on its way:
// parley-load waits for the form as it does on a thread with comments. Its own test file, so
// the chunk is not loaded yet.
import { expect, nextFrame } from '@open-wc/testing';
import { postingLoader } from '../src/controllers/participation.js';
import { en } from './english.js';
import { findPart, loaderSeam, nextEvent, part, renderWidget, serveBackend, text, standIn } from './helpers.js';
import { FakeBackend } from './mocks/backend.js';
import { makeThread } from './mocks/data.js';
import { subscriber } from './posting.helpers.js';

describe('the posting chunk on an empty thread', () => {
  const realLoad = loaderSeam(postingLoader);

  it('sends parley-load once the form is there, not while the placeholder shows', async () => {
    const chunk = standIn(postingLoader, realLoad, { holding: true });
    await serveBackend(new FakeBackend({ viewer: subscriber(), thread: makeThread({ commentCount: 0 }), comments: [] }));
    let loads = 0;
    const el = await renderWidget();
    el.addEventListener('parley-load', () => loads++);
    while (!chunk.fetches) await nextFrame();
    await nextFrame();
    await nextFrame();
    expect(loads, 'no parley-load behind the placeholder').to.equal(0);
    expect(part(el, 'composer')).to.be.null;

    const load = nextEvent(el, 'parley-load');
    chunk.release();
    await load;
    await findPart(el, 'composer');
    expect(text(el.shadowRoot!.querySelector('.empty'))).to.equal(en.emptyInvite);
    await nextFrame();
    expect(loads, 'sent once').to.equal(1);
  });
});
