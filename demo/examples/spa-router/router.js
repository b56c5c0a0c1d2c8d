// A single-page site's router in miniature: links swap the article without a page load, and the
// one <parley-comments> follows by changing `threadId` (with `threadUrl` and `threadTitle` for a
// first post). The element reloads itself and drops any answer still on its way for the old thread.
const ARTICLES = {
  footbridge: {
    threadId: 'demo-article',
    headline: 'Mill Lane footbridge to close for fourteen months',
    standfirst: 'The 1911 crossing will shut from 17 March while its deck bearings are replaced.',
  },
  'market-hall': {
    threadId: 'examples/market-hall',
    headline: 'Council puts the Victorian market hall up for sale',
    standfirst: 'Traders have until the end of January to make an offer of their own.',
  },
};

const comments = document.querySelector('parley-comments');

function show(slug) {
  const article = ARTICLES[slug] ?? ARTICLES.footbridge;
  document.getElementById('headline').textContent = article.headline;
  document.getElementById('standfirst').textContent = article.standfirst;
  document.title = `${article.headline} — Single-page router example`;
  comments.threadId = article.threadId;
  comments.threadUrl = location.href;
  comments.threadTitle = article.headline;
}

document.querySelector('nav').addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  show(new URL(link.href).searchParams.get('article'));
});
window.addEventListener('popstate', () => show(new URLSearchParams(location.search).get('article')));
show(new URLSearchParams(location.search).get('article'));
