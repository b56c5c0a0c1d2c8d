// A signed-out reader and the report chunk: pointing at Report fetches nothing (their press goes
// to the page's sign-in first); a page that handles sign-in itself never costs them the chunk;
// a page that does not gets the widget's own "Sign in to continue" notice. Its own test file,
// so the page has not loaded the chunk yet.
import { expect, nextFrame } from '@open-wc/testing';
import { formLoader } from '../src/kit.js';
import { en } from './english.js';
import { loaderSeam, text } from './helpers.js';
import { findIn, press, reportBackend, reportButton, showThread } from './report.helpers.js';

describe('Report, signed out', () => {
  const realLoad = loaderSeam(formLoader);

  it('fetches the report chunk only when the page lets the widget ask the reader to sign in', async () => {
    let fetches = 0;
    formLoader.load = () => {
      fetches++;
      return realLoad();
    };
    const el = await showThread(reportBackend({ viewer: null }));
    el.strings = { heading: 'Readers’ views' }; // a publisher's override: the chunk's English must still show under it
    const button = reportButton(el, 'c-2')!;
    button.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    button.focus();
    expect(fetches, 'heading for Report fetched nothing').to.equal(0);

    // The page opens its own sign-in (a modal): the widget steps back.
    let asked = 0;
    const handle = (e: Event) => {
      asked++;
      e.preventDefault();
    };
    el.addEventListener('parley-sign-in', handle);
    await press(button);
    await nextFrame();
    expect(asked, 'the page was asked, in the click').to.equal(1);
    expect(fetches, 'and the widget fetched nothing').to.equal(0);
    el.removeEventListener('parley-sign-in', handle);

    // A page that lets it through: the widget says so itself, with its Sign in link.
    await press(button);
    const notice = await findIn(el, 'c-2', 'notice');
    expect(text(notice)).to.equal(`${en.signInToAct} ${en.signIn}`);
    expect(fetches).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
