// While the report form's code is on its way (its first use on the page), the reader may press
// another Report, switch the sort, or start typing elsewhere: the form must follow the latest
// intent and never steal focus. Its own test file, so the page has not loaded the form yet.
import { expect, nextFrame } from '@open-wc/testing';
import { formLoader } from '../src/kit.js';
import { loaderSeam, standIn, type ChunkStandIn } from './helpers.js';
import { findIn, focused, inComment, press, reportBackend, reportButton, showThread, writes } from './report.helpers.js';

describe('the report form arriving late', () => {
  const realLoad = loaderSeam(formLoader);
  let chunk: ChunkStandIn;
  beforeEach(() => {
    // Each fetch of the form waits until the test lets it through.
    chunk = standIn(formLoader, realLoad, { holding: true });
  });

  it('opens under the last Report pressed, and only there; focus goes in only for the reader still at that button', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    await press(reportButton(el, 'c-1')!);
    await press(reportButton(el, 'c-2')!); // changed their mind before the form came
    const search = document.createElement('input'); // and went to type in the page's search box meanwhile
    search.setAttribute('aria-label', 'Search the site');
    document.body.prepend(search);
    search.focus();
    try {
      chunk.release();
      await findIn(el, 'c-2', 'report-form');
      await nextFrame();
      expect(document.activeElement === search, 'focus stays where the reader is typing').to.be.true;
    } finally {
      search.remove();
    }
    const form = inComment(el, 'c-2', '[part~="report-form"]')!;
    expect(inComment(el, 'c-1', '[part~="report-form"]'), 'not under the first').to.be.null;
    expect(focused(el), 'nothing in the widget took focus').to.be.null;
    expect(reportButton(el, 'c-2')!.getAttribute('aria-expanded')).to.equal('true');
    expect(reportButton(el, 'c-1')!.getAttribute('aria-expanded')).to.equal('false');
    expect(form.isConnected).to.be.true;
    expect(writes(backend)).to.have.length(0);
  });
});
