/**
 * English for live updates and links to a comment: arrives with the live chunk
 * (`features/live.ts`), which adds it to `en`.
 */

/** "12,345", as in `en.ts`: a chunk imports nothing from the bundle, so it has its own copy. */
const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const enLive = {
  newComments: (n: number) => (n === 1 ? 'Show 1 new comment' : `Show ${num(n)} new comments`),
  newReplies: (n: number) => (n === 1 ? 'Show 1 new reply' : `Show ${num(n)} new replies`),
  newCommentsArrived: (n: number) => (n === 1 ? '1 new comment' : `${num(n)} new comments`),
  newCommentsUnknown: 'Show new comments',
  linkedComment: 'Linked comment',
  linkMissing: 'The comment in your link is not available. Here is the conversation as usual.',
  showAll: 'Show all comments',
  // Copy link under each comment
  copyLink: 'Copy link',
  copyLinkComment: (name: string) => `Copy link to comment by ${name}`,
  linkCopied: 'Link copied',
  copyFailed: 'Link not copied',
};

export type LiveStrings = typeof enLive;
