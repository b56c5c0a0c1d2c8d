// The moderation desk's failures, as a moderator meets them (the happy path runs end to end in
// test/e2e/desk.test.ts): no answer at sign-in, a queue that fails then loads on Try again, an
// action the server refuses, a token that stops being accepted; and which key presses are shortcuts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/moderate/desk.js';
import type { ParleyDesk } from '../src/moderate/desk.js';
import { commandFor } from '../src/moderate/shortcuts.js';
import { serve } from './helpers.js';

const ADMIN = '/api/v1/admin';
const COMMENT = {
  id: 'c-1', parentId: null, author: { id: 'u-1', displayName: 'Ann <b>Hale</b>', badges: [] }, body: 'Some text',
  createdAt: '2026-12-01T10:00:00Z', editedAt: null, status: 'published', replyCount: 0, replies: [], viewerReported: false,
};
const QUEUE = { items: [{ comment: COMMENT, threadId: 'a-1', reports: [{ reason: 'spam', note: null, reporterId: 'u-2', createdAt: '2026-12-01T11:00:00Z' }] }], nextCursor: null };
const CONTEXT = { comment: { ...COMMENT, threadId: 'a-1' }, thread: { id: 'a-1', title: '', url: '', status: 'open', commentCount: 1, maxCommentLength: 5000 }, parent: null, replies: [] };
const HISTORY = { user: { id: 'u-1', displayName: 'Ann', subscriber: false, status: 'active', suspendedUntil: null }, counts: { published: 1, pending: 0, removed: 0 }, comments: [], sanctions: [] };
const AUDIT = { items: [], nextCursor: null };
const refused = (status: number, code: string, message: string) => HttpResponse.json({ error: { code, message } }, { status });

const root = (desk: ParleyDesk) => desk.shadowRoot!;
const textOf = (desk: ParleyDesk, selector: string) => root(desk).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function signIn(desk: ParleyDesk): Promise<void> {
  (root(desk).querySelector('#moderator') as HTMLInputElement).value = 'Sam';
  (root(desk).querySelector('#token') as HTMLInputElement).value = 'the-token';
  (root(desk).querySelector('form button[type="submit"]') as HTMLButtonElement).click();
}

describe('desk shortcuts', () => {
  it('are keys pressed outside fields, without modifiers', async () => {
    const place = await fixture<HTMLDivElement>(html`<div><button>b</button><input type="search"><input type="checkbox"><textarea></textarea></div>`);
    const [button, search, checkbox, area] = [...place.children] as HTMLElement[];
    const press = (target: HTMLElement, init: KeyboardEventInit): unknown => {
      let seen: unknown = 'none';
      target.addEventListener('keydown', (e) => (seen = commandFor(e)), { once: true });
      target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init }));
      return seen;
    };
    expect(press(button!, { key: 'j' })).to.equal('next');
    expect(press(button!, { key: 'x' })).to.equal('remove');
    expect(press(checkbox!, { key: '?' })).to.equal('help');
    expect(press(search!, { key: 'x' }), 'typing in a search field').to.equal(null);
    expect(press(area!, { key: 'j' })).to.equal(null);
    expect(press(button!, { key: 'x', ctrlKey: true }), 'Ctrl+X is cut').to.equal(null);
    expect(press(button!, { key: 'r', metaKey: true }), '⌘R reloads').to.equal(null);
    expect(press(button!, { key: 'w' })).to.equal(null);
  });
});

describe('desk failures', () => {
  beforeEach(() => sessionStorage.clear());

  it('no answer at sign-in: says so, keeps nothing, and signs in on a second try', async () => {
    let up = false;
    await serve(http.get(`${ADMIN}/audit`, () => (up ? HttpResponse.json(AUDIT) : HttpResponse.error())), http.get(`${ADMIN}/reports`, () => HttpResponse.json(QUEUE)),
      http.get(`${ADMIN}/comments/c-1/context`, () => HttpResponse.json(CONTEXT)), http.get(`${ADMIN}/users/u-1/history`, () => HttpResponse.json(HISTORY)));
    const desk = await fixture<ParleyDesk>(html`<parley-desk></parley-desk>`);
    await signIn(desk);
    await waitUntil(() => textOf(desk, '#sign-in-error') !== '');
    expect(textOf(desk, '#sign-in-error')).to.equal('The server could not be reached.');
    expect(sessionStorage.length).to.equal(0);
    await expect(desk).to.be.accessible();
    up = true;
    (root(desk).querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => root(desk).querySelector('[part~="entry"]'));
    expect(textOf(desk, '[part~="entry"] h3')).to.match(/^Ann <b>Hale<\/b>/);
    expect(root(desk).querySelector('[part~="entry"] b')).to.equal(null);
    expect(sessionStorage.getItem('parley-desk-moderator')).to.equal('Sam');
  });

  it('a failing queue says why and loads on Try again; a refused action is an alert', async () => {
    let failures = 1;
    const sent: Array<string | null> = [];
    await serve(
      http.get(`${ADMIN}/audit`, () => HttpResponse.json(AUDIT)),
      http.get(`${ADMIN}/reports`, () => (failures-- > 0 ? refused(500, 'internal', 'Something went wrong on our side.') : HttpResponse.json(QUEUE))),
      http.get(`${ADMIN}/comments/c-1/context`, () => HttpResponse.json(CONTEXT)),
      http.get(`${ADMIN}/users/u-1/history`, () => HttpResponse.json(HISTORY)),
      http.post(`${ADMIN}/comments/c-1/remove`, ({ request }) => (sent.push(request.headers.get('X-Parley-Moderator')), refused(404, 'comment_not_found', 'No comment with that id.'))),
    );
    const desk = await fixture<ParleyDesk>(html`<parley-desk></parley-desk>`);
    await signIn(desk);
    await waitUntil(() => root(desk).querySelector('[part~="main"] .error'));
    expect(textOf(desk, '[part~="main"] .error')).to.equal('The server refused: Something went wrong on our side.');
    await expect(desk).to.be.accessible();
    const retry = [...root(desk).querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    retry.click();
    await waitUntil(() => root(desk).querySelector('[part~="entry"] .history'));
    (root(desk).querySelector('#entry-0') as HTMLElement).focus();
    await sendKeys({ press: 'x' });
    await waitUntil(() => textOf(desk, '[role="alert"].alert') !== '');
    expect(textOf(desk, '[role="alert"].alert')).to.equal('Remove failed: The server refused: No comment with that id.');
    expect(sent).to.deep.equal(['Sam'], 'the moderator is named on the action');
    expect(textOf(desk, '#entry-0 [part~="status"]')).to.equal('Published');
    await sendKeys({ press: 'a' });
    await waitUntil(() => textOf(desk, '[role="alert"].alert').includes('does not apply'));
    await expect(desk).to.be.accessible();
  });

  it('a token the server stops accepting signs the moderator out, saying why', async () => {
    sessionStorage.setItem('parley-desk-token', 'old-token');
    sessionStorage.setItem('parley-desk-moderator', 'Sam');
    await serve(http.get(`${ADMIN}/reports`, () => refused(401, 'unauthenticated', 'The admin token is missing or wrong.')));
    const desk = await fixture<ParleyDesk>(html`<parley-desk></parley-desk>`);
    await waitUntil(() => root(desk).querySelector('#moderator'));
    await waitUntil(() => textOf(desk, '#sign-in-error') !== '');
    expect(textOf(desk, '#sign-in-error')).to.equal('The admin token is no longer accepted: sign in again.');
    expect(sessionStorage.length).to.equal(0);
    await expect(desk).to.be.accessible();
  });
});
