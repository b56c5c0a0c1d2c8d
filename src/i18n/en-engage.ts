/**
 * English for Recommend, the Featured strip and the reader's own Edit and Delete: arrives with
 * the engage chunk (`features/engage.ts`), which adds it to `en`.
 */

/** "12,345", as in `en.ts`: a chunk imports nothing from the bundle, so it has its own copy. */
const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const recommendations = (n: number) => (n === 1 ? '1 recommendation' : `${num(n)} recommendations`);

export const enEngage = {
  recommend: 'Recommend',
  recommendComment: (name: string) => `Recommend ${name}'s comment`,
  recommendations,
  recommendFailed: 'Your recommendation could not be saved.',
  recommendSignIn: 'Sign in to recommend comments.',
  recommendSubscribers: 'Only subscribers can recommend comments.',
  featuredTitle: 'Featured comments',
  featuredGoTo: (name: string) => `Go to ${name}'s comment`,
  edit: 'Edit',
  editLabel: 'Edit your comment',
  save: 'Save',
  cancel: 'Cancel',
  editFailed: 'Your edit could not be saved.',
  editClosed: 'The time for editing this comment has passed.',
  editEmpty: 'Write something first.',
  editTooLong: (max: number) => `Use at most ${num(max)} characters.`,
  editSaved: 'Your comment was updated.',
  delete: 'Delete',
  deleteConfirm: 'Delete this comment? Replies to it stay.',
  deleteFailed: 'The comment could not be deleted.',
  deleted: 'Your comment was deleted.',
};

export type EngageStrings = typeof enEngage;
