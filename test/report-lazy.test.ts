// The report form is its own module, fetched the first time a reader heads for a Report
// button (that it is a separate file, not fetched with the thread, is checked on the built
// bundle in test/e2e/csp.test.ts). Its own test file, so the page has not loaded the form yet.
import { expect, nextFrame } from '@open-wc/testing';
import { formLoader } from '../src/kit.js';
import { loaderSeam, text, standIn } from './helpers.js';
import { findIn, inComment, press, reportBackend, reportButton, showThread, writes } from './report.helpers.js';

describe('the report form, loaded when first needed', () => {
  const realLoad = loaderSeam(formLoader);

  it('is fetched when the reader heads for Report, not with the thread; a failed fetch says so and Report tries again', async () => {
    const chunk = standIn(formLoader, realLoad, { failing: true });
    const backend = reportBackend();
    const el = await showThread(backend);
    expect(chunk.fetches, 'nothing fetched with the thread').to.equal(0);

    reportButton(el, 'c-2')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    expect(chunk.fetches, 'pointing at Report starts the fetch').to.equal(1);
    await nextFrame();

    // That fetch failed (no connection): pressing Report tries again, and says it could not.
    await press(reportButton(el)!);
    const notice = await findIn(el, 'c-1', 'notice');
    expect(text(notice)).to.equal(el.text.errorNetwork);
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(chunk.fetches, 'Report fetched the form again').to.equal(2);
    expect(writes(backend), 'no report was sent').to.have.length(0);

    chunk.failing = false;
    reportButton(el, 'c-2')!.focus(); // a keyboard reader reaching a Report button starts the fetch too
    expect(chunk.fetches, 'focus on Report fetched the form').to.equal(3);
    await press(reportButton(el)!); // closes the notice
    await press(reportButton(el)!);
    const form = await findIn(el, 'c-1', 'report-form');
    expect(inComment(el, 'c-1', '[part~="notice"]')).to.be.null;
    expect(getComputedStyle(form.querySelector('fieldset')!).borderTopStyle, "the form's own styles apply").to.equal('none');
    expect(form.querySelector('input[type="radio"]')!.getBoundingClientRect().width).to.equal(24);
    expect(chunk.fetches, 'once loaded, the form is not fetched again').to.equal(3);
    await expect(el).to.be.accessible();
  });
});
