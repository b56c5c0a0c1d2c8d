/**
 * What the accessibility tests share: the widget in each theme and language, every state it
 * renders (reached the way a reader reaches it), and measurements a reader's eye or finger makes
 * (target sizes, focus rings, contrast, overflow).
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { nothing } from 'lit';
import { en } from './english.js';
import type { Viewer } from '../src/api/types.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, errorBody, makeComment, makeReply, makeThread, makeViewer, THREAD_ID } from './mocks/data.js';
import { findPart, part, parts, serveBackend, text } from './helpers.js';

export interface Variant {
  name: string;
  theme: 'light' | 'dark' | 'auto';
  lang?: string;
}

export const VARIANTS: Variant[] = [
  { name: 'light', theme: 'light' },
  { name: 'dark', theme: 'dark' },
  { name: 'Arabic (rtl)', theme: 'light', lang: 'ar' },
];

export const ANN = { id: 'u-ann', displayName: 'Ann Hale', badges: ['subscriber'] };
export const BOB = { id: 'u-bob', displayName: 'Bob Okafor', badges: [] };
const CARYS = { id: 'u-carys', displayName: 'Carys Jones', badges: ['staff'] };

/**
 * Three top-level comments (two per page, so Show more shows), Ann's with a link in its text,
 * a long unbroken word, and a conversation of four replies of which one is inlined.
 */
export function a11yBackend(viewer: Viewer | null, extra: { closed?: boolean; pendingOwn?: boolean } = {}): FakeBackend {
  const comments = [
    makeComment(1, { author: BOB, body: 'The oldest comment on the page.' }),
    makeComment(2, {
      author: ANN,
      body: 'Read https://example.org/a/very/long/path/that/goes/on/and/on/and/on?with=query&and=more first.\n'
        + 'Pneumonoultramicroscopicsilicovolcanoconiosis_without_any_break_at_all_for_a_narrow_screen.',
    }),
    makeComment(3, { author: BOB, body: 'Bob agrees.' }),
  ];
  if (extra.pendingOwn && viewer) {
    comments.push(makeComment(4, { author: { id: viewer.id, displayName: viewer.displayName, badges: [] }, status: 'pending', body: 'Mine, awaiting review.' }));
  }
  const replies = [3, 4, 5, 6].map((n) => makeReply('c-2', 10 + n, { author: n % 2 ? CARYS : BOB }));
  const backend = new FakeBackend({
    viewer,
    comments,
    thread: makeThread({ commentCount: comments.length + replies.length, status: extra.closed ? 'closed' : 'open' }),
    conversations: new Map([['c-2', replies]]),
    inlineReplies: 1,
  });
  return backend;
}

/** The widget between two page buttons (so Tab can enter and leave it), in `variant`. */
export async function mount(variant: Variant, pageSize = 2): Promise<ParleyComments> {
  const page = await fixture<HTMLDivElement>(html`<div>
    <button id="before">Before</button>
    <parley-comments backend-url=${BASE} thread-id=${THREAD_ID} loading="eager" page-size=${pageSize}
      theme=${variant.theme} lang=${variant.lang ?? nothing}
      subscribe-url="https://news.test/subscribe" sign-in-url="https://news.test/sign-in"
      rules-url="https://news.test/rules"></parley-comments>
    <button id="after">After</button>
  </div>`);
  const el = page.querySelector('parley-comments')!;
  if (variant.lang) {
    // Until the language's file arrives the widget shows only the placeholder's space (no h2).
    await waitUntil(() => {
      const heading = el.shadowRoot!.querySelector('h2');
      return heading && text(heading) !== en.heading;
    }, 'the language never loaded', { timeout: 4000 });
  }
  return el;
}

export const sentinel = (which: 'before' | 'after') => document.getElementById(which)!;

/** Loads `backend` in `variant` and waits for its first page (with the inlined reply). */
export async function ready(variant: Variant, backend: FakeBackend, ...overrides: RequestHandler[]): Promise<ParleyComments> {
  await serveBackend(backend, ...overrides);
  const el = await mount(variant);
  await waitUntil(() => parts(el, 'comment').length >= 2, 'the first page never showed', { timeout: 4000 });
  return el;
}

/** A button or link: focus, then click, as a pointer does (the keyboard journeys use keys only). */
export async function press(target: HTMLElement | null): Promise<void> {
  expect(target, 'the control to press').to.exist;
  target!.focus();
  target!.click();
  await nextFrame();
}

export const inComment = (el: ParleyComments, id: string, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-comment-id="${id}"] ${selector}`);

export interface State {
  name: string;
  /** Renders the state in `variant`; `release` (if given) lets a held request go after the test. */
  show(variant: Variant): Promise<ParleyComments>;
}

const subscriber = () => makeViewer();
const HELD: Array<() => void> = [];
/** Lets requests held open by the loading state go. */
export function releaseHeld(): void {
  while (HELD.length) HELD.pop()!();
}

/** The thread's first page answered with `status`, once `shows` is there. */
async function failedLoad(variant: Variant, status: number, code: string, shows: string): Promise<ParleyComments> {
  await serveBackend(a11yBackend(null), http.get(`${BASE}/comments`, () => HttpResponse.json(errorBody(code), { status })));
  const el = await mount(variant);
  await findPart(el, shows);
  return el;
}

/** A subscriber's thread with `button` pressed under Bob's newest comment (c-3), once `panel` shows there. */
async function openUnderBob(variant: Variant, button: string, panel: string): Promise<ParleyComments> {
  const el = await ready(variant, a11yBackend(subscriber()));
  await press(inComment(el, 'c-3', `[part~="${button}"]`));
  await waitUntil(() => inComment(el, 'c-3', `[part~="${panel}"]`), `no ${panel} under c-3`);
  return el;
}

/** Every state the widget renders, each reached as a reader reaches it. */
export const STATES: State[] = [
  {
    name: 'loading',
    async show(variant) {
      const backend = a11yBackend(null);
      await serveBackend(backend, http.get(`${BASE}/comments`, async () => {
        await new Promise<void>((resolve) => HELD.push(resolve));
        return undefined;
      }));
      const el = await mount(variant);
      await waitUntil(() => el.shadowRoot!.querySelector('.skeleton'), 'no loading placeholder');
      return el;
    },
  },
  { name: 'error', show: (variant) => failedLoad(variant, 500, 'internal', 'retry') },
  {
    name: 'empty',
    async show(variant) {
      await serveBackend(new FakeBackend({ viewer: subscriber(), comments: [] }));
      const el = await mount(variant);
      await waitUntil(() => el.shadowRoot!.querySelector('.empty'), 'no empty message');
      return el;
    },
  },
  { name: 'closed', show: (variant) => ready(variant, a11yBackend(subscriber(), { closed: true })) },
  { name: 'unavailable', show: (variant) => failedLoad(variant, 404, 'thread_not_found', 'notice') },
  {
    name: 'signed out, "Why only subscribers?" open',
    async show(variant) {
      const el = await ready(variant, a11yBackend(null));
      const summary = part(el, 'subscribe-prompt')!.querySelector('summary')!;
      summary.click();
      await waitUntil(() => summary.parentElement!.hasAttribute('open'), 'the disclosure did not open');
      return el;
    },
  },
  { name: 'signed in, not a subscriber', show: (variant) => ready(variant, a11yBackend(makeViewer({ subscriber: false }))) },
  { name: 'subscriber with the composer', show: (variant) => ready(variant, a11yBackend(subscriber())) },
  { name: 'banned', show: (variant) => ready(variant, a11yBackend(makeViewer({ status: 'banned' }))) },
  {
    name: 'suspended',
    show: (variant) => ready(variant, a11yBackend(makeViewer({ status: 'suspended', suspendedUntil: '2026-12-24T00:00:00Z' }))),
  },
  {
    name: 'own comment pending moderation',
    async show(variant) {
      const el = await ready(variant, a11yBackend(subscriber(), { pendingOwn: true }));
      await waitUntil(() => el.shadowRoot!.querySelector('.pending-notice'), 'no pending notice');
      return el;
    },
  },
  { name: 'reply form open', show: (variant) => openUnderBob(variant, 'reply-button', 'composer') },
  { name: 'report form open', show: (variant) => openUnderBob(variant, 'report-button', 'report-form') },
  {
    name: 'report confirmation',
    async show(variant) {
      const el = await openUnderBob(variant, 'report-button', 'report-form');
      await press(inComment(el, 'c-3', 'input[value="spam"]'));
      await press(inComment(el, 'c-3', '[part~="report-submit"]'));
      await waitUntil(() => inComment(el, 'c-3', '[part~="report-status"]'), 'no confirmation');
      return el;
    },
  },
  {
    name: 'replies loaded',
    async show(variant) {
      const el = await ready(variant, a11yBackend(subscriber()));
      await press(await findPart(el, 'replies-more'));
      await waitUntil(() => parts(el, 'comment').length >= 5, 'the replies never came', { timeout: 4000 });
      return el;
    },
  },
  {
    name: 'load-more error',
    async show(variant) {
      const backend = a11yBackend(null);
      await serveBackend(backend, http.get(`${BASE}/comments`, ({ request }) =>
        new URL(request.url).searchParams.has('cursor') ? HttpResponse.json(errorBody('internal'), { status: 503 }) : undefined));
      const el = await mount(variant);
      await waitUntil(() => parts(el, 'comment').length >= 3, 'the first page never showed', { timeout: 4000 });
      await press(part(el, 'load-more'));
      await waitUntil(() => el.shadowRoot!.querySelector('.thread ~ [part~="error"]'), 'no load-more error', { timeout: 4000 });
      return el;
    },
  },
];

/** Visible controls a finger or pointer can hit, with what the reader sees as their name. */
export function controls(el: ParleyComments): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary')]
    .filter((node) => node.getClientRects().length > 0);
}

export function nameOf(node: Element): string {
  return `${node.localName}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''} "${node.getAttribute('aria-label') ?? text(node).slice(0, 40)}"`;
}

/** Controls smaller than 24×24 CSS px (links in comment text are inline, exempt under WCAG 2.5.8). */
export function smallTargets(el: ParleyComments): string[] {
  return controls(el)
    .filter((node) => !node.closest('[part~="comment-body"]'))
    .map((node) => ({ node, box: node.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 24 - 0.01 || box.height < 24 - 0.01)
    .map(({ node, box }) => `${nameOf(node)} is ${box.width.toFixed(1)}×${box.height.toFixed(1)}`);
}

/** A focus indicator that is there: an outline at least 2px wide, or a box shadow. */
export function focusIndicator(node: Element): string | null {
  const style = getComputedStyle(node);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) return `outline ${style.outlineWidth} ${style.outlineColor}`;
  if (style.boxShadow && style.boxShadow !== 'none') return `box-shadow ${style.boxShadow}`;
  return null;
}

// ---- colour ----

/** sRGB channels 0–255 and alpha of a computed colour (any syntax Chromium serialises). */
export function rgba(color: string): [number, number, number, number] {
  const canvas = (rgba as { ctx?: CanvasRenderingContext2D }).ctx ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = '#000';
  canvas.fillStyle = color;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

export function luminance([r, g, b]: readonly number[]): number {
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

export function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Paints `top` (with alpha) over the opaque `under`. */
export function over(top: readonly number[], under: readonly number[]): number[] {
  const a = top[3] ?? 1;
  return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a));
}

/** The opaque colour behind `node`: its own and its ancestors' backgrounds (across the shadow boundary) over white. */
export function backgroundOf(node: Element): number[] {
  const layers: number[][] = [];
  for (let n: Element | null = node; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
    const bg = rgba(getComputedStyle(n).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] === 1) break;
  }
  return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255]);
}
