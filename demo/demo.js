// The persona switcher: mints a token for the chosen persona from the demo server
// (POST /demo/token) and hands it to the widget. The choice survives a reload.
const STORAGE_KEY = 'parley-demo-persona';
const form = document.getElementById('persona-form');
const status = document.getElementById('persona-status');
const comments = document.querySelector('parley-comments');

async function mintToken(persona) {
  const response = await fetch('/demo/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
  if (!response.ok) throw new Error(`The demo server refused the persona (${response.status}).`);
  return (await response.json()).token;
}

async function switchTo(persona) {
  status.textContent = 'Switching…';
  try {
    const token = await mintToken(persona);
    sessionStorage.setItem(STORAGE_KEY, persona);
    comments.getAuthToken = () => token;
    // The bundle is a module script that runs before this one: defined now, or missing.
    if (customElements.get('parley-comments')) await comments.refresh();
    const label = form.querySelector(`input[value="${persona}"]`).parentElement.textContent.trim();
    status.textContent = `Viewing as: ${label}.`;
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
  }
}

async function warnIfWidgetMissing() {
  const response = await fetch('/dist/parley-comments.js', { method: 'HEAD' });
  document.getElementById('widget-missing').hidden = response.ok;
}

// A real site would open its sign-in or paywall here; the demo points at the switcher instead.
function suggestPersona(event, persona, hint) {
  event.preventDefault();
  const radio = form.querySelector(`input[value="${persona}"]`);
  radio.focus();
  status.textContent = hint;
}
comments.addEventListener('parley-sign-in', (event) =>
  suggestPersona(event, 'subscriber', 'This demo has no sign-in page: choose a persona above to sign in.'));
comments.addEventListener('parley-subscribe', (event) =>
  suggestPersona(event, 'subscriber', 'This demo has no paywall: choose "Subscriber" above to comment.'));

form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.name === 'persona') void switchTo(event.target.value);
});

const saved = sessionStorage.getItem(STORAGE_KEY);
const initial = form.querySelector(`input[name="persona"][value="${CSS.escape(saved ?? 'signed-out')}"]`);
if (initial) initial.checked = true;
void switchTo(initial ? initial.value : 'signed-out');
void warnIfWidgetMissing();
