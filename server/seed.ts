// Seeds the demo thread on first run (demo mode only). Writes through the Store, bypassing the
// posting rules on purpose: the history is backdated and its authors never signed in here.
import { DEMO_THREAD, SEED_COMMENTS, SEED_USERS, type SeedComment } from './seed-thread.js';
import type { Store } from './store.js';

const MINUTE_MS = 60_000;

/** Seeds once; returns whether it did. The article "went up" a day before the first run. */
export async function seedDemo(store: Store, nowMs: number = Date.now()): Promise<boolean> {
  if (await store.getThread(DEMO_THREAD.id)) return false;
  const publishedAt = nowMs - 24 * 60 * MINUTE_MS;
  const nowIso = new Date(nowMs).toISOString();
  for (const user of SEED_USERS) {
    await store.upsertUser({ id: user.id, displayName: user.name, subscriber: user.subscriber, staff: user.staff ?? false }, nowIso);
  }
  let sequence = 0;
  const write = async (comment: SeedComment, parentId: string | null, rootId: string | null): Promise<void> => {
    sequence += 1;
    const id = `c-demo-${String(sequence).padStart(3, '0')}`;
    await store.createComment({
      id, thread: DEMO_THREAD, parentId, rootId, authorId: comment.by, body: comment.text, status: 'published',
      createdAt: new Date(publishedAt + comment.at * MINUTE_MS).toISOString(), idempotency: null,
    });
    if (comment.removed) await store.setCommentStatus(id, 'removed');
    if (comment.report) {
      const { by, reason, note } = comment.report;
      await store.openReport({ commentId: id, reporterId: by, reason, note, createdAt: nowIso });
    }
    for (const reply of comment.replies ?? []) await write(reply, id, rootId ?? id);
  };
  for (const comment of SEED_COMMENTS) await write(comment, null, null);
  return true;
}
