/** What the report tests share: a thread with a signed-in reader, and reader-level actions. */
import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RequestHandler } from 'msw';
import type { ParleyComments } from '../src/parley-comments.js';
import { FakeBackend, type BackendState } from './mocks/backend.js';
import { makeComment, makeThread, makeViewer } from './mocks/data.js';
import { findPart, renderWidget, serveBackend, text, waitForComments } from './helpers.js';

export const ANN = { id: 'u-ann', displayName: 'Ann Hale', badges: [] };
export const BOB = { id: 'u-bob', displayName: 'Bob Okafor', badges: [] };

/** Two comments by others (Ann's c-1, Bob's c-2), read by the signed-in subscriber Rhiannon. */
export function reportBackend(state: Partial<BackendState> = {}): FakeBackend {
  const comments = [makeComment(1, { author: ANN }), makeComment(2, { author: BOB })];
  return new FakeBackend({ viewer: makeViewer(), comments, thread: makeThread({ commentCount: 2 }), ...state });
}

export async function showThread(backend: FakeBackend, ...overrides: RequestHandler[]): Promise<ParleyComments> {
  await serveBackend(backend, ...overrides);
  const el = await renderWidget();
  const count = backend.state.comments.length + [...backend.state.conversations.values()].flat().length;
  await waitForComments(el, count);
  return el;
}

export function inComment(el: ParleyComments, commentId: string, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-comment-id="${commentId}"] ${selector}`);
}

export const reportButton = (el: ParleyComments, commentId = 'c-1') => inComment(el, commentId, '[part~="report-button"]');
export const focused = (el: ParleyComments) => el.shadowRoot!.activeElement;
/**
 * Asserts where focus is by identity. (A failing chai assertion that holds DOM elements makes
 * the test runner's serializer break the page, so elements never go into `expect` directly.)
 */
export function expectFocus(el: ParleyComments, target: Element | null, message = 'focus'): void {
  const active = focused(el);
  const describe = (e: Element | null) => (e ? `${e.localName} "${e.getAttribute('aria-label') ?? text(e)}" [${e.getAttribute('part') ?? ''}]` : 'nothing');
  expect(active === target, `${message}: expected on ${describe(target)}, is on ${describe(active)}`).to.be.true;
}

export const liveRegion = (el: ParleyComments) => text(el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]'));

/** Every request that is not a read: what a report may have sent. */
export const writes = (backend: FakeBackend) => backend.requests.filter((r) => r.method !== 'GET');

/**
 * Clicks as a reader's mouse does: a button or link takes focus, then the click fires. (Real
 * pointer events via sendMouse proved flaky: layout above the comments settles after the
 * coordinates are taken, and the click lands on the subscribe prompt.)
 */
export async function press(target: HTMLElement): Promise<void> {
  target.focus();
  target.click();
  await nextFrame();
}

export async function key(press: string): Promise<void> {
  await sendKeys({ press });
}

export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/** Presses Report on a comment and waits for its form. */
export async function openForm(el: ParleyComments, commentId = 'c-1'): Promise<HTMLFormElement> {
  await press(reportButton(el, commentId)!);
  await findPart(el, 'report-form');
  return inComment(el, commentId, '[part~="report-form"]') as HTMLFormElement;
}

export function reason(form: HTMLFormElement, value: string): HTMLInputElement {
  return form.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)!;
}

export const note = (form: HTMLFormElement) => form.querySelector('textarea')!;
export const submitButton = (form: HTMLFormElement) => form.querySelector<HTMLButtonElement>('[part~="report-submit"]')!;

/** Opens the form on c-1, picks `value` by clicking its label, types `noteText`, and sends. */
export async function sendReport(el: ParleyComments, value = 'spam', noteText = ''): Promise<HTMLFormElement> {
  const form = await openForm(el);
  await press(reason(form, value).closest('label')!);
  if (noteText) {
    note(form).focus();
    await type(noteText);
  }
  await press(submitButton(form));
  return form;
}

/** Waits until `part` is under comment `commentId` and returns it. */
export async function findIn(el: ParleyComments, commentId: string, part: string): Promise<HTMLElement> {
  const selector = `[part~="${part}"]`;
  await waitUntil(() => inComment(el, commentId, selector), `part "${part}" never appeared under ${commentId}`, { timeout: 4000 });
  return inComment(el, commentId, selector)!;
}
