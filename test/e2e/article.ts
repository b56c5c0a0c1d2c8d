// A publisher's article on its own origin with the built widget (every chunk), its token
// provider reading localStorage, and the reference server beside it allowing that origin.
import { startServer, type TestServer } from '../server/harness.js';
import { builtFiles, serveSite, type Site } from './browser.js';

export interface Article {
  site: Site;
  api: TestServer;
}

/** `attributes`: more of `<parley-comments>`'s attributes, given the site (e.g. a thread-url on it). */
export async function startArticle(thread: string, title: string, attributes: (site: Site) => string = () => ''): Promise<Article> {
  const site = await serveSite({
    ...builtFiles('parley-comments', 'parley-thread-view', 'parley-live', 'parley-posting', 'parley-report', 'parley-engage'),
    // Runs before the bundle: the token provider is set on the element before it upgrades.
    '/page.js': {
      body: "document.querySelector('parley-comments').getAuthToken = () => localStorage.getItem('token');",
      headers: { 'Content-Type': 'text/javascript' },
    },
  });
  const api = await startServer({ PARLEY_ALLOWED_ORIGINS: site.origin });
  site.files['/'] = {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"></head><body>
<parley-comments backend-url="${api.base}/api/v1" thread-id="${thread}" loading="eager" ${attributes(site)}></parley-comments>
<script type="module" src="/page.js"></script>
<script type="module" src="/parley-comments.js"></script>
</body></html>`,
  };
  return { site, api };
}
