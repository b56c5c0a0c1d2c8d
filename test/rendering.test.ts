// How the list renders: a page a chunk per frame, unchanged conversations skipped on update,
// and list slots reused by position without mixing up whose form is whose.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeBackend } from './mocks/backend.js';
import { makeComment, makeThread } from './mocks/data.js';
import { commentBodies, nextEvent, part, parts, renderWidget, serveBackend, waitForComments } from './helpers.js';
import { posts, subscriber, threadFor, typeInto } from './posting.helpers.js';

beforeEach(() => localStorage.clear());

describe('rendering the list', () => {
  it('finishes showing a page when the element is moved in the page while the page arrives', async () => {
    const comments = Array.from({ length: 100 }, (_, i) => makeComment(i + 1));
    await serveBackend(new FakeBackend({ comments, thread: makeThread({ commentCount: 100 }) }));
    const el = await renderWidget({ pageSize: 100 });
    const parent = el.parentElement!;
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!parts(el, 'comment').length) return;
        observer.disconnect();
        el.remove(); // a single-page app moves the section while the first chunk is on screen
        resolve();
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    });
    expect(parts(el, 'comment').length, 'moved mid-page').to.be.below(100);
    parent.append(el);
    await waitUntil(() => parts(el, 'comment').length === 100, `stuck at ${parts(el, 'comment').length}`, { timeout: 3000 });
  });

  it("keeps each comment's elements across updates, with strings overridden, and a new minute only rewrites the time", async () => {
    const comments = [makeComment(1, { createdAt: new Date(Date.now() - 30_000).toISOString() }), makeComment(2)];
    await serveBackend(new FakeBackend({ comments, thread: makeThread({ commentCount: 2 }) }));
    const el = await renderWidget();
    el.strings = { heading: 'Reader talk' };
    await waitForComments(el, 2);
    await el.updateComplete;
    const bodies = parts(el, 'comment-body');
    const article = el.shadowRoot!.querySelector('[data-comment-id="c-1"]')!;
    const time = article.querySelector('[part~="comment-time"]')!;
    expect(time.textContent).to.equal('just now');
    el.requestUpdate();
    await el.updateComplete;
    expect(parts(el, 'comment-body').every((b, i) => b === bodies[i]), 'the same elements after an update').to.be.true;

    const realNow = Date.now;
    Date.now = () => realNow() + 3 * 60_000;
    try {
      el.requestUpdate();
      await el.updateComplete;
    } finally {
      Date.now = realNow;
    }
    expect(parts(el, 'comment-body').every((b, i) => b === bodies[i]), 'the same elements a few minutes on').to.be.true;
    expect(article.querySelector('[part~="comment-time"]') === time, 'the same time element').to.be.true;
    expect(time.textContent, 'now saying how long ago').to.equal('3 minutes ago');
    expect(article.getAttribute('aria-label')).to.equal('Comment by Bob Okafor, 3 minutes ago');
  });

  it('shows a page of 100 a chunk at a time and sends parley-load once all of it is on screen', async () => {
    const comments = Array.from({ length: 100 }, (_, i) => makeComment(i + 1));
    await serveBackend(new FakeBackend({ comments, thread: makeThread({ commentCount: 100 }) }));
    const el = await renderWidget({ pageSize: 100 });
    const seen: number[] = [];
    const observer = new MutationObserver(() => seen.push(parts(el, 'comment').length));
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    const loaded = await nextEvent(el, 'parley-load');
    observer.disconnect();
    expect(loaded.type).to.equal('parley-load');
    expect(parts(el, 'comment')).to.have.length(100);
    const steps = [...new Set(seen)].filter((n) => n > 0);
    expect(steps[0], 'the first chunk').to.equal(25);
    expect(steps.at(-1)).to.equal(100);
    expect(commentBodies(el)[0]).to.equal('Comment number 100.');
    expect(commentBodies(el)[99]).to.equal('Comment number 1.');
  });

  it('keeps an open reply draft with its comment when a new comment is added above it', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend);
    const el = await renderWidget();
    await waitForComments(el, 3);
    const article = (id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-comment-id="${id}"]`)!;
    article('c-1').querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await waitUntil(() => article('c-1').querySelector('[part~="composer-input"]'));
    await typeInto(article('c-1').querySelector('[part~="composer-input"]')!, 'A reply in progress');

    const composer = part(el, 'composer-input') as HTMLTextAreaElement;
    await typeInto(composer, 'A new top-level comment');
    part(el, 'composer-submit')!.click();
    await waitUntil(() => commentBodies(el)[0] === 'A new top-level comment', 'the new comment is first');
    expect(posts(backend)).to.have.length(1);
    // The list shifted by one slot: the reply form and its text are still under Ann's comment.
    const replyInput = article('c-1').querySelector<HTMLTextAreaElement>('[part~="composer-input"]');
    expect(replyInput?.value).to.equal('A reply in progress');
    const forms = parts(el, 'composer').filter((f) => f.closest('[data-comment-id]'));
    expect(forms.map((f) => f.closest('[data-comment-id]')!.getAttribute('data-comment-id'))).to.deep.equal(['c-1']);
    expect(commentBodies(el).slice(1)).to.deep.equal(['Comment number 2.', 'Comment number 1.', 'Comment number 3.']);
  });

  it('re-renders skipped conversations when what they depend on changes (the viewer signs in)', async () => {
    const backend = threadFor(null);
    await serveBackend(backend);
    const el = await renderWidget();
    await waitForComments(el, 3);
    expect(parts(el, 'reply-button')).to.have.length(0);
    backend.state.viewer = subscriber();
    await el.refresh();
    await waitUntil(() => parts(el, 'reply-button').length === 3, 'reply buttons for the subscriber');
    // Typing in the composer updates the element but leaves the comments as they were.
    const before = parts(el, 'comment').map((c) => c.outerHTML);
    (part(el, 'composer-input') as HTMLTextAreaElement).focus();
    await sendKeys({ type: 'x' });
    await el.updateComplete;
    expect(parts(el, 'comment').map((c) => c.outerHTML)).to.deep.equal(before);
  });
});
