/** The objects of HTTP API v1 (docs/api.md), as the widget uses them after decoding. */

export type ThreadStatus = 'open' | 'closed';
export type ViewerStatus = 'active' | 'banned' | 'suspended';
export type CommentStatus = 'published' | 'pending' | 'removed';
export type SortOrder = 'newest' | 'oldest' | 'top';
export type ReportReason = 'offensive' | 'abusive' | 'spam' | 'off_topic' | 'other';

export function isSortOrder(value: unknown): value is SortOrder {
  return value === 'newest' || value === 'oldest' || value === 'top';
}

/** The sort control's choices, with the key of each one's label. */
export const SORTS = [['newest', 'sortNewest'], ['oldest', 'sortOldest'], ['top', 'sortTop']] as const;

export const REPORT_REASONS: readonly ReportReason[] = ['offensive', 'abusive', 'spam', 'off_topic', 'other'];

export interface Thread {
  id: string;
  title: string | null;
  url: string | null;
  status: ThreadStatus;
  commentCount: number;
  maxCommentLength: number;
  /** How long after `createdAt` an author may edit; 300 when the backend does not say. */
  editWindowSeconds: number;
}

export interface Viewer {
  id: string;
  displayName: string;
  subscriber: boolean;
  status: ViewerStatus;
  suspendedUntil: string | null;
}

export interface Author {
  id: string;
  displayName: string;
  badges: string[];
}

export interface Comment {
  id: string;
  parentId: string | null;
  author: Author;
  body: string;
  createdAt: string;
  editedAt: string | null;
  status: CommentStatus;
  replyCount: number;
  replies: Comment[];
  viewerReported: boolean;
  /** Who removed it, when `status` is `removed`: the author's own deletion is worded apart. */
  removedBy: 'moderator' | 'author' | null;
  recommendations: number;
  viewerRecommended: boolean;
  featured: boolean;
}

export interface ThreadPage {
  thread: Thread;
  viewer: Viewer | null;
  comments: Comment[];
  nextCursor: string | null;
  /** Where the thread's live events go on from this page (GET /events?since=); null: from now. */
  lastEventId?: string | null;
  /** First page only: the thread's featured comments (the strip above the thread). */
  featured?: Comment[];
}

export interface RepliesPage {
  comments: Comment[];
  nextCursor: string | null;
}

export interface ReportResult {
  commentId: string;
  reason: ReportReason;
}

export interface RecommendationResult {
  commentId: string;
  recommendations: number;
  viewerRecommended: boolean;
}

export interface NewComment {
  thread: { id: string; url: string; title: string };
  body: string;
  parentId: string | null;
}
