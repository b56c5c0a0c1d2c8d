import { css } from 'lit';

/**
 * Every colour, font, radius and spacing comes from a `--parley-*` custom property so a
 * publisher can theme the widget from their own stylesheet. Logical properties throughout,
 * so right-to-left pages mirror without extra rules.
 */
export const styles = css`
  /* light-dark() picks the first colour under color-scheme light, the second under dark. */
  :host {
    color-scheme: light;
    --_text: var(--parley-color, light-dark(#1b1b1b, #ececec));
    --_muted: var(--parley-muted-color, light-dark(#575757, #b4b4b4));
    --_accent: var(--parley-accent, light-dark(#0b57d0, #8ab4f8));
    --_on-accent: var(--parley-accent-contrast, light-dark(#ffffff, #0b1a33));
    --_surface: var(--parley-surface, light-dark(#ffffff, #161616));
    --_surface-alt: var(--parley-surface-alt, light-dark(#f3f4f6, #242424));
    --_border: var(--parley-border-color, light-dark(#80868f, #737373));
    --_rule: var(--parley-rule-color, light-dark(#e2e4e8, #333333));
    --_danger: var(--parley-danger, light-dark(#b3261e, #f2b8b5));
    --_focus: var(--parley-focus-color, var(--_accent));
    --_radius: var(--parley-radius, 6px);
    --_space: var(--parley-spacing, 1rem);
    display: block;
    color: var(--_text);
    /* At home on the page: its own background and typeface unless the publisher sets others. */
    background: var(--parley-background, light-dark(transparent, #161616));
    font-family: var(--parley-font, inherit);
    font-size: var(--parley-font-size, 1rem);
    line-height: var(--parley-line-height, 1.5);
  }
  :host([theme='dark']) { color-scheme: dark; }
  :host([theme='auto']) { color-scheme: light dark; }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  [hidden] { display: none !important; }
  p { margin: 0; }
  a { color: var(--_accent); text-underline-offset: 0.15em; }
  :focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }

  .visually-hidden {
    position: absolute; inline-size: 1px; block-size: 1px;
    overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  }

  section { display: grid; gap: var(--_space); }
  /* The page's language is on its way: the widget keeps its place but shows no English. */
  .translating { visibility: hidden; }

  header {
    display: flex; flex-wrap: wrap; align-items: baseline; gap: calc(var(--_space) / 2) var(--_space);
    border-block-end: 1px solid var(--_border); padding-block-end: calc(var(--_space) / 2);
  }
  h2 { margin: 0; font-size: var(--parley-heading-size, 1.25rem); font-family: var(--parley-heading-font, inherit); }
  [part='count'] { color: var(--_muted); }
  .sort { margin-inline-start: auto; display: flex; align-items: center; gap: 0.5em; color: var(--_muted); }
  .rules { color: var(--_muted); font-size: 0.9375em; }

  button, select, textarea, input { font: inherit; color: inherit; }
  button, select {
    min-block-size: 2.25rem; min-inline-size: 2.25rem; padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); cursor: pointer;
  }
  button:disabled { cursor: not-allowed; opacity: 0.65; }

  .notice, .error {
    padding: 0.75rem var(--_space); border-radius: var(--_radius);
    background: var(--_surface-alt); border: 1px solid var(--_border); overflow-wrap: anywhere;
  }
  .error { border-color: var(--_danger); display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem var(--_space); }
  .error p { flex: 1 1 16rem; }

  .skeleton { display: grid; gap: var(--_space); min-block-size: var(--parley-loading-height, 18rem); }
  .skeleton-comment { display: grid; gap: 0.5rem; }
  .skeleton-line { block-size: 0.875rem; border-radius: 4px; background: var(--_surface-alt); }
  .skeleton-line:first-child { inline-size: 30%; }
  .skeleton-line:last-child { inline-size: 70%; }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-line { animation: pulse 1.5s ease-in-out infinite; }
  }
  @keyframes pulse { 50% { opacity: 0.5; } }
`;
