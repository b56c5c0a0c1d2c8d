import { expect } from '@open-wc/testing';
import { relativeTime } from '../src/format/time.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31536000], ['month', 2592000], ['week', 604800],
  ['day', 86400], ['hour', 3600], ['minute', 60]];

describe('relativeTime', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

  it('says what Intl.RelativeTimeFormat says, both ways, for every unit: by hand for US English, through Intl for other English', () => {
    for (const locale of ['en', 'en-US', 'EN-us', 'en-GB', 'en-IN']) {
      const intl = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      for (const [unit, size] of UNITS) {
        const next = UNITS[UNITS.findIndex(([u]) => u === unit) - 1]?.[1] ?? Infinity;
        for (let n = 1; n <= 999; n++) {
          if (n * size >= next) break; // a larger unit says it
          for (const sign of [-1, 1]) {
            expect(relativeTime(at(sign * n * size), locale, now), `${locale} ${sign * n} ${unit}`).to.equal(intl.format(sign * n, unit));
          }
        }
      }
    }
  });

  it('leaves other digits, other languages and large numbers to Intl', () => {
    expect(relativeTime(at(-3 * 86400), 'en-US-u-nu-arab', now)).to.equal(new Intl.RelativeTimeFormat('en-US-u-nu-arab', { numeric: 'auto' }).format(-3, 'day'));
    expect(relativeTime(at(-86400), 'fr', now)).to.equal('hier');
    expect(relativeTime(at(-1200 * 31536000), 'en', now)).to.equal('1,200 years ago');
    expect(relativeTime(at(-30), 'en', now)).to.equal(null);
  });
});
