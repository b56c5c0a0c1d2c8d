// Builds the integration examples that need a bundler (demo/examples/{react,nextjs,vue}) into
// each one's git-ignored build/ folder, the way a publisher's own build would: React and Vue from
// node_modules, the element from this package's exports (`parley-comments/define` → dist/lib).
// Type-checks the TypeScript examples first, and renders the Next.js client component on the
// server to check that it is safe there. Run `npm run build` before it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { compileScript, parse } from 'vue/compiler-sfc';
import { isCustomElement } from '../demo/examples/vue/custom-elements.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = resolve(root, 'demo/examples');

const typecheck = spawnSync('npx', ['tsc', '-p', resolve(examples, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

/** Compiles a `<script setup>` single-file component with its template inlined, as @vitejs/plugin-vue does. */
const vueFiles = {
  name: 'vue-sfc',
  setup(build) {
    build.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
      const { descriptor, errors } = parse(await readFile(path, 'utf8'), { filename: path });
      if (errors.length) return { errors: errors.map((error) => ({ text: String(error.message ?? error) })) };
      const script = compileScript(descriptor, {
        id: path,
        inlineTemplate: true,
        templateOptions: { compilerOptions: { isCustomElement } },
      });
      return { contents: script.content, loader: 'ts', resolveDir: dirname(path) };
    });
  },
};

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  jsx: 'automatic',
  logLevel: 'warning',
  absWorkingDir: root,
  define: {
    'process.env.NODE_ENV': '"production"',
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: [resolve(examples, 'react/app.tsx')], outdir: resolve(examples, 'react/build') }),
  // Comments.tsx (and with it the element and Lit) becomes a chunk loaded after hydration.
  esbuild.build({ ...common, entryPoints: [resolve(examples, 'nextjs/main.tsx')], outdir: resolve(examples, 'nextjs/build'), splitting: true }),
  esbuild.build({ ...common, entryPoints: [resolve(examples, 'vue/main.js')], outdir: resolve(examples, 'vue/build'), plugins: [vueFiles] }),
]);

// The server side of the Next.js example: rendering ParleyThread must neither load Lit (whose
// Node build would install a `customElements` shim on globalThis) nor differ from the markup
// that nextjs/index.html holds for the browser to hydrate.
const ssrDir = resolve(examples, 'nextjs/build/ssr');
await esbuild.build({
  ...common,
  minify: false,
  platform: 'node',
  splitting: true,
  packages: 'external',
  entryPoints: [resolve(examples, 'nextjs/ParleyThread.tsx')],
  outdir: ssrDir,
  outExtension: { '.js': '.mjs' },
});
const [{ default: ParleyThread }, { createElement }, { renderToString }] = await Promise.all([
  import(pathToFileURL(resolve(ssrDir, 'ParleyThread.mjs')).href),
  import('react'),
  import('react-dom/server'),
]);
const page = readFileSync(resolve(examples, 'nextjs/index.html'), 'utf8');
const mount = /<div id="comments-root" data-backend-url="([^"]*)" data-thread-id="([^"]*)">(.*?)<\/div>\n/.exec(page);
const rendered = renderToString(createElement(ParleyThread, { backendUrl: mount?.[1], threadId: mount?.[2] }));
if (!mount || rendered !== mount[3]) {
  console.error(`build-examples: nextjs/index.html must hold the server rendering of ParleyThread:\n  ${rendered}\nbut has:\n  ${mount?.[3]}`);
  process.exit(1);
}
if ('customElements' in globalThis) {
  console.error('build-examples: rendering ParleyThread on the server loaded the element (and Lit); it must load only in the browser.');
  process.exit(1);
}
console.log('build-examples: react, nextjs (server rendering checked), vue → demo/examples/*/build/');
