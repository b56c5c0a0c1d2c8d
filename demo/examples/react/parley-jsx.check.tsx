// Type-checked with the examples (never bundled): proves parley-jsx.d.ts types are real, not
// `any` — each @ts-expect-error below must meet an error, or `tsc` fails.
import type { ParleyEventMap } from 'parley-comments';

export const typed = [
  <parley-comments backend-url="/api/v1" sort="oldest" page-size={50} theme="auto"
    onparley-posted={(event) => event.detail.comment.id.toUpperCase()}
    onparley-sign-in={(event: ParleyEventMap['parley-sign-in']) => event.preventDefault()} />,
  <parley-count thread-id="story-1" backend-url="/api/v1">Comments</parley-count>,
];

export const refused = [
  // @ts-expect-error -- backend-url is required
  <parley-comments thread-id="story-1" />,
  // @ts-expect-error -- sort is 'newest' | 'oldest'
  <parley-comments backend-url="/api/v1" sort="sideways" />,
  // @ts-expect-error -- the detail of parley-load has no comment
  <parley-comments backend-url="/api/v1" onparley-load={(event) => event.detail.comment} />,
  // @ts-expect-error -- getAuthToken returns a token, not a number
  <parley-comments backend-url="/api/v1" getAuthToken={() => 42} />,
];
