// The report form's code arrives (its first use on the page) after the thread was reloaded:
// it must not open on the new thread. Its own test file, so the page has not loaded the form yet.
import { expect, nextFrame } from '@open-wc/testing';
import { formLoader } from '../src/kit.js';
import { loaderSeam, part, standIn } from './helpers.js';
import { findIn, press, reportBackend, reportButton, showThread } from './report.helpers.js';

describe('the report form arriving after a reload', () => {
  const realLoad = loaderSeam(formLoader);

  it('does not open on a thread that was reloaded meanwhile', async () => {
    const chunk = standIn(formLoader, realLoad, { holding: true });
    const el = await showThread(reportBackend());
    await press(reportButton(el, 'c-1')!);
    el.sort = 'oldest'; // the thread reloads
    await findIn(el, 'c-1', 'report-button');
    chunk.release();
    for (let i = 0; i < 5; i++) await nextFrame();
    expect(part(el, 'report-form'), 'no form opened on the reloaded thread').to.be.null;
    expect(reportButton(el, 'c-1')!.getAttribute('aria-expanded')).to.equal('false');
  });
});
