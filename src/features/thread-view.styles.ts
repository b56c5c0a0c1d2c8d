import type { Kit } from '../kit.js';

/**
 * The rules of the thread once shown, adopted into the element's shadow root when the thread
 * view's chunk arrives; they build on the bundle's (`parley-comments.styles.ts`: the custom
 * properties, buttons, notices, errors, the loading placeholder).
 */
export const viewStyles = (css: Kit['css']) => css`
  .primary { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); font-weight: 600; }
  .link-button {
    border: 0; background: none; padding: 0.25rem 0.375rem; min-block-size: 1.5rem; min-inline-size: 1.5rem;
    color: var(--_muted); text-decoration: underline; text-underline-offset: 0.15em;
  }
  .link-button:hover { color: var(--_text); }

  ol { list-style: none; margin: 0; padding: 0; }
  /*
   * Block flow, not grid: appending a page lays out only the new items. Each loaded page is a
   * group skipped whole while offscreen, and each conversation inside it too.
   */
  .thread > li + li, .page > ol > li + li {
    margin-block-start: var(--_space); border-block-start: 1px solid var(--_rule); padding-block-start: var(--_space);
  }
  .page { content-visibility: auto; contain-intrinsic-block-size: auto 100rem; }
  .thread-item { content-visibility: auto; contain-intrinsic-block-size: auto 8rem; }
  .replies {
    display: grid; gap: calc(var(--_space) * 0.75); margin-block-start: calc(var(--_space) * 0.75);
    margin-inline-start: clamp(0.75rem, 4%, var(--_space) * 2);
    padding-inline-start: calc(var(--_space) * 0.75); border-inline-start: 2px solid var(--_border);
  }
  .comment { display: grid; gap: 0.375rem; min-inline-size: 0; }
  .content { display: contents; }
  .meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.5rem; }
  .author { font-weight: 600; overflow-wrap: anywhere; }
  .badge {
    font-size: 0.75em; padding: 0.0625rem 0.4rem; border-radius: 999px;
    background: var(--_surface-alt); color: var(--_text); border: 1px solid var(--_border); overflow-wrap: anywhere;
  }
  time, .edited, .answers { color: var(--_muted); font-size: 0.875em; }
  .body { white-space: pre-wrap; overflow-wrap: anywhere; }
  .placeholder { color: var(--_muted); font-style: italic; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.25rem; }
  .actions:empty { display: none; }

  .pending-notice { font-size: 0.875em; padding: 0.375rem 0.75rem; }

  /* The subscribe prompt. The comment and report forms bring their own rules with their chunks. */
  .prompt { display: grid; gap: 0.5rem; }
  h3 { margin: 0; font-size: 1em; }
  summary { cursor: pointer; color: var(--_accent); }
  .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  .button { padding: 0.375rem 1rem; border-radius: var(--_radius); text-decoration: none; }
  .reported { font-weight: 600; }

  .more { justify-self: start; }
  .replies-more { margin-block-start: 0.5rem; margin-inline-start: clamp(0.75rem, 4%, var(--_space) * 2); }
`;
