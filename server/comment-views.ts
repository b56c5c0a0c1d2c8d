// Turns comment records into API Comments with their conversation summary and the viewer's
// report flag, in a fixed number of queries per page (never one per comment).
import { presentComment, type CommentJson } from './present.js';
import type { CommentRecord, ReplySummary, Store } from './store.js';

/** Replies inlined on a top-level comment so one request renders the first screen. */
const INLINE_REPLIES = 3;

export async function presentComments(store: Store, records: readonly CommentRecord[], viewerId: string | null): Promise<CommentJson[]> {
  const topLevelIds = records.filter((r) => r.rootId === null).map((r) => r.id);
  const summaries = topLevelIds.length > 0 ? await store.summarizeReplies(topLevelIds, viewerId, INLINE_REPLIES) : new Map<string, ReplySummary>();
  const shownIds = [...records, ...[...summaries.values()].flatMap((s) => s.first)].map((r) => r.id);
  const asked = viewerId !== null && shownIds.length > 0;
  const [reported, recommended] = asked
    ? await Promise.all([store.reportedBy(viewerId, shownIds), store.recommendedBy(viewerId, shownIds)])
    : [new Set<string>(), new Set<string>()];
  const flags = (r: CommentRecord) => ({ viewerReported: reported.has(r.id), viewerRecommended: recommended.has(r.id) });
  // Replies answer with an empty conversation of their own: the thread is flat below the top level.
  const reply = (r: CommentRecord): CommentJson => presentComment(r, { replyCount: 0, replies: [], ...flags(r) });
  return records.map((record) => {
    const summary = summaries.get(record.id);
    if (!summary) return reply(record);
    return presentComment(record, {
      replyCount: summary.count,
      replies: summary.first.map(reply),
      ...flags(record),
    });
  });
}

export async function presentOne(store: Store, record: CommentRecord, viewerId: string | null): Promise<CommentJson> {
  const [comment] = await presentComments(store, [record], viewerId);
  return comment!;
}

/** Comments drawn as replies are (no conversation of their own): the featured strip. */
export async function presentFlat(store: Store, records: readonly CommentRecord[], viewerId: string | null): Promise<CommentJson[]> {
  const shown = await presentComments(store, records.map((r) => (r.rootId === null ? { ...r, rootId: r.id } : r)), viewerId);
  return shown.map((c) => ({ ...c, replyCount: 0, replies: [] }));
}
