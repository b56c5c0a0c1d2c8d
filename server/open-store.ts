// Which store PARLEY_DB names: a postgres:// (or postgresql://) URL is the PostgreSQL store for
// several instances; anything else is a SQLite file (or :memory:), the embedded default.
import { isPostgresUrl, PostgresStore, redactUrl } from './pg-store.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** Opening failed for a reason a person can act on; the message is one line and holds no password. */
export class StoreOpenError extends Error {}

export interface StoreSettings {
  dbPath: string;
  /** PostgreSQL connections per instance. */
  dbPoolMax?: number;
}

/** What to print of the setting: a URL without its password, or the file path. */
export const describeStore = (dbPath: string): string => (isPostgresUrl(dbPath) ? redactUrl(dbPath) : dbPath);

export async function openStore({ dbPath, dbPoolMax }: StoreSettings): Promise<Store> {
  if (!isPostgresUrl(dbPath)) return new SqliteStore(dbPath);
  try {
    return await PostgresStore.open(dbPath, { poolMax: dbPoolMax });
  } catch (error) {
    const e = error as { code?: string; message?: string };
    // pg's messages name the host and port but never the password; keep the first line only.
    const reason = [e.code, (e.message ?? String(error)).split('\n')[0]].filter(Boolean).join(': ');
    throw new StoreOpenError(`cannot open the PostgreSQL database ${redactUrl(dbPath)}: ${reason}`);
  }
}
