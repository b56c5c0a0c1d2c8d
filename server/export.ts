// `npm run export`: every user, thread, comment and report, one JSON object per line, so a
// publisher is never locked in. Read in keyset pages: memory stays flat however big the site.
import type { Writable } from 'node:stream';
import { EXPORT_TABLES, NUMBERED, type ExportTable, type Store } from './store.js';

const PAGE = 1000;
const TYPES: Record<ExportTable, string> = { users: 'user', threads: 'thread', comments: 'comment', reports: 'report', audit_log: 'audit', recommendations: 'recommendation', comment_revisions: 'revision' };

/** One row as written: the same on every store (booleans as booleans, ids as text). */
function normalise(table: ExportTable, row: Record<string, unknown>): Record<string, unknown> {
  const { key: _, ...rest } = row;
  for (const name of ['subscriber', 'staff']) if (name in rest) rest[name] = Boolean(rest[name]);
  if (NUMBERED.has(table)) rest.id = Number(rest.id);
  return { type: TYPES[table], ...rest };
}

export async function exportAll(store: Store, out: Writable): Promise<Record<ExportTable, number>> {
  const counts = Object.fromEntries(EXPORT_TABLES.map((t) => [t, 0])) as Record<ExportTable, number>;
  out.write(`${JSON.stringify({ type: 'parley-export', version: 1, exportedAt: new Date().toISOString() })}\n`);
  for (const table of EXPORT_TABLES) {
    let after: string | null = null;
    for (;;) {
      const rows = await store.exportRows(table, after, PAGE);
      if (rows.length === 0) break;
      const text = rows.map((row) => JSON.stringify(normalise(table, row))).join('\n') + '\n';
      if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
      counts[table] += rows.length;
      after = rows[rows.length - 1]!.key;
    }
  }
  return counts;
}
