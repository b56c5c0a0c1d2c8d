// The demo report queue: lists comments with open reports and calls the admin API. The admin
// token comes from the demo server (GET /demo/admin-token), which exists in demo mode only.
const queue = document.getElementById('queue');
const pending = document.getElementById('pending');
const done = document.getElementById('done');
const status = document.getElementById('queue-status');
const template = document.getElementById('item-template');
let adminToken = null;

async function admin(method, path) {
  adminToken ??= (await (await fetch('/demo/admin-token')).json()).token;
  const response = await fetch(`/api/v1/admin${path}`, { method, headers: { Authorization: `Bearer ${adminToken}` } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One queue entry; every piece of user text goes in as text, never as HTML. */
function renderItem(comment, threadId, reports) {
  const item = template.content.firstElementChild.cloneNode(true);
  item.dataset.commentId = comment.id;
  item.querySelector('.author').textContent = comment.author.displayName;
  item.querySelector('.thread').textContent = threadId;
  const created = item.querySelector('.created');
  created.dateTime = comment.createdAt;
  created.textContent = dateFormat.format(new Date(comment.createdAt));
  item.querySelector('.state').textContent = comment.status;
  item.querySelector('.body').textContent = comment.status === 'removed' ? '(removed)' : comment.body;
  const list = item.querySelector('.reports');
  for (const report of reports) {
    const entry = document.createElement('li');
    entry.textContent = `${report.reason.replace('_', ' ')} — reported by ${report.reporterId}${report.note ? `: “${report.note}”` : ''}`;
    list.append(entry);
  }
  const restore = item.querySelector('[data-action="restore"]');
  restore.hidden = comment.status === 'published';
  if (comment.status === 'pending') restore.textContent = 'Approve';
  item.querySelector('[data-action="remove"]').hidden = comment.status === 'removed';
  item.querySelector('[data-action="dismiss-reports"]').hidden = reports.length === 0;
  item.querySelector('.actions').addEventListener('click', (event) => {
    const action = event.target instanceof HTMLButtonElement ? event.target.dataset.action : undefined;
    if (action) void act(action, comment, threadId, item);
  });
  return item;
}

async function act(action, comment, threadId, item) {
  try {
    if (action === 'ban') {
      const user = await admin('POST', `/users/${encodeURIComponent(comment.author.id)}/ban`);
      status.textContent = `${user.displayName} is now ${user.status}.`;
      return;
    }
    const changed = await admin('POST', `/comments/${encodeURIComponent(comment.id)}/${action}`);
    item.remove();
    done.prepend(renderItem(changed, threadId, []));
    status.textContent = `Comment by ${changed.author.displayName}: ${action.replace('-', ' ')} done.`;
    await loadQueue();
  } catch (error) {
    status.textContent = error.message;
  }
}

/** Every page of an admin listing. */
async function listAll(path) {
  const items = [];
  let cursor = null;
  do {
    const page = await admin('GET', `${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function loadQueue() {
  try {
    const [items, held] = await Promise.all([listAll('/reports'), listAll('/pending')]);
    pending.replaceChildren(...held.map((i) => renderItem(i.comment, i.threadId, [])));
    document.getElementById('pending-section').hidden = held.length === 0;
    queue.replaceChildren(...items.map((i) => renderItem(i.comment, i.threadId, i.reports)));
    if (items.length === 0) {
      const empty = document.createElement('li');
      empty.textContent = 'No open reports. Report a comment on the article page, then reload.';
      queue.append(empty);
    }
  } catch (error) {
    status.textContent = error.message;
  }
}

document.getElementById('reload').addEventListener('click', () => void loadQueue());
void loadQueue();
