import type { Kit } from '../kit.js';

/** The engage chunk's rules (Recommend, the Featured strip, the edit form), on the thread view's. */
export const engageStyles = (css: Kit['css']) => css`
  .recommend .count { font-variant-numeric: tabular-nums; }
  .recommend.on { color: var(--_accent); font-weight: 600; }
  .recommendations { color: var(--_muted); padding: 0.25rem 0.375rem; }
  /* Edit in place: the form stands where the text was. */
  .comment:has(> form.edit) > .content > .body { display: none; }
  .edit { display: grid; gap: 0.5rem; margin-block-start: 0.5rem; }
  .edit textarea { font: inherit; inline-size: 100%; box-sizing: border-box; padding: 0.5rem; }
  .edit .row { display: flex; gap: 0.5rem; margin: 0; }
  .featured {
    margin-block-end: var(--_space); padding: var(--_space); border: 1px solid var(--_border); border-radius: 0.5rem;
  }
  .featured h3 { margin: 0 0 0.5rem; font-size: 1rem; }
  .featured ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
  .featured .author { font-weight: 600; }
  .featured .body {
    margin: 0.25rem 0; white-space: pre-line; overflow: hidden;
    display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3;
  }
`;
