import { css } from 'lit';

/** The report form, its confirmation and Undo. */
export const reportStyles = css``;
