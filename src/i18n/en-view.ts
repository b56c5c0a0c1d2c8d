/**
 * English for the thread as it shows once loaded (comments, paging, the subscribe prompt, the
 * Report buttons, the counters the forms share): arrives with the thread view's chunk, which
 * adds it to `en`. The text the widget needs before that (heading, loading, errors) is in `en.ts`.
 */

/** "12,345", as in `en.ts`: a chunk imports nothing from the bundle, so it has its own copy. */
const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const enView = {
  // Reading
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
  deletedByAuthor: 'This comment was deleted by its author.',
  featured: 'Featured',
  removedAuthor: 'Removed comment',
  edited: 'edited',
  editedTitle: (date: string) => `Edited ${date}`,
  badges: { subscriber: 'Subscriber', staff: 'Staff' } as Record<string, string>,
  pending: 'Only you can see this comment until a moderator approves it.',
  justNow: 'just now',
  empty: 'No comments yet.',
  emptyInvite: 'No comments yet. Start the conversation.',
  closed: 'Comments are closed on this article. You can still read them.',

  // Failures
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

  // The Report button (its form arrives with the report chunk)
  report: 'Report',
  reportComment: (name: string) => `Report comment by ${name}`,
  reported: 'Reported',
  reportedComment: (name: string) => `You reported the comment by ${name}`,

};

export type ViewStrings = typeof enView;
