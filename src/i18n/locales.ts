/**
 * Languages other than English load on demand as separate files next to the bundle, so an
 * English page pays nothing for them. Each module's default export is a full ParleyStrings.
 */
import { en, type ParleyStrings } from './en.js';

type Loader = () => Promise<{ default: ParleyStrings }>;

/** Each language's file, fetched on demand; a test may stand in a slow one. @internal */
export const LOADERS: Record<string, Loader> = {
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
  it: () => import('./it.js'),
  pt: () => import('./pt.js'),
  nl: () => import('./nl.js'),
  cy: () => import('./cy.js'),
  ar: () => import('./ar.js'),
};

/** Languages written right to left. */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** The primary language subtag: "fr-CA" → "fr". */
export const baseLanguage = (lang: string): string => lang.toLowerCase().split(/[-_]/)[0] ?? 'en';

/** `lang` when Parley speaks it, else English: text and dates are then in one language. */
export const shippedLanguage = (lang: string): string =>
  baseLanguage(lang) === 'en' || LOADERS[baseLanguage(lang)] ? lang : 'en'; // en-GB keeps British dates

export const isRightToLeft = (lang: string): boolean => RTL.has(baseLanguage(lang));

/** The strings for `lang`, falling back to English for languages Parley does not ship. */
export async function loadStrings(lang: string): Promise<ParleyStrings> {
  const load = LOADERS[baseLanguage(lang)];
  if (!load) return en;
  try {
    return (await load()).default;
  } catch {
    return en; // a locale file that fails to load must not break the widget
  }
}
