import { expect } from '@open-wc/testing';
import { linkify } from '../src/format/linkify.js';

describe('linkify', () => {
  it('links http and https URLs and leaves the rest as text', () => {
    expect(linkify('Read https://a.test/x and http://b.test.')).to.deep.equal([
      { text: 'Read ' },
      { text: 'https://a.test/x', href: 'https://a.test/x' },
      { text: ' and ' },
      { text: 'http://b.test', href: 'http://b.test/' },
      { text: '.' },
    ]);
  });

  it('never links other schemes', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<script>', 'ftp://x.test', 'vbscript:x', 'JAVASCRIPT://%0aalert(1)']) {
      expect(linkify(text).every((s) => !s.href), text).to.be.true;
    }
  });

  it('keeps a closing parenthesis that belongs to the URL and drops trailing punctuation', () => {
    expect(linkify('(see https://en.wikipedia.org/wiki/Bridge_(structure))').find((s) => s.href)!.text)
      .to.equal('https://en.wikipedia.org/wiki/Bridge_(structure)');
    expect(linkify('Go to https://a.test/x!').find((s) => s.href)!.text).to.equal('https://a.test/x');
  });

  it('stops a URL at quotes and angle brackets', () => {
    expect(linkify('https://a.test/"onmouseover="x').find((s) => s.href)!.text).to.equal('https://a.test/');
    expect(linkify('<https://a.test/y>').find((s) => s.href)!.text).to.equal('https://a.test/y');
  });
});
