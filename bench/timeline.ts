// `node --import tsx bench/timeline.ts [widget|baseline] [first-100|more-500|more-2000]`: every
// main-thread task of one traced run of a benchmark scenario, with the style, layout, script and
// GC time inside each — where the time between insertion and the last comment goes.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { launchBrowser, serveSite } from '../test/e2e/browser.js';
import { startBenchBackend } from './backend.js';

const SCENARIOS: Record<string, { pageSize: number; target: number }> = {
  'first-20': { pageSize: 20, target: 20 },
  'first-100': { pageSize: 100, target: 100 },
  'more-500': { pageSize: 100, target: 500 },
  'more-2000': { pageSize: 100, target: 2000 },
};
const kind = process.argv[2] === 'baseline' ? 'baseline' : 'widget';
const key = process.argv[3] ?? 'first-100';
const scenario = SCENARIOS[key];
if (!scenario) throw new Error(`unknown scenario ${key}; one of ${Object.keys(SCENARIOS).join(', ')}`);
const minMs = Number(process.env.TIMELINE_MIN_MS ?? 1);

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string } }

const pageScript = ts.transpileModule(readFileSync(new URL('./page.ts', import.meta.url), 'utf8'), {
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
}).outputText;
const js = { 'Content-Type': 'text/javascript; charset=utf-8' };
const site = await serveSite({
  '/parley-comments.js': { body: readFileSync('dist/parley-comments.js'), headers: js },
  '/bench-page.js': { body: pageScript, headers: js },
  '/': { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>timeline</title><link rel="icon" href="data:,">
<style>body { margin: 0; font: 16px system-ui } #stage { width: 680px; margin: 0 auto }</style></head><body><div id="stage"></div>
<script type="module" src="/parley-comments.js"></script><script type="module" src="/bench-page.js"></script></body></html>` },
});
const backend = await startBenchBackend(2000, site.origin);
const browser = await launchBrowser();
try {
  // A warm-up page first, as the benchmark does.
  for (const traced of [false, true]) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${site.origin}/`);
    await page.waitForFunction(() => customElements.get('parley-comments') && 'parleyBench' in window);
    if (traced) await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'toplevel', 'blink.user_timing', 'v8'] });
    const arg = JSON.stringify({ base: backend.base, threadId: backend.threadId, ...scenario });
    const m = (await page.evaluate(`window.parleyBench.${kind}(${arg})`)) as { ms: number; firstCommentMs: number };
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
  await browser.close();
  await backend.close();
  site.server.close();
}
