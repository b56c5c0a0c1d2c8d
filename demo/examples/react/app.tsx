// A React 19 app rendering <parley-comments>: attributes and properties as props, the
// element's events as `on<event-name>` props, typed by parley-jsx.d.ts.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'parley-comments/define'; // registers the element before React first renders it
import type { ParleyEventMap } from 'parley-comments';

interface ArticleCommentsProps {
  backendUrl: string;
  threadId: string;
}

export function ArticleComments({ backendUrl, threadId }: ArticleCommentsProps) {
  const [summary, setSummary] = useState('Loading the conversation…');
  const onLoad = (event: ParleyEventMap['parley-load']) => {
    const { thread, viewer } = event.detail;
    setSummary(`${thread.commentCount} comments · ${viewer ? `signed in as ${viewer.displayName}` : 'signed out'}`);
  };
  const onError = (event: ParleyEventMap['parley-error']) => setSummary(`Comments failed to load (${event.detail.code}).`);

  return (
    <section aria-label="Reader comments">
      <p className="comments-summary" role="status">{summary}</p>
      <parley-comments
        backend-url={backendUrl}
        thread-id={threadId}
        sort="newest"
        subscribe-url="/subscribe"
        sign-in-url="/login"
        onparley-load={onLoad}
        onparley-error={onError}
      />
    </section>
  );
}

const mount = document.getElementById('comments-root')!;
createRoot(mount).render(
  <StrictMode>
    <ArticleComments backendUrl={mount.dataset.backendUrl!} threadId={mount.dataset.threadId!} />
  </StrictMode>,
);
