// A comment the viewer posts while a long page is still arriving a chunk at a time goes on top,
// in its own group; every comment already shown must stay shown (none briefly drops off the
// end of the list until the next chunk).
import { expect } from '@open-wc/testing';
import { FakeBackend } from './mocks/backend.js';
import { makeComment, makeThread } from './mocks/data.js';
import { parts, renderWidget, serveBackend, waitForComments } from './helpers.js';
import { subscriber } from './posting.helpers.js';

describe('posting while a page arrives in chunks', () => {
  it('adds the new comment on top and hides none of those already shown', async () => {
    const comments = Array.from({ length: 100 }, (_, i) => makeComment(100 - i));
    await serveBackend(new FakeBackend({ viewer: subscriber(), thread: makeThread({ commentCount: 100 }), comments }));
    const el = await renderWidget({ pageSize: 100 });
    const shown = () => parts(el, 'comment').map((c) => c.dataset.commentId);
    const seen = await new Promise<{ before: (string | undefined)[]; after: (string | undefined)[] }>((resolve) => {
      // Straight after the first chunk renders, before the next one (which may follow in the same
      // task when it fits the budget, or in the next): as a post's answer could land.
      const watch = new MutationObserver(() => {
        const before = shown();
        if (!before.length) return;
        watch.disconnect();
        el.threadState.insertComment(makeComment(500, { body: 'Posted mid-page.' }));
        void el.updateComplete.then(() => resolve({ before, after: shown() }));
      });
      watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    });
    expect(seen.before.length, 'the page was still arriving').to.be.lessThan(100);
    // The next chunk may have come with the same update: the list may have grown at its end.
    expect(seen.after.slice(0, seen.before.length + 1), 'the new comment on top, every comment shown before still shown')
      .to.deep.equal(['c-500', ...seen.before]);
    await waitForComments(el, 101);
  });
});
