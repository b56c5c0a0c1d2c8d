// Runs inside the benchmark page (transpiled by bench/run.ts): times the built widget, and the
// same DOM built by plain createElement code from the same JSON, from insertion to the last
// comment laid out. Both take the widget's own style sheets so they lay out the same boxes.
export {};

interface Scenario {
  base: string;
  threadId: string;
  pageSize: number;
  /** Top-level comments to show before the clock stops. */
  target: number;
  /** The reader is a signed-in subscriber (token `bench-subscriber`): a comment form and Reply buttons. */
  subscriber: boolean;
  /** The baseline formats dates by hand, not with `Intl` (see `handDates`). */
  handDates: boolean;
  /**
   * The backend answers from memory at once: the page's `fetch` is answered from a map of
   * pre-serialised JSON (fetched from the bench backend before the clock starts), so neither
   * contender waits for a network; what is left is each one's own work.
   */
  instant: boolean;
}

const TOKEN = 'bench-subscriber';

export interface Measurement {
  /** From just before the element (or the baseline's host) is created to the forced layout after the last page. */
  ms: number;
  /**
   * From the same start to the end of the first frame produced after that layout: the screen
   * the reader sees. Each contender pays for painting what it shows, whether in one frame at the
   * end (the baseline) or in frames between chunks (the widget).
   */
  paintedMs: number;
  /** From the same start until the first comment is in the DOM (a page may arrive in chunks). */
  firstCommentMs: number;
  /** Durations of the `longtask` entries observed meanwhile (tasks over 50 ms). */
  longTasks: number[];
  /** Top-level comments shown. */
  comments: number;
  /** Elements in the shadow tree. */
  elements: number;
  /**
   * The `parley:*` user-timing marks (src/marks.ts), ms from the start: the first of each, and
   * the last for `last-comment` (load-more repeats them); also `done` (every comment in the
   * DOM, the forced layout begins) and `laid-out` (it ends).
   */
  marks: Record<string, number>;
}

interface BenchComment {
  id: string;
  author: { displayName: string; badges: string[] };
  body: string;
  createdAt: string;
  editedAt: string | null;
  replies: BenchComment[];
}

declare global {
  interface Window {
    parleyBench: { widget(s: Scenario): Promise<Measurement>; baseline(s: Scenario): Promise<Measurement> };
  }
}

const stage = document.getElementById('stage')!;
const TOP_LEVEL = '[part~="comment"][data-comment-id^="c-"]';
// User-timing marks bound the measured window in a trace as well as in the page.
const START = 'parley-bench-start';
/** All comments are in the DOM; what follows is the forced layout that stops the clock. */
const DONE = 'parley-bench-done';
const END = 'parley-bench-end';
/** The frame after END has been produced (style, layout and paint on the main thread). */
const PAINTED = 'parley-bench-painted';

/** Resolves once the next frame has been produced: a task queued from its animation-frame callbacks runs after its paint. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * What a reader does before pressing "Show more": scroll to the button. In its own task, so
 * the layout it forces is not counted in the widget's (or the baseline's) work.
 */
function scrollTo(button: HTMLElement): Promise<void> {
  return new Promise((resolve) => setTimeout(() => {
    button.scrollIntoView({ block: 'center' });
    resolve();
  }, 0));
}

/** Resolves with the time from `start` at which a comment first appears under `root`. */
function watchFirstComment(root: ShadowRoot, start: number): Promise<number> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!root.querySelector('[part~="comment"]')) return;
      observer.disconnect();
      resolve(performance.now() - start);
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

function watchLongTasks(): () => Promise<number[]> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => durations.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0)); // the last task's entry is queued after it ends
    durations.push(...observer.takeRecords().map((e) => e.duration));
    observer.disconnect();
    return durations;
  };
}

/** The page's own fetch, before an instant scenario stands in its own. */
const networkFetch = window.fetch.bind(window);

/** The backend's answers, pre-serialised, by request: path and query with the parameters sorted. */
function requestKey(url: URL): string {
  const params = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url.origin}${url.pathname}?${new URLSearchParams(params).toString()}`;
}

/** The address of a page of the scenario's thread, as the widget asks for it. */
function pageUrl(s: Scenario, cursor: string | null): URL {
  const url = new URL(`${s.base}/comments`);
  url.searchParams.set('thread', s.threadId);
  url.searchParams.set('sort', 'newest');
  url.searchParams.set('limit', String(s.pageSize));
  if (cursor) url.searchParams.set('cursor', cursor);
  return url;
}

/**
 * For an instant scenario, before the clock: fetches every page the scenario will show from
 * the bench backend (following its cursors), keeps each answer's text, and answers the page's
 * `fetch` for those URLs from memory (a new `Response` over the same string, no network, no
 * delay). Any other request to the backend fails loudly, so a scenario never half-waits on it.
 */
async function answerFromMemory(s: Scenario): Promise<void> {
  window.fetch = networkFetch;
  if (!s.instant) return;
  // Encoded once, before the clock: each answer is then a copy of bytes, not a re-encoding of 100 KB of text.
  const answers = new Map<string, Uint8Array<ArrayBuffer>>();
  let cursor: string | null = null;
  let shown = 0;
  do {
    const url = pageUrl(s, cursor);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (s.subscriber) headers.Authorization = `Bearer ${TOKEN}`;
    const text = await (await networkFetch(url, { credentials: 'include', headers })).text();
    answers.set(requestKey(url), new TextEncoder().encode(text));
    const page = JSON.parse(text) as { comments: unknown[]; nextCursor: string | null };
    shown += page.comments.length;
    cursor = page.nextCursor;
  } while (shown < s.target && cursor);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!url.href.startsWith(s.base)) return networkFetch(input, init);
    const bytes = answers.get(requestKey(url));
    if (bytes === undefined) return Promise.reject(new Error(`bench: no instant answer for ${url.href}`));
    return Promise.resolve(new Response(bytes, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } }));
  };
}

/** The `parley:*` marks since `start`, and the end of the forced layout. */
function readMarks(start: number): Record<string, number> {
  const marks: Record<string, number> = {};
  for (const entry of performance.getEntriesByType('mark')) {
    if (entry.startTime < start) continue;
    const name = entry.name === DONE ? 'done' : entry.name === END ? 'laid-out' : entry.name.startsWith('parley:') ? entry.name.slice(7) : '';
    if (name && (!(name in marks) || name === 'last-comment')) marks[name] = entry.startTime - start;
  }
  return marks;
}

async function widget(s: Scenario): Promise<Measurement> {
  await answerFromMemory(s);
  const stopWatching = watchLongTasks();
  const start = performance.mark(START).startTime;
  const el = document.createElement('parley-comments');
  el.setAttribute('backend-url', s.base);
  el.setAttribute('thread-id', s.threadId);
  el.setAttribute('page-size', String(s.pageSize));
  el.setAttribute('loading', 'eager');
  if (s.subscriber) (el as HTMLElement & { getAuthToken?: () => string }).getAuthToken = () => TOKEN;
  let pages = 0;
  const done = new Promise<void>((resolve, reject) => {
    el.addEventListener('parley-error', (event) => reject(new Error(`parley-error ${JSON.stringify((event as CustomEvent).detail)}`)));
    el.addEventListener('parley-load', () => {
      // Full pages until the target (checked after the clock stops): counting the DOM here would
      // add a query over thousands of nodes per page to the widget's time.
      const shown = ++pages * s.pageSize;
      if (shown >= s.target) return resolve();
      const more = el.shadowRoot!.querySelector<HTMLElement>('[part~="load-more"]');
      if (!more) return reject(new Error(`no load-more button after ${shown} comments`));
      void scrollTo(more).then(() => more.click());
    });
  });
  stage.append(el);
  const firstComment = watchFirstComment(el.shadowRoot!, start);
  await done;
  performance.mark(DONE);
  el.getBoundingClientRect(); // style and layout now, inside the measured time
  const ms = performance.mark(END).startTime - start;
  await nextFrame();
  const paintedMs = performance.mark(PAINTED).startTime - start;
  return {
    ms,
    paintedMs,
    firstCommentMs: await firstComment,
    longTasks: await stopWatching(),
    comments: el.shadowRoot!.querySelectorAll(TOP_LEVEL).length,
    elements: el.shadowRoot!.querySelectorAll('*').length,
    marks: readMarks(start),
  };
}

// ---- the baseline: what a careful hand-written renderer does with the same JSON ----

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// Made on first use inside the measured time, as the widget makes its own: a formatter made
// when the page loads would move its cost (locale data loading) out of the baseline's clock.
let relative: Intl.RelativeTimeFormat;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31536000], ['month', 2592000], ['week', 604800],
  ['day', 86400], ['hour', 3600], ['minute', 60]];
/**
 * The baseline's dates: `Intl`, as careful code writes them (the default), or, with
 * `handDates` (BENCH_BASELINE_DATES=hand), English words made by hand as the widget makes
 * them for an English page since issue 19: then neither contender pays for the page's first
 * `Intl` object (30–40 ms of ICU locale data here), and the ratio compares rendering alone.
 */
function handAgo(value: number, unit: string): string {
  const n = Math.abs(value);
  if (n === 1 && unit !== 'hour' && unit !== 'minute') return unit === 'day' ? (value < 0 ? 'yesterday' : 'tomorrow') : `${value < 0 ? 'last' : 'next'} ${unit}`;
  return value < 0 ? `${n} ${unit}${n === 1 ? '' : 's'} ago` : `in ${n} ${unit}${n === 1 ? '' : 's'}`;
}
let handDates = false;

function ago(iso: string, now: number): string {
  if (!handDates) relative ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return handDates ? handAgo(Math.trunc(seconds / size), unit) : relative.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

function body(text: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  let last = 0;
  for (const match of text.matchAll(/\bhttps?:\/\/[^\s<>"]+/gi)) {
    out.push(text.slice(last, match.index));
    out.push(h('a', { href: new URL(match[0]).href, rel: 'nofollow ugc noopener' }, match[0]));
    last = match.index + match[0].length;
  }
  out.push(text.slice(last));
  return out;
}

function article(c: BenchComment, now: number, subscriber: boolean): HTMLElement {
  const when = ago(c.createdAt, now);
  const meta = h('div', { class: 'meta' }, h('span', { part: 'comment-author', class: 'author' }, c.author.displayName),
    ...c.author.badges.map((b) => h('span', { part: 'badge', class: 'badge' }, b === 'subscriber' ? 'Subscriber' : b)),
    // The time is the comment's link; its tooltip (the full date), as the widget's, is made on hover.
    h('a', { part: 'comment-link', class: 'permalink', href: `#comment-${encodeURIComponent(c.id)}` },
      h('time', { part: 'comment-time', datetime: c.createdAt }, when)));
  if (c.editedAt) meta.append(h('time', { class: 'edited', datetime: c.editedAt }, 'edited'));
  return h('article', { part: 'comment', class: 'comment', 'data-comment-id': c.id, 'aria-label': `Comment by ${c.author.displayName}, ${when}` },
    meta,
    h('p', { part: 'comment-body', class: 'body' }, ...body(c.body)),
    h('div', { class: 'actions' }, ...(subscriber ? [h('button', { part: 'reply-button', class: 'link-button', type: 'button',
      'aria-label': `Reply to ${c.author.displayName}`, 'aria-expanded': 'false' }, 'Reply')] : []),
    h('button', { part: 'report-button', class: 'link-button', type: 'button',
      'aria-label': `Report comment by ${c.author.displayName}`, 'aria-expanded': 'false' }, 'Report')));
}

function conversation(c: BenchComment, now: number, subscriber: boolean): HTMLElement {
  const item = h('li', { class: 'thread-item' }, article(c, now, subscriber));
  if (c.replies.length) {
    item.append(h('ol', { class: 'replies', role: 'list', 'aria-label': `Replies to ${c.author.displayName}` },
      ...c.replies.map((r) => h('li', {}, article(r, now, subscriber)))));
  }
  return item;
}

/**
 * The widget's own style sheets: the bundle's and, made before the clock starts, the thread
 * view's (the widget adopts it when its chunk arrives; its rules lay out the list, including
 * `content-visibility`, so the baseline must have them too).
 */
async function widgetSheets(): Promise<CSSStyleSheet[]> {
  const widgetClass = customElements.get('parley-comments') as unknown as { elementStyles: { styleSheet?: CSSStyleSheet }[] };
  const { viewStyles } = (await import(new URL('/parley-thread-view.js', location.href).href)) as
    { viewStyles(css: (strings: TemplateStringsArray) => string): string };
  const view = new CSSStyleSheet();
  view.replaceSync(viewStyles((strings) => strings.join('')));
  return [...widgetClass.elementStyles.map((style) => style.styleSheet!), view];
}

async function baseline(s: Scenario): Promise<Measurement> {
  const sheets = await widgetSheets();
  await answerFromMemory(s);
  handDates = s.handDates;
  const stopWatching = watchLongTasks();
  const start = performance.mark(START).startTime;
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  const list = h('ol', { class: 'thread', role: 'list' });
  const more = h('button', { part: 'load-more', class: 'more', type: 'button' }, 'Show more comments');
  const count = h('span', { part: 'count' });
  root.append(h('section', { 'aria-labelledby': 'heading' },
    h('header', { part: 'header' }, h('h2', { id: 'heading', tabindex: '-1' }, 'Comments'), count,
      h('label', { class: 'sort' }, 'Sort', h('select', { part: 'sort' }, h('option', { value: 'newest' }, 'Newest first'),
        h('option', { value: 'oldest' }, 'Oldest first')))),
    h('div', { class: 'rules' }, 'Comments are a place for lively, respectful debate.'),
    s.subscriber
      // The comment form (the widget's own rules for it arrive with its chunk; these are the bundle's).
      ? h('form', { part: 'composer', class: 'composer' }, h('label', { for: 'composer-input' }, 'Your comment'),
        h('textarea', { part: 'composer-input', id: 'composer-input', placeholder: 'Share your view', 'aria-invalid': 'false',
          'aria-describedby': 'composer-count composer-error' }),
        h('div', { class: 'row' }, h('span', { id: 'composer-count' }, '1,500 characters left'),
          h('span', { class: 'hint' }, 'Ctrl+Enter to post'),
          h('button', { part: 'composer-submit', class: 'primary', disabled: '', 'aria-disabled': 'false' }, 'Post comment')),
        h('div', { id: 'composer-error', role: 'alert' }))
      : h('div', { part: 'subscribe-prompt', class: 'prompt' }, h('h3', {}, 'Join the conversation'),
        h('div', {}, 'Commenting is open to subscribers.'), h('p', { class: 'links' },
          h('a', { part: 'subscribe-link', class: 'button primary', href: '#' }, 'Subscribe'),
          h('a', { part: 'sign-in-link', class: 'button', href: '#' }, 'Sign in'))),
    list, more));
  stage.append(host);
  const firstComment = watchFirstComment(root, start);
  let cursor: string | null = null;
  let shown = 0;
  do {
    const url = pageUrl(s, cursor);
    if (cursor) {
      await scrollTo(more); // as the widget's reader does before each "Show more"
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (s.subscriber) headers.Authorization = `Bearer ${TOKEN}`;
    const response = await fetch(url, { credentials: 'include', headers });
    if (!response.ok) throw new Error(`baseline: HTTP ${response.status}`);
    const page = (await response.json()) as { thread: { commentCount: number }; comments: BenchComment[]; nextCursor: string | null };
    if (!cursor) performance.mark('parley:thread-decoded'); // parsed, not checked: the baseline trusts its backend
    const now = Date.now();
    const fragment = document.createDocumentFragment();
    for (const c of page.comments) fragment.append(conversation(c, now, s.subscriber));
    list.append(fragment);
    if (!cursor) performance.mark('parley:first-comment');
    performance.mark('parley:last-comment');
    // (By hand, its grouping too, as the widget's English: `toLocaleString` would make the page's first Intl object.)
    count.textContent = `${handDates ? String(page.thread.commentCount).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : page.thread.commentCount.toLocaleString('en')} comments`;
    shown += page.comments.length;
    cursor = page.nextCursor;
    more.hidden = !cursor;
  } while (shown < s.target && cursor);
  performance.mark(DONE);
  host.getBoundingClientRect();
  const ms = performance.mark(END).startTime - start;
  await nextFrame();
  const paintedMs = performance.mark(PAINTED).startTime - start;
  return { ms, paintedMs, firstCommentMs: await firstComment, longTasks: await stopWatching(), comments: root.querySelectorAll(TOP_LEVEL).length,
    elements: root.querySelectorAll('*').length, marks: readMarks(start) };
}

window.parleyBench = { widget, baseline };
