import { expect, fixture, html } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import type { ParleyComments } from '../src/parley-comments.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment } from './mocks/data.js';
import { findPart, part, renderWidget, serveBackend, text, waitForComments } from './helpers.js';

describe('faults', () => {
  it('resumes by itself when the connection comes back', async () => {
    const backend = new FakeBackend({ comments: [makeComment(1)] });
    let offline = true;
    await serveBackend(backend, http.get(`${BASE}/comments`, () => (offline ? HttpResponse.error() : undefined)));
    const el = await renderWidget();
    await findPart(el, 'error');
    offline = false;
    window.dispatchEvent(new Event('online'));
    await waitForComments(el, 1);
    expect(part(el, 'error')).to.be.null;
  });

  it('says how long to wait when the backend answers 429 with Retry-After', async () => {
    const backend = new FakeBackend({ comments: [makeComment(1)] });
    let limited = true;
    await serveBackend(backend, http.get(`${BASE}/comments`, () => (limited
      ? HttpResponse.json({ error: { code: 'rate_limited', message: 'slow down' } }, { status: 429, headers: { 'Retry-After': '12' } })
      : undefined)));
    const el = await renderWidget();
    const error = await findPart(el, 'error');
    expect(text(error)).to.contain('Too many requests. Try again in 12 seconds.');
    limited = false;
    part(el, 'retry')!.click();
    await waitForComments(el, 1);
  });

  it('leaves no observer, listener or timer behind after 200 connects and disconnects', async () => {
    const backend = new FakeBackend({ comments: [makeComment(1)] });
    await serveBackend(backend, http.get(`${BASE}/comments`, async () => {
      await delay(20);
      return undefined;
    }));
    const live = { observers: 0, listeners: 0, timers: 0 };
    const restore = track(live);
    try {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const lazy = document.createElement('parley-comments') as ParleyComments;
      Object.assign(lazy, { backendUrl: BASE, threadId: 'lazy' });
      const eager = document.createElement('parley-comments') as ParleyComments;
      Object.assign(eager, { backendUrl: BASE, threadId: 'eager', loading: 'eager' });
      for (let i = 0; i < 200; i++) {
        for (const el of [lazy, eager]) {
          host.append(el);
          await el.updateComplete;
          el.remove();
        }
      }
      await delay(100); // let aborted requests settle
      expect(live).to.deep.equal({ observers: 0, listeners: 0, timers: 0 });
      host.append(eager);
      await waitForComments(eager, 1); // and it still works
      eager.remove();
    } finally {
      restore();
    }
  });
});

/** Counts live IntersectionObservers, window listeners and pending timeouts while installed. */
function track(live: { observers: number; listeners: number; timers: number }): () => void {
  const RealObserver = window.IntersectionObserver;
  const { addEventListener, removeEventListener } = window;
  const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = window;
  const pending = new Set<number>();
  const listening = new Set<EventListenerOrEventListenerObject>();
  window.IntersectionObserver = class extends RealObserver {
    private observing = false;
    override observe(target: Element) {
      if (!this.observing) live.observers++;
      this.observing = true;
      super.observe(target);
    }
    override disconnect() {
      if (this.observing) live.observers--;
      this.observing = false;
      super.disconnect();
    }
  };
  window.addEventListener = function (type: string, listener: EventListenerOrEventListenerObject, options?: unknown) {
    if (type === 'online' && !listening.has(listener)) {
      listening.add(listener);
      live.listeners++;
    }
    return addEventListener.call(window, type, listener, options as AddEventListenerOptions);
  } as typeof window.addEventListener;
  window.removeEventListener = function (type: string, listener: EventListenerOrEventListenerObject, options?: unknown) {
    if (type === 'online' && listening.delete(listener)) live.listeners--;
    return removeEventListener.call(window, type, listener, options as EventListenerOptions);
  } as typeof window.removeEventListener;
  window.setTimeout = ((handler: () => void, ms?: number) => {
    const id: number = realSetTimeout(() => {
      if (pending.delete(id)) live.timers--;
      handler();
    }, ms);
    pending.add(id);
    live.timers++;
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined && pending.delete(id)) live.timers--;
    realClearTimeout(id);
  }) as typeof window.clearTimeout;
  return () => Object.assign(window, { IntersectionObserver: RealObserver, addEventListener, removeEventListener, setTimeout: realSetTimeout, clearTimeout: realClearTimeout });
}
