import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { ParleyComments } from '../src/parley-comments.js';
import { newDraftKey, readDraft, writeDraft } from '../src/controllers/drafts.js';
import { BASE, THREAD_ID, errorBody } from './mocks/data.js';
import { commentBodies, part, renderWidget, serveBackend, text, waitForComments } from './helpers.js';
import { composerError, composerInput, posts, subscriber, threadFor, typeInto } from './posting.helpers.js';

beforeEach(() => localStorage.clear());

/** Takes the widget off the page and puts a new one in its place, as a reload does. */
async function reload(el: ParleyComments, threadId = THREAD_ID): Promise<ParleyComments> {
  el.remove();
  return fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${threadId} loading="eager"></parley-comments>`);
}

const hint = (el: ParleyComments) => text(part(el, 'composer')!.querySelector('.hint'));

describe('drafts', () => {
  it('restores a draft after a reload mid-draft, and says so', async () => {
    await serveBackend(threadFor(subscriber()));
    const el = await renderWidget();
    await typeInto(await composerInput(el), 'Half-written thoughts\non two lines');
    expect(hint(el)).to.equal('Ctrl+Enter to post');

    const again = await reload(el);
    const input = await composerInput(again);
    expect(input.value).to.equal('Half-written thoughts\non two lines');
    expect(hint(again)).to.equal('Your unsent draft was restored.');
    expect(text(again.shadowRoot!.getElementById('composer-count'))).to.equal('1,466 characters left', 'English groups thousands');
    expect(part(again, 'composer-submit')!.hasAttribute('disabled')).to.be.false;
    await expect(again).to.be.accessible();
    await typeInto(input, '.');
    expect(hint(again), 'the note goes once the reader carries on').to.equal('Ctrl+Enter to post');
  });

  it('keeps drafts per thread', async () => {
    await serveBackend(threadFor(subscriber()));
    const el = await renderWidget();
    await typeInto(await composerInput(el), 'About the bridge');
    const other = await reload(el, 'another-article');
    expect((await composerInput(other)).value).to.equal('');
    const back = await reload(other);
    expect((await composerInput(back)).value).to.equal('About the bridge');
  });

  it('survives a failed post and a reload, retries under the same key, and is cleared only once accepted', async () => {
    const backend = threadFor(subscriber());
    let calls = 0;
    await serveBackend(backend, http.post(`${BASE}/comments`, async ({ request }) => {
      if (calls++ > 0) return undefined;
      await backend.record(request);
      return HttpResponse.json(errorBody('internal'), { status: 503 });
    }));
    const el = await renderWidget();
    await typeInto(await composerInput(el), 'Still here after the outage.');
    part(el, 'composer-submit')!.click();
    await composerError(el);

    const again = await reload(el);
    const input = await composerInput(again);
    expect(input.value).to.equal('Still here after the outage.');
    part(again, 'composer-submit')!.click();
    await waitForComments(again, 4);
    const [first, second] = posts(backend);
    expect(second!.headers.get('Idempotency-Key'), 'the draft keeps its key across the reload').to.equal(first!.headers.get('Idempotency-Key'));
    expect(input.value).to.equal('');
    expect(localStorage.length, 'nothing left in storage').to.equal(0);

    const after = await reload(again);
    expect((await composerInput(after)).value).to.equal('');
    expect(commentBodies(after).filter((b) => b === 'Still here after the outage.')).to.have.length(1);
  });

  it('restores a reply draft under its own comment after a reload', async () => {
    await serveBackend(threadFor(subscriber()));
    const el = await renderWidget();
    await waitForComments(el, 3);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-comment-id="c-2"] [part~="reply-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'reply-input');
    await sendKeys({ type: 'Replying to Bob' });
    const again = await reload(el);
    await waitForComments(again, 3);
    expect((await composerInput(again)).value, 'the top-level draft is separate').to.equal('');
    again.shadowRoot!.querySelector<HTMLButtonElement>('[data-comment-id="c-2"] [part~="reply-button"]')!.click();
    await waitUntil(() => again.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply-input')?.value === 'Replying to Bob');
  });

  it('starts a new draft with a new key when the reader empties the field', async () => {
    const backend = threadFor(subscriber());
    let calls = 0;
    await serveBackend(backend, http.post(`${BASE}/comments`, async ({ request }) => {
      if (calls++ > 0) return undefined;
      await backend.record(request);
      return HttpResponse.error();
    }));
    const el = await renderWidget();
    const input = await composerInput(el);
    await typeInto(input, 'Lost?');
    part(el, 'composer-submit')!.click();
    await composerError(el);
    input.select();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'Something else entirely' });
    part(el, 'composer-submit')!.click();
    await waitForComments(el, 4);
    const [first, second] = posts(backend);
    expect(second!.headers.get('Idempotency-Key')).to.not.equal(first!.headers.get('Idempotency-Key'));
    expect(commentBodies(el)[0]).to.equal('Something else entirely');
  });
});

describe('the draft store', () => {
  it('reads back what it wrote and forgets empty drafts', () => {
    writeDraft('t', '', { text: 'hello', key: 'k-1' });
    writeDraft('t', 'c-1', { text: 'reply', key: 'k-2' });
    expect(readDraft('t', '')).to.deep.equal({ text: 'hello', key: 'k-1' });
    expect(readDraft('t', 'c-1')).to.deep.equal({ text: 'reply', key: 'k-2' });
    expect(readDraft('other', '')).to.equal(null);
    writeDraft('t', '', { text: '', key: 'k-1' });
    expect(readDraft('t', '')).to.equal(null);
    writeDraft('t', 'c-1', null);
    expect(localStorage.length).to.equal(0);
  });

  it('copes with corrupted entries and with storage that refuses', () => {
    localStorage.setItem('parley-draft:t#', '{not json');
    expect(readDraft('t', '')).to.equal(null);
    localStorage.setItem('parley-draft:t#', JSON.stringify({ text: 42 }));
    expect(readDraft('t', '')).to.equal(null);
    const { setItem, getItem } = Storage.prototype;
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
    Storage.prototype.getItem = () => { throw new DOMException('denied', 'SecurityError'); };
    try {
      expect(() => writeDraft('t', '', { text: 'x', key: 'k' })).to.not.throw();
      expect(readDraft('t', '')).to.equal(null);
    } finally {
      Object.assign(Storage.prototype, { setItem, getItem });
    }
  });

  it('makes keys the API accepts, different every time', () => {
    const keys = new Set(Array.from({ length: 50 }, newDraftKey));
    expect(keys.size).to.equal(50);
    for (const key of keys) expect(key).to.match(/^[\x21-\x7e]{1,200}$/);
  });

  it('lets the reader post while storage is blocked', async () => {
    const { setItem } = Storage.prototype;
    Storage.prototype.setItem = () => { throw new DOMException('denied', 'SecurityError'); };
    try {
      await serveBackend(threadFor(subscriber()));
      const el = await renderWidget();
      await typeInto(await composerInput(el), 'No storage, no problem.');
      part(el, 'composer-submit')!.click();
      await waitForComments(el, 4);
      expect(commentBodies(el)[0]).to.equal('No storage, no problem.');
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });
});
