/**
 * The desk's actions: the key each answers to, what it asks of the server, and how it is undone.
 * Plain functions over the admin client, so the element only shows what they report.
 */
import type { AdminClient } from './admin-client.js';
import type { DeskStrings } from './strings.js';
import type { CommentStatus, QueueEntry, Standing } from './types.js';

/** Every action on an entry. Issue 16's feature / unfeature join this list (a key and a perform case). */
export type ActionId = 'remove' | 'restore' | 'dismiss' | 'ban' | 'suspend' | 'unban' | 'close' | 'reopen';

export const ACTION_KEYS: Readonly<Record<ActionId, string>> = {
  remove: 'x', restore: 'a', dismiss: 'd', ban: 'b', suspend: 's', unban: 'u', close: 'c', reopen: 'o',
};

/** What an action changed, for the element to show. */
export interface Effects {
  commentStatus?: CommentStatus;
  /** false: the entry's reports were closed; true: they are open again. */
  reportsOpen?: boolean;
  standing?: Standing;
  threadStatus?: 'open' | 'closed';
}

export interface Outcome {
  effects: Effects;
  /** Announced in the live region. */
  message: string;
}

export interface Performed extends Outcome {
  /** Puts things back as they were; null when the server offers no way back. */
  undo: (() => Promise<Outcome>) | null;
}

export interface Target {
  entry: QueueEntry;
  /** The reports are open (not yet dismissed or actioned from the desk). */
  reportsOpen: boolean;
  /** The author's standing before the action, when the desk has read it. */
  standing: Standing | null;
  /** For suspend. */
  days: number;
  now: number;
}

const DAY_MS = 86_400_000;

/** Puts a user back to `before` (active, banned, or suspended until a time still ahead). */
async function restoreStanding(client: AdminClient, userId: string, before: Standing | null, now: number): Promise<Standing> {
  if (before?.status === 'banned') return client.actOnUser(userId, 'ban');
  if (before?.status === 'suspended' && before.suspendedUntil && Date.parse(before.suspendedUntil) > now) {
    return client.actOnUser(userId, 'suspend', before.suspendedUntil);
  }
  return client.actOnUser(userId, 'unban');
}

export async function perform(client: AdminClient, action: ActionId, target: Target, s: DeskStrings): Promise<Performed> {
  const { comment } = target.entry;
  const name = comment.author.displayName;
  const hadReports = target.reportsOpen && target.entry.reports.length > 0;
  const reopen = async (): Promise<void> => {
    if (hadReports) await client.actOnComment(comment.id, 'reopen-reports');
  };
  switch (action) {
    case 'remove': {
      const wasPending = comment.status === 'pending';
      const status = await client.actOnComment(comment.id, 'remove');
      return {
        effects: { commentStatus: status, reportsOpen: false },
        message: wasPending ? s.rejected(name) : s.removed(name),
        // A rejected pending comment cannot be made pending again: no undo (docs/moderation.md).
        undo: wasPending ? null : async () => {
          const back = await client.actOnComment(comment.id, 'restore');
          await reopen();
          return { effects: { commentStatus: back, reportsOpen: hadReports }, message: s.undone(s.removed(name)) };
        },
      };
    }
    case 'restore': {
      const wasPending = comment.status === 'pending';
      const status = await client.actOnComment(comment.id, 'restore');
      return {
        effects: { commentStatus: status },
        message: wasPending ? s.approved(name) : s.restored(name),
        undo: wasPending ? null : async () => {
          const back = await client.actOnComment(comment.id, 'remove');
          return { effects: { commentStatus: back }, message: s.undone(s.restored(name)) };
        },
      };
    }
    case 'dismiss': {
      await client.actOnComment(comment.id, 'dismiss-reports');
      return {
        effects: { reportsOpen: false },
        message: s.dismissed(name),
        undo: hadReports ? async () => {
          await client.actOnComment(comment.id, 'reopen-reports');
          return { effects: { reportsOpen: true }, message: s.undone(s.dismissed(name)) };
        } : null,
      };
    }
    case 'ban':
    case 'unban':
    case 'suspend': {
      const until = new Date(target.now + target.days * DAY_MS).toISOString();
      const standing = await client.actOnUser(comment.author.id, action, action === 'suspend' ? until : undefined);
      const message = action === 'ban' ? s.banned(name) : action === 'unban' ? s.unbanned(name) : s.suspended(name, target.days);
      return {
        effects: { standing },
        message,
        undo: async () => {
          const back = await restoreStanding(client, comment.author.id, target.standing, Date.now());
          return { effects: { standing: back }, message: s.undone(message) };
        },
      };
    }
    case 'close':
    case 'reopen': {
      const status = await client.setThreadStatus(comment.threadId, action === 'close' ? 'closed' : 'open');
      const message = action === 'close' ? s.closed(comment.threadId) : s.reopened(comment.threadId);
      return {
        effects: { threadStatus: status },
        message,
        undo: async () => {
          const back = await client.setThreadStatus(comment.threadId, status === 'closed' ? 'open' : 'closed');
          return { effects: { threadStatus: back }, message: s.undone(message) };
        },
      };
    }
  }
}

/** Which actions make sense for the entry as it is now (the others are not offered). */
export function offered(entry: QueueEntry, reportsOpen: boolean, standing: Standing | null, threadStatus: 'open' | 'closed' | null): ActionId[] {
  const ids: ActionId[] = [];
  const status = entry.comment.status;
  if (status !== 'removed') ids.push('remove');
  if (status !== 'published') ids.push('restore');
  if (reportsOpen && entry.reports.length > 0) ids.push('dismiss');
  if (standing?.status !== 'banned') ids.push('ban');
  if (standing?.status !== 'banned') ids.push('suspend');
  if (standing === null || standing.status !== 'active') ids.push('unban');
  if (threadStatus !== 'closed') ids.push('close');
  if (threadStatus !== 'open') ids.push('reopen');
  return ids;
}
