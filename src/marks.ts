/**
 * A user-timing mark, `parley:<name>`: where a page's time goes (`npm run bench` prints them;
 * DevTools shows them in its Timings track). One `performance.mark` each, a handful per page of
 * comments: view-requested, view-evaluated, thread-decoded, first-comment, last-comment.
 */
export const mark = (name: string): void => void performance.mark(`parley:${name}`);
