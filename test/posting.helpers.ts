/** Set-up shared by the subscribers-only tests: a thread, a viewer, and reader-level helpers. */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Viewer } from '../src/api/types.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { FakeBackend, type RecordedRequest } from './mocks/backend.js';
import { makeComment, makeReply, makeThread, makeViewer } from './mocks/data.js';
import { findPart, part, text } from './helpers.js';

/** Two comments by Ann and Bob, Ann's with a reply by Carys; `viewer` reads it. */
export function threadFor(viewer: Viewer | null, thread: Parameters<typeof makeThread>[0] = {}): FakeBackend {
  return new FakeBackend({
    viewer,
    thread: makeThread({ commentCount: 3, ...thread }),
    comments: [
      makeComment(1, { author: { id: 'u-ann', displayName: 'Ann Hale', badges: [] } }),
      makeComment(2, { author: { id: 'u-bob', displayName: 'Bob Okafor', badges: [] } }),
    ],
    conversations: new Map([['c-1', [makeReply('c-1', 3, { author: { id: 'u-carys', displayName: 'Carys Jones', badges: [] } })]]]),
  });
}

export const subscriber = () => makeViewer();

/** The top-level composer's textarea, once it is shown. */
export async function composerInput(el: ParleyComments): Promise<HTMLTextAreaElement> {
  return (await findPart(el, 'composer-input', 'the composer never appeared')) as HTMLTextAreaElement;
}

/** Focuses `field` and types `value` into it the way a reader does. */
export async function typeInto(field: HTMLTextAreaElement, value: string): Promise<void> {
  field.focus();
  await sendKeys({ type: value });
}

/** The POST /comments requests the backend received. */
export const posts = (backend: FakeBackend): RecordedRequest[] => backend.requestsTo('POST', 'comments');

/** What the polite live region says. */
export const announced = (el: ParleyComments): string => text(el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]'));

/** The text of the error or alert at the top-level composer. */
export async function composerError(el: ParleyComments): Promise<string> {
  await waitUntil(() => part(el, 'composer')?.querySelector('[part~="error"]'), 'no error at the field', { timeout: 4000 });
  return text(part(el, 'composer')!.querySelector('[part~="error"] p'));
}

/** Presses `key` while holding `modifier` (sendKeys has no chords). */
export async function chord(modifier: 'Control' | 'Meta' | 'Shift', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

/** The element the reader's focus is on inside the widget. */
export const focused = (el: ParleyComments): Element | null => el.shadowRoot!.activeElement;

export function expectVisible(node: Element | null, visible = true): void {
  const shown = !!node && (node as HTMLElement).offsetParent !== null;
  expect(shown, `${node?.getAttribute('part') ?? 'element'} ${visible ? 'visible' : 'hidden'}`).to.equal(visible);
}
