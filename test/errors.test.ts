import { expect } from '@open-wc/testing';
import { parseRetryAfter } from '../src/api/errors.js';

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and ignores what makes no sense', () => {
    expect(parseRetryAfter('12')).to.equal(12);
    expect(parseRetryAfter(' 0 ')).to.equal(0);
    const now = Date.parse('2026-11-27T10:00:00Z');
    expect(parseRetryAfter('Fri, 27 Nov 2026 10:00:30 GMT', now)).to.equal(30);
    expect(parseRetryAfter('Fri, 27 Nov 2026 09:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('9'.repeat(400)), 'no "Infinity seconds"').to.equal(null);
    expect(parseRetryAfter('999999')).to.equal(86_400);
    expect(parseRetryAfter('-5')).to.equal(null);
    expect(parseRetryAfter('soon')).to.equal(null);
    expect(parseRetryAfter(null)).to.equal(null);
  });
});
