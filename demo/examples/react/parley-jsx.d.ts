// JSX typings for <parley-comments> and <parley-count> in React 19, which passes properties
// and `on<event-name>` listeners to custom elements itself. Copy this file into a project
// (any .d.ts the tsconfig includes): attributes, properties and events are then checked.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ParleyComments, ParleyEventMap } from 'parley-comments';

/** `onparley-load={(event) => …}`: React 19 listens for `parley-load`; the detail is typed. */
type ParleyEventProps = { [K in keyof ParleyEventMap as `on${K}`]?: (event: ParleyEventMap[K]) => void };

/** The attributes of the element (strings, as in HTML). */
interface ParleyCommentsAttributes {
  'backend-url': string;
  'thread-id'?: string;
  'thread-url'?: string;
  'thread-title'?: string;
  'subscribe-url'?: string;
  'sign-in-url'?: string;
  'rules-url'?: string;
  sort?: 'newest' | 'oldest';
  'page-size'?: number;
  loading?: 'lazy' | 'eager';
  credentials?: RequestCredentials;
  'request-timeout'?: number;
  theme?: 'light' | 'dark' | 'auto';
}

/** Set as properties (React 19 does so when the element is defined before it renders). */
type ParleyCommentsProperties = Partial<Pick<ParleyComments, 'getAuthToken' | 'strings'>>;

type ElementProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'parley-comments': ElementProps<ParleyComments> & ParleyCommentsAttributes & ParleyCommentsProperties & ParleyEventProps;
      'parley-count': ElementProps<HTMLElement> & { 'thread-id': string; 'backend-url': string };
    }
  }
}
