import type { LiveStrings } from './en-live.js';
import type { PostingStrings } from './en-posting.js';
import type { ReportStrings } from './en-report.js';
import type { ViewStrings } from './en-view.js';
import type { EngageStrings } from './en-engage.js';

/**
 * "12,345": English digit grouping for the whole numbers the UI counts. Done by hand because
 * the first `Intl.NumberFormat` of a page costs several milliseconds of locale loading, paid
 * before the first comment shows.
 */
const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The text the widget shows before its thread view arrives (heading, sort, loading, failures),
 * in English. Other languages implement the whole `ParleyStrings` type; the `strings` property
 * overrides any key. Counts go through functions so each language can pluralise its own way.
 * The rest travels with the code that shows it, which adds it to this object on arrival: the
 * thread view's (`en-view.ts`), posting's (`en-posting.ts`) and the report form's
 * (`en-report.ts`). A reader who never scrolls to the comments never downloads it.
 */
const core = {
  // Section
  heading: 'Comments',
  count: (n: number) => (n === 1 ? '1 comment' : `${num(n)} comments`),
  rulesLink: 'Our rules',
  rulesBlurb: 'Comments are a place for lively, respectful debate. Please report any comment that breaks our rules.',
  sortLabel: 'Sort',
  sortNewest: 'Newest first',
  sortOldest: 'Oldest first',
  sortTop: 'Most recommended',

  // Reading (before the comments arrive)
  loading: 'Loading comments…',
  unavailable: 'Comments are not available on this page.',

  // Failures
  loadFailed: 'Comments could not be loaded.',
  errorNetwork: 'We could not reach the comment service. Check your connection and try again.',
  errorTimeout: 'The comment service took too long to answer.',
  errorServer: 'The comment service is having trouble right now.',
  errorInvalid: 'The comment service sent an answer we could not read.',
  errorRateLimited: (seconds: number) =>
    seconds === 1 ? 'Too many requests. Try again in 1 second.' : `Too many requests. Try again in ${num(seconds)} seconds.`,
  retry: 'Try again',
};

export type CoreStrings = typeof core;
export type ParleyStrings = CoreStrings & ViewStrings & PostingStrings & ReportStrings & LiveStrings & EngageStrings;

/** English: the text above, and each chunk's once it has arrived. */
export const en = core as ParleyStrings;

let added = 0;

/** Adds a feature chunk's English to `en`, in place (`en` is the base every element's text is made from). */
export function addEnglish(text: object): void {
  Object.assign(en, text);
  added++;
}

/** How many times English has grown: an element's text merged with a `strings` override is stale when this moves. */
export const englishAdded = (): number => added;
