// SIGTERM as orchestrators send it: stop taking connections, let the requests in flight finish,
// close the store, exit 0 — or, if they outlast the grace period, cut them and exit 1.
import type { ParleyServer } from './app.js';
import type { Store } from './store.js';

export async function gracefulShutdown(server: ParleyServer, store: Store, graceMs: number, log: (line: string) => void): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const outlasted = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  const result = await Promise.race([server.drain().then(() => 'done' as const), outlasted]);
  clearTimeout(timer);
  if (result === 'late') {
    log(`parley: requests still running after ${graceMs} ms; closing them`);
    server.closeAllConnections();
  }
  await store.close().catch((error: unknown) => log(`parley: closing the store failed: ${String(error)}`));
  return result === 'late' ? 1 : 0;
}
