/** What the admin API answers with, as the desk uses it (docs/api.md "Moderation"). */
export type CommentStatus = 'published' | 'pending' | 'removed';
export type QueueSort = 'count' | 'newest';
/** Which list the queue shows. */
export type QueueFilter = 'reported' | 'pending' | 'removed';

export interface AdminComment {
  id: string;
  threadId: string;
  parentId: string | null;
  author: { id: string; displayName: string };
  body: string;
  status: CommentStatus;
  createdAt: string;
}

export interface Report {
  reason: string;
  note: string | null;
  reporterId: string;
  createdAt: string;
}

export interface QueueEntry {
  comment: AdminComment;
  /** Its open reports, when it came from the report queue; empty otherwise. */
  reports: Report[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Standing {
  id: string;
  displayName: string;
  status: 'active' | 'banned' | 'suspended';
  suspendedUntil: string | null;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target: { type: 'comment' | 'user' | 'thread'; id: string };
  detail: string | null;
}

export type AuditPage = Page<AuditEntry>;

export interface AdminContext {
  comment: AdminComment;
  thread: { id: string; title: string; url: string; status: 'open' | 'closed' };
  parent: AdminComment | null;
  replies: AdminComment[];
}

export interface UserHistory {
  user: Standing;
  counts: Record<CommentStatus, number>;
  comments: AdminComment[];
  sanctions: AuditEntry[];
}
