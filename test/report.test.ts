import { expect, waitUntil } from '@open-wc/testing';
import { delay, http } from 'msw';
import { FakeBackend } from './mocks/backend.js';
import { BASE, makeComment, makeReply, makeViewer } from './mocks/data.js';
import { nextEvent, part, parts, text } from './helpers.js';
import {
  ANN, BOB, expectFocus, findIn, focused, inComment, key, liveRegion, note, openForm, press, reason, reportBackend, reportButton,
  sendReport, showThread, submitButton, type, writes,
} from './report.helpers.js';

describe('report button', () => {
  it('is on every published comment by someone else, named after its author, and on no own, pending or removed one', async () => {
    const viewer = makeViewer();
    const own = { id: viewer.id, displayName: viewer.displayName, badges: [] };
    const backend = new FakeBackend({
      viewer,
      comments: [
        makeComment(1, { author: ANN }),
        makeComment(2, { author: own }),
        makeComment(3, { author: own, status: 'pending' }),
        makeComment(4, { status: 'removed', body: '' }),
      ],
      conversations: new Map([['c-1', [makeReply('c-1', 5, { author: BOB }), makeReply('c-1', 6, { author: own })]]]),
    });
    const el = await showThread(backend);
    const buttons = parts(el, 'report-button');
    expect(buttons.map((b) => b.closest('[part~="comment"]')!.getAttribute('data-comment-id'))).to.deep.equal(['c-1', 'c-1-r5']);
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Report comment by Ann Hale', 'Report comment by Bob Okafor']);
    expect(buttons.map(text)).to.deep.equal(['Report', 'Report']);
    expect(!!buttons[0]!.closest('.actions'), 'in the actions row').to.be.true;
    expect(buttons[0]!.getAttribute('aria-expanded')).to.equal('false');
    expect(buttons[0]!.getBoundingClientRect().height).to.be.at.least(24);
    await expect(el).to.be.accessible();
  });

  it('keeps a hostile author name as text', async () => {
    const name = '<img src=x onerror="window.__parleyPwned=1">';
    const el = await showThread(new FakeBackend({
      viewer: makeViewer(),
      comments: [makeComment(1, { author: { id: 'u-x', displayName: name, badges: [] } })],
    }));
    expect(reportButton(el)!.getAttribute('aria-label')).to.equal(`Report comment by ${name}`);
    await openForm(el);
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect((window as { __parleyPwned?: number }).__parleyPwned).to.be.undefined;
  });
});

describe('report form', () => {
  it('opens inline under the comment with focus on the first reason, and offers the API reasons', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    const form = await openForm(el);
    expect(form.closest('[data-comment-id]')!.getAttribute('data-comment-id')).to.equal('c-1');
    expect(reportButton(el)!.getAttribute('aria-expanded')).to.equal('true');
    expectFocus(el, reason(form, 'offensive'));
    expect(text(form.querySelector('h3'))).to.equal('Report this comment');
    expect(text(form.querySelector('fieldset > legend'))).to.equal('Why are you reporting it?');
    const radios = [...form.querySelectorAll<HTMLInputElement>('fieldset input[type="radio"]')];
    expect(radios.map((r) => r.value)).to.deep.equal(['offensive', 'abusive', 'spam', 'off_topic', 'other']);
    expect(radios.map((r) => text(r.closest('label')))).to.deep.equal([
      'Offensive or hateful', 'Abusive or harassing', 'Spam or advertising', 'Off topic', 'Something else',
    ]);
    expect(radios.some((r) => r.checked), 'no reason chosen for the reader').to.be.false;
    expect(note(form).labels![0]!.textContent).to.equal('Anything a moderator should know? (optional)');
    expect(note(form).maxLength).to.equal(500);
    expect(text(form.querySelector('#rp-count'))).to.equal('500 characters left');
    expect(submitButton(form).disabled, 'disabled until a reason is chosen').to.be.true;
    expect(text(part(el, 'report-cancel'))).to.equal('Cancel');
    await expect(el).to.be.accessible();

    await press(reason(form, 'abusive').closest('label')!);
    expect(reason(form, 'abusive').checked).to.be.true;
    expect(submitButton(form).disabled).to.be.false;
    note(form).focus();
    await type('Personal attack');
    expect(text(form.querySelector('#rp-count'))).to.equal('485 characters left');
    await expect(el).to.be.accessible();
    expect(writes(backend)).to.be.empty;
  });

  it('is open under one comment at a time', async () => {
    const el = await showThread(reportBackend());
    await openForm(el, 'c-1');
    const second = await openForm(el, 'c-2');
    expect(parts(el, 'report-form').length).to.equal(1);
    expect(part(el, 'report-form') === second).to.be.true;
    expect(second.closest('[data-comment-id]')!.getAttribute('data-comment-id')).to.equal('c-2');
    expect(reportButton(el, 'c-1')!.getAttribute('aria-expanded')).to.equal('false');
    expectFocus(el, reason(second, 'offensive'));
  });

  it('Cancel closes it without a request, returns focus to the button, and forgets the choice', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    const form = await openForm(el);
    await press(reason(form, 'spam').closest('label')!);
    note(form).focus();
    await type('Buy now');
    await press(part(el, 'report-cancel')!);
    await waitUntil(() => !part(el, 'report-form'), 'the form closes');
    expectFocus(el, reportButton(el));
    expect(reportButton(el)!.getAttribute('aria-expanded')).to.equal('false');
    expect(writes(backend)).to.be.empty;
    const again = await openForm(el);
    expect(reason(again, 'spam').checked).to.be.false;
    expect(note(again).value).to.equal('');
  });

  it('Escape closes it from the note without a request and returns focus to the button', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    const form = await openForm(el, 'c-2');
    await key('ArrowDown');
    await key('Tab');
    expectFocus(el, note(form));
    await type('Hmm');
    await key('Escape');
    await waitUntil(() => !part(el, 'report-form'), 'Escape closes the form');
    expectFocus(el, reportButton(el, 'c-2'));
    expect(writes(backend)).to.be.empty;
  });

  it('pressing Report again closes it, like Cancel', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    await openForm(el);
    await press(reportButton(el)!);
    await waitUntil(() => !part(el, 'report-form'));
    expect(writes(backend)).to.be.empty;
  });
});

describe('sending a report', () => {
  it('sends exactly one POST with the reason and note, shows a busy state, then thanks the reader with Undo', async () => {
    const backend = reportBackend();
    const el = await showThread(backend, http.post(`${BASE}/comments/:id/reports`, async () => {
      await delay(300);
      return undefined; // then the fake backend answers
    }));
    const reported = nextEvent<{ commentId: string; reason: string }>(el, 'parley-reported');
    const form = await sendReport(el, 'spam', 'Links to a <b>casino</b>');
    const submit = submitButton(form);
    expect(text(submit)).to.equal('Sending…');
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    await press(submit); // an impatient second click
    await key('Enter');

    const status = await findIn(el, 'c-1', 'report-status');
    expect(text(status)).to.equal('Thank you. A moderator will review this comment. Undo');
    const posts = backend.requestsTo('POST', 'comments/c-1/reports');
    expect(posts).to.have.length(1);
    expect(posts[0]!.body).to.deep.equal({ reason: 'spam', note: 'Links to a <b>casino</b>' });
    expect(writes(backend)).to.have.length(1);
    expect(backend.reports.get('c-1')).to.deep.equal({ reason: 'spam', note: 'Links to a <b>casino</b>' });
    expect((await reported).detail).to.deep.equal({ commentId: 'c-1', reason: 'spam' });
    expect(parts(el, 'report-form').length, 'no report form').to.equal(0);
    const button = reportButton(el)!;
    expect(text(button)).to.equal('Reported');
    expect(button.getAttribute('aria-label')).to.equal('You reported the comment by Ann Hale');
    expectFocus(el, button, 'focus returns to the button');
    expect(liveRegion(el)).to.equal('Thank you. A moderator will review this comment.');
    expect(text(reportButton(el, 'c-2'))).to.equal('Report');
    await expect(el).to.be.accessible();
  });

  it('sends only the reason when the note is left empty or blank', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    await sendReport(el, 'off_topic', '   ');
    await findIn(el, 'c-1', 'report-status');
    expect(backend.requestsTo('POST', 'comments/c-1/reports').map((r) => r.body)).to.deep.equal([{ reason: 'off_topic' }]);
  });

  it('Undo withdraws the report with one DELETE and restores the button', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    await sendReport(el, 'abusive');
    const status = await findIn(el, 'c-1', 'report-status');
    const withdrawn = nextEvent<{ commentId: string }>(el, 'parley-report-withdrawn');
    await press(status.querySelector('button')!);
    await waitUntil(() => !part(el, 'report-status'), 'the confirmation goes away');
    expect(backend.requestsTo('DELETE', 'comments/c-1/reports/mine')).to.have.length(1);
    expect(backend.reports.size).to.equal(0);
    expect((await withdrawn).detail).to.deep.equal({ commentId: 'c-1' });
    expect(text(reportButton(el))).to.equal('Report');
    expect(reportButton(el)!.getAttribute('aria-label')).to.equal('Report comment by Ann Hale');
    expectFocus(el, reportButton(el));
    expect(liveRegion(el)).to.equal('Your report was withdrawn.');
    await expect(el).to.be.accessible();
  });

  it('shows the reported state from the thread data, and offers Undo from it without a new report', async () => {
    const backend = reportBackend();
    backend.state.comments[1]!.viewerReported = true;
    backend.reports.set('c-2', { reason: 'spam', note: null });
    const el = await showThread(backend);
    const button = reportButton(el, 'c-2')!;
    expect(text(button)).to.equal('Reported');
    expect(button.getAttribute('aria-label')).to.equal('You reported the comment by Bob Okafor');
    expect(text(reportButton(el, 'c-1'))).to.equal('Report');
    await press(button);
    const status = await findIn(el, 'c-2', 'report-status');
    expect(text(status)).to.equal('Thank you. A moderator will review this comment. Undo');
    expect(parts(el, 'report-form').length, 'no report form').to.equal(0);
    await expect(el).to.be.accessible();
    await press(status.querySelector('button')!);
    await waitUntil(() => text(reportButton(el, 'c-2')) === 'Report');
    expect(writes(backend).map((r) => `${r.method} ${r.url.pathname}`)).to.deep.equal(['DELETE /api/v1/comments/c-2/reports/mine']);
  });

  it('treats the idempotent 200 of a repeat as accepted, with the reason the backend holds', async () => {
    const backend = reportBackend();
    backend.reports.set('c-1', { reason: 'offensive', note: null }); // reported from another tab
    const el = await showThread(backend);
    const reported = nextEvent<{ commentId: string; reason: string }>(el, 'parley-reported');
    await sendReport(el, 'spam');
    await findIn(el, 'c-1', 'report-status');
    expect((await reported).detail).to.deep.equal({ commentId: 'c-1', reason: 'offensive' });
    expect(text(reportButton(el))).to.equal('Reported');
  });

  it('works with the keyboard alone: Tab, arrows in the radio group, Enter, and Undo', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    part(el, 'rules-link')!.focus();
    for (let i = 0; i < 20 && focused(el) !== reportButton(el, 'c-2'); i++) await key('Tab');
    expectFocus(el, reportButton(el, 'c-2'), 'Tab reaches the report button of the first comment shown (newest)');
    await key('Enter');
    const form = inComment(el, 'c-2', '[part~="report-form"]') as HTMLFormElement;
    await waitUntil(() => focused(el) === reason(form, 'offensive'), 'focus moves into the form');
    await key('Enter'); // nothing chosen yet: the form cannot be sent
    await key('ArrowDown');
    await key('ArrowDown');
    expect(reason(form, 'spam').checked).to.be.true;
    expectFocus(el, reason(form, 'spam'));
    await key('Tab');
    expectFocus(el, note(form));
    await type('Same link in every thread');
    await key('Tab');
    expectFocus(el, submitButton(form));
    await key('Enter');
    await findIn(el, 'c-2', 'report-status');
    expect(backend.requestsTo('POST', 'comments/c-2/reports').map((r) => r.body))
      .to.deep.equal([{ reason: 'spam', note: 'Same link in every thread' }]);
    expectFocus(el, reportButton(el, 'c-2'));
    await key('Tab');
    expect(text(focused(el))).to.equal('Undo');
    await key('Enter');
    await waitUntil(() => backend.requestsTo('DELETE', 'comments/c-2/reports/mine').length === 1, 'Undo sends the DELETE');
    await waitUntil(() => focused(el) === reportButton(el, 'c-2'), 'focus back on the button');
    expect(text(reportButton(el, 'c-2'))).to.equal('Report');
  });

  it('Enter on a chosen reason sends the report (the form submits like any form)', async () => {
    const backend = reportBackend();
    const el = await showThread(backend);
    await openForm(el);
    await key('Space');
    await key('Enter');
    await findIn(el, 'c-1', 'report-status');
    expect(backend.requestsTo('POST', 'comments/c-1/reports').map((r) => r.body)).to.deep.equal([{ reason: 'offensive' }]);
  });
});

describe('reporting while signed out', () => {
  it('asks the page to sign the reader in and shows an inline sign-in link, without a request', async () => {
    const backend = reportBackend({ viewer: null });
    const el = await showThread(backend);
    expect(parts(el, 'report-button')).to.have.length(2);
    const signIn = nextEvent<{ url: string | null }>(el, 'parley-sign-in');
    await press(reportButton(el)!);
    const event = await signIn;
    expect(event.cancelable && event.bubbles && event.composed).to.be.true;
    expect(event.detail.url).to.equal('https://news.test/sign-in');
    const notice = await findIn(el, 'c-1', 'notice');
    expect(text(notice)).to.equal('Sign in to continue. Sign in');
    const link = notice.querySelector<HTMLAnchorElement>('[part~="sign-in-link"]')!;
    expect(link.href).to.equal('https://news.test/sign-in');
    expect(parts(el, 'report-form').length, 'no report form').to.equal(0);
    expect(writes(backend)).to.be.empty;
    await expect(el).to.be.accessible();
    await press(reportButton(el)!);
    await waitUntil(() => !inComment(el, 'c-1', '[part~="notice"]'), 'pressing Report again closes it');
  });

  it('leaves sign-in to the page when it prevents parley-sign-in', async () => {
    const backend = reportBackend({ viewer: null });
    const el = await showThread(backend);
    let events = 0;
    el.addEventListener('parley-sign-in', (e) => {
      events++;
      e.preventDefault();
    });
    await press(reportButton(el)!);
    await delay(50);
    expect(events).to.equal(1);
    expect(inComment(el, 'c-1', '[part~="sign-in-link"]') === null, 'no inline sign-in link').to.be.true;
    expect(parts(el, 'report-form').length, 'no report form').to.equal(0);
    expect(writes(backend)).to.be.empty;
  });
});
