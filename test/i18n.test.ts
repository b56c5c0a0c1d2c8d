import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { en as reading, type ParleyStrings } from '../src/i18n/en.js';
import { en } from './english.js';
import { loadStrings } from '../src/i18n/locales.js';
import type { ParleyComments } from '../src/parley-comments.js';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment, makeReply, makeThread, THREAD_ID } from './mocks/data.js';
import { findPart, part, parts, serveBackend, text, waitForComments } from './helpers.js';

/** Every language Parley ships besides English. */
const SHIPPED = ['fr', 'de', 'es', 'it', 'pt', 'nl', 'cy', 'ar'] as const;

/**
 * Strings that may read the same as the English, each with its reason. Kept small: every entry
 * must still equal the English, so a stale one fails too.
 */
const SAME_AS_ENGLISH: Record<string, string> = {
  'cy:badges.staff': '"Staff" is the Welsh word for newsroom staff (staff, aelod o staff).',
};

/** The keys whose functions take a number; every other function key takes names or dates. */
type NumericKey = { [K in keyof ParleyStrings]: ParleyStrings[K] extends (n: number) => string ? K : never }[keyof ParleyStrings];
const NUMERIC: readonly NumericKey[] =
  ['count', 'moreLoaded', 'repliesMore', 'repliesLoaded', 'errorRateLimited', 'charactersLeft', 'charactersOver',
    'newComments', 'newReplies', 'newCommentsArrived', 'recommendations', 'editTooLong'];
const NUMBERS = [0, 1, 2, 3, 11, 100, 1000.5];

type Leaf = string | ((...args: never[]) => string);

/** The strings object as dotted paths to strings and functions: `heading`, `badges.staff`, … */
function flatten(object: object, prefix = ''): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  for (const [key, value] of Object.entries(object)) {
    if (value && typeof value === 'object') for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) leaves.set(k, v);
    else leaves.set(`${prefix}${key}`, value as Leaf);
  }
  return leaves;
}

const call = (fn: Leaf, ...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args);

describe('languages: the strings', () => {
  const english = flatten(en);

  for (const code of SHIPPED) {
    describe(code, () => {
      let strings: ParleyStrings;
      let leaves: Map<string, Leaf>;
      before(async () => {
        strings = await loadStrings(code);
        leaves = flatten(strings);
      });

      it('loads on demand, for regional tags too', async () => {
        expect(strings, 'a locale file, not the English fallback').to.not.equal(reading);
        expect(await loadStrings(`${code}-XX`)).to.equal(strings);
      });

      it('has exactly the English keys, badges and reasons included, with the same kinds and parameters', () => {
        expect([...leaves.keys()].sort()).to.deep.equal([...english.keys()].sort());
        for (const [key, value] of english) {
          const translated = leaves.get(key)!;
          expect(typeof translated, key).to.equal(typeof value);
          if (typeof value === 'function') expect((translated as () => string).length, `${key} parameters`).to.equal(value.length);
        }
      });

      it('translates every text, save a short list of justified exceptions', () => {
        for (const [key, value] of leaves) {
          if (typeof value !== 'string') continue;
          expect(value, `${code}:${key} is empty or has spaces at an end`).to.match(/^\S(.*\S)?$/s);
          expect(value, `${code}:${key} left a placeholder`).not.to.match(/#|\$\{|undefined/);
          const allowed = `${code}:${key}` in SAME_AS_ENGLISH;
          if (allowed) expect(value, `${code}:${key} is allow-listed but no longer English`).to.equal(english.get(key));
          else expect(value, `${code}:${key} is still English`).not.to.equal(english.get(key));
        }
      });

      it('counts with its own plural rules and number format', () => {
        const rules = new Intl.PluralRules(code);
        const number = new Intl.NumberFormat(code);
        for (const key of NUMERIC) {
          for (const n of NUMBERS) {
            const phrase = strings[key](n);
            expect(phrase, `${code}:${key}(${n})`).to.be.a('string').and.not.equal('');
            expect(phrase, `${code}:${key}(${n})`).not.to.match(/#|NaN|undefined/);
            expect(phrase, `${code}:${key}(${n}) is still English`).not.to.equal(en[key](n));
            // "zero", "one" and "two" may say the number in words (Arabic "تعليق واحد"); the rest show it.
            if (!['zero', 'one', 'two'].includes(rules.select(n))) {
              expect(phrase, `${code}:${key}(${n}) shows ${number.format(n)}`).to.include(number.format(n));
            }
          }
        }
      });

      it('puts names and dates into its sentences', () => {
        for (const [key, value] of leaves) {
          if (typeof value !== 'function' || (NUMERIC as readonly string[]).includes(key)) continue;
          const args = ['Ann Hale', '27 Nov 2026'].slice(0, value.length);
          const phrase = String(call(value, ...args));
          for (const arg of args) expect(phrase, `${code}:${key} uses "${arg}"`).to.include(arg);
          expect(phrase, `${code}:${key}`).not.to.match(/NaN|undefined/);
          expect(phrase, `${code}:${key} is still English`).not.to.equal(call(english.get(key)!, ...args));
        }
      });
    });
  }

  it('keeps each button\'s visible text in its accessible name (WCAG 2.5.3 Label in Name)', async () => {
    const pairs = [['reply', 'replyTo'], ['report', 'reportComment'], ['reported', 'reportedComment']] as const;
    for (const code of ['en', ...SHIPPED]) {
      // English's posting text arrives with the posting chunk: take all of it from the test's copy.
      const strings = code === 'en' ? en : await loadStrings(code);
      for (const [visible, labelled] of pairs) {
        const label = strings[labelled]('Ann Hale');
        // Whole words, as axe's label-content-name-mismatch compares them: Arabic "رد" is not in "الرد".
        const word = new RegExp(`(^|[\\s\\p{P}])${strings[visible]}($|[\\s\\p{P}])`, 'iu');
        expect(word.test(label), `${code}: "${strings[visible]}" is in "${label}"`).to.be.true;
      }
    }
  });

  it('Arabic has all six plural forms and Welsh says "dim" for none', async () => {
    const ar = await loadStrings('ar');
    const digits = new Intl.NumberFormat('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => ar.count(n))).to.deep.equal([
      'لا تعليقات', 'تعليق واحد', 'تعليقان', `${digits.format(3)} تعليقات`, `${digits.format(11)} تعليقًا`, `${digits.format(100)} تعليق`,
    ]);
    const cy = await loadStrings('cy');
    expect([0, 1, 2, 3, 6, 20].map((n) => cy.count(n))).to.deep.equal(
      ['Dim sylwadau', '1 sylw', '2 sylw', '3 sylw', '6 sylw', '20 sylw']);
    const pt = await loadStrings('pt');
    expect([0, 1, 2].map((n) => pt.count(n)), 'Brazilian Portuguese: none takes the plural').to.deep.equal(
      ['0 comentários', '1 comentário', '2 comentários']);
    expect((await loadStrings('fr')).count(1000), 'French groups thousands').to.equal(`${new Intl.NumberFormat('fr').format(1000)} commentaires`);
  });

  it('English groups thousands as Intl does, in every count it shows', () => {
    const grouped = new Intl.NumberFormat('en');
    for (const n of [0, 2, 999, 1000, 1001, 12345, 100000, 1234567, 9007199254740991]) {
      expect(en.count(n)).to.equal(`${grouped.format(n)} comments`);
      expect(en.charactersLeft(n)).to.equal(`${grouped.format(n)} characters left`);
    }
    expect(en.repliesMore(2500)).to.equal('Show 2,500 more replies');
    expect(en.moreLoaded(1000)).to.equal('1,000 more comments loaded');
    expect(en.errorRateLimited(3600)).to.equal('Too many requests. Try again in 3,600 seconds.');
  });
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000 - 10_000).toISOString();

/** Three conversations (the newest with two replies) on a first page of two. */
function conversationBackend(): FakeBackend {
  const comments = [30, 20, 5].map((minutes, i) => makeComment(i + 1, { createdAt: minutesAgo(minutes) }));
  const replies = [makeReply('c-3', 4, { createdAt: minutesAgo(4) }), makeReply('c-3', 5, { createdAt: minutesAgo(3) })];
  return new FakeBackend({ comments, conversations: new Map([['c-3', replies]]), thread: makeThread({ commentCount: 5 }) });
}

/** The widget inside a page element carrying `lang`, as a publisher's `<html lang>` would. */
async function renderIn(lang: string, strings?: Partial<ParleyStrings>): Promise<ParleyComments> {
  const page = await fixture<HTMLElement>(html`<div lang=${lang}><parley-comments
    backend-url=${BASE} thread-id=${THREAD_ID} loading="eager" page-size="2" .strings=${strings}
  ></parley-comments></div>`);
  return page.querySelector('parley-comments')!;
}

const heading = (el: ParleyComments) => text(el.shadowRoot!.querySelector('h2'));

describe('languages: the widget', () => {
  it('shows no English on a German page while the German text loads, keeping the space the widget takes', async () => {
    await serveBackend(conversationBackend());
    const page = document.createElement('div');
    page.lang = 'de';
    page.innerHTML = `<parley-comments backend-url="${BASE}" thread-id="${THREAD_ID}" loading="eager" page-size="2"></parley-comments>`;
    const el = page.querySelector('parley-comments')!;
    const seen: { visible: boolean; english: string[]; height: number }[] = [];
    const english = [en.heading, en.sortNewest, en.loading, en.rulesBlurb, en.subscribePromptTitle];
    document.body.append(page);
    // Every state the reader could see: a snapshot after each render.
    new MutationObserver(() => {
      const section = el.shadowRoot!.querySelector('section')!;
      // The widget's own words (the comments are the readers', in any language).
      const own = [...section.querySelectorAll('header, .rules, [part~="subscribe-prompt"], [role="progressbar"]')]
        .map((node) => `${text(node)} ${node.getAttribute('aria-label') ?? ''}`).join(' ');
      seen.push({ visible: getComputedStyle(section).visibility !== 'hidden', english: english.filter((words) => own.includes(words)),
        height: section.getBoundingClientRect().height });
    }).observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    try {
      await waitForComments(el, 4);
      expect(heading(el)).to.equal('Kommentare');
      expect(seen[0]!.visible, 'the first render is hidden').to.be.false;
      expect(seen[0]!.height, 'but keeps its space (heading, rules, prompt, loading placeholder)').to.be.greaterThan(300);
      expect(seen.filter((state) => state.visible && state.english.length).map((state) => state.english), 'no English seen').to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-labelledby')).to.equal('heading');
    } finally {
      page.remove();
    }
  });

  it('swaps the text in place when the language changes after the thread is shown: the comments stay', async () => {
    await serveBackend(conversationBackend());
    const el = await renderIn('de');
    await waitForComments(el, 4);
    const first = parts(el, 'comment')[0]!;
    let hidden = false;
    let emptied = false;
    const watch = new MutationObserver(() => {
      hidden ||= getComputedStyle(el.shadowRoot!.querySelector('section')!).visibility === 'hidden';
      emptied ||= parts(el, 'comment').length === 0;
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    el.closest('div')!.lang = 'fr'; // the wrapper's, as a single-page site switching language would
    await waitUntil(() => heading(el) === 'Commentaires', `heading still "${heading(el)}"`);
    watch.disconnect();
    expect(hidden, 'never hidden again').to.be.false;
    expect(emptied, 'the comments never left').to.be.false;
    expect(parts(el, 'comment')[0] === first, 'the same comment elements').to.be.true;
  });

  it('speaks French under lang="fr": text, counts, relative times and full dates from Intl', async () => {
    await serveBackend(conversationBackend());
    const el = await renderIn('fr');
    await waitForComments(el, 4);
    await waitUntil(() => heading(el) === 'Commentaires', `heading still "${heading(el)}"`);
    expect(el.locale).to.equal('fr');
    expect(text(part(el, 'count'))).to.equal('5 commentaires');
    expect(text(el.shadowRoot!.querySelector('.sort'))).to.match(/^Trier/);
    expect(parts(el, 'sort')[0]!.querySelectorAll('option')[0]!.textContent).to.equal('Les plus récents');
    expect(parts(el, 'sort')[0]!.querySelectorAll('option')[1]!.textContent).to.equal('Les plus anciens');
    expect(text(await findPart(el, 'load-more'))).to.equal('Afficher plus de commentaires');
    expect(el.shadowRoot!.querySelector('.replies')!.getAttribute('aria-label')).to.equal('Réponses à Dev Patel');

    const time = parts(el, 'comment-time')[0]!;
    expect(text(time)).to.equal('il y a 5 minutes');
    const full = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(time.getAttribute('datetime')!));
    expect(time.title, 'the full date is made when the pointer comes to it').to.equal('');
    time.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    expect(time.title).to.equal(full);
    expect(time.title).to.match(/ (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4} à /);
    expect(parts(el, 'comment')[0]!.getAttribute('aria-label')).to.equal('Commentaire de Dev Patel, il y a 5 minutes');
    expect(el.shadowRoot!.querySelector('section')!.hasAttribute('dir'), 'French reads left to right').to.be.false;
    await expect(el).to.be.accessible();
  });

  it('uses the base language of a regional tag (fr-CA)', async () => {
    await serveBackend(conversationBackend());
    const el = await renderIn('fr-CA');
    await waitForComments(el, 4);
    await waitUntil(() => heading(el) === 'Commentaires', `heading still "${heading(el)}"`);
  });

  it('speaks Arabic under lang="ar" with the layout mirrored', async () => {
    await serveBackend(conversationBackend());
    const el = await renderIn('ar');
    await waitForComments(el, 4);
    await waitUntil(() => heading(el) === 'التعليقات', `heading still "${heading(el)}"`);
    expect(text(part(el, 'count'))).to.equal(`${new Intl.NumberFormat('ar').format(5)} تعليقات`);
    expect(text(await findPart(el, 'load-more'))).to.equal('عرض المزيد من التعليقات');

    const section = el.shadowRoot!.querySelector('section')!;
    expect(section.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(section).direction).to.equal('rtl');
    const replies = el.shadowRoot!.querySelector<HTMLElement>('.replies')!;
    const list = replies.getBoundingClientRect();
    const parent = replies.parentElement!.getBoundingClientRect();
    expect(list.right, 'replies indented from the right').to.be.below(parent.right - 8);
    expect(Math.abs(list.left - parent.left), 'and flush on the left').to.be.below(1);
    expect(getComputedStyle(replies).borderRightWidth, 'the thread line on the right').to.equal('2px');
    expect(getComputedStyle(replies).borderLeftWidth).to.equal('0px');
    // The header mirrors too: the sort control sits at the left end.
    const sort = el.shadowRoot!.querySelector('.sort')!.getBoundingClientRect();
    expect(sort.left - part(el, 'header')!.getBoundingClientRect().left).to.be.below(2);
    await expect(el).to.be.accessible();
  });

  it('indents replies from the left in a left-to-right language (the Arabic check can fail)', async () => {
    await serveBackend(conversationBackend());
    const el = await renderIn('en');
    await waitForComments(el, 4);
    const replies = el.shadowRoot!.querySelector<HTMLElement>('.replies')!;
    const list = replies.getBoundingClientRect();
    const parent = replies.parentElement!.getBoundingClientRect();
    expect(list.left).to.be.above(parent.left + 8);
    expect(getComputedStyle(replies).borderLeftWidth).to.equal('2px');
  });

  it('falls back to English for a language Parley does not ship (lang="ja"), without errors', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      await serveBackend(conversationBackend());
      const el = await renderIn('ja');
      await waitForComments(el, 4);
      await new Promise((resolve) => setTimeout(resolve, 50)); // a failed locale load would have settled
      expect(el.locale, 'the UI speaks English, dates included').to.equal('en');
      expect(text(part(el, 'comment-time'))).to.match(/ago|just now|yesterday/);
      expect(heading(el)).to.equal('Comments');
      expect(text(part(el, 'count'))).to.equal('5 comments');
      expect(text(await findPart(el, 'load-more'))).to.equal('Show more comments');
      expect(el.shadowRoot!.querySelector('section')!.hasAttribute('dir')).to.be.false;
      expect(errors).to.deep.equal([]);
    } finally {
      console.error = consoleError;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });

  it('lets the strings property override a key in French, the rest staying French', async () => {
    await serveBackend(conversationBackend());
    const el = await renderIn('fr', { loadMore: 'Lire la suite des commentaires' });
    await waitForComments(el, 4);
    await waitUntil(() => heading(el) === 'Commentaires', `heading still "${heading(el)}"`);
    expect(text(await findPart(el, 'load-more'))).to.equal('Lire la suite des commentaires');
    expect(text(part(el, 'count'))).to.equal('5 commentaires');

    el.strings = { heading: 'Vos réactions' };
    await el.updateComplete;
    expect(heading(el)).to.equal('Vos réactions');
    expect(text(part(el, 'load-more')), 'the earlier override is replaced, not merged').to.equal('Afficher plus de commentaires');
  });
});
