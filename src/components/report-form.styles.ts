import { css } from 'lit';

/**
 * The report button's reported state and the panel under a comment (confirmation with Undo,
 * notices). The form's own rules travel with the form, which loads when first needed.
 */
export const reportStyles = css`
  .reported { font-weight: 600; }
  .report > * {
    display: grid; gap: 0.5rem; padding: 0.75rem var(--_space);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt);
  }
  .report-error { color: var(--_danger); }
  .report [aria-disabled='true'] { cursor: progress; opacity: 0.65; }
  .report-status { justify-items: start; }
`;
