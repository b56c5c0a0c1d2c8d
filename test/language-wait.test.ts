// A page's language file that never arrives (a stalled connection) must not hide the comments:
// after a moment the widget shows them in English, and it changes language if the file lands.
// The Dutch file's loader is held back by the test.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LOADERS } from '../src/i18n/locales.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { en } from './english.js';
import { serveBackend, text, waitForComments } from './helpers.js';
import { BASE, THREAD_ID } from './mocks/data.js';
import { subscriber, threadFor } from './posting.helpers.js';

describe('a language file that hangs', () => {
  it('shows the comments in English after 3 s rather than nothing', async () => {
    let release: () => void = () => undefined;
    const realLoad = LOADERS.nl!;
    LOADERS.nl = () => new Promise((resolve) => {
      release = () => resolve(realLoad());
    });
    await serveBackend(threadFor(subscriber()));
    const started = performance.now();
    const page = await fixture<HTMLElement>(html`<div lang="nl"><parley-comments backend-url=${BASE} thread-id=${THREAD_ID}
      loading="eager"></parley-comments></div>`);
    const el = page.querySelector('parley-comments') as ParleyComments;
    const section = () => el.shadowRoot!.querySelector('section')!;
    await waitUntil(() => getComputedStyle(section()).visibility === 'visible', 'still hidden', { timeout: 5000 });
    const waited = performance.now() - started;
    expect(waited, 'it waited for the file first').to.be.greaterThan(2500);
    await waitForComments(el, 3);
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal(en.heading);
    await expect(el).to.be.accessible();

    release();
    await waitUntil(() => text(el.shadowRoot!.querySelector('h2')) === 'Reacties', 'Dutch never arrived', { timeout: 4000 });
    expect(el.shadowRoot!.querySelectorAll('[part~="comment"]').length, 'the comments stayed').to.equal(3);
    LOADERS.nl = realLoad;
  });
});

describe('a language the page leaves and comes back to', () => {
  it('is asked for again when its file arrived while the page spoke another', async () => {
    const realLoad = LOADERS.it!;
    let release: () => void = () => undefined;
    let held = true;
    LOADERS.it = () => (held ? new Promise((resolve) => {
      release = () => resolve(realLoad());
    }) : realLoad());
    try {
      await serveBackend(threadFor(subscriber()));
      const page = await fixture<HTMLElement>(html`<div lang="en"><parley-comments backend-url=${BASE} thread-id=${THREAD_ID}
        loading="eager"></parley-comments></div>`);
      const el = page.querySelector('parley-comments') as ParleyComments;
      await waitForComments(el, 3);
      const heading = () => text(el.shadowRoot!.querySelector('h2'));
      page.lang = 'it';
      await waitUntil(() => el.locale === 'it', 'the element never noticed Italian');
      page.lang = 'en';
      await waitUntil(() => el.locale === 'en', 'the element never noticed English again');
      held = false;
      release(); // Italian lands while the page speaks English: dropped
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heading()).to.equal(en.heading);
      page.lang = 'it';
      await waitUntil(() => heading() === 'Commenti', `still "${heading()}": Italian was not asked for again`, { timeout: 4000 });
    } finally {
      LOADERS.it = realLoad;
    }
  });
});
