// The comment section as an ordinary React component. It registers the element when its module
// loads, so it must only ever load in the browser: ParleyThread.tsx makes sure of that.
import 'parley-comments/define';
import type { ParleyEventMap } from 'parley-comments';

export interface CommentsProps {
  backendUrl: string;
  threadId: string;
  /** The publisher's session token, if the reader is signed in. */
  getAuthToken?: () => string | null | Promise<string | null>;
  onLoaded?: (detail: ParleyEventMap['parley-load']['detail']) => void;
}

export function Comments({ backendUrl, threadId, getAuthToken, onLoaded }: CommentsProps) {
  return (
    <parley-comments
      backend-url={backendUrl}
      thread-id={threadId}
      getAuthToken={getAuthToken}
      onparley-load={(event) => onLoaded?.(event.detail)}
    />
  );
}
