// `npm run lint` (a step of `npm test`): ESLint with typescript-eslint's type-checked rules and
// the Lit and web-component plugins over the widget; lit-analyzer (`--strict`) checks the
// templates' bindings, tags and attributes apart. Each rule turned off below is a deliberate
// choice of this codebase, with the reason beside it (docs/decisions.md has the list).
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'demo/examples/*/build/', 'bench/results/', '.wtr-tmp/', '.data/'] },
  {
    files: ['src/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked, lit.configs['flat/recommended'],
      wc.configs['flat/best-practice']],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    // Without this, eslint-plugin-wc only recognises direct subclasses of HTMLElement.
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      // Lit rules beyond the recommended set that fit how this codebase writes templates.
      'lit/attribute-names': 'error',
      'lit/lifecycle-super': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/prefer-nothing': 'error',
      'lit/prefer-static-styles': 'error',
      'lit/value-after-constraints': 'error',
      // Lit always implements connected/disconnected/attributeChangedCallback: no guard needed.
      'wc/guard-super-call': 'off',
      // Event listeners in Lit templates are bound to the host, and the components' view
      // objects are built from arrow functions, so passing a method reference is safe.
      '@typescript-eslint/unbound-method': 'off',
      // `interface HTMLElementEventMap extends ParleyEventMap {}` is how a global map is augmented.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // Indexing is written as if noUncheckedIndexedAccess were on (`split(…)[0]!`) and DOM
      // lookups cast to the element type they expect; such assertions change nothing at run time.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Short sequences of assignments are written as one statement (`a = x, b = y`); tsc already
      // reports a comma operand that has no effect (TS2695).
      '@typescript-eslint/no-unused-expressions': 'off',
      // Not enabled: lit/no-this-assign-in-render. render() resets a non-reactive memo of what each
      // list slot last rendered (the thread's noChange skipping), which is the point of it.
    },
  },
);
