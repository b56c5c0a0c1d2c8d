// The report form is its own module, fetched the first time a reader heads for a Report
// button. Its own test file, so the page has not loaded the module before this test.
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { text } from './helpers.js';
import { findIn, inComment, press, reportBackend, reportButton, showThread, writes } from './report.helpers.js';

const FORM_MODULE = /\/src\/components\/report-form\.(js|ts)(\?|$)/;

describe('the report form, loaded when first needed', () => {
  it('is fetched when the reader heads for Report, not with the thread; a failed fetch says so and Report tries again', async () => {
    const backend = reportBackend();
    const requested: string[] = [];
    let failing = true;
    const el = await showThread(backend, http.get(FORM_MODULE, ({ request }) => {
      requested.push(new URL(request.url).pathname);
      return failing ? HttpResponse.error() : passthrough();
    }));
    expect(requested, 'nothing fetched with the thread').to.deep.equal([]);

    reportButton(el, 'c-2')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await waitUntil(() => requested.length === 1, 'pointing at Report fetched nothing', { timeout: 4000 });

    // The fetch failed (no connection): pressing Report tries again, and says it could not.
    await press(reportButton(el)!);
    const notice = await findIn(el, 'c-1', 'notice');
    expect(text(notice)).to.equal(el.text.errorNetwork);
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(requested.length, 'Report fetched the form again').to.equal(2);
    expect(writes(backend), 'no report was sent').to.have.length(0);

    failing = false;
    await press(reportButton(el)!); // closes the notice
    await press(reportButton(el)!);
    const form = await findIn(el, 'c-1', 'report-form');
    expect(inComment(el, 'c-1', '[part~="notice"]')).to.be.null;
    expect(getComputedStyle(form.querySelector('fieldset')!).borderTopStyle, "the form's own styles apply").to.equal('none');
    expect(form.querySelector('input[type="radio"]')!.getBoundingClientRect().width).to.equal(24);
    await expect(el).to.be.accessible();
  });
});
