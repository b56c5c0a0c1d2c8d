import { css } from 'lit';

/** The subscribe prompt, notices and the composer (top-level and inline replies). */
export const composerStyles = css`
  .prompt, .composer { display: grid; gap: 0.5rem; }
  .prompt { padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt); }
  h3 { margin: 0; font-size: 1.0625em; }
  summary { cursor: pointer; color: var(--_accent); }
  .links, .composer-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  .button { padding: 0.375rem 1rem; border-radius: var(--_radius); font-weight: 600; }
  label { font-weight: 600; }
  textarea {
    min-block-size: 5rem; max-block-size: 60vh; field-sizing: content; resize: vertical;
    padding: 0.5rem; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
  }
  [aria-invalid='true'], .over { border-color: var(--_danger); color: var(--_danger); }
  .composer-row { color: var(--_muted); font-size: 0.875em; }
  .hint { margin-inline-end: auto; }
`;
