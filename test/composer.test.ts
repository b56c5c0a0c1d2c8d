import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import { BASE, THREAD_ID, makeThread } from './mocks/data.js';
import { commentBodies, nextEvent, part, parts, renderWidget, serveBackend, text, waitForComments } from './helpers.js';
import { announced, chord, composerInput, focused, posts, subscriber, threadFor, typeInto } from './posting.helpers.js';

beforeEach(() => localStorage.clear());

const submit = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="composer-submit"]')!;

describe('the composer', () => {
  it('posts a comment, shows it first, clears the field, announces it and sends parley-posted', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend);
    const el = await renderWidget();
    const input = await composerInput(el);
    await typeInto(input, 'The bridge was worth the wait.');
    const posted = nextEvent<{ comment: { id: string; body: string } }>(el, 'parley-posted');
    submit(el).click();
    const event = await posted;
    await waitForComments(el, 4);
    expect(commentBodies(el)[0]).to.equal('The bridge was worth the wait.');
    expect(event.detail.comment.body).to.equal('The bridge was worth the wait.');
    expect(event.bubbles && event.composed).to.be.true;
    expect(input.value).to.equal('');
    expect(announced(el)).to.equal('Comment posted.');
    const [request] = posts(backend);
    expect(request!.body).to.deep.equal({
      thread: { id: THREAD_ID, url: `${location.origin}${location.pathname}`, title: document.title },
      body: 'The bridge was worth the wait.',
      parentId: null,
    });
    expect(request!.headers.get('Idempotency-Key')).to.match(/^[\x21-\x7e]{8,200}$/);
    expect(request!.headers.get('Content-Type')).to.equal('application/json');
    expect(text(part(el, 'count'))).to.equal('4 comments');
    expect(backend.state.comments).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('sends an article title the API accepts, however long the page title is', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend);
    const title = document.title;
    document.title = 'Harbour bridge reopens | '.repeat(20);
    try {
      const el = await renderWidget();
      await typeInto(await composerInput(el), 'Long titles happen.');
      submit(el).click();
      await waitForComments(el, 4);
      expect((posts(backend)[0]!.body as { thread: { title: string } }).thread.title).to.equal(document.title.slice(0, 300));
    } finally {
      document.title = title;
    }
  });

  it('adds new comments on top without rebuilding the comments already shown', async () => {
    await serveBackend(threadFor(subscriber()));
    const el = await renderWidget();
    const input = await composerInput(el);
    const articles = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('article[data-comment-id]')];
    const before = articles();
    const ids = before.map((a) => a.dataset.commentId);
    for (const [i, body] of ['First new one.', 'Second new one.'].entries()) {
      await typeInto(input, body);
      submit(el).click();
      await waitForComments(el, 4 + i);
    }
    expect(commentBodies(el).slice(0, 2)).to.deep.equal(['Second new one.', 'First new one.']);
    const after = articles().slice(2);
    // The same elements, still showing the same comments: nothing below the new ones was re-rendered.
    expect(after.map((a) => a.dataset.commentId)).to.deep.equal(ids);
    expect(after.every((a, i) => a === before[i]), 'the comments already shown keep their elements').to.be.true;
    await expect(el).to.be.accessible();
  });

  it('puts a new comment last when the reader sorts oldest first', async () => {
    await serveBackend(threadFor(subscriber()));
    const el = await renderWidget({ sort: 'oldest' });
    await typeInto(await composerInput(el), 'Late to the party.');
    submit(el).click();
    await waitForComments(el, 4);
    expect(commentBodies(el)).to.deep.equal(['Comment number 1.', 'Comment number 3.', 'Comment number 2.', 'Late to the party.']);
  });

  it('has a labelled field, counts characters against maxCommentLength and refuses empty or too long text', async () => {
    await serveBackend(threadFor(subscriber(), { maxCommentLength: 20 }));
    const el = await renderWidget();
    const input = await composerInput(el);
    expect(input.labels?.[0]?.textContent).to.equal('Your comment');
    const counter = () => text(el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!));
    expect(counter()).to.equal('20 characters left');
    expect(submit(el).disabled, 'empty').to.be.true;
    await typeInto(input, '   ');
    expect(submit(el).disabled, 'only spaces').to.be.true;
    await sendKeys({ type: 'Short 🙂' });
    await waitUntil(() => !submit(el).disabled);
    expect(counter(), 'trimmed, an emoji counts once').to.equal('13 characters left');
    await sendKeys({ type: ' and far too long' });
    await waitUntil(() => submit(el).disabled, 'too long disables posting');
    expect(counter()).to.equal('4 characters too many');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('grows with its text', async () => {
    await serveBackend(threadFor(subscriber()));
    const el = await renderWidget();
    const input = await composerInput(el);
    const before = input.getBoundingClientRect().height;
    await typeInto(input, 'one');
    for (let line = 2; line <= 8; line++) {
      await chord('Shift', 'Enter');
      await sendKeys({ type: `line ${line}` });
    }
    expect(input.getBoundingClientRect().height).to.be.greaterThan(before * 1.5);
    expect(input.scrollHeight - input.clientHeight, 'no inner scrolling').to.be.lessThan(2);
  });

  it('can be used with the keyboard alone: Tab to the field, type, Ctrl+Enter to post', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend);
    const el = await renderWidget();
    const input = await composerInput(el);
    part(el, 'sort')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el), 'Tab from the sort control reaches the field').to.equal(input);
    await sendKeys({ type: 'Typed without a mouse.' });
    await chord('Control', 'Enter');
    await waitForComments(el, 4);
    expect(posts(backend)).to.have.length(1);
    expect(commentBodies(el)[0]).to.equal('Typed without a mouse.');
    expect(focused(el), 'focus stays in the field for the next comment').to.equal(input);

    expect(getComputedStyle(input).outlineStyle, 'a visible focus ring').to.not.equal('none');

    await sendKeys({ type: 'And a second one.' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(submit(el));
    expect(getComputedStyle(submit(el)).outlineStyle).to.not.equal('none');
    await sendKeys({ press: 'Enter' });
    await waitForComments(el, 5);
    expect(commentBodies(el)[0]).to.equal('And a second one.');

    input.focus();
    await sendKeys({ type: 'Cmd+Enter on a Mac.' });
    await chord('Meta', 'Enter');
    await waitForComments(el, 6);
    expect(commentBodies(el)[0]).to.equal('Cmd+Enter on a Mac.');
    await sendKeys({ press: 'Enter' });
    expect(input.value, 'Enter alone is a new line').to.equal('\n');
    expect(posts(backend)).to.have.length(3);
  });

  it('stays, with what the reader typed, while the thread reloads for another sort', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend, http.get(`${BASE}/comments`, async ({ request }) => {
      if (new URL(request.url).searchParams.get('sort') === 'oldest') await delay(300);
      return undefined;
    }));
    const el = await renderWidget();
    const input = await composerInput(el);
    await typeInto(input, 'Mid-sentence');
    el.sort = 'oldest';
    await waitUntil(() => el.shadowRoot!.querySelector('.skeleton'), 'reloading');
    expect(part(el, 'composer-input'), 'the same field').to.equal(input);
    expect(focused(el)).to.equal(input);
    await sendKeys({ type: ' and on' });
    await waitUntil(() => commentBodies(el)[0] === 'Comment number 1.');
    expect(input.value).to.equal('Mid-sentence and on');
  });

  it('does not put a comment into another article when the page switched while it was posting', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend, http.post(`${BASE}/comments`, async () => {
      await delay(300);
      return undefined;
    }), http.get(`${BASE}/comments`, ({ request }) => new URL(request.url).searchParams.get('thread') === 'another-article'
      ? HttpResponse.json({ thread: makeThread({ id: 'another-article' }), viewer: subscriber(), comments: [], nextCursor: null })
      : undefined));
    const el = await renderWidget();
    await typeInto(await composerInput(el), 'For the first article.');
    submit(el).click();
    await delay(50);
    el.threadId = 'another-article';
    await waitUntil(() => posts(backend).length === 1 && !!backend.state.comments.find((c) => c.body === 'For the first article.'));
    await delay(100);
    await waitUntil(() => el.shadowRoot!.querySelector('.empty'), 'the other article, still empty');
    expect(commentBodies(el)).to.deep.equal([]);
    expect(text(part(el, 'count'))).to.equal('0 comments');
    expect(localStorage.length, 'the accepted draft is gone').to.equal(0);
  });

  it('shows a busy state while posting and posts once however often the reader presses', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend, http.post(`${BASE}/comments`, async () => {
      await delay(300);
      return undefined;
    }));
    const el = await renderWidget();
    const input = await composerInput(el);
    await typeInto(input, 'Patience.');
    submit(el).click();
    await waitUntil(() => text(submit(el)) === 'Posting…');
    expect(submit(el).getAttribute('aria-disabled')).to.equal('true');
    expect(input.readOnly).to.be.true;
    submit(el).click();
    await chord('Control', 'Enter');
    await expect(el).to.be.accessible();
    await waitForComments(el, 4);
    expect(text(submit(el))).to.equal('Post comment');
    expect(input.readOnly).to.be.false;
    expect(posts(backend)).to.have.length(1);
  });

  it('tells the author a pending comment awaits moderation and leaves the public count alone', async () => {
    const backend = threadFor(subscriber());
    backend.premoderate = true;
    await serveBackend(backend);
    const el = await renderWidget();
    await typeInto(await composerInput(el), 'Held for review.');
    submit(el).click();
    await waitForComments(el, 4);
    const mine = parts(el, 'comment')[0]!;
    expect(text(mine.querySelector('[part~="notice"]'))).to.equal('Only you can see this comment until a moderator approves it.');
    expect(announced(el)).to.equal('Comment sent. A moderator will review it before others can see it.');
    expect(text(part(el, 'count'))).to.equal('3 comments');
    await expect(el).to.be.accessible();
  });

  it('keeps hostile text as text', async () => {
    await serveBackend(threadFor(subscriber()));
    const el = await renderWidget();
    const hostile = '<img src=x onerror="window.__pwned=1"> <b>bold</b>';
    await typeInto(await composerInput(el), hostile);
    submit(el).click();
    await waitForComments(el, 4);
    expect(commentBodies(el)[0]).to.equal(hostile);
    expect(part(el, 'comment-body')!.querySelector('img, b')).to.be.null;
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
