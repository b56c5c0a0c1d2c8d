// `npm run bench`: the built bundle in headless Chromium against a local backend, timed
// against plain createElement code rendering the same JSON in the same run. Prints a table and
// writes every run to bench/results/<timestamp>.json. Method and figures: docs/performance.md.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { SCENARIOS as ALL_SCENARIOS, DIST, readChunks, startHarness, TOTAL, type Scenario } from './harness.js';
import type { Measurement } from './page.js';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const TRACED_RUNS = Math.max(1, Math.min(RUNS, 3));
const BUNDLE = `${DIST}/parley-comments.js`;
const DEADLINE_MS = 5 * 60_000;
const began = Date.now();
const HAND_DATES = process.env.BENCH_BASELINE_DATES === 'hand';
// Other work on the machine skews every figure; it is printed and saved with the results.
const loadAtStart = loadavg()[0]!;

// BENCH_SCENARIOS=first-100,more-2000 runs only those (the 2,000 heap figure needs more-2000).
const only = process.env.BENCH_SCENARIOS?.split(',');
const SCENARIOS = ALL_SCENARIOS.filter((s) => !only || only.includes(s.key));
type Kind = 'widget' | 'baseline';

/** The bundle's bytes, read once: other builds may replace dist/ while the benchmark runs. */
function readBundle(): Buffer {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (existsSync(BUNDLE)) {
      try {
        return readFileSync(BUNDLE);
      } catch {
        /* removed between the check and the read: build again */
      }
    }
    console.log(`${BUNDLE} is missing: npm run build`);
    const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  throw new Error(`${BUNDLE} keeps disappearing; is another build running?`);
}

/** The median of each mark over the runs that have it. */
function medianMarks(runs: Measurement[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.marks)))];
  return Object.fromEntries(names.map((name) => [name, median(runs.flatMap((r) => (name in r.marks ? [r.marks[name]!] : [])))]));
}

/** The marks in the order a page meets them. */
const MARKS = ['view-requested', 'thread-decoded', 'view-evaluated', 'first-comment', 'last-comment', 'done', 'laid-out'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string } }

/** The longest main-thread task and what filled it: style recalculation, layout, garbage collection. */
export interface LongestTask { ms: number; styleMs: number; layoutMs: number; gcMs: number }

/**
 * The longest task on a renderer's main thread between the page's start and end marks, in ms
 * (a task that straddles a mark counts whole: it held the thread during the measurement).
 */
function longestTask(trace: Uint8Array): LongestTask {
  const { traceEvents } = JSON.parse(Buffer.from(trace).toString('utf8')) as { traceEvents: TraceEvent[] };
  const mainThreads = new Set(traceEvents
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const onMain = traceEvents.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`));
  const mark = (name: string) => onMain.find((e) => e.name === name)?.ts;
  const start = mark('parley-bench-start');
  const done = mark('parley-bench-done');
  // The window runs to the end of the frame that shows the last page (see bench/page.ts).
  const end = mark('parley-bench-painted');
  if (start === undefined || done === undefined || end === undefined) throw new Error('the trace holds no parley-bench marks');
  const inside = (task: TraceEvent, names: string[], from = 0) => onMain
    .filter((e) => e.ph === 'X' && names.includes(e.name) && e.ts >= Math.max(task.ts, from) && e.ts + (e.dur ?? 0) <= task.ts + task.dur!)
    .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  // The harness's own forced layout after the last comment (between the done and end marks)
  // is not the widget's work: it is taken out of the task it falls in.
  const harness = (task: TraceEvent) => (task.ts + task.dur! >= done ? inside(task, ['UpdateLayoutTree', 'Layout'], done) : 0);
  let longest: TraceEvent | undefined;
  let longestMs = 0;
  for (const e of onMain) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || e.ts > end || e.ts + (e.dur ?? 0) < start) continue;
    const ms = (e.dur ?? 0) / 1000 - harness(e);
    if (ms > longestMs) [longest, longestMs] = [e, ms];
  }
  if (!longest) return { ms: 0, styleMs: 0, layoutMs: 0, gcMs: 0 };
  const within = (names: string[]) => inside(longest, names) - (longest.ts + longest.dur! >= done ? inside(longest, names, done) : 0);
  return {
    ms: longestMs,
    styleMs: within(['UpdateLayoutTree']),
    layoutMs: within(['Layout']),
    gcMs: within(['MinorGC', 'MajorGC']),
  };
}

const bundle = readBundle();
const harness = await startHarness(bundle, readChunks());
const { browser, openPage } = harness;

async function measure(page: Page, kind: Kind, s: Scenario): Promise<Measurement> {
  const m = await harness.measure<Measurement>(page, kind, s);
  if (m.comments !== s.target) throw new Error(`${kind} ${s.key}: showed ${m.comments} comments, expected ${s.target}`);
  return m;
}

async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
}

interface Run extends Measurement { heap?: number }
const runs: Record<string, Record<Kind, Run[]>> = {};
const traced: Record<string, Record<Kind, LongestTask>> = {};
const tracedRuns: Record<string, Record<Kind, LongestTask[]>> = {};

try {
  // One discarded run of each kind warms the disk cache and the backend's sockets.
  for (const kind of ['widget', 'baseline'] as const) {
    const page = await openPage();
    await measure(page, kind, ALL_SCENARIOS[1]!);
    await page.close();
  }

  for (const s of SCENARIOS) {
    runs[s.key] = { widget: [], baseline: [] };
    for (let i = 0; i < RUNS; i++) {
      if (Date.now() - began > DEADLINE_MS) throw new Error('benchmark over its 5-minute bound; lower BENCH_RUNS');
      // Alternate which goes first so neither always meets a warmer machine.
      const order: Kind[] = i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
      for (const kind of order) {
        const page = await openPage();
        const run: Run = await measure(page, kind, s);
        if (s.target === TOTAL) run.heap = await heapAfterGc(page);
        runs[s.key]![kind].push(run);
        await page.close();
      }
    }
    // Separate traced runs give every main-thread task, short ones included; tracing slows the
    // page, so their times are not mixed into the timed runs.
    const longest: Record<Kind, LongestTask[]> = { widget: [], baseline: [] };
    for (let i = 0; i < TRACED_RUNS; i++) {
      for (const kind of ['widget', 'baseline'] as const) {
        const page = await openPage();
        await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'toplevel', 'blink.user_timing'] });
        await measure(page, kind, s);
        longest[kind].push(longestTask((await page.tracing.stop())!));
        await page.close();
      }
    }
    // The traced run with the median longest task stands for the scenario; all are saved.
    const middle = (tasks: LongestTask[]) => [...tasks].sort((a, b) => a.ms - b.ms)[tasks.length >> 1]!;
    traced[s.key] = { widget: middle(longest.widget), baseline: middle(longest.baseline) };
    tracedRuns[s.key] = longest;
  }

  const emptyPage = await openPage();
  const emptyHeap = await heapAfterGc(emptyPage);
  await emptyPage.close();

  const gzip = gzipSync(bundle, { level: 9 }).length;
  const rows = SCENARIOS.map((s) => {
    const { widget, baseline } = runs[s.key]!;
    const w = median(widget.map((r) => r.ms));
    const b = median(baseline.map((r) => r.ms));
    return {
      scenario: s.key,
      label: s.label,
      widgetMs: w,
      baselineMs: b,
      ratio: w / b,
      // Each widget run over the baseline run next to it in time: steadier when the load drifts.
      pairedRatio: median(widget.map((r, i) => r.ms / baseline[i]!.ms)),
      // To the end of the frame that shows them: what the reader waits for.
      painted: {
        widgetMs: median(widget.map((r) => r.paintedMs)),
        baselineMs: median(baseline.map((r) => r.paintedMs)),
        ratio: median(widget.map((r) => r.paintedMs)) / median(baseline.map((r) => r.paintedMs)),
        pairedRatio: median(widget.map((r, i) => r.paintedMs / baseline[i]!.paintedMs)),
      },
      firstCommentMs: { widget: median(widget.map((r) => r.firstCommentMs)), baseline: median(baseline.map((r) => r.firstCommentMs)) },
      longestTaskMs: { widget: traced[s.key]!.widget.ms, baseline: traced[s.key]!.baseline.ms },
      longestTask: traced[s.key]!,
      longTasksOver50: {
        widget: widget.reduce((n, r) => n + r.longTasks.length, 0),
        baseline: baseline.reduce((n, r) => n + r.longTasks.length, 0),
        widgetMaxMs: Math.max(0, ...widget.flatMap((r) => r.longTasks)),
      },
      elements: { widget: widget[0]!.elements, baseline: baseline[0]!.elements },
      // Where the time goes: the median time from the start of each user-timing mark.
      marks: { widget: medianMarks(widget), baseline: medianMarks(baseline) },
    };
  });
  const heap2000 = {
    widgetBytes: runs['more-2000'] ? median(runs['more-2000'].widget.map((r) => r.heap!)) : NaN,
    baselineBytes: runs['more-2000'] ? median(runs['more-2000'].baseline.map((r) => r.heap!)) : NaN,
    emptyPageBytes: emptyHeap,
  };
  const first100 = rows.find((r) => r.scenario === 'first-100');
  const instant100 = rows.find((r) => r.scenario === 'instant-100');
  const pageOf100 = rows.filter((r) => SCENARIOS.find((s) => s.key === r.scenario)!.pageSize === 100);
  const targets = {
    firstScreen100Within1_5x: first100 ? first100.painted.ratio <= 1.5 : null,
    firstScreen100LaidOutWithin1_5x: first100 ? first100.ratio <= 1.5 : null,
    instant100LaidOutWithin2x: instant100 ? instant100.ratio <= 2 : null,
    noTaskOver50msLoadingAPageOf100: pageOf100.every((r) => r.longestTaskMs.widget <= 50),
  };

  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
  const fmt = (ms: number) => ms.toFixed(1).padStart(8);
  const load = { start: loadAtStart, end: loadavg()[0]! };
  console.log(`\nParley bench: ${RUNS} runs each, medians; ${cpus().length} × ${cpus()[0]?.model.trim()}; ${await browser.version()}; `
    + `load average ${load.start.toFixed(1)} → ${load.end.toFixed(1)}`);
  if (Math.max(load.start, load.end) > cpus().length) console.log('Warning: the machine was busy with other work; expect noisy figures.');
  console.log(`The baseline's dates: ${HAND_DATES ? 'English by hand, as the widget\'s (BENCH_BASELINE_DATES=hand): no Intl on either side' : 'Intl (BENCH_BASELINE_DATES=hand: by hand, as the widget\'s English)'}`);
  console.log('');
  console.log('Painted: to the end of the frame that shows the comments. Laid out: to a forced layout before that frame.\n');
  console.log('scenario                        painted w / b ms    ratio (paired)  laid out w / b ms  ratio (paired)  1st comment w/b ms  longest task w/b ms  tasks>50ms w (max)  elements w/b');
  for (const r of rows) {
    console.log(`${r.label.padEnd(30)} ${fmt(r.painted.widgetMs)} /${fmt(r.painted.baselineMs)}  ${r.painted.ratio.toFixed(2).padStart(5)} (${r.painted.pairedRatio.toFixed(2)})  `
      + `${fmt(r.widgetMs)} /${fmt(r.baselineMs)}  ${r.ratio.toFixed(2).padStart(5)} (${r.pairedRatio.toFixed(2)})   `
      + `${r.firstCommentMs.widget.toFixed(1).padStart(7)} / ${r.firstCommentMs.baseline.toFixed(1).padEnd(7)}    `
      + `${r.longestTaskMs.widget.toFixed(1).padStart(7)} / ${r.longestTaskMs.baseline.toFixed(1).padEnd(7)}     `
      + `${String(r.longTasksOver50.widget).padStart(3)} (${r.longTasksOver50.widgetMaxMs.toFixed(0)})           `
      + `${r.elements.widget}/${r.elements.baseline}`);
  }
  const marked = rows.filter((r) => Object.keys(r.marks.widget).length);
  if (marked.length) {
    console.log('\nWhere the time goes: user-timing marks, median ms from the start (widget / baseline; the baseline marks only decoded and its one append):');
    console.log(`  ${'scenario'.padEnd(32)} ${MARKS.map((m) => m.padStart(15)).join('')}${'painted'.padStart(15)}`);
    for (const r of marked) {
      const cell = (m: string) => {
        const w = r.marks.widget[m];
        const b = r.marks.baseline[m];
        return `${w === undefined ? '–' : w.toFixed(1)} / ${b === undefined ? '–' : b.toFixed(1)}`.padStart(15);
      };
      console.log(`  ${r.label.padEnd(32)} ${MARKS.map(cell).join('')}${`${r.painted.widgetMs.toFixed(1)} / ${r.painted.baselineMs.toFixed(1)}`.padStart(15)}`);
    }
  }
  console.log(`\nThe widget's longest task (median of ${TRACED_RUNS} traced runs), and the style / layout / GC time inside it:`);
  for (const r of rows) {
    const t = r.longestTask.widget;
    console.log(`  ${r.label.padEnd(32)} ${t.ms.toFixed(1).padStart(7)} ms: style ${t.styleMs.toFixed(1)}, layout ${t.layoutMs.toFixed(1)}, `
      + `GC ${t.gcMs.toFixed(1)}, the rest script and DOM work`);
  }
  console.log(`\nJS heap after GC with 2,000 comments: widget ${mb(heap2000.widgetBytes)}, baseline ${mb(heap2000.baselineBytes)}, `
    + `empty page with the bundle ${mb(heap2000.emptyPageBytes)}`);
  console.log(`Bundle ${BUNDLE}: ${bundle.length} B minified, ${gzip} B gzip -9`);
  if (first100) {
    console.log(`Target: first screen of 100 within 1.5× baseline: ${targets.firstScreen100Within1_5x ? 'met' : 'NOT met'} `
      + `(painted ${first100.painted.ratio.toFixed(2)}×; laid out but not yet painted ${first100.ratio.toFixed(2)}×)`);
  }
  if (instant100) {
    console.log(`Target: first screen of 100, instant backend, laid out within 2.0× baseline (stretch 1.5×): ${targets.instant100LaidOutWithin2x ? 'met' : 'NOT met'} `
      + `(laid out ${instant100.ratio.toFixed(2)}×, paired ${instant100.pairedRatio.toFixed(2)}×; painted ${instant100.painted.ratio.toFixed(2)}×)`);
  }
  console.log(`Target: no task over 50 ms while loading a page of 100: ${targets.noTaskOver50msLoadingAPageOf100 ? 'met' : 'NOT met'} `
    + `(longest: ${pageOf100.map((r) => `${r.scenario} ${r.longestTaskMs.widget.toFixed(0)} ms`).join(', ')})`);

  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' }).stdout.trim();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${stamp}.json`;
  writeFileSync(file, `${JSON.stringify({
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    // The bundle is built from the working tree, which may hold uncommitted work.
    workingTreeDirty: git('status', '--porcelain', '--', 'src').length > 0,
    bundle: { file: BUNDLE, sha256: createHash('sha256').update(bundle).digest('hex'), bytes: bundle.length, gzip9: gzip },
    environment: { node: process.version, browser: await browser.version(), os: `${platform()} ${release()}`,
      cpus: cpus().length, cpu: cpus()[0]?.model.trim(), loadAverage: load },
    method: { runsPerScenario: RUNS, baselineDates: HAND_DATES ? 'by hand' : 'Intl', threadComments: TOTAL, longestTask: `max RunTask on CrRendererMain between the start and end marks, less the harness's final forced layout, median of ${TRACED_RUNS} traced runs per scenario and kind, with the UpdateLayoutTree, Layout and GC time inside it`,
      longTasksOver50: 'PerformanceObserver longtask entries summed over the timed runs' },
    rows,
    heap2000,
    targets,
    runs,
    tracedRuns,
    elapsedSeconds: (Date.now() - began) / 1000,
  }, null, 2)}\n`);
  console.log(`\nWrote ${file} in ${((Date.now() - began) / 1000).toFixed(0)} s`);
} finally {
  await harness.close();
}
