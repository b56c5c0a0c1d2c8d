/** English for the report form and its notices: arrives with the report chunk, which adds it to `en`. */
/** "12,345", as in `en.ts`: a chunk imports nothing from the bundle, so it has its own copy. */
const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const enReport = {
  signInToAct: 'Sign in to continue.',
  reportTitle: 'Report this comment',
  // The note's count (as the composer's, in `en-posting.ts`: each chunk brings its own)
  charactersLeft: (n: number) => (n === 1 ? '1 character left' : `${num(n)} characters left`),
  reportReasonLegend: 'Why are you reporting it?',
  reasons: {
    offensive: 'Offensive or hateful',
    abusive: 'Abusive or harassing',
    spam: 'Spam or advertising',
    off_topic: 'Off topic',
    other: 'Something else',
  },
  reportNote: 'Anything a moderator should know? (optional)',
  reportSubmit: 'Send report',
  reportCancel: 'Cancel',
  reportSending: 'Sending…',
  reportThanks: 'Thank you. A moderator will review this comment.',
  undo: 'Undo',
  reportWithdrawn: 'Your report was withdrawn.',
  reportFailed: 'Your report was not sent.',
  reportUndoFailed: 'Your report was not withdrawn.',
  reportBanned: 'Your account can no longer report comments.',
  reportSuspended: 'Your account cannot report comments for now.',
  reportOwn: 'You cannot report your own comment.',
  reportGone: 'This comment is no longer available.',
  reportInvalid: 'The report could not be accepted. Check the reason and note.',
};

export type ReportStrings = typeof enReport;
