// The CDN builds: `parley-comments.js`, one minified ES module with Lit inside that registers
// the element (other languages load on demand as chunks beside it), and `parley-count.js`,
// the tiny comment-count element. Built separately so neither shares a chunk with the other.
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

export default [bundle('parley-comments', 'src/define.ts'), bundle('parley-count', 'src/parley-count.ts')];
