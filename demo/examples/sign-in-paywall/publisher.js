// A publisher's glue between its own accounts and the comment section:
// - getAuthToken hands the widget the reader's token (it is asked before every request, and once
//   more after a 401, so a token that expired is simply fetched again);
// - parley-sign-in and parley-subscribe are cancelable: preventDefault() keeps the reader on the
//   article and opens the publisher's own sign-in or paywall instead of following the link.
const comments = document.querySelector('parley-comments');
const signInDialog = document.getElementById('sign-in-dialog');
const signInForm = document.getElementById('sign-in-form');
const paywall = document.getElementById('paywall-dialog');
const status = document.getElementById('session-status');

const SESSION_KEY = 'publisher-comments-token';
let token = sessionStorage.getItem(SESSION_KEY);

comments.getAuthToken = () => token;

comments.addEventListener('parley-sign-in', (event) => {
  event.preventDefault();
  signInDialog.showModal();
});

comments.addEventListener('parley-subscribe', (event) => {
  event.preventDefault();
  paywall.showModal();
});

comments.addEventListener('parley-load', (event) => {
  const { viewer } = event.detail;
  status.textContent = viewer ? `Signed in as ${viewer.displayName}${viewer.subscriber ? ', subscriber' : ''}.` : 'Signed out.';
});

signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch(signInForm.dataset.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ persona: new FormData(signInForm).get('persona') }),
  });
  if (!response.ok) {
    status.textContent = `Sign-in failed (${response.status}).`;
    return;
  }
  token = (await response.json()).token;
  sessionStorage.setItem(SESSION_KEY, token);
  signInDialog.close();
  await comments.refresh(); // the same thread, now read as the signed-in reader
});

for (const button of document.querySelectorAll('[data-close]')) {
  button.addEventListener('click', () => button.closest('dialog').close());
}
