// `npm run moderate -- <command>`: the moderation API's functions, run directly against
// PARLEY_DB (default .data/parley.db; a postgres:// URL for the PostgreSQL store) — for a moderator at a terminal, or a cron job.
import { userInfo } from 'node:os';
import { ConfigError, storageConfigFromEnv } from './config.js';
import { ApiError } from './errors.js';
import { Moderation } from './moderation.js';
import { parseLimit } from './validate.js';
import { openStore, StoreOpenError } from './open-store.js';
import type { Store } from './store.js';

const USAGE = `usage: npm run moderate -- <command>
  list-reports [limit]        comments with open reports, most reported first
  list-pending [limit]        comments awaiting approval (PARLEY_PREMODERATE), oldest first
  remove <commentId>          hide a comment (replies stay) and close its reports
  restore <commentId>         publish a removed or pending comment
  dismiss <commentId>         keep the comment, close its reports
  feature <commentId>         show a published comment in the Featured strip above its thread
  unfeature <commentId>       take it out of the strip
  ban <userId>                stop a user posting and reporting
  suspend <userId> <until>    the same until an ISO 8601 time, e.g. 2030-01-31T00:00:00Z
  unban <userId>              lift a ban or suspension
  close <threadId>            no new comments on a thread
  reopen <threadId>           allow comments again
  audit [limit]               who did what when, newest first
The audit log names you as PARLEY_MODERATOR, else cli:<your login name>.`;

type Command = (m: Moderation, args: string[], actor: string) => Promise<unknown>;

// min/max: how many arguments each command takes.
const COMMANDS: Readonly<Record<string, { min: number; max: number; run: Command }>> = {
  'list-reports': { min: 0, max: 1, run: (m, [limit]) => m.listReports(parseLimit(limit ?? null, 100), null) },
  'list-pending': { min: 0, max: 1, run: (m, [limit]) => m.listPending(parseLimit(limit ?? null, 100), null) },
  remove: { min: 1, max: 1, run: (m, [id], actor) => m.remove(id!, actor) },
  restore: { min: 1, max: 1, run: (m, [id], actor) => m.restore(id!, actor) },
  dismiss: { min: 1, max: 1, run: (m, [id], actor) => m.dismissReports(id!, actor) },
  feature: { min: 1, max: 1, run: (m, [id], actor) => m.feature(id!, true, actor) },
  unfeature: { min: 1, max: 1, run: (m, [id], actor) => m.feature(id!, false, actor) },
  ban: { min: 1, max: 1, run: (m, [id], actor) => m.ban(id!, actor) },
  suspend: { min: 2, max: 2, run: (m, [id, until], actor) => m.suspend(id!, until, actor) },
  unban: { min: 1, max: 1, run: (m, [id], actor) => m.unban(id!, actor) },
  close: { min: 1, max: 1, run: (m, [id], actor) => m.setThreadStatus(id, 'closed', actor) },
  reopen: { min: 1, max: 1, run: (m, [id], actor) => m.setThreadStatus(id, 'open', actor) },
  audit: { min: 0, max: 1, run: (m, [limit]) => m.listAudit(parseLimit(limit ?? null, 100), null) },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command || args.length < command.min || args.length > command.max) {
    console.error(USAGE);
    return 2;
  }
  let store: Store | undefined;
  try {
    const settings = storageConfigFromEnv(process.env);
    store = await openStore(settings);
    const actor = process.env.PARLEY_MODERATOR || `cli:${userInfo().username}`;
    const result = await command.run(new Moderation(store, settings), args, actor);
    console.log(JSON.stringify(result, null, 2));
    return 0;
  } catch (error) {
    if (!(error instanceof ApiError || error instanceof ConfigError || error instanceof StoreOpenError)) throw error;
    console.error(`moderate: ${error.message}`);
    return 1;
  } finally {
    await store?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
