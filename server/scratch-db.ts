// A new, empty database for the tests and the benchmark: a SQLite file in a temporary folder, or
// a new schema in a PostgreSQL database (reached by a URL whose search_path names it). Dropped
// by `drop()`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface ScratchDatabase {
  /** What PARLEY_DB would say to reach it: a SQLite path, or a postgres:// URL naming the schema. */
  setting: string;
  drop(): Promise<void>;
}

async function onAdminConnection(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `prefix` is letters, digits and underscores: the schema's name is built from it. */
export async function scratchDatabase(store: 'sqlite' | 'postgres', prefix: string, pgUrl: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (store === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${name}-`));
    return { setting: join(dir, 'parley.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  await onAdminConnection(pgUrl, `CREATE SCHEMA ${name}`);
  const url = new URL(pgUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { setting: url.toString(), drop: () => onAdminConnection(pgUrl, `DROP SCHEMA IF EXISTS ${name} CASCADE`) };
}
