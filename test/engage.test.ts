// #16 in the widget: Recommend (optimistic, rolled back with a message), "Most recommended" in
// the sort control, the Featured strip and badge, and the reader's own Edit and Delete.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { ParleyComments } from '../src/parley-comments.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, errorBody, makeComment, makeReply, makeThread, makeViewer, THREAD_ID } from './mocks/data.js';
import { findPart, nextEvent, part, parts, serveBackend, text, waitForComments } from './helpers.js';
import { ANN, BOB, expectFocus, inComment, key, liveRegion, press, showThread, type, writes } from './report.helpers.js';

const viewer = makeViewer();
const OWN = { id: viewer.id, displayName: viewer.displayName, badges: [] };
const recent = () => new Date(Date.now() - 30_000).toISOString();

/** Ann's c-1 (2 recommendations), Bob's c-2, and the reader's own c-3 posted half a minute ago, with a reply. */
function engageBackend(state: Partial<ConstructorParameters<typeof FakeBackend>[0]> = {}): FakeBackend {
  return new FakeBackend({
    viewer,
    thread: makeThread({ commentCount: 4 }),
    comments: [
      makeComment(1, { author: ANN, recommendations: 2 }),
      makeComment(2, { author: BOB }),
      makeComment(3, { author: OWN, body: 'tpyo here', createdAt: recent(), recommendations: 1 }),
    ],
    conversations: new Map([['c-3', [makeReply('c-3', 4, { author: ANN, body: 'a reply that stays' })]]]),
    ...state,
  });
}

const recommendButton = (el: ParleyComments, id: string) => inComment(el, id, '[part~="recommend-button"]');
async function ready(backend: FakeBackend, ...overrides: Parameters<typeof serveBackend>[1][]): Promise<ParleyComments> {
  const el = await showThread(backend, ...overrides);
  await waitUntil(() => recommendButton(el, 'c-1'), 'the engage chunk never drew Recommend', { timeout: 4000 });
  return el;
}

describe('Recommend', () => {
  it('shows each count on a toggle named for its author; pressing it counts at once and tells the backend; again takes it back', async () => {
    const backend = engageBackend();
    const el = await ready(backend);
    const button = recommendButton(el, 'c-1')!;
    expect(text(button)).to.equal('Recommend 2');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.title).to.equal("Recommend Ann Hale's comment");
    await expect(el).to.be.accessible();
    await press(button);
    expect(text(recommendButton(el, 'c-1'))).to.equal('Recommend 3');
    expect(recommendButton(el, 'c-1')!.getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => writes(backend).length === 1);
    expect(writes(backend).map((r) => `${r.method} ${r.url.pathname}`)).to.deep.equal(['PUT /api/v1/comments/c-1/recommendation']);
    await expect(el).to.be.accessible();
    await press(recommendButton(el, 'c-1')!);
    await waitUntil(() => writes(backend).length === 2);
    expect(writes(backend)[1]!.method).to.equal('DELETE');
    await waitUntil(() => text(recommendButton(el, 'c-1')) === 'Recommend 2');
    expect(recommendButton(el, 'c-1')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('works from the keyboard: Enter and Space on the focused toggle', async () => {
    const backend = engageBackend();
    const el = await ready(backend);
    recommendButton(el, 'c-2')!.focus();
    await key('Enter');
    await waitUntil(() => writes(backend).length === 1);
    expect(recommendButton(el, 'c-2')!.getAttribute('aria-pressed')).to.equal('true');
    await key('Space');
    await waitUntil(() => writes(backend).length === 2);
    expect(recommendButton(el, 'c-2')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('rolls back with a message when the backend refuses, and shows what the backend said when it answers', async () => {
    const backend = engageBackend();
    const el = await ready(backend, http.put(`${BASE}/comments/:id/recommendation`, () => HttpResponse.json(errorBody('internal'), { status: 500 })));
    const failed = nextEvent<{ action: string; status: number }>(el, 'parley-error');
    await press(recommendButton(el, 'c-1')!);
    expect((await failed).detail.action).to.equal('recommend');
    await waitUntil(() => text(recommendButton(el, 'c-1')) === 'Recommend 2', 'rolled back');
    expect(recommendButton(el, 'c-1')!.getAttribute('aria-pressed')).to.equal('false');
    const notice = inComment(el, 'c-1', '[role="alert"]');
    expect(text(notice)).to.equal('Your recommendation could not be saved. The comment service is having trouble right now.');
    await expect(el).to.be.accessible();
    // The backend's own count wins over the optimistic one.
    await serveBackend(backend, http.put(`${BASE}/comments/:id/recommendation`, () =>
      HttpResponse.json({ commentId: 'c-1', recommendations: 40, viewerRecommended: true })));
    await press(recommendButton(el, 'c-1')!);
    await waitUntil(() => text(recommendButton(el, 'c-1')) === 'Recommend 40');
    expect(inComment(el, 'c-1', '[role="alert"]')).to.equal(null);
  });

  it('signed out: the press goes to the sign-in path (the page may take it), nothing is sent', async () => {
    const backend = engageBackend({ viewer: null });
    const el = await ready(backend);
    const asked = nextEvent(el, 'parley-sign-in');
    await press(recommendButton(el, 'c-1')!);
    await asked;
    await waitUntil(() => inComment(el, 'c-1', '[role="alert"]'));
    expect(text(inComment(el, 'c-1', '[role="alert"]'))).to.equal('Sign in to recommend comments. Sign in');
    expect(inComment(el, 'c-1', '[part~="sign-in-link"]')!.getAttribute('href')).to.equal('https://news.test/sign-in');
    expect(text(recommendButton(el, 'c-1'))).to.equal('Recommend 2');
    await expect(el).to.be.accessible();
    el.addEventListener('parley-sign-in', (e) => e.preventDefault(), { once: true });
    await press(recommendButton(el, 'c-2')!);
    expect(inComment(el, 'c-2', '[role="alert"]'), 'the page opened its own sign-in').to.equal(null);
    expect(writes(backend)).to.be.empty;
  });

  it('a non-subscriber is told only subscribers recommend; the reader\'s own comment shows its count, no toggle', async () => {
    const backend = engageBackend({ viewer: makeViewer({ subscriber: false }) });
    const el = await ready(backend);
    await press(recommendButton(el, 'c-1')!);
    expect(text(inComment(el, 'c-1', '[role="alert"]'))).to.equal('Only subscribers can recommend comments.');
    expect(writes(backend)).to.be.empty;
    expect(recommendButton(el, 'c-3')).to.equal(null);
    expect(text(inComment(el, 'c-3', '[part~="recommendations"]'))).to.equal('1 recommendation');
  });
});

describe('"Most recommended" and Featured', () => {
  it('the sort control offers Most recommended and asks the backend for sort=top', async () => {
    const backend = engageBackend();
    const el = await ready(backend);
    const select = part(el, 'sort') as HTMLSelectElement;
    expect([...select.options].map((o) => `${o.value}:${o.textContent}`)).to.deep.equal(['newest:Newest first', 'oldest:Oldest first', 'top:Most recommended']);
    select.value = 'top';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => backend.requests.some((r) => r.url.searchParams.get('sort') === 'top'));
    await waitForComments(el, 4);
    expect(parts(el, 'comment').map((c) => c.getAttribute('data-comment-id'))[0]).to.equal('c-1');
    await expect(el).to.be.accessible();
  });

  it('a Featured strip above the thread (text only) and the badge on the comment', async () => {
    const hostile = '<img src=x onerror="window.__parleyPwned=1"> featured & "quoted"';
    const backend = engageBackend();
    backend.state.comments[1] = makeComment(2, { author: BOB, featured: true, body: hostile });
    const el = await ready(backend);
    const strip = await findPart(el, 'featured');
    expect(text(strip.querySelector('h3'))).to.equal('Featured comments');
    expect(text(strip.querySelector('.body'))).to.equal(hostile);
    expect(strip.querySelectorAll('img').length).to.equal(0);
    expect((window as { __parleyPwned?: number }).__parleyPwned).to.be.undefined;
    const link = strip.querySelector('[part~="featured-link"]')!;
    expect(link.getAttribute('href')).to.match(/#comment-c-2$/);
    expect(text(link)).to.equal("Go to Bob Okafor's comment");
    expect(strip.compareDocumentPosition(parts(el, 'comment')[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect(text(inComment(el, 'c-2', '[part~="featured-badge"]'))).to.equal('Featured');
    await expect(el).to.be.accessible();
  });

  it('no strip when nothing is featured', async () => {
    const el = await ready(engageBackend());
    expect(part(el, 'featured')).to.equal(null);
  });
});

describe('Edit and Delete on the reader\'s own comment', () => {
  const editButton = (el: ParleyComments) => inComment(el, 'c-3', '[part~="edit-button"]');
  const input = (el: ParleyComments) => inComment(el, 'c-3', '[part~="edit-input"]') as HTMLTextAreaElement;

  it('only on the reader\'s own comments, only while the window is open', async () => {
    const backend = engageBackend();
    backend.state.comments.push(makeComment(5, { author: OWN, createdAt: new Date(Date.now() - 301_000).toISOString() }));
    const el = await ready(backend);
    expect(parts(el, 'edit-button').map((b) => b.closest('[data-comment-id]')!.getAttribute('data-comment-id'))).to.deep.equal(['c-3']);
    expect(parts(el, 'delete-button').length).to.equal(1);
  });

  it('edits in place: the draft starts as the text, Save sends it, the new text shows as text with "edited"; focus back on Edit', async () => {
    const backend = engageBackend();
    const el = await ready(backend);
    await press(editButton(el)!);
    await waitUntil(() => input(el));
    expectFocus(el, input(el), 'focus in the draft');
    expect(input(el).value).to.equal('tpyo here');
    expect(getComputedStyle(inComment(el, 'c-3', '[part~="comment-body"]')!).display, 'the form stands where the text was').to.equal('none');
    await expect(el).to.be.accessible();
    input(el).select();
    const hostile = '<b onmouseover=alert(1)>fixed</b> & typo';
    await type(hostile);
    await press(inComment(el, 'c-3', '[part~="edit-save"]')!);
    await waitUntil(() => !input(el));
    const patch = writes(backend).find((r) => r.method === 'PATCH')!;
    expect(patch.url.pathname).to.equal('/api/v1/comments/c-3');
    expect(patch.body).to.deep.equal({ body: hostile });
    expect(text(inComment(el, 'c-3', '[part~="comment-body"]'))).to.equal(hostile);
    expect(inComment(el, 'c-3', '[part~="comment-body"] b')).to.equal(null);
    expect(text(inComment(el, 'c-3', '.edited'))).to.equal('edited');
    expect(text(inComment(el, 'c-3-r4', '[part~="comment-body"]'))).to.equal('a reply that stays');
    await waitUntil(() => liveRegion(el) === 'Your comment was updated.');
    await waitUntil(() => el.shadowRoot!.activeElement === editButton(el), 'focus back on Edit');
    await expect(el).to.be.accessible();
  });

  it('Escape cancels and returns focus to Edit; nothing is sent', async () => {
    const backend = engageBackend();
    const el = await ready(backend);
    await press(editButton(el)!);
    await waitUntil(() => input(el));
    await type(' more');
    await key('Escape');
    await waitUntil(() => !input(el));
    await waitUntil(() => el.shadowRoot!.activeElement === editButton(el));
    expect(text(inComment(el, 'c-3', '[part~="comment-body"]'))).to.equal('tpyo here');
    expect(writes(backend)).to.be.empty;
  });

  it('keeps the draft and says why when the backend refuses (window closed, server trouble); an empty draft is not sent', async () => {
    const backend = engageBackend();
    const el = await ready(backend, http.patch(`${BASE}/comments/:id`, () => HttpResponse.json(errorBody('edit_window_closed'), { status: 403 })));
    await press(editButton(el)!);
    await waitUntil(() => input(el));
    input(el).value = '   ';
    input(el).dispatchEvent(new Event('input'));
    await press(inComment(el, 'c-3', '[part~="edit-save"]')!);
    expect(text(inComment(el, 'c-3', '[role="alert"]'))).to.equal('Write something first.');
    expect(writes(backend)).to.be.empty;
    input(el).focus();
    input(el).value = 'typo fixed';
    input(el).dispatchEvent(new Event('input'));
    await press(inComment(el, 'c-3', '[part~="edit-save"]')!);
    await waitUntil(() => text(inComment(el, 'c-3', '[role="alert"]')) === 'The time for editing this comment has passed.');
    expect(input(el).value, 'the draft is kept').to.equal('typo fixed');
    await expect(el).to.be.accessible();
    await serveBackend(backend, http.patch(`${BASE}/comments/:id`, () => HttpResponse.error()));
    await press(inComment(el, 'c-3', '[part~="edit-save"]')!);
    await waitUntil(() => text(inComment(el, 'c-3', '[role="alert"]')).startsWith('Your edit could not be saved. We could not reach'));
    expect(input(el).value).to.equal('typo fixed');
  });

  it('Delete asks first (Escape or Cancel keeps it), then shows the author\'s placeholder with the replies intact', async () => {
    const backend = engageBackend();
    const el = await ready(backend);
    await press(inComment(el, 'c-3', '[part~="delete-button"]')!);
    await waitUntil(() => inComment(el, 'c-3', '[part~="delete-confirm-button"]'));
    await el.updateComplete;
    expectFocus(el, inComment(el, 'c-3', '[part~="delete-confirm-button"]'), 'focus on the confirmation');
    expect(text(inComment(el, 'c-3', '[part~="delete-confirm"] p'))).to.equal('Delete this comment? Replies to it stay.');
    await expect(el).to.be.accessible();
    await key('Escape');
    await waitUntil(() => !inComment(el, 'c-3', '[part~="delete-confirm"]'));
    expect(writes(backend)).to.be.empty;
    await press(inComment(el, 'c-3', '[part~="delete-button"]')!);
    await waitUntil(() => inComment(el, 'c-3', '[part~="delete-confirm-button"]'));
    await press(inComment(el, 'c-3', '[part~="delete-confirm-button"]')!);
    await waitUntil(() => text(inComment(el, 'c-3', '[part~="comment-body"]')) === 'This comment was deleted by its author.');
    expect(writes(backend).map((r) => `${r.method} ${r.url.pathname}`)).to.deep.equal(['DELETE /api/v1/comments/c-3']);
    expect(text(inComment(el, 'c-3-r4', '[part~="comment-body"]'))).to.equal('a reply that stays');
    expect(editButton(el)).to.equal(null);
    await waitUntil(() => liveRegion(el) === 'Your comment was deleted.');
    await expect(el).to.be.accessible();
  });

  it('a moderator\'s removal keeps its own wording', async () => {
    const backend = engageBackend();
    backend.state.comments[1] = makeComment(2, { status: 'removed', body: '' });
    const el = await ready(backend);
    expect(text(inComment(el, 'c-2', '[part~="comment-body"]'))).to.equal('This comment was removed by a moderator.');
  });
});

describe('engage text in every language', () => {
  it('the Welsh widget says Recommend and the sort in Welsh', async () => {
    const backend = engageBackend();
    await serveBackend(backend);
    const page = await fixture<HTMLElement>(html`<div lang="cy"><parley-comments
      backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"></parley-comments></div>`);
    const el = page.querySelector('parley-comments')!;
    await waitForComments(el, 4);
    await waitUntil(() => recommendButton(el, 'c-1'), 'Recommend', { timeout: 4000 });
    await waitUntil(() => text(recommendButton(el, 'c-1')) === 'Argymell 2', `in Welsh: ${text(recommendButton(el, 'c-1'))}`, { timeout: 4000 });
    expect([...(part(el, 'sort') as HTMLSelectElement).options].map((o) => o.textContent)[2]).to.equal('Mwyaf o argymhellion');
  });
});
