// `cem analyze` (run by `npm run build`) writes dist/custom-elements.json from the JSDoc of the
// two elements: attributes, properties, events, slots, parts and CSS custom properties.
export default {
  globs: ['src/parley-comments.ts', 'src/parley-count.ts', 'src/define.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest itself; the analyzer would otherwise rewrite the file.
  packagejson: false,
  plugins: [publicSurfaceOnly()],
};

/**
 * Keeps the manifest to what integrators can use. The analyzer also lists Lit's internal
 * `state: true` properties as attributes, private and protected members, and (in
 * <parley-count>) properties assigned on other objects in the constructor
 * (`this.text.className = …` as a field `className`); this drops all three, and names the
 * modules by their published paths.
 */
function publicSurfaceOnly() {
  const declared = new Map(); // class name → { members: Set<string>, state: Set<string> }
  return {
    name: 'parley-public-surface-only',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const members = new Set();
      const state = new Set();
      for (const member of node.members) {
        const name = member.name && ts.isIdentifier(member.name) ? member.name.text : null;
        if (name) members.add(name);
        const isStaticProperties = name === 'properties' && ts.isPropertyDeclaration(member)
          && member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStaticProperties || !member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some((option) => ts.isPropertyAssignment(option)
            && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword);
          if (isState) state.add(property.name.getText());
        }
      }
      declared.set(node.name.text, { members, state });
    },
    packageLinkPhase({ customElementsManifest }) {
      // The package ships dist/lib/*.js, not src/*.ts: name the modules a consumer can import.
      const shipped = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/lib/$1.js');
      for (const module of customElementsManifest.modules) {
        module.path = shipped(module.path);
        for (const item of module.exports ?? []) {
          if (item.declaration?.module) item.declaration.module = shipped(item.declaration.module);
        }
        for (const declaration of module.declarations ?? []) {
          const found = declared.get(declaration.name);
          if (declaration.kind !== 'class' || !found) continue;
          declaration.members = declaration.members?.filter((member) =>
            found.members.has(member.name) && member.privacy !== 'private' && member.privacy !== 'protected'
            && !found.state.has(member.name));
          declaration.attributes = declaration.attributes?.filter((attribute) => !found.state.has(attribute.fieldName));
        }
      }
    },
  };
}
