import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { FakeBackend } from './mocks/backend.js';
import { BASE, errorBody, makeViewer } from './mocks/data.js';
import { nextEvent, part, parts, text } from './helpers.js';
import {
  expectFocus, findIn, inComment, note, openForm, press, reason, reportBackend, reportButton, sendReport, showThread,
  submitButton, writes,
} from './report.helpers.js';

const REPORTS = `${BASE}/comments/:id/reports`;
type ErrorDetail = { action: string; status: number; code: string };

/** Answers the next report (only that one, recorded) with `status` and the api-v1 error body for `code`. */
function failOnce(backend: FakeBackend, status: number, code: string, headers: Record<string, string> = {}) {
  return http.post(REPORTS, async ({ request }) => {
    await backend.record(request);
    return HttpResponse.json(errorBody(code), { status, headers });
  }, { once: true });
}

/** The error shown in the open report form or status. */
const formError = (el: Parameters<typeof part>[0]) => inComment(el, 'c-1', '.report [part~="error"]');

describe('report errors', () => {
  it('401: asks the page to sign the reader in, offers the link, and keeps the form', async () => {
    const backend = reportBackend();
    const el = await showThread(backend, failOnce(backend, 401, 'unauthenticated'));
    const signIn = nextEvent<{ url: string | null }>(el, 'parley-sign-in');
    const failed = nextEvent<ErrorDetail>(el, 'parley-error');
    const form = await sendReport(el, 'abusive', 'Threats');
    expect((await signIn).detail.url).to.equal('https://news.test/sign-in');
    expect((await failed).detail).to.deep.equal({ action: 'report', status: 401, code: 'unauthenticated' });
    await waitUntil(() => formError(el), 'the error shows in the form');
    const error = formError(el)!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.equal('Sign in to continue. Sign in');
    expect(error.querySelector<HTMLAnchorElement>('[part~="sign-in-link"]')!.href).to.equal('https://news.test/sign-in');
    expect(reason(form, 'abusive').checked).to.be.true;
    expect(note(form).value).to.equal('Threats');
    expect(backend.requestsTo('POST', 'comments/c-1/reports')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('401 with a page that handles sign-in itself: its link goes through parley-sign-in too', async () => {
    const backend = reportBackend();
    const el = await showThread(backend, failOnce(backend, 401, 'unauthenticated'));
    let events = 0;
    el.addEventListener('parley-sign-in', (e) => {
      events++;
      e.preventDefault();
    });
    await sendReport(el);
    await waitUntil(() => formError(el));
    expect(events, 'the 401 asks once').to.equal(1);
    const link = formError(el)!.querySelector<HTMLAnchorElement>('[part~="sign-in-link"]')!;
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    link.dispatchEvent(click);
    expect(events, 'the link asks again').to.equal(2);
    expect(click.defaultPrevented, 'the page keeps the reader where they are').to.be.true;
  });

  for (const [status, message] of [
    ['banned', 'Your account can no longer report comments.'],
    ['suspended', 'Your account cannot report comments for now.'],
  ] as const) {
    it(`403 ${status}: replaces the form with a notice and returns focus to the button`, async () => {
      const backend = reportBackend();
      const el = await showThread(backend);
      backend.state.viewer = makeViewer({ status, suspendedUntil: status === 'suspended' ? '2099-01-01T00:00:00Z' : null });
      const failed = nextEvent<ErrorDetail>(el, 'parley-error');
      await sendReport(el);
      const notice = await findIn(el, 'c-1', 'notice');
      expect(text(notice)).to.equal(message);
      expect(notice.getAttribute('role')).to.equal('alert');
      expect((await failed).detail).to.deep.equal({ action: 'report', status: 403, code: status });
      expect(parts(el, 'report-form').length).to.equal(0);
      expectFocus(el, reportButton(el));
      expect(text(reportButton(el))).to.equal('Report');
      expect(writes(backend)).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  }

  it('a viewer who is banned when the thread loads gets the notice at once, with no form and no request', async () => {
    const backend = reportBackend({ viewer: makeViewer({ status: 'banned' }) });
    const el = await showThread(backend);
    await press(reportButton(el)!);
    expect(text(await findIn(el, 'c-1', 'notice'))).to.equal('Your account can no longer report comments.');
    expect(parts(el, 'report-form').length).to.equal(0);
    expect(writes(backend)).to.have.length(0);
  });

  it('403 own_comment: says the reader cannot report their own comment; other comments stay reportable', async () => {
    const backend = reportBackend();
    const el = await showThread(backend, failOnce(backend, 403, 'own_comment'));
    await sendReport(el);
    expect(text(await findIn(el, 'c-1', 'notice'))).to.equal('You cannot report your own comment.');
    expectFocus(el, reportButton(el));
    const form = await openForm(el, 'c-2');
    expect(form.isConnected).to.be.true;
  });

  it('404: says the comment is gone', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    backend.state.comments[0]!.status = 'removed'; // a moderator acted after the page loaded
    const failed = nextEvent<ErrorDetail>(el, 'parley-error');
    await sendReport(el);
    expect(text(await findIn(el, 'c-1', 'notice'))).to.equal('This comment is no longer available.');
    expect((await failed).detail).to.deep.equal({ action: 'report', status: 404, code: 'comment_not_found' });
  });

  it('422 invalid_reason: shows the error at the reasons and moves focus there', async () => {
    const backend = reportBackend();
    const el = await showThread(backend, failOnce(backend, 422, 'invalid_reason'));
    const form = await sendReport(el, 'other', 'Context');
    await waitUntil(() => form.querySelector('fieldset #rp-error'), 'the error at the reasons');
    const error = form.querySelector('#rp-error')!;
    expect(text(error)).to.equal('The report could not be accepted. Check the reason and note.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(!!error.closest('fieldset'), 'inside the fieldset').to.be.true;
    expect(form.querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal('rp-error');
    expect(note(form).getAttribute('aria-invalid')).to.equal(null);
    expect(form.querySelectorAll('[part~="error"]').length, 'one message, at the field').to.equal(1);
    await waitUntil(() => el.shadowRoot!.activeElement === reason(form, 'other'), 'focus on the chosen reason');
    expect(note(form).value).to.equal('Context');
    await expect(el).to.be.accessible();
  });

  it('422 invalid_note: marks the note invalid, describes it with the error, and focuses it', async () => {
    const backend = reportBackend();
    const el = await showThread(backend, failOnce(backend, 422, 'invalid_note'));
    const form = await sendReport(el, 'spam', 'A note the backend refuses');
    await waitUntil(() => note(form).getAttribute('aria-invalid') === 'true', 'the note is marked invalid');
    const error = form.querySelector('#rp-error')!;
    expect(text(error)).to.equal('The report could not be accepted. Check the reason and note.');
    expect(error.previousElementSibling!.id, 'right under the note and its counter').to.equal('rp-count');
    expect(note(form).getAttribute('aria-describedby')!.split(/\s+/)).to.include.members(['rp-count', 'rp-error']);
    expect(form.querySelector('fieldset')!.hasAttribute('aria-describedby')).to.be.false;
    await waitUntil(() => el.shadowRoot!.activeElement === note(form), 'focus on the note');
    expect(reason(form, 'spam').checked).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('429: says how long to wait, holds sending until then, then sends', async () => {
    const backend = reportBackend();
    const el = await showThread(backend, failOnce(backend, 429, 'rate_limited', { 'Retry-After': '1' }));
    const form = await sendReport(el, 'spam');
    await waitUntil(() => formError(el));
    expect(text(formError(el))).to.equal('Your report was not sent. Too many requests. Try again in 1 second.');
    expect(submitButton(form).getAttribute('aria-disabled')).to.equal('true');
    await press(submitButton(form));
    expect(backend.requestsTo('POST', 'comments/c-1/reports')).to.have.length(1);
    await waitUntil(() => !formError(el), 'the wait is over', { timeout: 3000 });
    expect(submitButton(form).hasAttribute('aria-disabled')).to.be.false;
    await press(submitButton(form));
    await findIn(el, 'c-1', 'report-status');
    expect(backend.requestsTo('POST', 'comments/c-1/reports').map((r) => r.body)).to.deep.equal([{ reason: 'spam' }, { reason: 'spam' }]);
  });

  it('5xx: keeps the reason and note, and Send report retries with them', async () => {
    const backend = reportBackend();
    const el = await showThread(backend, failOnce(backend, 503, 'unavailable'));
    const failed = nextEvent<ErrorDetail>(el, 'parley-error');
    const form = await sendReport(el, 'offensive', 'Slur in the second line');
    await waitUntil(() => formError(el));
    expect(text(formError(el))).to.equal('Your report was not sent. The comment service is having trouble right now.');
    expect((await failed).detail).to.deep.equal({ action: 'report', status: 503, code: 'unavailable' });
    expect(reason(form, 'offensive').checked).to.be.true;
    expect(note(form).value).to.equal('Slur in the second line');
    expect(text(submitButton(form))).to.equal('Send report');
    expectFocus(el, submitButton(form), 'focus stays on Send report');
    await expect(el).to.be.accessible();
    await press(submitButton(form));
    await findIn(el, 'c-1', 'report-status');
    const bodies = backend.requestsTo('POST', 'comments/c-1/reports').map((r) => r.body);
    expect(bodies).to.deep.equal([
      { reason: 'offensive', note: 'Slur in the second line' },
      { reason: 'offensive', note: 'Slur in the second line' },
    ]);
  });

  it('network failure: says the service could not be reached and keeps the form', async () => {
    const backend = reportBackend();
    const el = await showThread(backend, http.post(REPORTS, async ({ request }) => {
      await backend.record(request);
      return HttpResponse.error();
    }, { once: true }));
    const form = await sendReport(el, 'off_topic', 'About football');
    await waitUntil(() => formError(el));
    expect(text(formError(el))).to.equal(
      'Your report was not sent. We could not reach the comment service. Check your connection and try again.');
    expect(reason(form, 'off_topic').checked).to.be.true;
    expect(note(form).value).to.equal('About football');
  });

  it('a failed Undo says so, keeps the report and lets the reader try again', async () => {
    const backend = reportBackend();
    const el = await showThread(backend, http.delete(`${BASE}/comments/:id/reports/mine`, async ({ request }) => {
      await backend.record(request);
      return HttpResponse.json(errorBody('internal'), { status: 500 });
    }, { once: true }));
    await sendReport(el);
    const status = await findIn(el, 'c-1', 'report-status');
    const failed = nextEvent<ErrorDetail>(el, 'parley-error');
    await press(status.querySelector('button')!);
    await waitUntil(() => formError(el), 'the Undo error');
    expect(text(formError(el))).to.equal('Your report was not withdrawn. The comment service is having trouble right now.');
    expect((await failed).detail).to.deep.equal({ action: 'withdraw-report', status: 500, code: 'internal' });
    expect(text(reportButton(el))).to.equal('Reported');
    await expect(el).to.be.accessible();
    await press(inComment(el, 'c-1', '[part~="report-status"] button')!);
    await waitUntil(() => text(reportButton(el)) === 'Report', 'the retry withdraws it');
    expect(backend.requestsTo('DELETE', 'comments/c-1/reports/mine')).to.have.length(2);
  });

  it('a reload of the thread drops the open form and takes the reported state from the backend again', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    await sendReport(el, 'spam');
    await findIn(el, 'c-1', 'report-status');
    backend.reports.clear(); // a moderator dismissed the reports meanwhile
    backend.state.comments[0]!.viewerReported = false;
    await openForm(el, 'c-2');
    await el.refresh();
    await waitUntil(() => parts(el, 'comment').length === 2 && text(reportButton(el)) === 'Report', 'fresh state after the reload');
    expect(parts(el, 'report-form').length).to.equal(0);
  });
});
