// `npm run bench:server`: requests/second and p99 latency of the thread GET at 20 comments a
// page, against a seeded thread of 500 top-level comments, over loopback — on SQLite and on
// PostgreSQL, with one instance and with two on one database, signed out and signed in, all in
// one run. Each server runs in its own process (as in production) so the load generator does not
// share its event loop; with two instances the connections are split between them.
// BENCH_DURATION (seconds, default 10), BENCH_CONNECTIONS (default 50), BENCH_STORES
// (default "sqlite,postgres"; PostgreSQL is skipped, saying so, when it does not answer) and
// BENCH_PG_URL (default PARLEY_TEST_PG_URL, or postgres://root@127.0.0.1:5432/test) adjust it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { REPO_ROOT } from './config.js';
import { openStore } from './open-store.js';
import { scratchDatabase } from './scratch-db.js';
import { mintViewerToken } from './tokens.js';

const THREAD = 'bench-thread';
const TOP_LEVEL = 500;
const USERS = 50;
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-000000';
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const stores = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',').map((x) => x.trim());
const pgUrl = process.env.BENCH_PG_URL || process.env.PARLEY_TEST_PG_URL || 'postgres://root@127.0.0.1:5432/test';

/** 500 top-level comments with 0–5 replies each, and open reports here and there. */
async function seed(setting: string): Promise<void> {
  const store = await openStore({ dbPath: setting });
  const start = Date.now() - 7 * 24 * 3600 * 1000;
  const now = new Date().toISOString();
  for (let u = 0; u < USERS; u++) {
    await store.upsertUser({ id: `bench-u${u}`, displayName: `Reader ${u}`, subscriber: u % 3 !== 0, staff: u === 0 }, now);
  }
  let n = 0;
  const at = () => new Date(start + ++n * 60_000).toISOString();
  for (let t = 0; t < TOP_LEVEL; t++) {
    const id = `c-bench-${t}`;
    const comment = { thread: { id: THREAD, url: 'https://news.example/bench', title: 'Bench' }, status: 'published' as const, idempotency: null };
    await store.createComment({ ...comment, id, parentId: null, rootId: null, authorId: `bench-u${t % USERS}`, body: `Top-level comment ${t}. `.repeat(8), createdAt: at() });
    for (let r = 0; r < t % 6; r++) {
      await store.createComment({ ...comment, id: `${id}-r${r}`, parentId: id, rootId: id, authorId: `bench-u${(t + r + 1) % USERS}`, body: `Reply ${r}.`, createdAt: at() });
    }
    if (t % 10 === 0) await store.openReport({ commentId: id, reporterId: 'bench-u1', reason: 'spam', note: null, createdAt: now });
  }
  await store.close();
}

/** Starts server/main.ts on a free port and resolves with its base URL. */
function startServer(dbPath: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', PARLEY_DB: dbPath, PARLEY_JWT_SECRET: SECRET, PARLEY_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/localhost:\d+)\//.exec(chunk.toString());
      if (match) resolve({ child, base: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}

/**
 * CPU seconds the server process has used (Linux /proc; null elsewhere). Unlike req/s, CPU per
 * request does not depend on what else the machine is doing, so it says what one core can serve.
 */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const USER_HZ = 100; // clock ticks per second on Linux
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ; // utime + stime
  } catch {
    return null;
  }
}

interface Row {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  failed: number;
  cpuMsPerRequest: number | null;
}
const rows: Row[] = [];

/** Drives every instance at once (the connections split between them) and sums what they served. */
async function measure(label: string, path: string, servers: Array<{ child: ChildProcess; base: string }>, headers: Record<string, string> = {}): Promise<void> {
  const each = Math.max(1, Math.floor(connections / servers.length));
  const drive = (seconds: number) => Promise.all(servers.map((s) => autocannon({ url: s.base + path, connections: each, duration: seconds, headers })));
  await drive(2); // warm-up: JIT, the database's page cache
  const cpuBefore = servers.map((s) => cpuSeconds(s.child.pid!));
  const results = await drive(duration);
  const cpuAfter = servers.map((s) => cpuSeconds(s.child.pid!));
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  const failed = results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0);
  const cpu = cpuBefore.every((c) => c !== null) && cpuAfter.every((c) => c !== null)
    ? cpuAfter.reduce((sum, c, i) => sum + c! - cpuBefore[i]!, 0) : null;
  const row: Row = {
    label,
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    // Per-instance histograms cannot be merged exactly; the worst instance's is the honest bound.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    max: Math.max(...results.map((r) => r.latency.max)),
    total,
    failed,
    cpuMsPerRequest: cpu === null ? null : (cpu * 1000) / total,
  };
  rows.push(row);
  console.log(`${label.padEnd(34)} ${row.rps.toFixed(0).padStart(6)} req/s   p50 ${row.p50} ms   p99 ${row.p99} ms   max ${row.max} ms   ` +
    `(${total} requests, ${failed} failed)` +
    (row.cpuMsPerRequest === null ? '' : `   server CPU ${row.cpuMsPerRequest.toFixed(2)} ms/request`));
  if (failed > 0) process.exitCode = 1;
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const path = `/api/v1/comments?thread=${THREAD}&limit=20`;
const token = await mintViewerToken(new TextEncoder().encode(SECRET), { id: 'bench-u7', displayName: 'Reader 7', subscriber: true, staff: false });
console.log(`GET /api/v1/comments?thread=…&limit=20 — ${connections} connections, ${duration} s, loopback`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
  `Node ${process.version}, ${process.platform}, load average ${loadavg()[0]!.toFixed(2)} at start`);
for (const store of stores) {
  if (store === 'postgres' && !(await postgresAnswers())) {
    console.log(`postgres: skipped — nothing answers at ${new URL(pgUrl).host} (set BENCH_PG_URL)`);
    continue;
  }
  const database = await scratchDatabase(store === 'postgres' ? 'postgres' : 'sqlite', 'parley_bench', pgUrl);
  const children: ChildProcess[] = [];
  try {
    await seed(database.setting);
    for (const instances of [1, 2]) {
      const servers = [];
      for (let i = 0; i < instances; i++) servers.push(await startServer(database.setting));
      children.push(...servers.map((s) => s.child));
      const name = `${store}, ${instances} instance${instances > 1 ? 's' : ''}`;
      await measure(`${name}, signed out`, path, servers);
      await measure(`${name}, signed in`, path, servers, { authorization: `Bearer ${token}` });
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve(null) : s.child.once('exit', resolve)))));
    }
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await database.drop();
  }
}
console.log(`load average ${loadavg()[0]!.toFixed(2)} at the end`);
console.log('\n| run | req/s | p50 | p99 | failed | server CPU per request |\n|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.failed} | ${r.cpuMsPerRequest === null ? '–' : `${r.cpuMsPerRequest.toFixed(2)} ms`} |`);
}
