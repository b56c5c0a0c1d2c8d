import type { PostingStrings } from './en-posting.js';
import type { ReportStrings } from './en-report.js';

/**
 * "12,345": English digit grouping for the whole numbers the UI counts. Done by hand because
 * the first `Intl.NumberFormat` of a page costs several milliseconds of locale loading, paid
 * before the first comment shows.
 */
const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Every piece of text the reading widget shows, in English. Other languages implement the whole
 * `ParleyStrings` type; the `strings` property overrides any key. Counts go through functions
 * so each language can pluralise its own way. The text of posting and of the report form
 * travels with their code (`en-posting.ts`, `en-report.ts`), which adds it to this object on
 * arrival: a reader who never posts or reports never downloads it.
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

  // Reading
  loading: 'Loading comments…',
  loadMore: 'Show more comments',
  loadingMore: 'Loading more comments…',
  moreLoaded: (n: number) => (n === 1 ? '1 more comment loaded' : `${num(n)} more comments loaded`),
  repliesMore: (n: number) => (n === 1 ? 'Show 1 more reply' : `Show ${num(n)} more replies`),
  repliesMoreUnknown: 'Show more replies',
  repliesLoaded: (n: number) => (n === 1 ? '1 more reply loaded' : `${num(n)} more replies loaded`),
  repliesLabel: (name: string) => `Replies to ${name}`,
  inReplyTo: (name: string) => `In reply to ${name}`,
  earlierReply: 'an earlier reply',
  removedComment: 'a removed comment',
  commentLabel: (name: string, time: string) => `Comment by ${name}, ${time}`,
  removed: 'This comment was removed by a moderator.',
  removedAuthor: 'Removed comment',
  edited: 'edited',
  editedTitle: (date: string) => `Edited ${date}`,
  badges: { subscriber: 'Subscriber', staff: 'Staff' } as Record<string, string>,
  pending: 'Only you can see this comment until a moderator approves it.',
  justNow: 'just now',
  empty: 'No comments yet.',
  emptyInvite: 'No comments yet. Start the conversation.',
  closed: 'Comments are closed on this article. You can still read them.',
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
  loadMoreFailed: 'More comments could not be loaded.',
  repliesFailed: 'Replies could not be loaded.',

  // Subscribers only
  subscribePromptTitle: 'Join the conversation',
  subscribePromptText: 'Commenting is open to subscribers. Subscribe to share your view and reply to other readers.',
  subscribePromptSignedIn: (name: string) =>
    `${name}, commenting is open to subscribers. Subscribe to share your view and reply to other readers.`,
  whySubscribers: 'Why only subscribers?',
  whySubscribersText:
    'A small number of people used our comments to derail debates and abuse others under throwaway names. ' +
    'Keeping comments for subscribers means everyone taking part has a real account that rules apply to, ' +
    'so the conversation stays about the story.',
  subscribe: 'Subscribe',
  signIn: 'Sign in',
  banned: 'Your account can no longer comment because it broke our rules.',
  suspended: (date: string) => `Your account can comment again on ${date}.`,
  suspendedGeneric: 'Your account cannot comment for now.',
  notSubscriber: 'Only subscribers can comment.',
  threadClosedNow: 'Comments have just been closed on this article.',
  signInAgain: 'Your session has ended. Sign in again to post.',
  postingFailed: 'The comment form could not be loaded.',

  // Counters of the comment and report forms
  charactersLeft: (n: number) => (n === 1 ? '1 character left' : `${num(n)} characters left`),
  charactersOver: (n: number) => (n === 1 ? '1 character too many' : `${num(n)} characters too many`),

  // The Report button (its form arrives with the report chunk)
  report: 'Report',
  reportComment: (name: string) => `Report comment by ${name}`,
  reported: 'Reported',
  reportedComment: (name: string) => `You reported the comment by ${name}`,
};

export type CoreStrings = typeof core;
export type ParleyStrings = CoreStrings & PostingStrings & ReportStrings;

/** English: the reading text, and each feature's once its chunk has arrived. */
export const en = core as ParleyStrings;

let added = 0;

/** Adds a feature chunk's English to `en`, in place (`en` is the base every element's text is made from). */
export function addEnglish(text: object): void {
  Object.assign(en, text);
  added++;
}

/** How many times English has grown: an element's text merged with a `strings` override is stale when this moves. */
export const englishAdded = (): number => added;
