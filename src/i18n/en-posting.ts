/** English for posting and replying: arrives with the posting chunk, which adds it to `en`. */
/** "12,345", as in `en.ts`: a chunk imports nothing from the bundle, so it has its own copy. */
const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const enPosting = {
  composerLabel: 'Your comment',
  replyLabel: (name: string) => `Your reply to ${name}`,
  composerPlaceholder: 'Share your view',
  composerSubmit: 'Post comment',
  replySubmit: 'Post reply',
  composerCancel: 'Cancel',
  posting: 'Posting…',
  posted: 'Comment posted.',
  replyPosted: 'Reply posted.',
  postedPending: 'Comment sent. A moderator will review it before others can see it.',
  reply: 'Reply',
  replyTo: (name: string) => `Reply to ${name}`,
  shortcutHint: 'Ctrl+Enter to post',
  draftRestored: 'Your unsent draft was restored.',
  postFailed: 'Your comment was not posted. Your text is kept, so you can try again.',
  parentGone: 'The comment you replied to is no longer available.',
  invalidBody: 'Your comment could not be accepted. Check its length and try again.',
  // The composer's count (the report form's note has the first too: each chunk brings its own)
  charactersLeft: (n: number) => (n === 1 ? '1 character left' : `${num(n)} characters left`),
  charactersOver: (n: number) => (n === 1 ? '1 character too many' : `${num(n)} characters too many`),
};

export type PostingStrings = typeof enPosting;
