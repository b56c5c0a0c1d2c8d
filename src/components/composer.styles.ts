import { css } from 'lit';

/** The subscribe prompt, notices and the composer (top-level and inline replies). */
export const composerStyles = css``;
