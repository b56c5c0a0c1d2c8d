import { css } from 'lit';

/** The report button's reported state, the report form, its confirmation and Undo. */
export const reportStyles = css`
  .reported { font-weight: 600; }
  .report > * {
    display: grid; gap: 0.5rem; padding: 0.75rem var(--_space);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt);
  }
  .report fieldset { display: grid; margin: 0; padding: 0; border: 0; }
  .report legend { padding: 0; }
  .reason { display: flex; align-items: center; gap: 0.5rem; min-block-size: 2.25rem; }
  .reason input { inline-size: 1.5rem; block-size: 1.5rem; margin: 0; }
  .report textarea { padding: 0.5rem; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); }
  .report-count { color: var(--_muted); font-size: 0.875em; }
  .report-error { color: var(--_danger); }
  .report [aria-disabled='true'] { cursor: progress; opacity: 0.65; }
  .report-status { justify-items: start; }
`;
