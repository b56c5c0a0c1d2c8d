/** English for posting and replying: arrives with the posting chunk, which adds it to `en`. */
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
};

export type PostingStrings = typeof enPosting;
