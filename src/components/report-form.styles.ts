import { css } from 'lit';

/** The report button's reported state, the report form, its confirmation and Undo. */
export const reportStyles = css`
  .reported { color: var(--_text); font-weight: 600; }
  .report-form, .report-status {
    display: grid; gap: 0.5rem; padding: 0.75rem var(--_space);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt);
  }
  .report h3 { margin: 0; font-size: 1em; }
  .report fieldset { display: grid; margin: 0; padding: 0; border: 0; }
  .report legend { padding: 0; margin-block-end: 0.25rem; }
  .reason { display: flex; align-items: center; gap: 0.5rem; min-block-size: 2.25rem; cursor: pointer; }
  .reason input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0; accent-color: var(--_accent); }
  .report textarea {
    inline-size: 100%; padding: 0.5rem; resize: vertical; background: var(--_surface);
    border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  .report [aria-invalid='true'] { border-color: var(--_danger); }
  .report-count { color: var(--_muted); font-size: 0.875em; }
  .report-error { color: var(--_danger); overflow-wrap: anywhere; }
  .report-buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .report [aria-disabled='true'] { cursor: progress; opacity: 0.65; }
  .report-status { grid-template-columns: 1fr auto; align-items: center; }
  .report-status .report-error { grid-column: 1 / -1; }
`;
