import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { Viewer } from '../src/api/types.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { BASE, THREAD_ID, errorBody, makeViewer } from './mocks/data.js';
import { findPart, part, parts, renderWidget, serveBackend, text, waitForComments } from './helpers.js';
import { composerInput, expectVisible, focused, posts, subscriber, threadFor, typeInto } from './posting.helpers.js';

beforeEach(() => localStorage.clear());

const PROMPT_TEXT = 'Commenting is open to subscribers. Subscribe to share your view and reply to other readers.';

/** Who may read this thread, and what each of them sees above the comments. */
const VIEWERS: [string, Viewer | null, string][] = [
  ['a signed-out reader', null, 'prompt'],
  ['a signed-in reader who does not subscribe', makeViewer({ subscriber: false }), 'prompt'],
  ['a subscriber', makeViewer(), 'composer'],
  ['a banned reader', makeViewer({ status: 'banned' }), 'Your account can no longer comment because it broke our rules.'],
  ['a suspended reader', makeViewer({ status: 'suspended', suspendedUntil: '2026-12-04T12:00:00.000Z' }),
    'Your account can comment again on December 4, 2026.'],
];

async function widgetFor(viewer: Viewer | null): Promise<ParleyComments> {
  await serveBackend(threadFor(viewer));
  const el = await renderWidget();
  await waitForComments(el, 3);
  return el;
}

describe('who may comment', () => {
  for (const [who, viewer, sees] of VIEWERS) {
    it(`shows ${who} their state on the same thread, and only a subscriber can post`, async () => {
      const el = await widgetFor(viewer);
      expectVisible(part(el, 'subscribe-prompt'), sees === 'prompt');
      expectVisible(part(el, 'composer'), sees === 'composer');
      expect(parts(el, 'reply-button').length, 'reply buttons').to.equal(sees === 'composer' ? 3 : 0);
      const notice = part(el, 'notice');
      if (sees === 'prompt' || sees === 'composer') expect(notice).to.be.null;
      else expect(text(notice)).to.equal(sees);
      expect(parts(el, 'comment')).to.have.length(3); // everyone reads
      await expect(el).to.be.accessible();
    });
  }

  it('invites a signed-out reader to subscribe or sign in, and explains why', async () => {
    const el = await widgetFor(null);
    const prompt = part(el, 'subscribe-prompt')!;
    expect(text(prompt.querySelector('h3'))).to.equal('Join the conversation');
    expect(text(prompt)).to.contain(PROMPT_TEXT);
    const subscribe = part(el, 'subscribe-link') as HTMLAnchorElement;
    const signIn = part(el, 'sign-in-link') as HTMLAnchorElement;
    expect([text(subscribe), subscribe.href]).to.deep.equal(['Subscribe', 'https://news.test/subscribe']);
    expect([text(signIn), signIn.href]).to.deep.equal(['Sign in', 'https://news.test/sign-in']);
    const why = prompt.querySelector('details')!;
    expect(text(why.querySelector('summary'))).to.equal('Why only subscribers?');
    expect(why.open).to.be.false;
    const closedHeight = why.getBoundingClientRect().height;
    why.querySelector('summary')!.click();
    expect(why.open).to.be.true;
    expect(why.getBoundingClientRect().height, 'the explanation shows').to.be.greaterThan(closedHeight + 20);
    for (const target of [subscribe, signIn, why.querySelector('summary')!]) {
      const { width, height } = target.getBoundingClientRect();
      expect(Math.min(width, height), `${text(target)} is a 24px touch target`).to.be.at.least(24);
    }
    expect(text(why)).to.match(/^Why only subscribers\?\s*A small number of people used our comments/);
    await expect(el).to.be.accessible();
  });

  it('addresses a signed-in reader who does not subscribe by name, without a sign-in link', async () => {
    const el = await widgetFor(makeViewer({ displayName: 'Rhiannon', subscriber: false }));
    expect(text(part(el, 'subscribe-prompt'))).to.contain(
      'Rhiannon, commenting is open to subscribers. Subscribe to share your view and reply to other readers.');
    expect(part(el, 'subscribe-link')).to.exist;
    expect(part(el, 'sign-in-link')).to.be.null;
  });

  it('keeps a hostile display name as text in the prompt', async () => {
    const el = await widgetFor(makeViewer({ displayName: '<img src=x onerror="window.__pwned=1">', subscriber: false }));
    expect(text(part(el, 'subscribe-prompt'))).to.contain('<img src=x onerror="window.__pwned=1">, commenting');
    expect(part(el, 'subscribe-prompt')!.querySelector('img')).to.be.null;
  });

  it('lets the publisher replace the prompt text through the subscribe-prompt slot; the links stay', async () => {
    await serveBackend(threadFor(null));
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"
      subscribe-url="/subscribe"><span slot="subscribe-prompt">Support local journalism: subscribe to comment.</span></parley-comments>`);
    await waitForComments(el, 3);
    const slot = part(el, 'subscribe-prompt')!.querySelector<HTMLSlotElement>('slot[name="subscribe-prompt"]')!;
    expect(slot.assignedElements().map(text)).to.deep.equal(['Support local journalism: subscribe to comment.']);
    expect(el.querySelector('span')!.getBoundingClientRect().height, 'the slotted text is shown').to.be.greaterThan(0);
    expect(part(el, 'subscribe-link')).to.exist;
    expect(part(el, 'sign-in-link')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('keeps the slot in the tree in every state, hidden when the prompt does not apply', async () => {
    const el = await widgetFor(subscriber());
    const slot = el.shadowRoot!.querySelector('slot[name="subscribe-prompt"]');
    expect(slot).to.exist;
    expectVisible(slot!.closest('[part~="subscribe-prompt"]'), false);
  });

  it('tells everyone a closed thread is closed: no prompt, no composer, no reply buttons', async () => {
    for (const viewer of [null, subscriber()]) {
      await serveBackend(threadFor(viewer, { status: 'closed' }));
      const el = await renderWidget();
      await waitForComments(el, 3);
      expect(text(part(el, 'notice'))).to.equal('Comments are closed on this article. You can still read them.');
      expectVisible(part(el, 'subscribe-prompt'), false);
      expect(part(el, 'composer')).to.be.null;
      expect(parts(el, 'reply-button')).to.have.length(0);
      await expect(el).to.be.accessible();
    }
  });
});

describe('Subscribe and Sign in', () => {
  /** Clicks `link` and reports whether the browser would have followed it; never navigates. */
  function clickWithoutLeaving(link: HTMLElement): boolean {
    let followed = false;
    const stop = (event: Event) => {
      followed = !event.defaultPrevented;
      event.preventDefault();
    };
    window.addEventListener('click', stop, { once: true });
    link.click();
    return followed;
  }

  for (const [kind, partName, url] of [
    ['subscribe', 'subscribe-link', 'https://news.test/subscribe'],
    ['sign-in', 'sign-in-link', 'https://news.test/sign-in'],
  ] as const) {
    it(`sends a cancelable parley-${kind} and follows the link unless a listener prevents it`, async () => {
      const el = await widgetFor(null);
      const seen: CustomEvent<{ url: string | null }>[] = [];
      const listener = (event: Event) => seen.push(event as CustomEvent<{ url: string | null }>);
      document.addEventListener(`parley-${kind}`, listener);
      try {
        expect(clickWithoutLeaving(part(el, partName)!), 'followed when nobody objects').to.be.true;
        expect(seen).to.have.length(1);
        expect(seen[0]!.cancelable && seen[0]!.bubbles && seen[0]!.composed).to.be.true;
        expect(seen[0]!.detail.url).to.equal(url);

        el.addEventListener(`parley-${kind}`, (event) => event.preventDefault(), { once: true });
        expect(clickWithoutLeaving(part(el, partName)!), 'a paywall modal took over').to.be.false;
        expect(seen).to.have.length(2);
      } finally {
        document.removeEventListener(`parley-${kind}`, listener);
      }
    });
  }

  it('still sends the event when the publisher gave no URL, and goes nowhere', async () => {
    await serveBackend(threadFor(null));
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"></parley-comments>`);
    await waitForComments(el, 3);
    const event = new Promise<CustomEvent>((resolve) => el.addEventListener('parley-subscribe', resolve as EventListener, { once: true }));
    expect(clickWithoutLeaving(part(el, 'subscribe-link')!)).to.be.false;
    expect((await event).detail.url).to.equal(null);
  });
});

describe('identity', () => {
  it('posts with the cookies mode and the bearer token, asking for a fresh token once after a 401', async () => {
    const backend = threadFor(subscriber());
    let refused = false;
    await serveBackend(backend, http.post(`${BASE}/comments`, async ({ request }) => {
      if (request.headers.get('Authorization') !== 'Bearer stale') return undefined;
      refused = true;
      await backend.record(request);
      return HttpResponse.json(errorBody('unauthenticated'), { status: 401 });
    }));
    const tokens = ['t-read', 'stale', 'fresh'];
    // Live updates off: the stream would ask for a token of its own, and this counts the asking.
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager" live="off"
      .getAuthToken=${() => tokens.shift() ?? null}></parley-comments>`);
    await typeInto(await composerInput(el), 'Signed in twice.');
    part(el, 'composer-submit')!.click();
    await waitForComments(el, 4);
    expect(refused).to.be.true;
    const [first, second] = posts(backend);
    expect([first, second].map((r) => r!.headers.get('Authorization'))).to.deep.equal(['Bearer stale', 'Bearer fresh']);
    expect(second!.headers.get('Idempotency-Key')).to.equal(first!.headers.get('Idempotency-Key'));
  });

  it('sends cookies (credentials: include) by default', async () => {
    const backend = threadFor(subscriber());
    let credentials: RequestCredentials | null = null;
    await serveBackend(backend, http.post(`${BASE}/comments`, ({ request }) => {
      credentials = request.credentials;
      return undefined;
    }));
    const el = await renderWidget();
    await typeInto(await composerInput(el), 'By cookie.');
    part(el, 'composer-submit')!.click();
    await waitForComments(el, 4);
    expect(credentials).to.equal('include');
  });

  it('shows the signed-out prompt, not an error loop, when the token stays refused; the draft is kept', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend, http.post(`${BASE}/comments`, async ({ request }) => {
      await backend.record(request);
      return HttpResponse.json(errorBody('unauthenticated'), { status: 401 });
    }));
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"
      sign-in-url="/sign-in" .getAuthToken=${() => 'expired'}></parley-comments>`);
    await typeInto(await composerInput(el), 'Do not lose me.');
    part(el, 'composer-submit')!.click();
    const alert = await findPart(el, 'sign-in-link');
    expect(alert).to.exist;
    expectVisible(part(el, 'subscribe-prompt'));
    const message = el.shadowRoot!.querySelector('[part~="notice"][role="alert"]')!;
    expect(text(message)).to.equal('Your session has ended. Sign in again to post.');
    await waitUntil(() => focused(el) === message, 'focus moves to the message');
    expect(part(el, 'composer')).to.be.null;
    expect(posts(backend), 'one retry with a fresh token, then no more').to.have.length(2);
    expect(JSON.stringify(localStorage)).to.contain('Do not lose me.');
    await expect(el).to.be.accessible();
  });
});

describe('a token the backend keeps refusing on reading', () => {
  it('reads the thread as a signed-out reader instead of showing an error', async () => {
    const backend = threadFor(null);
    const auth: (string | null)[] = [];
    const credentials: RequestCredentials[] = [];
    await serveBackend(backend, http.get(`${BASE}/comments`, ({ request }) => {
      auth.push(request.headers.get('Authorization'));
      credentials.push(request.credentials);
      return request.headers.has('Authorization') ? HttpResponse.json(errorBody('unauthenticated'), { status: 401 }) : undefined;
    }));
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"
      credentials="same-origin" .getAuthToken=${() => 'revoked'}></parley-comments>`);
    await waitForComments(el, 3);
    expect(auth, 'the token, a fresh one, then none').to.deep.equal(['Bearer revoked', 'Bearer revoked', null]);
    expect(credentials, 'cookies as configured throughout').to.deep.equal(['same-origin', 'same-origin', 'same-origin']);
    expect(part(el, 'error')).to.be.null;
    expectVisible(part(el, 'subscribe-prompt'));
    expect(part(el, 'sign-in-link')).to.exist;
    expect(backend.requests.at(-1)!.url.searchParams.get('thread')).to.equal(THREAD_ID);
    await expect(el).to.be.accessible();
  });

  it('stops after one signed-out attempt when that is refused too', async () => {
    let calls = 0;
    await serveBackend(threadFor(null), http.get(`${BASE}/comments`, () => {
      calls++;
      return HttpResponse.json(errorBody('unauthenticated'), { status: 401 });
    }));
    const el = await fixture<ParleyComments>(html`<parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"
      .getAuthToken=${() => 'revoked'}></parley-comments>`);
    await findPart(el, 'retry');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).to.equal(3);
  });
});

describe('when the backend refuses who the reader is', () => {
  const CASES: [string, string, string][] = [
    ['not_subscriber', 'prompt', 'Only subscribers can comment.'],
    ['banned', 'notice', 'Your account can no longer comment because it broke our rules.'],
    ['suspended', 'notice', 'Your account cannot comment for now.'],
    ['thread_closed', 'notice', 'Comments have just been closed on this article.'],
  ];
  for (const [code, where, message] of CASES) {
    it(`switches to the matching state after 403 ${code}, says why, and keeps the draft`, async () => {
      const backend = threadFor(subscriber());
      const failed = new Promise<CustomEvent>((resolve) => document.addEventListener('parley-error', resolve as EventListener, { once: true }));
      await serveBackend(backend, http.post(`${BASE}/comments`, () => HttpResponse.json(errorBody(code), { status: 403 })));
      const el = await renderWidget();
      await waitForComments(el, 3);
      expect(parts(el, 'reply-button')).to.have.length(3);
      await typeInto(await composerInput(el), `Refused: ${code}`);
      part(el, 'composer-submit')!.click();
      await waitUntil(() => !part(el, 'composer'), 'the composer goes away');
      const alert = el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]')!;
      expect(text(alert)).to.equal(message);
      expect(alert.matches('[part~="notice"]')).to.be.true;
      expectVisible(part(el, 'subscribe-prompt'), where === 'prompt');
      await waitUntil(() => focused(el) === alert, 'focus moves to the message');
      expect(parts(el, 'reply-button'), 'no reply buttons either').to.have.length(0);
      expect((await failed).detail).to.deep.equal({ action: 'post', status: 403, code });
      expect(JSON.stringify(localStorage)).to.contain(`Refused: ${code}`);
      await expect(el).to.be.accessible();
    });
  }

  it('starts again from what the backend says after a refresh', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend, http.post(`${BASE}/comments`, () => HttpResponse.json(errorBody('not_subscriber'), { status: 403 })));
    const el = await renderWidget();
    await typeInto(await composerInput(el), 'Subscribed since.');
    part(el, 'composer-submit')!.click();
    await waitUntil(() => !part(el, 'composer'));
    await el.refresh();
    const input = await composerInput(el);
    expect(input.value, 'the draft is back').to.equal('Subscribed since.');
    expect(el.shadowRoot!.querySelector('[role="alert"][part~="notice"]')).to.be.null;
  });
});
