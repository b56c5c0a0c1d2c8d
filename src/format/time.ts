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
 * Makes the formatters every comment needs. A page's first `Intl` formatters cost tens of
 * milliseconds of locale loading; made while the thread is on its way, that time overlaps the
 * network wait instead of delaying the first comments.
 */
export function prepareFormats(locale: string): void {
  relativeFormat(locale);
  fullFormat(locale);
}

/** "5 minutes ago", "yesterday", … or null under a minute (the caller says "just now"). */
export function relativeTime(iso: string, locale: string, now = Date.now()): string | null {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = relativeFormat(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return null;
}

/** "27 November 2026 at 09:14" in the reader's language and time zone. */
export function fullDate(iso: string, locale: string): string {
  return fullFormat(locale).format(new Date(iso));
}

/** "27 November 2026" — for dates where the time of day does not matter. */
export function longDay(iso: string, locale: string): string {
  return cached(dayFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long' })).format(new Date(iso));
}
