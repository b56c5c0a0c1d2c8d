// `npm run import -- disqus|wordpress FILE.xml`, `npm run import -- map FROM TO` and
// `npm run export -- FILE.jsonl`: moving in and out, run against PARLEY_DB (default
// .data/parley.db; a postgres:// URL for the PostgreSQL store). docs/migration.md says what
// maps to what.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { ConfigError, storageConfigFromEnv } from './config.js';
import { exportAll } from './export.js';
import { importExport, ImportError, type ImportFormat } from './import.js';
import { openStore, StoreOpenError } from './open-store.js';
import type { Store } from './store.js';

const USAGE = `usage:
  npm run import -- disqus FILE.xml       a Disqus export (streamed; running it again adds nothing)
  npm run import -- wordpress FILE.xml    a WordPress export (WXR)
  npm run import -- map FROM_ID TO_ID     give an imported author's comments to a user of your sign-in
  npm run export -- FILE.jsonl            everything, one JSON object per line ("-" for stdout)`;

async function run(store: Store, [command, ...args]: string[]): Promise<number> {
  if ((command === 'disqus' || command === 'wordpress') && args.length === 1) {
    const started = performance.now();
    const summary = await importExport(store, command as ImportFormat, createReadStream(args[0]!));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0);
    console.log(`import: ${summary.format} ${args[0]}: ${seconds} s, peak memory ${peak} MB`);
    console.log(`  threads:  ${summary.threads.created} created, ${summary.threads.existing} already there`);
    console.log(`  authors:  ${summary.users.created} new`);
    console.log(`  comments: ${summary.comments.created} created, ${summary.comments.existing} already there`);
    const skipped = Object.entries(summary.skipped);
    console.log(`  skipped:  ${skipped.length ? skipped.map(([why, n]) => `${n} ${why}`).join('; ') : 'none'}`);
    return 0;
  }
  if (command === 'map' && args.length === 2) {
    const moved = await store.reassignAuthor(args[0]!, args[1]!);
    console.log(`import: ${moved} comments of ${args[0]} now belong to ${args[1]}`);
    return 0;
  }
  if (command === 'export' && args.length === 1) {
    const out = args[0] === '-' ? process.stdout : createWriteStream(args[0]!);
    const counts = await exportAll(store, out);
    if (out !== process.stdout) {
      out.end();
      await once(out, 'finish');
      console.log(`export: ${args[0]}: ${Object.entries(counts).map(([table, n]) => `${n} ${table}`).join(', ')}`);
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  let store: Store | undefined;
  try {
    store = await openStore(storageConfigFromEnv(process.env));
    return await run(store, argv);
  } catch (error) {
    const known = error instanceof ImportError || error instanceof ConfigError || error instanceof StoreOpenError
      || (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!known) throw error;
    console.error(`${argv[0] === 'export' ? 'export' : 'import'}: ${(error as Error).message}`);
    return 1;
  } finally {
    await store?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
