// The CDN builds: `parley-comments.js`, one minified ES module with Lit inside that registers
// the element (other languages load on demand as chunks beside it), and `parley-count.js`,
// the tiny comment-count element. Built separately so neither shares a chunk with the other.
// Apart from them, the moderation desk (`dist/moderate/`: its page and `desk.js`), which the
// reference server serves at /moderate/ and readers never load.
import { readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const plugins = () => [
  nodeResolve({ browser: true }),
  // Strips the whitespace of html`` and css`` templates; the text they render is unchanged.
  minifyHTML(),
  typescript({
    tsconfig: './tsconfig.json',
    rootDir: '.',
    noEmitOnError: true,
    noEmit: false,
    declaration: false,
    include: ['src/**/*.ts'],
  }),
  terser({ ecma: 2022, module: true, compress: { passes: 3 }, format: { comments: false } }),
];

const bundle = (name, input) => ({
  input: { [name]: input },
  // The report form's lazy chunk imports Lit from the bundle itself: no third, shared chunk.
  preserveEntrySignatures: 'allow-extension',
  output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'parley-[name].js', sourcemap: false },
  plugins: plugins(),
});

/** Copies the desk's page beside its script. */
const deskPage = () => ({
  name: 'parley-desk-page',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'index.html', source: readFileSync('src/moderate/index.html', 'utf8') });
  },
});

const desk = {
  input: { desk: 'src/moderate/desk.ts' },
  output: { dir: 'dist/moderate', format: 'es', entryFileNames: '[name].js', sourcemap: false },
  plugins: [...plugins(), deskPage()],
};

export default [bundle('parley-comments', 'src/define.ts'), bundle('parley-count', 'src/parley-count.ts'), desk];
