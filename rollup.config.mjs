// Bundles the CDN build: one minified ES module with Lit inside that registers the element.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

export default {
  input: { 'parley-comments': 'src/define.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: '[name].js',
    sourcemap: false,
  },
  plugins: [
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
    terser({
      ecma: 2022,
      module: true,
      compress: { passes: 2 },
      format: { comments: false },
    }),
  ],
};
