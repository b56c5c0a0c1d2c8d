/**
 * Keyboard-only journeys (WCAG 2.1.1, 2.4.3): a reader who never touches a pointer loads more,
 * sorts, posts, replies, reports, undoes and cancels. Only keys are pressed (sendKeys), and
 * after every key focus is checked: on the widget's host, on the expected control inside it,
 * never on <body>.
 */
import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { REPORT_REASONS } from '../src/api/types.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { a11yBackend, focusIndicator, inComment, mount, nameOf, sentinel, VARIANTS } from './a11y.helpers.js';
import { FakeBackend } from './mocks/backend.js';
import { makeComment, makeThread, makeViewer } from './mocks/data.js';
import { part, parts, serveBackend, text } from './helpers.js';

const LIGHT = VARIANTS[0]!;
const live = (el: ParleyComments) => text(el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]'));
const inner = (el: ParleyComments) => el.shadowRoot!.activeElement;

/** Focus is on the widget (never <body>), and inside it on `target` when one is given. */
function expectFocus(el: ParleyComments, target: Element | null | undefined, step: string): void {
  const outer = document.activeElement;
  expect(outer !== document.body, `${step}: focus fell to <body>`).to.be.true;
  expect(outer === el, `${step}: focus left the widget for ${outer?.localName}#${outer?.id}`).to.be.true;
  expect(inner(el), `${step}: the host has focus but nothing inside it does`).to.exist;
  if (target !== undefined) {
    expect(target, `${step}: the expected control exists`).to.exist;
    expect(inner(el) === target, `${step}: focus on ${nameOf(inner(el)!)}, expected ${nameOf(target!)}`).to.be.true;
  }
}

/** Presses `key` (with `modifier` held), lets the widget render, and checks focus. */
async function press(el: ParleyComments, key: string, step: string, modifier?: 'Control' | 'Shift'): Promise<void> {
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  if (modifier) await sendKeys({ up: modifier });
  await el.updateComplete;
  await nextFrame();
  expectFocus(el, undefined, step);
}

/** Tabs (or Shift+Tabs) until focus is on the control `find` returns, checking focus at every stop. */
async function tabTo(el: ParleyComments, find: () => Element | null, what: string, backwards = false): Promise<Element> {
  for (let i = 0; i < 40; i++) {
    if (inner(el) && inner(el) === find()) return inner(el)!;
    await press(el, 'Tab', `${backwards ? 'Shift+' : ''}Tab ${i + 1} towards ${what}`, backwards ? 'Shift' : undefined);
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Enters the widget from the page with Tab. */
async function enter(el: ParleyComments): Promise<void> {
  sentinel('before').focus();
  await sendKeys({ press: 'Tab' });
  expectFocus(el, undefined, 'Tab into the widget');
}

async function waitForFocus(el: ParleyComments, find: () => Element | null, step: string): Promise<void> {
  await waitUntil(() => inner(el) && inner(el) === find(), `${step}: focus is on ${inner(el) ? nameOf(inner(el)!) : 'nothing'}`, { timeout: 4000 });
  expectFocus(el, find(), step);
}

async function keyboardWidget(backend: FakeBackend, pageSize = 2): Promise<ParleyComments> {
  await serveBackend(backend);
  const el = await mount(LIGHT, pageSize);
  await waitUntil(() => parts(el, 'comment').length >= 2, 'no comments', { timeout: 4000 });
  await enter(el);
  return el;
}

describe('keyboard only', () => {
  it('loads more comments: Enter keeps focus on the button, Space on the last page moves it to the first new comment', async () => {
    const comments = Array.from({ length: 5 }, (_, i) => makeComment(i + 1));
    const el = await keyboardWidget(new FakeBackend({ comments, thread: makeThread({ commentCount: 5 }) }));
    const button = await tabTo(el, () => part(el, 'load-more'), 'Show more comments');
    await press(el, 'Enter', 'Enter on Show more');
    await waitUntil(() => parts(el, 'comment').length === 4, 'the second page never came', { timeout: 4000 });
    await waitUntil(() => live(el) === '2 more comments loaded', `live region says "${live(el)}"`);
    expectFocus(el, button, 'after the second page');
    await press(el, ' ', 'Space on Show more');
    await waitUntil(() => !part(el, 'load-more'), 'the last page never came', { timeout: 4000 });
    await waitForFocus(el, () => el.shadowRoot!.querySelector('[data-comment-id="c-1"]'), 'the button went: focus on the first new comment');
    expect(focusIndicator(inner(el)!), 'the focused comment shows it').to.not.be.null;
    await waitUntil(() => live(el) === '1 more comment loaded', `live region says "${live(el)}"`);
    await press(el, 'Tab', 'Tab from the new comment');
    await press(el, 'Tab', 'Shift+Tab back', 'Shift');
  });

  it('changes the sort with the arrow keys and keeps focus on the control while the thread reloads', async () => {
    const backend = a11yBackend(null);
    const el = await keyboardWidget(backend);
    const select = await tabTo(el, () => part(el, 'sort'), 'the sort control') as HTMLSelectElement;
    await press(el, 'ArrowDown', 'ArrowDown on the sort control');
    await waitUntil(() => backend.requestsTo('GET', 'comments').some((r) => r.url.searchParams.get('sort') === 'oldest'),
      'no request in the oldest order', { timeout: 4000 });
    await waitUntil(() => parts(el, 'comment')[0]?.dataset.commentId === 'c-1', 'the order never changed', { timeout: 4000 });
    expect(el.sort).to.equal('oldest');
    expectFocus(el, select, 'after the reload');
    await press(el, 'ArrowUp', 'ArrowUp back to Newest first');
    await waitUntil(() => parts(el, 'comment')[0]?.dataset.commentId === 'c-3', 'the order never changed back', { timeout: 4000 });
    expectFocus(el, select, 'after the second reload');
  });

  it('posts a comment: type, Tab to Post, Enter; then again with Ctrl+Enter from the field', async () => {
    const backend = a11yBackend(makeViewer());
    const el = await keyboardWidget(backend);
    const field = await tabTo(el, () => part(el, 'composer-input'), 'the comment field');
    await sendKeys({ type: 'Typed without a mouse.' });
    const post = await tabTo(el, () => part(el, 'composer-submit'), 'Post comment');
    await press(el, 'Enter', 'Enter on Post comment');
    await waitUntil(() => live(el) === 'Comment posted.', `live region says "${live(el)}"`, { timeout: 4000 });
    expect(backend.requestsTo('POST', 'comments').length).to.equal(1);
    await el.updateComplete;
    await nextFrame();
    // Post is disabled once the field is empty: focus must not fall with it.
    expectFocus(el, undefined, 'after posting with the button');
    expect(inner(el) === post && !(post as HTMLButtonElement).disabled || inner(el) === field,
      `after posting, focus is on ${nameOf(inner(el)!)}`).to.be.true;
    await tabTo(el, () => part(el, 'composer-input'), 'the comment field', true);
    await sendKeys({ type: 'And a second one.' });
    await press(el, 'Enter', 'Ctrl+Enter in the field', 'Control');
    await waitUntil(() => backend.requestsTo('POST', 'comments').length === 2, 'the second post was not sent', { timeout: 4000 });
    await waitUntil(() => (field as HTMLTextAreaElement).value === '', 'the field never cleared', { timeout: 4000 });
    expectFocus(el, field, 'after Ctrl+Enter');
  });

  it('replies: Enter opens the form in its field, Ctrl+Enter posts and returns focus, Escape closes', async () => {
    const backend = a11yBackend(makeViewer());
    const el = await keyboardWidget(backend);
    const replyButton = () => inComment(el, 'c-3', '[part~="reply-button"]');
    await tabTo(el, replyButton, 'Reply to Bob');
    await press(el, 'Enter', 'Enter on Reply');
    await waitForFocus(el, () => el.shadowRoot!.querySelector('#reply-input'), 'the reply form opened');
    expect(replyButton()!.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ type: 'A keyboard reply.' });
    await press(el, 'Enter', 'Ctrl+Enter in the reply', 'Control');
    await waitUntil(() => live(el) === 'Reply posted.', `live region says "${live(el)}"`, { timeout: 4000 });
    await waitForFocus(el, replyButton, 'the form closed: focus back on Reply');
    expect((backend.requestsTo('POST', 'comments')[0]!.body as { parentId: string }).parentId).to.equal('c-3');
    await press(el, ' ', 'Space on Reply');
    await waitForFocus(el, () => el.shadowRoot!.querySelector('#reply-input'), 'the reply form opened again');
    await sendKeys({ type: 'Never mind' });
    await press(el, 'Escape', 'Escape in the reply');
    await waitForFocus(el, replyButton, 'Escape closed the form: focus back on Reply');
    expect(el.shadowRoot!.querySelector('#reply-input')).to.be.null;
    expect(backend.requestsTo('POST', 'comments').length).to.equal(1);
  });

  it('reports: Enter opens, arrows choose a reason, Tab to the note, Enter sends, then Undo', async () => {
    const backend = a11yBackend(makeViewer());
    const el = await keyboardWidget(backend);
    const reportButton = () => inComment(el, 'c-3', '[part~="report-button"]');
    await tabTo(el, reportButton, 'Report comment by Bob');
    await press(el, 'Enter', 'Enter on Report');
    const radios = () => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="report-form"] input[type="radio"]')];
    await waitForFocus(el, () => radios()[0] ?? null, 'the form opened on the first reason');
    expect(radios().some((r) => r.checked), 'no reason chosen for the reader').to.be.false;
    await press(el, 'ArrowDown', 'ArrowDown in the reasons');
    await press(el, 'ArrowDown', 'ArrowDown again');
    const chosen = radios().find((r) => r.checked);
    expect(chosen, 'the arrows chose a reason').to.exist;
    expectFocus(el, chosen, 'focus on the chosen reason');
    await press(el, 'Tab', 'Tab to the note');
    expectFocus(el, el.shadowRoot!.querySelector('[part~="report-form"] textarea'), 'on the note');
    await sendKeys({ type: 'Seen it before.' });
    await press(el, 'Tab', 'Tab to Send report');
    expectFocus(el, part(el, 'report-submit'), 'on Send report');
    await press(el, 'Enter', 'Enter on Send report');
    await waitUntil(() => part(el, 'report-status'), 'no confirmation', { timeout: 4000 });
    await waitForFocus(el, reportButton, 'sent: focus back on the (now Reported) button');
    const [sent] = backend.requestsTo('POST', 'comments/c-3/reports');
    expect((sent!.body as { reason: string; note: string })).to.deep.equal({ reason: chosen!.value, note: 'Seen it before.' });
    expect(REPORT_REASONS.indexOf(chosen!.value as never)).to.be.greaterThan(0);
    expect(live(el)).to.equal('Thank you. A moderator will review this comment.');
    await press(el, 'Tab', 'Tab to Undo');
    expectFocus(el, part(el, 'report-status')!.querySelector('button'), 'on Undo');
    await press(el, 'Enter', 'Enter on Undo');
    await waitUntil(() => live(el) === 'Your report was withdrawn.', `live region says "${live(el)}"`, { timeout: 4000 });
    await waitForFocus(el, reportButton, 'withdrawn: focus back on Report');
    expect(text(reportButton())).to.equal('Report');
  });

  it('in Arabic (right to left) the reasons follow the mirrored arrows: Left is the next reason', async () => {
    await serveBackend(a11yBackend(makeViewer()));
    const el = await mount(VARIANTS[2]!);
    await waitUntil(() => parts(el, 'comment').length >= 2, 'no comments', { timeout: 4000 });
    await enter(el);
    await tabTo(el, () => inComment(el, 'c-3', '[part~="report-button"]'), 'Report (Arabic)');
    await press(el, 'Enter', 'Enter on Report');
    const radios = () => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="report-form"] input[type="radio"]')];
    await waitForFocus(el, () => radios()[0] ?? null, 'the form opened on the first reason');
    await press(el, 'ArrowLeft', 'ArrowLeft in the reasons');
    expectFocus(el, radios()[1], 'Left moved to the second reason');
    expect(radios()[1]!.checked).to.be.true;
    await press(el, 'Escape', 'Escape');
    await waitForFocus(el, () => inComment(el, 'c-3', '[part~="report-button"]'), 'focus back on Report');
  });

  it('cancels a report: Escape, and Cancel with Enter, both return focus to Report and send nothing', async () => {
    const backend = a11yBackend(makeViewer());
    const el = await keyboardWidget(backend);
    const reportButton = () => inComment(el, 'c-3', '[part~="report-button"]');
    await tabTo(el, reportButton, 'Report comment by Bob');
    await press(el, ' ', 'Space on Report');
    await waitUntil(() => part(el, 'report-form'), 'no form');
    await press(el, 'ArrowDown', 'choose a reason');
    await press(el, 'Escape', 'Escape in the form');
    await waitForFocus(el, reportButton, 'Escape: focus back on Report');
    expect(part(el, 'report-form')).to.be.null;
    await press(el, 'Enter', 'Enter on Report again');
    await waitUntil(() => part(el, 'report-form'), 'no form');
    await tabTo(el, () => part(el, 'report-cancel'), 'Cancel');
    await press(el, 'Enter', 'Enter on Cancel');
    await waitForFocus(el, reportButton, 'Cancel: focus back on Report');
    expect(part(el, 'report-form')).to.be.null;
    expect(backend.requests.filter((r) => r.method !== 'GET')).to.have.length(0);
    await tabTo(el, () => part(el, 'sort'), 'back up to the sort control', true);
  });
});
