// `node --import tsx bench/timeline.ts [widget|baseline] [first-100|more-500|more-2000]`: every
// main-thread task of one traced run of a benchmark scenario, with the style, layout, script and
// GC time inside each — where the time between insertion and the last comment goes.
import { readFileSync } from 'node:fs';
import { DIST, readChunks, scenario, startHarness } from './harness.js';

const kind = process.argv[2] === 'baseline' ? 'baseline' : 'widget';
const key = process.argv[3] ?? 'first-100';
const chosen = scenario(key);
const minMs = Number(process.env.TIMELINE_MIN_MS ?? 1);

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string } }

const harness = await startHarness(readFileSync(`${DIST}/parley-comments.js`), readChunks());
try {
  // A warm-up page first, as the benchmark does.
  for (const traced of [false, true]) {
    const page = await harness.openPage();
    if (traced) await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'toplevel', 'blink.user_timing', 'v8'] });
    const m = await harness.measure<{ ms: number; firstCommentMs: number }>(page, kind, chosen);
    if (!traced) { await page.close(); continue; }
    const { traceEvents } = JSON.parse(Buffer.from((await page.tracing.stop())!).toString('utf8')) as { traceEvents: TraceEvent[] };
    const main = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const onMain = traceEvents.filter((e) => main.has(`${e.pid}:${e.tid}`));
    const start = onMain.find((e) => e.name === 'parley-bench-start')!.ts;
    const end = onMain.find((e) => e.name === 'parley-bench-painted')!.ts;
    const sum = (task: TraceEvent, names: string[]) => onMain
      .filter((e) => e.ph === 'X' && names.includes(e.name) && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur!)
      .reduce((s, e) => s + (e.dur ?? 0) / 1000, 0);
    console.log(`${kind} ${key}: ${m.ms.toFixed(1)} ms traced (first comment ${m.firstCommentMs.toFixed(1)} ms); tasks ≥ ${minMs} ms:`);
    console.log('   at ms    task   script  style  layout  paint    GC');
    let busy = 0;
    for (const e of onMain) {
      if (e.ph !== 'X' || e.name !== 'RunTask' || e.ts > end || e.ts + (e.dur ?? 0) < start) continue;
      const ms = e.dur! / 1000;
      busy += ms;
      if (ms < minMs) continue;
      const f = (n: number) => n.toFixed(1).padStart(6);
      console.log(`${f((e.ts - start) / 1000)}  ${f(ms)}  ${f(sum(e, ['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks']))} ${f(sum(e, ['UpdateLayoutTree']))}  ${f(sum(e, ['Layout']))}  ${f(sum(e, ['Paint', 'PrePaint', 'Layerize']))} ${f(sum(e, ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR']))}`);
    }
    if (process.env.TIMELINE_LAYOUTS) {
      for (const e of onMain) {
        if (e.ph === 'X' && e.name === 'Layout' && (e.dur ?? 0) > 2000 && e.ts >= start && e.ts <= end) {
          const a = e.args as unknown as { beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean } };
          console.log(`  layout at ${((e.ts - start) / 1000).toFixed(1)} ms: ${((e.dur ?? 0) / 1000).toFixed(1)} ms, ${JSON.stringify(a.beginData)}`);
        }
      }
    }
    console.log(`main thread busy ${busy.toFixed(1)} ms of ${((end - start) / 1000).toFixed(1)} ms`);
    await page.close();
  }
} finally {
  await harness.close();
}
