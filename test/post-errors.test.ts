import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { BASE, errorBody } from './mocks/data.js';
import { commentBodies, nextEvent, part, renderWidget, serveBackend, waitForComments } from './helpers.js';
import { composerError, composerInput, posts, subscriber, threadFor, typeInto } from './posting.helpers.js';

beforeEach(() => localStorage.clear());

const submit = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="composer-submit"]')!;

describe('when a post fails', () => {
  it('keeps the text after a 503 and retries with the same Idempotency-Key; the comment appears once', async () => {
    const backend = threadFor(subscriber());
    let calls = 0;
    await serveBackend(backend, http.post(`${BASE}/comments`, async ({ request }) => {
      if (calls++ > 0) return undefined;
      // The backend stored the comment, but the answer was lost to a failing proxy.
      await backend.postComment(request.clone());
      return HttpResponse.json(errorBody('internal'), { status: 503 });
    }));
    const el = await renderWidget();
    const input = await composerInput(el);
    await typeInto(input, 'Posted once, whatever happens.');
    const failed = nextEvent<{ action: string; status: number; code: string }>(el, 'parley-error');
    submit(el).click();
    expect(await composerError(el)).to.equal(
      'Your comment was not posted. Your text is kept, so you can try again. The comment service is having trouble right now.');
    expect((await failed).detail).to.deep.equal({ action: 'post', status: 503, code: 'internal' });
    expect(input.value).to.equal('Posted once, whatever happens.');
    expect(part(el, 'composer')!.querySelector('[role="alert"] [part~="error"]'), 'said as an alert').to.exist;
    expect(commentBodies(el)).to.not.include('Posted once, whatever happens.');
    await expect(el).to.be.accessible();

    part(el, 'composer')!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitForComments(el, 4);
    const [first, second] = posts(backend);
    expect(second!.headers.get('Idempotency-Key')).to.equal(first!.headers.get('Idempotency-Key'));
    expect(second!.body).to.deep.equal(first!.body);
    expect(commentBodies(el).filter((b) => b === 'Posted once, whatever happens.')).to.have.length(1);
    expect(backend.state.comments.filter((c) => c.body === 'Posted once, whatever happens.')).to.have.length(1);
    expect(part(el, 'composer')!.querySelector('[part~="error"]')).to.be.null;
    expect(input.value).to.equal('');
  });

  it('uses a new Idempotency-Key for the next comment once one was accepted', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend);
    const el = await renderWidget();
    const input = await composerInput(el);
    await typeInto(input, 'First.');
    submit(el).click();
    await waitForComments(el, 4);
    await typeInto(input, 'Second.');
    submit(el).click();
    await waitForComments(el, 5);
    const [a, b] = posts(backend);
    expect(a!.headers.get('Idempotency-Key')).to.not.equal(b!.headers.get('Idempotency-Key'));
    expect(commentBodies(el).slice(0, 2)).to.deep.equal(['Second.', 'First.']);
  });

  const FIELD_ERRORS: [string, () => Response, string, boolean][] = [
    ['a dropped connection', () => HttpResponse.error(),
      'Your comment was not posted. Your text is kept, so you can try again. We could not reach the comment service. Check your connection and try again.', true],
    ['429 with Retry-After', () => HttpResponse.json(errorBody('rate_limited'), { status: 429, headers: { 'Retry-After': '42' } }),
      'Too many requests. Try again in 42 seconds.', true],
    ['422 invalid_body', () => HttpResponse.json(errorBody('invalid_body'), { status: 422 }),
      'Your comment could not be accepted. Check its length and try again.', false],
    ['413 too_large', () => HttpResponse.json(errorBody('too_large'), { status: 413 }),
      'Your comment could not be accepted. Check its length and try again.', false],
    ['422 invalid_thread (the page, not the reader)', () => HttpResponse.json(errorBody('invalid_thread'), { status: 422 }),
      'Your comment was not posted. Your text is kept, so you can try again. The comment service is having trouble right now.', false],
    ['a 502 HTML page', () => HttpResponse.html('<h1>Bad gateway</h1>', { status: 502 }),
      'Your comment was not posted. Your text is kept, so you can try again. The comment service is having trouble right now.', true],
  ];
  for (const [name, answer, message, retry] of FIELD_ERRORS) {
    it(`says what went wrong at the field for ${name} and keeps the text`, async () => {
      const backend = threadFor(subscriber());
      await serveBackend(backend, http.post(`${BASE}/comments`, () => answer()));
      const el = await renderWidget();
      const input = await composerInput(el);
      await typeInto(input, 'Worth keeping.');
      submit(el).click();
      expect(await composerError(el)).to.equal(message);
      expect(input.value).to.equal('Worth keeping.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')!.split(' ').map((id) => el.shadowRoot!.getElementById(id)?.getAttribute('role')))
        .to.include('alert');
      expect(!!part(el, 'composer')!.querySelector('[part~="retry"]'), 'offers a retry').to.equal(retry);
      expect(submit(el).disabled, 'the reader can post again').to.be.false;
      await expect(el).to.be.accessible();
    });
  }

  it('clears the error once the next attempt goes out', async () => {
    const backend = threadFor(subscriber());
    let calls = 0;
    await serveBackend(backend, http.post(`${BASE}/comments`, () =>
      calls++ === 0 ? HttpResponse.json(errorBody('rate_limited'), { status: 429, headers: { 'Retry-After': '1' } }) : undefined));
    const el = await renderWidget();
    await typeInto(await composerInput(el), 'Again.');
    submit(el).click();
    expect(await composerError(el)).to.equal('Too many requests. Try again in 1 second.');
    submit(el).click();
    await waitForComments(el, 4);
    expect(part(el, 'composer')!.querySelector('[part~="error"]')).to.be.null;
  });
});
