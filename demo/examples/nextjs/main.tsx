// Stands in for Next.js in this example: the HTML below the article is what the server
// rendered for <ParleyThread> (see scripts/build-examples.mjs, which checks that rendering it
// on the server works), and the browser hydrates it as Next's client runtime would.
import { hydrateRoot } from 'react-dom/client';
import ParleyThread from './ParleyThread';

const mount = document.getElementById('comments-root')!;
hydrateRoot(mount, <ParleyThread backendUrl={mount.dataset.backendUrl!} threadId={mount.dataset.threadId!} />);
