import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import '../src/parley-count.js';
import { countText } from '../src/count/plural.js';
import { BASE } from './mocks/data.js';
import { serve } from './helpers.js';

/** A /counts endpoint where thread "t-N" has N comments; records each request's ids. */
async function serveCounts(options: { fail?: boolean } = {}): Promise<string[][]> {
  const requests: string[][] = [];
  await serve(http.get(`${BASE}/counts`, ({ request }) => {
    const ids = new URL(request.url).searchParams.getAll('thread');
    requests.push(ids);
    if (options.fail) return HttpResponse.text('<h1>502</h1>', { status: 502 });
    if (ids.length > 50) return HttpResponse.json({ error: { code: 'too_many', message: '' } }, { status: 400 });
    return HttpResponse.json({ counts: Object.fromEntries(ids.map((id) => [id, Number(id.slice(2))])) });
  }));
  return requests;
}

const counts = (root: Element) => [...root.querySelectorAll('parley-count')].map((c) => c.shadowRoot!.querySelector('[part="count"]')!.textContent);

describe('<parley-count>', () => {
  it('fills 30 counts on a page with one request', async () => {
    const requests = await serveCounts();
    const page = await fixture<HTMLElement>(html`<ul>${Array.from({ length: 30 }, (_, i) =>
      html`<li><parley-count backend-url=${BASE} thread-id=${`t-${i}`}>Comments</parley-count></li>`)}</ul>`);
    await waitUntil(() => counts(page).every((c) => c !== ''), 'all counts shown');
    expect(requests).to.have.length(1);
    expect(requests[0]).to.have.length(30);
    expect(counts(page).slice(0, 3)).to.deep.equal(['0 comments', '1 comment', '2 comments']);
  });

  it('splits more than 50 ids into requests of at most 50', async () => {
    const requests = await serveCounts();
    const page = await fixture<HTMLElement>(html`<div>${Array.from({ length: 60 }, (_, i) =>
      html`<parley-count backend-url=${BASE} thread-id=${`t-${100 + i}`}></parley-count>`)}</div>`);
    await waitUntil(() => counts(page).every((c) => c !== ''));
    expect(requests.map((ids) => ids.length)).to.deep.equal([50, 10]);
  });

  it('asks for nothing until it comes near the viewport', async () => {
    const requests = await serveCounts();
    const page = await fixture<HTMLElement>(html`<div><div style="height: 400vh"></div>
      <parley-count backend-url=${BASE} thread-id="t-777">Comments</parley-count></div>`);
    await delay(200);
    expect(requests).to.have.length(0);
    page.querySelector('parley-count')!.scrollIntoView();
    await waitUntil(() => requests.length === 1);
    await waitUntil(() => counts(page)[0] === '777 comments');
    window.scrollTo(0, 0);
  });

  it('keeps its own text when the backend fails', async () => {
    const requests = await serveCounts({ fail: true });
    const page = await fixture<HTMLElement>(html`<p><parley-count backend-url=${BASE} thread-id="t-404">Comments</parley-count></p>`);
    await waitUntil(() => requests.length === 1);
    await delay(100);
    const count = page.querySelector('parley-count')!;
    expect(count.shadowRoot!.querySelector('slot')!.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Comments']);
    expect(count.innerText.trim()).to.equal('Comments');
  });

  it('does not move the text around it when the count arrives', async () => {
    await serveCounts();
    const page = await fixture<HTMLElement>(html`<p style="font: 16px sans-serif">Read <parley-count backend-url=${BASE}
      thread-id="t-12"></parley-count><span id="after">then more</span></p>`);
    const after = page.querySelector('#after')!;
    const before = after.getBoundingClientRect().left;
    await waitUntil(() => counts(page)[0] === '12 comments');
    expect(after.getBoundingClientRect().left).to.equal(before);
  });

  it('speaks the page language, with its plural rules', async () => {
    await serveCounts();
    const page = await fixture<HTMLElement>(html`<div>
      <p lang="fr"><parley-count backend-url=${BASE} thread-id="t-1"></parley-count></p>
      <p lang="fr"><parley-count backend-url=${BASE} thread-id="t-1200"></parley-count></p>
      <p lang="ar"><parley-count backend-url=${BASE} thread-id="t-2"></parley-count></p>
      <p lang="de"><parley-count backend-url=${BASE} thread-id="t-5"></parley-count></p>
    </div>`);
    await waitUntil(() => counts(page).every((c) => c !== ''));
    expect(counts(page)).to.deep.equal(['1 commentaire', `${new Intl.NumberFormat('fr').format(1200)} commentaires`, 'تعليقان', '5 Kommentare']);
    expect(countText(0, 'cy')).to.equal('Dim sylwadau');
    expect(countText(0, 'pt-BR')).to.equal('0 comentários');
    expect(countText(1, 'pt')).to.equal('1 comentário');
    expect(countText(3, 'ar')).to.equal(`${new Intl.NumberFormat('ar').format(3)} تعليقات`);
  });
});
