// The integration examples (demo/examples/*) as a reader gets them: each page loads in an iframe
// exactly as the test runner serves it from disk, with its own scripts and bundles (the React,
// Next.js and Vue ones built by scripts/build-examples.mjs), and must render the thread.
// Every page points at `/api/v1` on its own origin, as under `npm start`; here msw answers that
// path from fake backends.
import { expect, waitUntil } from '@open-wc/testing';
import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import type { ParleyComments } from '../src/parley-comments.js';
import { serve } from './helpers.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, errorBody, makeComment, makeViewer } from './mocks/data.js';

const EXAMPLES = '/demo/examples';
const LOCAL_API = `${location.origin}/api/v1`;

/** Answers this origin's `/api/v1` from `backends`, chosen by the `thread` query (else the first). */
async function serveLocalApi(backends: Record<string, FakeBackend>, ...extra: RequestHandler[]): Promise<void> {
  await serve(...extra, http.all(`${LOCAL_API}/*`, async ({ request }) => {
    const url = new URL(BASE + request.url.slice(LOCAL_API.length));
    const backend = backends[url.searchParams.get('thread') ?? ''] ?? Object.values(backends)[0]!;
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    const forwarded = new Request(url, { method: request.method, headers: request.headers, body });
    return (await getResponse(backend.handlers(), forwarded)) ?? HttpResponse.json(errorBody('not_found'), { status: 404 });
  }));
}

const threadOf = (count: number, from = 1) => new FakeBackend({ comments: Array.from({ length: count }, (_, i) => makeComment(from + i)) });

let frame: HTMLIFrameElement | null = null;

/** Loads an example page in a visible iframe and resolves once its document has loaded. */
async function openExample(path: string): Promise<Document> {
  frame = document.createElement('iframe');
  frame.title = path;
  frame.style.cssText = 'width: 900px; height: 1400px; border: 0';
  document.body.prepend(frame);
  await new Promise((resolve) => {
    frame!.addEventListener('load', resolve, { once: true });
    frame!.src = `${EXAMPLES}/${path}`;
  });
  return frame.contentDocument!;
}

afterEach(() => {
  frame?.remove();
  frame = null;
});

function widgetIn(doc: Document): ParleyComments {
  const widget = doc.querySelector('parley-comments');
  if (!widget) throw new Error('the page has no <parley-comments>');
  return widget;
}

const bodiesIn = (doc: Document): string[] => [...(doc.querySelector('parley-comments')?.shadowRoot
  ?.querySelectorAll('[part~="comment-body"]') ?? [])].map((b) => b.textContent!.trim());

/** Waits until the page's widget shows exactly `expected` (newest first), then returns the widget. */
async function threadShown(doc: Document, expected: string[]): Promise<ParleyComments> {
  await waitUntil(() => JSON.stringify(bodiesIn(doc)) === JSON.stringify(expected),
    `expected comments ${JSON.stringify(expected)}, saw ${JSON.stringify(bodiesIn(doc))}`, { timeout: 8000 });
  return widgetIn(doc);
}

const threadsAsked = (backend: FakeBackend) => backend.requestsTo('GET', 'comments').map((r) => r.url.searchParams.get('thread'));
const shadowPart = (widget: ParleyComments, name: string) => widget.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const NEWEST_THREE = ['Comment number 3.', 'Comment number 2.', 'Comment number 1.'];

describe('integration examples', () => {
  it('plain HTML: the two-line embed renders the thread', async () => {
    const backend = threadOf(3);
    await serveLocalApi({ 'demo-article': backend });
    const doc = await openExample('plain-html/index.html');
    await threadShown(doc, NEWEST_THREE);
    expect(threadsAsked(backend)).to.deep.equal(['demo-article']);
    expect(doc.querySelectorAll('script:not([src])'), 'no inline script').to.have.length(0);
  });

  it('WordPress: the shortcode output renders the thread in the site language', async () => {
    const backend = threadOf(3);
    await serveLocalApi({ 'demo-article': backend });
    const doc = await openExample('wordpress/index.html');
    const widget = await threadShown(doc, NEWEST_THREE);
    expect(threadsAsked(backend)).to.deep.equal(['demo-article']);
    expect(widget.resolvedThreadUrl).to.equal('https://courier.example/2026/11/mill-lane-footbridge/');
    expect(widget.locale).to.equal('en-GB');
  });

  it('React: props reach the element and the typed parley-load handler updates React state', async () => {
    const backend = threadOf(3);
    await serveLocalApi({ 'demo-article': backend });
    const doc = await openExample('react/index.html');
    const widget = await threadShown(doc, NEWEST_THREE);
    expect(widget.subscribeUrl).to.equal('/subscribe');
    await waitUntil(() => doc.querySelector('.comments-summary')?.textContent === '3 comments · signed out',
      `summary reads "${doc.querySelector('.comments-summary')?.textContent}"`);
  });

  it('Next.js: the server-rendered placeholder hydrates into the thread', async () => {
    const backend = threadOf(2);
    await serveLocalApi({ 'demo-article': backend });
    const doc = await openExample('nextjs/index.html');
    await threadShown(doc, ['Comment number 2.', 'Comment number 1.']);
    expect(doc.querySelector('.parley-placeholder')).to.equal(null);
    expect(threadsAsked(backend)).to.deep.equal(['demo-article']);
  });

  it('Vue: bound attributes, a .prop token function and @parley-load all work', async () => {
    const backend = threadOf(3);
    backend.state.viewer = makeViewer({ displayName: 'Vera' });
    sessionStorage.setItem('publisher-session-token', 'vue-session');
    try {
      await serveLocalApi({ 'demo-article': backend });
      const doc = await openExample('vue/index.html');
      await threadShown(doc, NEWEST_THREE);
      await waitUntil(() => doc.querySelector('.comments-summary')?.textContent === '3 comments · signed in as Vera',
        `summary reads "${doc.querySelector('.comments-summary')?.textContent}"`);
      expect(backend.requestsTo('GET', 'comments')[0]!.headers.get('Authorization')).to.equal('Bearer vue-session');
    } finally {
      sessionStorage.removeItem('publisher-session-token');
    }
  });

  it('single-page router: following a link swaps the thread in the same element, and Back swaps it back', async () => {
    const footbridge = threadOf(3);
    const market = threadOf(2, 50);
    await serveLocalApi({ 'demo-article': footbridge, 'examples/market-hall': market });
    const doc = await openExample('spa-router/index.html');
    const widget = await threadShown(doc, NEWEST_THREE);
    const win = frame!.contentWindow!;

    doc.querySelector<HTMLAnchorElement>('a[href="?article=market-hall"]')!.click();
    expect(await threadShown(doc, ['Comment number 51.', 'Comment number 50.'])).to.equal(widget);
    expect(frame!.contentWindow).to.equal(win);
    expect(threadsAsked(market)).to.deep.equal(['examples/market-hall']);
    expect(doc.getElementById('headline')!.textContent).to.contain('market hall');

    win.history.back();
    expect(await threadShown(doc, NEWEST_THREE)).to.equal(widget);
  });

  it('sign-in and paywall: the publisher’s dialogs open in place, and its token reaches the backend', async () => {
    const backend = threadOf(3);
    const tokenRequests: unknown[] = [];
    sessionStorage.removeItem('publisher-comments-token');
    await serveLocalApi({ 'demo-article': backend }, http.post(`${location.origin}/demo/token`, async ({ request }) => {
      tokenRequests.push(await request.json());
      backend.state.viewer = makeViewer({ displayName: 'Sam Reader', subscriber: false });
      return HttpResponse.json({ token: 'publisher-token-1' });
    }));
    try {
      const doc = await openExample('sign-in-paywall/index.html');
      const widget = await threadShown(doc, NEWEST_THREE);
      const page = frame!.contentWindow!.location.href;

      (await waitForPart(widget, 'sign-in-link')).click();
      const signIn = doc.getElementById('sign-in-dialog') as HTMLDialogElement;
      expect(signIn.open, 'the publisher’s sign-in dialog is open').to.equal(true);
      await stillOn(doc, page);

      doc.querySelector<HTMLButtonElement>('#sign-in-form button[type="submit"]')!.click();
      await waitUntil(() => doc.getElementById('session-status')!.textContent === 'Signed in as Sam Reader.', 'signed in');
      expect(tokenRequests).to.deep.equal([{ persona: 'non-subscriber' }]);
      expect(signIn.open).to.equal(false);
      expect(backend.requestsTo('GET', 'comments').at(-1)!.headers.get('Authorization')).to.equal('Bearer publisher-token-1');

      (await waitForPart(widget, 'subscribe-link')).click();
      expect((doc.getElementById('paywall-dialog') as HTMLDialogElement).open, 'the paywall is open').to.equal(true);
      await stillOn(doc, page);
    } finally {
      sessionStorage.removeItem('publisher-comments-token');
    }
  });

  it('strict CSP: the thread renders with no inline code, adopted stylesheets and Trusted Types enforced', async () => {
    const backend = threadOf(3);
    await serveLocalApi({ 'demo-article': backend });
    const doc = await openExample('csp/index.html');
    const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(policy).to.contain("script-src 'self'").and.contain("style-src 'self'").and.contain("require-trusted-types-for 'script'");
    const widget = await threadShown(doc, NEWEST_THREE);
    expect(widget.shadowRoot!.adoptedStyleSheets.length, 'styles adopted, not inline').to.be.greaterThan(0);
    expect(widget.shadowRoot!.querySelector('style')).to.equal(null);
    // The widget's own styles applied despite style-src 'self': the comment list loses its bullets.
    expect(getComputedStyle(widget.shadowRoot!.querySelector('ol.thread')!).listStyleType).to.equal('none');
  });
});

/** A followed link would replace the document: give it the time to, then check it did not. */
async function stillOn(doc: Document, href: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(frame!.contentDocument, 'the page did not navigate').to.equal(doc);
  expect(frame!.contentWindow!.location.href).to.equal(href);
}

async function waitForPart(widget: ParleyComments, name: string): Promise<HTMLElement> {
  await waitUntil(() => {
    const found = shadowPart(widget, name);
    return found && !found.closest('[hidden]');
  }, `part "${name}" never became visible`, { timeout: 4000 });
  return shadowPart(widget, name)!;
}
