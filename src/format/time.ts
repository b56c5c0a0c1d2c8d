/** Dates for people: a short relative phrase, and the full date for `title`. */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const fullFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(map: Map<string, T>, locale: string, make: () => T): T {
  let format = map.get(locale);
  if (!format) map.set(locale, (format = make()));
  return format;
}

const relativeFormat = (locale: string) =>
  cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const fullFormat = (locale: string) =>
  cached(fullFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }));

/**
 * Makes the formatter every comment needs. A page's first `Intl` formatters cost tens of
 * milliseconds of locale loading; made while the thread is on its way, that time overlaps the
 * network wait instead of delaying the first comments.
 */
export function prepareFormats(locale: string): void {
  if (!handMade(locale)) relativeFormat(locale);
}

/**
 * US English (`en`, `en-US`), most pages: the words `Intl` gives for relative times
 * (`numeric: 'auto'`), made by hand. A page's first `Intl` object of any kind costs 30–40 ms
 * here (ICU's locale data, loaded once), the largest single cost of a first screen (full dates
 * are made only on hover, so a first screen needs none). Checked against `Intl` in
 * test/time.test.ts (1–999 of every unit, both ways; larger values go to `Intl`, which groups
 * digits).
 */
export const handMade = (locale: string): boolean => /^en(-us)?$/i.test(locale);

/** `value` `unit`s of `size` seconds from now, in English: days and longer say "yesterday", "next week"… for one. */
function english(value: number, unit: string, size: number): string {
  const n = Math.abs(value);
  if (n === 1 && size >= 86400) {
    return unit === 'day' ? (value < 0 ? 'yesterday' : 'tomorrow') : `${value < 0 ? 'last' : 'next'} ${unit}`;
  }
  const phrase = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return value < 0 ? `${phrase} ago` : `in ${phrase}`;
}

/** "5 minutes ago", "yesterday", … or null under a minute (the caller says "just now"). */
export function relativeTime(iso: string, locale: string, now = Date.now()): string | null {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) < size) continue;
    const value = Math.trunc(seconds / size);
    return Math.abs(value) < 1000 && handMade(locale) ? english(value, unit, size) : relativeFormat(locale).format(value, unit);
  }
  return null;
}

/**
 * "27 November 2026 at 09:14" in the reader's language and time zone: a comment's time's tooltip,
 * made when the pointer first reaches it (the thread view), never for the whole first screen.
 */
export function fullDate(iso: string, locale: string): string {
  return fullFormat(locale).format(new Date(iso));
}

/** "27 November 2026" — for dates where the time of day does not matter. */
export function longDay(iso: string, locale: string): string {
  return cached(dayFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long' })).format(new Date(iso));
}
