// Tells Vue's template compiler that parley-* tags are custom elements, not Vue components
// (without it Vue warns "Failed to resolve component" on every render). Used at build time by
// scripts/build-examples.mjs, as a Vite project would in vite.config: vue({ template: { compilerOptions: { isCustomElement } } }).
export const isCustomElement = (tag) => tag.startsWith('parley-');
