import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { ParleyComments } from '../src/parley-comments.js';
import { BASE, errorBody, makeViewer } from './mocks/data.js';
import { commentBodies, nextEvent, part, parts, renderWidget, serveBackend, text, waitForComments } from './helpers.js';
import { announced, chord, focused, posts, subscriber, threadFor } from './posting.helpers.js';

beforeEach(() => localStorage.clear());

const comment = (el: ParleyComments, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-comment-id="${id}"]`)!;
const replyButton = (el: ParleyComments, id: string) => comment(el, id).querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
const replyForm = (el: ParleyComments, id: string) => comment(el, id).querySelector<HTMLFormElement>('[part~="composer"]');
const replyInput = (el: ParleyComments, id: string) => replyForm(el, id)!.querySelector<HTMLTextAreaElement>('[part~="composer-input"]')!;

async function subscriberWidget(): Promise<{ el: ParleyComments; backend: ReturnType<typeof threadFor> }> {
  const backend = threadFor(subscriber());
  await serveBackend(backend);
  const el = await renderWidget();
  await waitForComments(el, 3);
  return { el, backend };
}

/** Opens the reply form under comment `id` and waits until focus is in its field. */
async function openReply(el: ParleyComments, id: string): Promise<HTMLTextAreaElement> {
  replyButton(el, id).click();
  await waitUntil(() => replyForm(el, id) && focused(el) === replyInput(el, id), `focus in the reply form under ${id}`);
  return replyInput(el, id);
}

describe('replies', () => {
  it('puts a labelled reply button on every comment for a subscriber', async () => {
    const { el } = await subscriberWidget();
    const buttons = parts(el, 'reply-button');
    expect(buttons.map(text)).to.deep.equal(['Reply', 'Reply', 'Reply']);
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Reply to Bob Okafor', 'Reply to Ann Hale', 'Reply to Carys Jones']);
    expect(buttons.every((b) => b.getAttribute('aria-expanded') === 'false')).to.be.true;
    const { width, height } = buttons[0]!.getBoundingClientRect();
    expect(Math.min(width, height), 'a 24px touch target').to.be.at.least(24);
  });

  it('opens an inline composer under the comment with focus in it; one open at a time', async () => {
    const { el } = await subscriberWidget();
    const input = await openReply(el, 'c-1');
    expect(input.labels?.[0]?.textContent).to.equal('Your reply to Ann Hale');
    expect(replyButton(el, 'c-1').getAttribute('aria-expanded')).to.equal('true');
    expect(text(replyForm(el, 'c-1')!.querySelector('[part~="composer-submit"]'))).to.equal('Post reply');
    await expect(el).to.be.accessible();

    await openReply(el, 'c-2');
    expect(replyForm(el, 'c-1'), 'the first form closed').to.be.null;
    expect(parts(el, 'composer')).to.have.length(2); // the top-level composer and one reply form
  });

  it('closes with Escape or Cancel and gives focus back to the reply button', async () => {
    const { el } = await subscriberWidget();
    await openReply(el, 'c-1');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !replyForm(el, 'c-1'));
    expect(focused(el)).to.equal(replyButton(el, 'c-1'));
    expect(replyButton(el, 'c-1').getAttribute('aria-expanded')).to.equal('false');

    await sendKeys({ press: 'Enter' }); // the focused reply button opens it again
    await waitUntil(() => focused(el) === replyForm(el, 'c-1')?.querySelector('textarea'));
    const cancel = [...replyForm(el, 'c-1')!.querySelectorAll('button')].find((b) => text(b) === 'Cancel')!;
    cancel.click();
    await waitUntil(() => !replyForm(el, 'c-1'));
    expect(focused(el)).to.equal(replyButton(el, 'c-1'));

    await openReply(el, 'c-1');
    replyButton(el, 'c-1').click(); // the button toggles
    await waitUntil(() => !replyForm(el, 'c-1'));
  });

  it('posts a reply with parentId, shows it at the end of its conversation and returns focus', async () => {
    const { el, backend } = await subscriberWidget();
    await openReply(el, 'c-1');
    await sendKeys({ type: 'Agreed, Ann.' });
    const posted = nextEvent<{ comment: { parentId: string } }>(el, 'parley-posted');
    await chord('Control', 'Enter');
    expect((await posted).detail.comment.parentId).to.equal('c-1');
    await waitForComments(el, 4);
    const [request] = posts(backend);
    expect((request!.body as { parentId: string; body: string })).to.include({ parentId: 'c-1', body: 'Agreed, Ann.' });
    const conversation = comment(el, 'c-1').closest('li')!.querySelector('.replies')!;
    expect([...conversation.querySelectorAll('[part~="comment-body"]')].map(text)).to.deep.equal(['Comment number 3.', 'Agreed, Ann.']);
    expect(announced(el)).to.equal('Reply posted.');
    await waitUntil(() => !replyForm(el, 'c-1'), 'the form closes');
    expect(focused(el)).to.equal(replyButton(el, 'c-1'));
    expect(text(part(el, 'count'))).to.equal('4 comments');
    expect(part(el, 'composer-input')!.id, 'the top-level composer is untouched').to.equal('composer-input');
    await expect(el).to.be.accessible();
  });

  it('answers a reply in the same conversation and says whom it answers', async () => {
    const { el, backend } = await subscriberWidget();
    const input = await openReply(el, 'c-1-r3');
    expect(input.labels?.[0]?.textContent).to.equal('Your reply to Carys Jones');
    await sendKeys({ type: 'Carys has a point.' });
    replyForm(el, 'c-1-r3')!.querySelector<HTMLButtonElement>('[part~="composer-submit"]')!.click();
    await waitForComments(el, 4);
    expect((posts(backend)[0]!.body as { parentId: string }).parentId).to.equal('c-1-r3');
    const conversation = comment(el, 'c-1').closest('li')!.querySelector('.replies')!;
    const mine = [...conversation.querySelectorAll<HTMLElement>('[part~="comment"]')].at(-1)!;
    expect(text(mine.querySelector('[part~="comment-body"]'))).to.equal('Carys has a point.');
    expect(text(mine.querySelector('.answers'))).to.equal('In reply to Carys Jones');
    expect(commentBodies(el)).to.deep.equal(['Comment number 2.', 'Comment number 1.', 'Comment number 3.', 'Carys has a point.']);
  });

  it('starts a conversation under a comment that had no replies', async () => {
    const { el } = await subscriberWidget();
    await openReply(el, 'c-2');
    await sendKeys({ type: 'First reply to Bob.' });
    await chord('Control', 'Enter');
    await waitForComments(el, 4);
    const replies = comment(el, 'c-2').closest('li')!.querySelector('.replies')!;
    expect(replies.getAttribute('aria-label')).to.equal('Replies to Bob Okafor');
    expect(text(replies.querySelector('[part~="comment-body"]'))).to.equal('First reply to Bob.');
  });

  it('says so at the field when the comment replied to is gone', async () => {
    const backend = threadFor(subscriber());
    await serveBackend(backend, http.post(`${BASE}/comments`, () => HttpResponse.json(errorBody('comment_not_found'), { status: 404 })));
    const el = await renderWidget();
    await waitForComments(el, 3);
    await openReply(el, 'c-2');
    await sendKeys({ type: 'Too late?' });
    await chord('Control', 'Enter');
    await waitUntil(() => replyForm(el, 'c-2')?.querySelector('[part~="error"]'));
    expect(text(replyForm(el, 'c-2')!.querySelector('[part~="error"] p'))).to.equal('The comment you replied to is no longer available.');
    expect(replyInput(el, 'c-2').value).to.equal('Too late?');
    await expect(el).to.be.accessible();
  });

  it('keeps each reply draft under its own comment when the form closes', async () => {
    const { el } = await subscriberWidget();
    await openReply(el, 'c-1');
    await sendKeys({ type: 'Half a thought' });
    await sendKeys({ press: 'Escape' });
    const other = await openReply(el, 'c-2');
    expect(other.value).to.equal('');
    expect((await openReply(el, 'c-1')).value).to.equal('Half a thought');
    expect((part(el, 'composer-input') as HTMLTextAreaElement).value, 'not the top-level draft').to.equal('');
  });

  it('offers no reply button to readers who may not post, nor on a pending comment', async () => {
    for (const viewer of [null, makeViewer({ subscriber: false }), makeViewer({ status: 'banned' })]) {
      await serveBackend(threadFor(viewer));
      const el = await renderWidget();
      await waitForComments(el, 3);
      expect(parts(el, 'reply-button')).to.have.length(0);
    }
    const backend = threadFor(subscriber());
    backend.state.comments[1]!.status = 'pending';
    await serveBackend(backend);
    const el = await renderWidget();
    await waitForComments(el, 3);
    expect(comment(el, 'c-2').querySelector('[part~="reply-button"]')).to.be.null;
    expect(parts(el, 'reply-button')).to.have.length(2);
  });
});
