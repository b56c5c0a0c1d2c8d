import { css } from 'lit';

/** Plain and high-contrast: text #1a1a1a on white (16:1), links and focus rings well above 3:1. */
export const styles = css`
  :host { display: block; font: 1rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 60rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.5rem; margin: 0; }
  h2 { font-size: 1.25rem; }
  h3 { font-size: 1rem; margin: 0 0 0.25rem; }
  h4 { font-size: 0.95rem; margin: 0.75rem 0 0.25rem; }
  header, nav, .toolbar, .actions, .live { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  header { justify-content: space-between; border-bottom: 1px solid #767676; padding-bottom: 0.5rem; }
  .who { margin: 0; flex: 1; }
  nav { margin: 0.75rem 0; }
  button, input, select { font: inherit; }
  button { padding: 0.3rem 0.7rem; border: 1px solid #1a1a1a; border-radius: 4px; background: #f2f2f2; color: #1a1a1a; cursor: pointer; min-height: 24px; }
  button[aria-pressed='true'] { background: #1a1a1a; color: #fff; }
  button:disabled { color: #595959; cursor: default; }
  input, select { padding: 0.25rem 0.4rem; border: 1px solid #595959; border-radius: 4px; }
  :focus-visible, .entry:focus { outline: 3px solid #0050b3; outline-offset: 2px; }
  .keys { font-size: 0.875rem; color: #3d3d3d; }
  .live { min-height: 2.5rem; }
  .live p, .alert { margin: 0; }
  .alert, .error { color: #a4000f; }
  .entries { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
  .entry { border: 1px solid #767676; border-radius: 6px; padding: 0.75rem; }
  .entry.selected { border: 2px solid #0050b3; background: #f5f9ff; }
  .meta, .label, .thread-status { color: #3d3d3d; font-weight: normal; }
  .state { font-size: 0.875rem; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3rem; margin-left: 0.25rem; }
  .body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0; }
  .quote { border-left: 3px solid #767676; padding-left: 0.5rem; margin: 0.25rem 0; }
  .quote .meta { margin: 0; font-size: 0.875rem; }
  .replies { list-style: none; padding: 0; }
  .note { display: block; overflow-wrap: anywhere; }
  .actions { margin-top: 0.5rem; }
  .suspend { display: inline-flex; gap: 0.25rem; align-items: center; }
  .suspend input { width: 5rem; }
  .sign-in { display: grid; gap: 0.4rem; max-width: 24rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; border-bottom: 1px solid #b3b3b3; padding: 0.3rem; overflow-wrap: anywhere; }
  dialog { max-width: 32rem; border: 2px solid #1a1a1a; border-radius: 6px; }
  dialog::backdrop { background: rgb(0 0 0 / 0.4); }
  .shortcuts div { display: flex; gap: 0.75rem; }
  .shortcuts dt { min-width: 2rem; }
  .shortcuts dd { margin: 0; }
  kbd { border: 1px solid #595959; border-radius: 3px; padding: 0 0.3rem; font-family: ui-monospace, monospace; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
