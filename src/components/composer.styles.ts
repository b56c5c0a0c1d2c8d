import { css } from 'lit';

/** The subscribe prompt, notices and the composer (top-level and inline replies). */
export const composerStyles = css`
  .prompt, .composer { display: grid; gap: 0.5rem; }
  h3 { margin: 0; font-size: 1em; }
  summary { cursor: pointer; color: var(--_accent); }
  .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  .button { padding: 0.375rem 1rem; border-radius: var(--_radius); text-decoration: none; }
  .composer label { font-weight: 600; }
  .composer textarea {
    min-block-size: 5rem; field-sizing: content; padding: 0.5rem;
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
  }
  [aria-invalid='true'] { border-color: var(--_danger); }
  ::placeholder { color: var(--_muted); }
  .composer .row { color: var(--_muted); font-size: 0.875em; }
  .hint { margin-inline-end: auto; }
  .over { color: var(--_danger); font-weight: 600; }
  .composer [aria-disabled='true'] { cursor: progress; opacity: 0.65; }
`;
