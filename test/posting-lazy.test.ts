// The comment form, drafts and posting are a chunk of their own (features/posting.ts), fetched
// when a thread says the viewer may post. Its own test file, so the page has not loaded it yet.
// That it is a separate file on the built bundle, not fetched for a signed-out reader, is
// checked in test/e2e/csp.test.ts.
import { expect, nextFrame } from '@open-wc/testing';
import { postingLoader } from '../src/controllers/participation.js';
import { en } from './english.js';
import { findPart, loaderSeam, nextEvent, part, parts, renderWidget, serveBackend, text, waitForComments, standIn, type ChunkStandIn } from './helpers.js';
import { subscriber, threadFor } from './posting.helpers.js';

beforeEach(() => localStorage.clear());

describe('the posting chunk, fetched for a viewer who may post', () => {
  const realLoad = loaderSeam(postingLoader);
  let chunk: ChunkStandIn;
  beforeEach(() => {
    // Each fetch waits until the test lets it through.
    chunk = standIn(postingLoader, realLoad, { holding: true });
  });

  it('is not fetched for readers who may not post', async () => {
    for (const viewer of [null, { ...subscriber(), subscriber: false }, { ...subscriber(), status: 'banned' as const }]) {
      await serveBackend(threadFor(viewer));
      const el = await renderWidget();
      await waitForComments(el, 3);
      expect(part(el, 'composer')).to.be.null;
      expect(parts(el, 'reply-button')).to.have.length(0);
    }
    await serveBackend(threadFor(subscriber(), { status: 'closed' }));
    const closed = await renderWidget();
    await waitForComments(closed, 3);
    expect(chunk.fetches, 'no reader above, nor a subscriber on a closed thread, fetched it').to.equal(0);
  });

  it('holds the thread behind the loading placeholder until it arrives, then shows the form and the comments together', async () => {
    await serveBackend(threadFor(subscriber()));
    let loaded = false;
    const el = await renderWidget();
    // A publisher's override, in place before the chunk brings the form's English.
    el.strings = { heading: 'Readers’ views' };
    el.addEventListener('parley-load', () => (loaded = true));
    await new Promise<void>((resolve) => {
      const wait = () => (chunk.fetches ? resolve() : setTimeout(wait, 10));
      wait();
    });
    expect(chunk.fetches, 'fetched once the thread said the viewer may post').to.equal(1);
    await nextFrame();
    await nextFrame();
    expect(part(el, 'count')?.textContent, 'the thread has arrived').to.equal('3 comments');
    expect(parts(el, 'comment'), 'its comments wait for the form').to.have.length(0);
    expect(el.shadowRoot!.querySelector('[role="progressbar"]'), 'the placeholder keeps their space').to.exist;
    expect(loaded, 'parley-load waits too').to.be.false;
    await expect(el).to.be.accessible();

    const load = nextEvent(el, 'parley-load');
    chunk.release();
    await load;
    const composer = part(el, 'composer')!;
    const first = parts(el, 'comment')[0]!;
    expect(composer, 'the form is there').to.exist;
    expect(composer.getBoundingClientRect().bottom, 'above the comments').to.be.lessThan(first.getBoundingClientRect().top);
    expect(parts(el, 'reply-button')).to.have.length(3);
    expect(text(composer.querySelector('label')), "the chunk's English, under the publisher's override").to.equal(en.composerLabel);
    expect(text(part(el, 'reply-button'))).to.equal(en.reply);
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Readers’ views');
    expect(el.shadowRoot!.querySelector('[role="progressbar"]')).to.be.null;
    expect(getComputedStyle(part(el, 'composer-input')!).minHeight, "the form's own styles arrived with it").to.equal('80px');
    await expect(el).to.be.accessible();

    // A second widget on the page (or the next article of a single-page site) has it at once.
    await serveBackend(threadFor(subscriber()));
    const next = await renderWidget();
    await findPart(next, 'composer');
    await waitForComments(next, 3);
    expect(chunk.fetches, 'fetched once per page').to.equal(1);
  });
});
