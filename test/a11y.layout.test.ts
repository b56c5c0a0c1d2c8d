/**
 * What the eye needs (WCAG 2.2 AA): structure and names (1.3.1, 4.1.2), one polite live region
 * for results and alerts for errors (4.1.3), contrast of text, control borders and the focus
 * ring in both default themes (1.4.3, 1.4.11), reflow at 320 px and at 200% text (1.4.10, 1.4.4),
 * text spacing (1.4.12) and reduced motion. (Label in Name, 2.5.3, in every language: i18n.test.ts.)
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { en } from './english.js';
import type { ParleyComments } from '../src/parley-comments.js';
import {
  a11yBackend, backgroundOf, contrast, controls, inComment, nameOf, over, press, ready, releaseHeld, rgba, sentinel, STATES, VARIANTS,
} from './a11y.helpers.js';
import { BASE, errorBody, makeViewer } from './mocks/data.js';
import { part, parts, text } from './helpers.js';

const [LIGHT, DARK, ARABIC] = VARIANTS as [typeof VARIANTS[0], typeof VARIANTS[0], typeof VARIANTS[0]];
const state = (name: string) => STATES.find((s) => s.name.startsWith(name))!;
const live = (el: ParleyComments) => el.shadowRoot!.querySelectorAll('[role="status"], [aria-live="polite"], output');

afterEach(releaseHeld);

describe('structure and names', () => {
  it('is a region labelled by its heading', async () => {
    const el = await state('subscriber').show(LIGHT);
    const section = el.shadowRoot!.querySelector('section')!;
    const heading = el.shadowRoot!.getElementById(section.getAttribute('aria-labelledby') ?? '');
    expect(heading?.localName, 'aria-labelledby names a heading').to.equal('h2');
    expect(text(heading)).to.equal('Comments');
  });

  it('lists comments as articles in ordered lists, each named with its author and time', async () => {
    const el = await state('replies loaded').show(LIGHT);
    const articles = parts(el, 'comment');
    expect(articles.length).to.be.greaterThan(3);
    for (const article of articles) {
      expect(article.localName).to.equal('article');
      const item = article.parentElement!;
      expect(item.localName, 'each comment is a list item').to.equal('li');
      let list = item.parentElement!;
      if (item.classList.contains('thread-item')) {
        // Top-level conversations sit in page groups (role=none), so each says listitem itself.
        expect(item.getAttribute('role'), 'a conversation is a list item').to.equal('listitem');
        expect([list.getAttribute('role'), list.parentElement!.getAttribute('role')], 'page groups are not announced').to.deep.equal(['none', 'none']);
        list = list.parentElement!.parentElement!;
      }
      expect(list.localName).to.equal('ol');
      expect(list.getAttribute('role'), 'role=list survives list-style: none in Safari').to.equal('list');
      const label = article.getAttribute('aria-label') ?? '';
      expect(label, 'author in the name').to.include(text(article.querySelector('[part~="comment-author"]')));
      expect(label, 'time in the name').to.include(text(article.querySelector('[part~="comment-time"]')));
    }
    const replies = el.shadowRoot!.querySelector('.replies')!;
    expect(replies.getAttribute('aria-label')).to.equal('Replies to Ann Hale');

    // What assistive technology is given: one list whose items are the conversations.
    type Node = { role: string; name?: string; children?: Node[] };
    const lists: Node[] = [];
    const walk = (node: Node) => {
      if (node.role === 'list') lists.push(node);
      node.children?.forEach(walk);
    };
    walk(await executeServerCommand<Node, undefined>('a11y-tree'));
    const conversations = el.shadowRoot!.querySelectorAll('.thread-item').length;
    const thread = lists.find((list) => !list.name);
    expect(thread?.children?.map((child) => child.role), 'the thread list holds one item per conversation')
      .to.deep.equal(Array(conversations).fill('listitem'));
  });
});

describe('live regions', () => {
  for (const s of STATES) {
    it(`has exactly one polite status region: ${s.name}`, async () => {
      const el = await s.show(LIGHT);
      const regions = [...live(el)];
      expect(regions.map(nameOf), 'polite live regions').to.have.length(1);
      expect(regions[0]!.getAttribute('aria-live')).to.equal('polite');
    });
  }

  it('says errors as alerts: loading, load-more, replies, posting', async () => {
    for (const name of ['error', 'load-more error']) {
      const el = await state(name).show(LIGHT);
      const error = [...parts(el, 'error')].pop()!;
      expect(error.closest('[role="alert"]'), `${name}: an alert`).to.exist;
      expect(error.closest('[role="status"]'), `${name}: not a status`).to.be.null;
    }
    const backend = a11yBackend(makeViewer());
    const el = await ready(LIGHT, backend,
      http.get(`${BASE}/comments/:id/replies`, () => HttpResponse.json(errorBody('internal'), { status: 500 })),
      http.post(`${BASE}/comments`, () => HttpResponse.json(errorBody('internal'), { status: 500 })));
    await press(part(el, 'replies-more'));
    await waitUntil(() => el.shadowRoot!.querySelector('.thread [part~="error"]'),
      `no replies error: ${backend.requests.map((r) => r.url.pathname).join()} ${text(el.shadowRoot!.querySelector('.thread'))}`, { timeout: 4000 });
    expect(el.shadowRoot!.querySelector('.thread [part~="error"]')!.closest('[role="alert"]')).to.exist;
    const field = part(el, 'composer-input') as HTMLTextAreaElement;
    field.focus();
    await sendKeys({ type: 'Hello' });
    await press(part(el, 'composer-submit'));
    await waitUntil(() => part(el, 'composer')!.querySelector('[part~="error"]'), 'no post error', { timeout: 4000 });
    expect(part(el, 'composer')!.querySelector('[part~="error"]')!.closest('[role="alert"]')).to.exist;
    expect(text(live(el)[0]!), 'the polite region stays quiet about errors').to.equal('');
  });

  it('announces results politely: more comments loaded, comment posted, report sent', async () => {
    const backend = a11yBackend(makeViewer());
    const el = await ready(LIGHT, backend);
    const region = () => text(live(el)[0]!);
    await press(part(el, 'load-more'));
    await waitUntil(() => region() === '1 more comment loaded', `says "${region()}"`, { timeout: 4000 });
    (part(el, 'composer-input') as HTMLTextAreaElement).focus();
    await sendKeys({ type: 'Hello' });
    await press(part(el, 'composer-submit'));
    await waitUntil(() => region() === 'Comment posted.', `says "${region()}"`, { timeout: 4000 });
    await press(inComment(el, 'c-3', '[part~="report-button"]'));
    await press(inComment(el, 'c-3', 'input[value="spam"]'));
    await press(inComment(el, 'c-3', '[part~="report-submit"]'));
    await waitUntil(() => region() === en.reportThanks, `says "${region()}"`, { timeout: 4000 });
    expect(live(el)).to.have.length(1);
  });
});

/** `color` as painted over what is behind `on`, against that. */
function paintedContrast(color: string, on: Element): number {
  const behind = backgroundOf(on);
  return contrast(over(rgba(color), behind), behind);
}

/** Text lighter than 4.5:1 (3:1 when large) against what is behind it. */
function lowContrastText(el: ParleyComments): string[] {
  const found: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    const ownText = [...node.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!ownText || !node.getClientRects().length || node.closest('.visually-hidden, :disabled, [aria-hidden="true"], option')) continue;
    const style = getComputedStyle(node);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const behind = backgroundOf(node);
    const ratio = contrast(over(rgba(style.color), behind), behind);
    if (ratio < (large ? 3 : 4.5)) found.push(`${nameOf(node)} ${style.color} ${ratio.toFixed(2)}:1`);
  }
  return found;
}

/** Bordered controls whose border is lighter than 3:1 against the background around them. */
function faintBorders(el: ParleyComments): string[] {
  return controls(el)
    .filter((node) => parseFloat(getComputedStyle(node).borderTopWidth) > 0 && !node.matches('[type="radio"]'))
    .map((node) => ({ node, ratio: paintedContrast(getComputedStyle(node).borderTopColor, node.parentElement!) }))
    .filter(({ ratio }) => ratio < 3)
    .map(({ node, ratio }) => `${nameOf(node)} border ${getComputedStyle(node).borderTopColor} ${ratio.toFixed(2)}:1`);
}

describe('contrast in the default colours', () => {
  for (const variant of [LIGHT, DARK]) {
    for (const name of ['signed out', 'subscriber', 'banned', 'own comment', 'report form', 'report confirmation', 'error', 'load-more error']) {
      it(`${variant.name}, ${name}: text ≥ 4.5:1, control borders ≥ 3:1`, async () => {
        const el = await state(name).show(variant);
        expect(lowContrastText(el), 'text').to.deep.equal([]);
        expect(faintBorders(el), 'control borders').to.deep.equal([]);
      });
    }

    it(`${variant.name}: placeholder text ≥ 4.5:1 and the focus ring ≥ 3:1 wherever it shows`, async () => {
      const el = await state('report form').show(variant);
      const field = part(el, 'composer-input')!;
      const placeholder = paintedContrast(getComputedStyle(field, '::placeholder').color, field);
      expect(placeholder, 'placeholder').to.be.at.least(4.5);
      sentinel('before').focus();
      const weak: string[] = [];
      for (let i = 0; i < 40; i++) {
        await sendKeys({ press: 'Tab' });
        if (document.activeElement !== el) break;
        const node = el.shadowRoot!.activeElement!;
        const ring = paintedContrast(getComputedStyle(node).outlineColor, node.parentElement!);
        if (ring < 3) weak.push(`${nameOf(node)} ${ring.toFixed(2)}:1`);
      }
      expect(weak, 'focus ring against its background').to.deep.equal([]);
    });
  }

  describe('theme="auto" follows the reader\'s dark preference with the same contrast', () => {
    afterEach(() => emulateMedia({ colorScheme: 'light' }));
    for (const name of ['subscriber', 'report form']) {
      it(name, async () => {
        await emulateMedia({ colorScheme: 'dark' });
        const el = await state(name).show({ name: 'auto', theme: 'auto' });
        expect(getComputedStyle(el).backgroundColor, 'the dark background').to.equal('rgb(22, 22, 22)');
        expect(lowContrastText(el), 'text').to.deep.equal([]);
        expect(faintBorders(el), 'control borders').to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    }
  });

  it('the measurement can fail: a publisher colour too light is caught', async () => {
    const el = await state('subscriber').show(LIGHT);
    el.style.setProperty('--parley-muted-color', '#aaaaaa');
    el.style.setProperty('--parley-border-color', '#dddddd');
    expect(lowContrastText(el).length).to.be.greaterThan(0);
    expect(faintBorders(el).length).to.be.greaterThan(0);
  });
});

/** Anything wider than the widget, sticking out of it, or clipped inside it. */
function overflow(el: ParleyComments): string[] {
  const found: string[] = [];
  const host = el.getBoundingClientRect();
  if (document.documentElement.scrollWidth > innerWidth) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${innerWidth})`);
  if (el.scrollWidth > el.clientWidth + 1) found.push(`the host scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
  if (host.right > innerWidth + 0.5) found.push(`the host is wider than the viewport (${host.right})`);
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    if (!node.getClientRects().length || node.closest('.visually-hidden, style, option')) continue;
    const box = node.getBoundingClientRect();
    if (box.left < host.left - 0.5 || box.right > host.right + 0.5) found.push(`${nameOf(node)} sticks out (${box.left.toFixed(0)}–${box.right.toFixed(0)} of ${host.left.toFixed(0)}–${host.right.toFixed(0)})`);
    if (node.clientWidth && node.scrollWidth > node.clientWidth + 1) found.push(`${nameOf(node)} overflows sideways (${node.scrollWidth} > ${node.clientWidth})`);
    const style = getComputedStyle(node);
    if (/hidden|clip/.test(style.overflow) && node.clientHeight && node.scrollHeight > node.clientHeight + 1) found.push(`${nameOf(node)} clips its content`);
  }
  return found;
}

describe('reflow (1.4.10) and resized text (1.4.4)', () => {
  afterEach(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });

  for (const s of STATES) {
    it(`at 320 CSS px nothing scrolls sideways or is clipped: ${s.name}`, async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await s.show(LIGHT);
      expect(overflow(el)).to.deep.equal([]);
    });

    it(`at 200% text in a 640 px viewport nothing scrolls sideways or is clipped: ${s.name}`, async () => {
      await setViewport({ width: 640, height: 800 });
      document.documentElement.style.fontSize = '200%';
      const el = await s.show(s.name === 'report form open' ? ARABIC : LIGHT);
      expect(parseFloat(getComputedStyle(el).fontSize), 'the text really is doubled').to.equal(32);
      expect(overflow(el)).to.deep.equal([]);
    });
  }

  it('the check can fail: a fixed-width child overflows', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await state('subscriber').show(LIGHT);
    part(el, 'composer-input')!.style.minWidth = '400px';
    expect(overflow(el).length).to.be.greaterThan(0);
  });
});

describe('text spacing (1.4.12)', () => {
  for (const name of ['subscriber', 'report form', 'signed out', 'error']) {
    it(`keeps everything in view with the WCAG spacing overrides: ${name}`, async () => {
      await setViewport({ width: 360, height: 640 });
      const el = await state(name).show(LIGHT);
      const spacing = new CSSStyleSheet();
      spacing.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }');
      el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, spacing];
      expect(overflow(el)).to.deep.equal([]);
      await setViewport({ width: 800, height: 600 });
    });
  }
});

describe('reduced motion', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('the loading placeholder pulses, unless the reader asks for reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const el = await state('loading').show(LIGHT);
    const line = el.shadowRoot!.querySelector('.skeleton-line')!;
    expect(getComputedStyle(line).animationName, 'animated by default').to.not.equal('none');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(line).animationName).to.equal('none');
    expect(el.shadowRoot!.getAnimations().filter((a) => a.playState === 'running')).to.have.length(0);
  });
});
