// `npm run bench:server`: requests/second and p99 latency of the thread GET at 20 comments a
// page, against a seeded thread, over loopback. The server runs in its own process (as in
// production) so the load generator does not share its event loop.
// BENCH_DURATION (seconds, default 10) and BENCH_CONNECTIONS (default 50) adjust the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { REPO_ROOT } from './config.js';
import { SqliteStore } from './sqlite-store.js';
import { mintViewerToken } from './tokens.js';

const THREAD = 'bench-thread';
const TOP_LEVEL = 500;
const USERS = 50;
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-000000';
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

/** 500 top-level comments with 0–5 replies each, and open reports here and there. */
async function seed(path: string): Promise<void> {
  const store = new SqliteStore(path);
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

async function measure(label: string, url: string, pid: number, headers: Record<string, string> = {}): Promise<void> {
  await autocannon({ url, connections, duration: 2, headers }); // warm-up: JIT, SQLite page cache
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({ url, connections, duration, headers });
  const cpuAfter = cpuSeconds(pid);
  const failures = result.errors + result.timeouts + result.non2xx;
  const cpuPerRequest = cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / result.requests.total;
  console.log(`${label.padEnd(11)} ${result.requests.average.toFixed(0).padStart(6)} req/s   ` +
    `p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms   ` +
    `(${result.requests.total} requests, ${failures} failed)` +
    (cpuPerRequest === null ? '' : `   server CPU ${cpuPerRequest.toFixed(2)} ms/request ≈ ${Math.round(1000 / cpuPerRequest)} req/s per core`));
  if (failures > 0) process.exitCode = 1;
}

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const dbPath = join(dir, 'bench.db');
let child: ChildProcess | undefined;
try {
  await seed(dbPath);
  const server = await startServer(dbPath);
  child = server.child;
  const url = `${server.base}/api/v1/comments?thread=${THREAD}&limit=20`;
  const token = await mintViewerToken(new TextEncoder().encode(SECRET), { id: 'bench-u7', displayName: 'Reader 7', subscriber: true, staff: false });
  console.log(`GET /api/v1/comments?thread=…&limit=20 — ${connections} connections, ${duration} s, loopback`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}, ${process.platform}, load average ${loadavg()[0]!.toFixed(2)} at start`);
  await measure('signed out', url, child.pid!);
  await measure('signed in', url, child.pid!, { authorization: `Bearer ${token}` });
} finally {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
