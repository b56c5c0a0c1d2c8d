// The class is a public export: a publisher may extend it with styles of their own. A feature
// chunk's styles, added when it arrives, must join the subclass's, not replace them.
import { expect, fixture } from '@open-wc/testing';
import { css } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { ParleyComments } from '../src/parley-comments.js';
import { BASE, THREAD_ID } from './mocks/data.js';
import { findPart, serveBackend, waitForComments } from './helpers.js';
import { composerInput, subscriber, threadFor } from './posting.helpers.js';
import { press, reportButton } from './report.helpers.js';

class BrandedComments extends ParleyComments {
  static override styles = [ParleyComments.styles, css`h2 { color: rgb(9, 8, 7); }`];
}
customElements.define('branded-comments', BrandedComments);

describe('a subclass with its own styles', () => {
  it('keeps them when the comment form and the report form bring theirs', async () => {
    await serveBackend(threadFor(subscriber()));
    const tag = unsafeStatic('branded-comments');
    const el = await fixture<ParleyComments>(staticHtml`<${tag} backend-url=${BASE} thread-id=${THREAD_ID} loading="eager"></${tag}>`);
    await waitForComments(el, 3);
    const heading = el.shadowRoot!.querySelector('h2')!;
    expect(getComputedStyle(heading).color).to.equal('rgb(9, 8, 7)');

    expect(getComputedStyle(await composerInput(el)).minHeight, "the form's styles").to.equal('80px');
    expect(getComputedStyle(heading).color, 'after the comment form arrived').to.equal('rgb(9, 8, 7)');

    await press(reportButton(el, 'c-2')!);
    const form = await findPart(el, 'report-form');
    expect(getComputedStyle(form.querySelector('fieldset')!).borderTopStyle, "the report form's styles").to.equal('none');
    expect(getComputedStyle(heading).color, 'after the report form arrived').to.equal('rgb(9, 8, 7)');
  });
});
