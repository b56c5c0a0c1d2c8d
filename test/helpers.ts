/** Shared test set-up: msw's worker, a fresh element per test, and reader-level queries. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import '../src/define.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { BASE, THREAD_ID } from './mocks/data.js';
import type { FakeBackend } from './mocks/backend.js';

export const worker = setupWorker();
let started: Promise<unknown> | null = null;

/** Starts msw once per test file and replaces its handlers with `handlers`. */
export async function serve(...handlers: RequestHandler[]): Promise<void> {
  started ??= worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  await started;
  worker.resetHandlers(...handlers);
}

export async function serveBackend(backend: FakeBackend, ...overrides: RequestHandler[]): Promise<void> {
  await serve(...overrides, ...backend.handlers());
}

/** An element that starts at once (no lazy wait) against the fake backend. */
export async function renderWidget(attrs: { sort?: string; pageSize?: number; lang?: string } = {}): Promise<ParleyComments> {
  return fixture<ParleyComments>(html`<parley-comments
    backend-url=${BASE}
    thread-id=${THREAD_ID}
    loading="eager"
    sort=${attrs.sort ?? 'newest'}
    page-size=${attrs.pageSize ?? 20}
    subscribe-url="https://news.test/subscribe"
    sign-in-url="https://news.test/sign-in"
    rules-url="https://news.test/rules"
  ></parley-comments>`);
}

/** Every element in the widget's shadow tree carrying `part`, in document order. */
export function parts(el: ParleyComments, part: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
}

export function part(el: ParleyComments, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** Waits until the widget shows `name`, then returns it. */
export async function findPart(el: ParleyComments, name: string, message?: string): Promise<HTMLElement> {
  await waitUntil(() => part(el, name), message ?? `part "${name}" never appeared`, { timeout: 4000 });
  return part(el, name)!;
}

/** The visible text of the comments, in the order the reader sees them. */
export function commentBodies(el: ParleyComments): string[] {
  return parts(el, 'comment-body').map((b) => b.textContent!.trim());
}

export async function waitForComments(el: ParleyComments, count: number): Promise<void> {
  await waitUntil(() => parts(el, 'comment').length === count,
    `expected ${count} comments, saw ${parts(el, 'comment').length}`, { timeout: 4000 });
}

/** Resolves with the next `name` event the element sends. */
export function nextEvent<T = unknown>(el: EventTarget, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => el.addEventListener(name, (e) => resolve(e as CustomEvent<T>), { once: true }));
}

export function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A lazily loaded chunk's fetch (`formLoader`, `postingLoader`) that the tests of one describe
 * block may stand in for; the real fetch is put back after each test. Returns the real fetch.
 */
export function loaderSeam<L extends { load: unknown }>(loader: L): L['load'] {
  const real = loader.load;
  afterEach(() => {
    loader.load = real;
  });
  return real;
}

export interface ChunkStandIn {
  /** Fetches so far. */
  fetches: number;
  /** Fetches fail as a browser's do for a chunk it could not fetch. */
  failing: boolean;
  /** Fetches wait for `release()`, then bring the real chunk. */
  holding: boolean;
  /** Lets the last held fetch through. */
  release(): void;
}

/** Stands in for `loader`'s fetch (inside a `loaderSeam`, which puts the real one back after the test). */
export function standIn<M>(loader: { load: () => Promise<M> }, real: () => Promise<M>,
  start: Partial<Pick<ChunkStandIn, 'failing' | 'holding'>> = {}): ChunkStandIn {
  const chunk: ChunkStandIn = { fetches: 0, failing: false, holding: false, release: () => undefined, ...start };
  loader.load = () => {
    chunk.fetches++;
    if (chunk.failing) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    return chunk.holding ? new Promise<M>((resolve) => (chunk.release = () => resolve(real()))) : real();
  };
  return chunk;
}
