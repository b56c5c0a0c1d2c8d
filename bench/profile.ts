// `node --import tsx bench/profile.ts [first-100|more-500|more-2000]`: where the widget's time
// goes. Bundles src/ unminified (readable function names), runs one scenario of the benchmark
// under the V8 sampling profiler and prints the functions with the most self time; the whole
// profile goes to bench/results/profile-<scenario>.json (load it in Chrome DevTools).
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { scenario, startHarness } from './harness.js';

const key = process.argv[2] ?? 'more-2000';
const chosen = scenario(key);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const bundled = await build({ entryPoints: ['src/define.ts'], bundle: true, format: 'esm', target: 'es2022', write: false,
  tsconfig: 'tsconfig.json', logLevel: 'error' });
const harness = await startHarness(bundled.outputFiles[0]!.contents);
try {
  const page = await harness.openPage();
  const session = await page.createCDPSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  const result = await harness.measure<{ ms: number }>(page, 'widget', chosen);
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };

  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.replace(harness.site.origin, '')}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + (self.get(node.id) ?? 0));
  }
  const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
  console.log(`${key}: ${result.ms.toFixed(0)} ms under the profiler; self time by function (of ${(total / 1000).toFixed(0)} ms sampled):`);
  for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
  // Inclusive time: a function's own samples plus everything it called (recursion counted once).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} :${n.callFrame.lineNumber + 1}`;
  const walk = (id: number, open: Set<string>): number => {
    const node = byId.get(id)!;
    const name = label(node);
    const nested = open.has(name);
    if (!nested) open.add(name);
    let sum = self.get(id) ?? 0;
    for (const child of node.children ?? []) sum += walk(child, open);
    if (!nested) {
      open.delete(name);
      if (node.callFrame.url.endsWith('/parley-comments.js')) inclusive.set(name, (inclusive.get(name) ?? 0) + sum);
    }
    return sum;
  };
  walk(profile.nodes[0]!.id, new Set());
  console.log('\nInclusive time of the bundle\'s named functions (self + callees):');
  for (const [name, us] of [...inclusive].filter(([n]) => !/^\S{1,2} :/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/profile-${key}.json`, JSON.stringify(profile));
  console.log(`\nWrote bench/results/profile-${key}.json (load it in DevTools); the unminified bundle is line-numbered as served at /parley-comments.js.`);
} finally {
  await harness.close();
}
