/**
 * The queue's plain logic: which request a view of the list is, the session kept in the tab,
 * what a failure is in words, and how an action's effects show on the entries.
 */
import type { ApiError } from '../api/errors.js';
import type { Effects } from './actions.js';
import type { AdminClient, Credentials } from './admin-client.js';
import type { Details, EntryState } from './entry-view.js';
import { deskStrings as s } from './strings.js';
import type { Page, QueueEntry, QueueFilter, QueueSort } from './types.js';

export interface ListView {
  filter: QueueFilter;
  sort: QueueSort;
  /** A search, or '' for the filter's own list. */
  query: string;
}

/** One page of the list the view names (a search covers every status while Reported is chosen). */
export function fetchQueuePage(client: AdminClient, view: ListView, cursor: string | null, signal: AbortSignal): Promise<Page<QueueEntry>> {
  if (view.query) return client.searchComments(view.filter === 'reported' ? null : view.filter, view.query, cursor, signal);
  if (view.filter === 'reported') return client.fetchReports(view.sort, cursor, signal);
  if (view.filter === 'pending') return client.fetchPending(cursor, signal);
  return client.searchComments('removed', null, cursor, signal);
}

export const toEntryState = (entry: QueueEntry): EntryState => ({ entry, reportsOpen: entry.reports.length > 0, days: '7' });

const TOKEN_KEY = 'parley-desk-token';
const MODERATOR_KEY = 'parley-desk-moderator';
/** The server's rule for X-Parley-Moderator. */
export const isModeratorName = (name: string): boolean => /^[\x20-\x7e]{1,100}$/.test(name);

/** The tab's session (sessionStorage: gone with the tab, never in an address). */
export const session = {
  read(): Credentials | null {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const moderator = sessionStorage.getItem(MODERATOR_KEY);
    return token && moderator ? { token, moderator } : null;
  },
  save(credentials: Credentials): void {
    sessionStorage.setItem(TOKEN_KEY, credentials.token);
    sessionStorage.setItem(MODERATOR_KEY, credentials.moderator);
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(MODERATOR_KEY);
  },
};

/** Why a request failed, in words; a 401 is handled apart (it signs the moderator out). */
export function describeFailure(error: unknown): string {
  const e = error as ApiError;
  if (e?.kind === 'network') return s.errors.network;
  if (e?.kind === 'timeout') return s.errors.timeout;
  if (e?.kind === 'invalid-response') return s.errors.invalid;
  return s.errors.server(e instanceof Error ? e.message : String(error));
}

export const isUnauthorized = (error: unknown): boolean => (error as ApiError)?.kind === 'http' && (error as ApiError).status === 401;

/** The entries and details after an action on `target`: its entry, and every detail of the same author or thread. */
export function withEffects(entries: EntryState[], details: Map<string, Details>, target: QueueEntry, effects: Effects): [EntryState[], Map<string, Details>] {
  const nextEntries = entries.map((state) => {
    if (state.entry.comment.id !== target.comment.id) return state;
    return {
      ...state,
      entry: effects.commentStatus ? { ...state.entry, comment: { ...state.entry.comment, status: effects.commentStatus } } : state.entry,
      reportsOpen: effects.reportsOpen ?? state.reportsOpen,
    };
  });
  if (!effects.standing && !effects.threadStatus) return [nextEntries, details];
  const nextDetails = new Map(details);
  for (const [id, d] of nextDetails) {
    const history = d.history && effects.standing && d.history.user.id === effects.standing.id
      ? { ...d.history, user: { ...d.history.user, ...effects.standing } } : d.history;
    const context = d.context && effects.threadStatus && d.context.thread.id === target.comment.threadId
      ? { ...d.context, thread: { ...d.context.thread, status: effects.threadStatus } } : d.context;
    nextDetails.set(id, { ...d, history, context });
  }
  return [nextEntries, nextDetails];
}
