import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment, makeThread } from './mocks/data.js';
import { findPart, part, parts, renderWidget, serve, serveBackend, text, waitForComments } from './helpers.js';

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '"><svg onload="window.__pwned=\'svg\'">',
  'javascript:window.__pwned="js"',
  '<a href="javascript:window.__pwned=1">click</a>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
];

describe('hostile data from the backend', () => {
  afterEach(() => delete (window as { __pwned?: unknown }).__pwned);

  it('renders script, on* attributes and javascript: URLs as inert text in every field', async () => {
    const comments = PAYLOADS.map((payload, i) => makeComment(i + 1, {
      body: payload,
      author: { id: `u-${i}`, displayName: payload, badges: [payload] },
    }));
    await serveBackend(new FakeBackend({ comments, thread: makeThread({ title: PAYLOADS[0]!, commentCount: comments.length }) }));
    const el = await renderWidget({ sort: 'oldest' });
    await waitForComments(el, PAYLOADS.length);
    await new Promise((r) => setTimeout(r, 100)); // give any injected handler a chance to run
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('script, img, svg, iframe')).to.have.length(0);
    expect([...root.querySelectorAll('a')].every((a) => /^https?:/.test(a.href)), 'only http(s) links').to.be.true;
    expect(parts(el, 'comment-body').map((b) => b.textContent)).to.deep.equal(PAYLOADS);
    expect(parts(el, 'comment-author').map(text)).to.deep.equal(PAYLOADS.map((p) => p.replace(/\s+/g, ' ').trim()));
    expect(parts(el, 'badge').map((b) => b.textContent)).to.deep.equal(PAYLOADS);
  });

  it('wraps very long unbroken words inside the comment box', async () => {
    const word = 'A'.repeat(3000);
    const url = `https://example.org/${'b'.repeat(2000)}`;
    await serveBackend(new FakeBackend({ comments: [makeComment(1, { body: `${word} ${url}`, author: { id: 'u', displayName: 'N'.repeat(500), badges: ['B'.repeat(300)] } })] }));
    const el = await renderWidget();
    el.style.width = '320px';
    await waitForComments(el, 1);
    const box = el.getBoundingClientRect();
    for (const name of ['comment-body', 'comment-author', 'badge']) {
      const rect = part(el, name)!.getBoundingClientRect();
      expect(rect.right, `${name} stays inside`).to.be.at.most(box.right + 0.5);
    }
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('never shows an error message from the backend as HTML', async () => {
    await serve(http.get(`${BASE}/comments`, () =>
      HttpResponse.json({ error: { code: '<img src=x onerror=window.__pwned=1>', message: '<script>window.__pwned=1</script>' } }, { status: 500 })));
    const el = await renderWidget();
    const error = await findPart(el, 'error');
    expect(error.querySelector('img, script')).to.be.null;
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });
});
