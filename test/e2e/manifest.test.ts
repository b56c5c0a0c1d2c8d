// The custom-elements manifest that `npm run build` writes (dist/custom-elements.json) is what
// editors and documentation tools read. Every public name in it has a description, and it lists
// every attribute, property, event, part and slot the spec and the README name, every part the
// templates render and every --parley-* property the styles read. Run after `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const SPEC = resolve(ROOT, '../shared/spec/element.md');

interface Named { name: string; description?: string; summary?: string; privacy?: string; kind?: string; static?: boolean }
interface ElementDoc {
  name: string; tagName?: string; customElement?: boolean; description?: string;
  attributes?: Named[]; members?: Named[]; events?: Named[]; slots?: Named[]; cssParts?: Named[]; cssProperties?: Named[];
}
interface Manifest { modules: { path: string; declarations?: ElementDoc[] }[] }

function loadElements(): Map<string, ElementDoc> {
  const file = join(ROOT, 'dist/custom-elements.json');
  assert.ok(existsSync(file), 'dist/custom-elements.json is missing: run `npm run build`');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  const elements = new Map<string, ElementDoc>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) elements.set(declaration.tagName, declaration);
    }
  }
  return elements;
}

const elements = loadElements();
const comments = elements.get('parley-comments');
const KINDS = ['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties'] as const;

const names = (list: Named[] | undefined) => (list ?? []).map((item) => item.name);
const isPublic = (item: Named) => item.privacy !== 'private' && item.privacy !== 'protected' && !item.name.startsWith('#');

/** The text under a Markdown heading, up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  assert.ok(start >= 0, `heading "${heading}" not found`);
  const level = heading.match(/^#+/)![0].length;
  const rest = markdown.slice(start + heading.length + 1);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}

const tableNames = (text: string) => [...text.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);
const backticked = (text: string) => [...text.replace(/\([^)]*\)/gs, '').matchAll(/`([a-z]+(?:-[a-z]+)*)`/g)].map((m) => m[1]!);

function assertListed(kind: (typeof KINDS)[number], expected: string[], source: string): void {
  assert.ok(expected.length > 0, `found no ${kind} in ${source}`);
  const missing = expected.filter((name) => !names(comments?.[kind]).includes(name));
  assert.deepEqual(missing, [], `${kind} named in ${source} but missing from the manifest`);
}

test('the manifest declares both elements with their tag names', () => {
  assert.deepEqual([...elements.keys()].sort(), ['parley-comments', 'parley-count']);
  for (const element of elements.values()) assert.ok(element.description?.trim(), `${element.tagName} has a description`);
});

test('every public attribute, property, method, event, slot, part and CSS property has a description', () => {
  const undocumented: string[] = [];
  const duplicated: string[] = [];
  for (const element of elements.values()) {
    for (const kind of KINDS) {
      const items = (element[kind] ?? []).filter(isPublic);
      for (const item of items) {
        if (!(item.description ?? item.summary ?? '').trim()) undocumented.push(`${element.tagName} ${kind} "${item.name}"`);
      }
      const seen = items.map((item) => item.name);
      duplicated.push(...seen.filter((name, i) => seen.indexOf(name) !== i).map((name) => `${element.tagName} ${kind} "${name}"`));
    }
  }
  assert.deepEqual(undocumented, []);
  assert.deepEqual(duplicated, [], 'each name is documented once');
  assert.ok(names(comments?.members).length >= 15, 'the public properties are there to check');
});

test('everything element.md names is in the manifest', { skip: !existsSync(SPEC) && `no spec at ${SPEC}` }, () => {
  const spec = readFileSync(SPEC, 'utf8');
  assertListed('attributes', tableNames(section(spec, '## Attributes (each also a property in camelCase)')), 'element.md');
  assertListed('events', tableNames(section(spec, '## Events (all `bubbles: true, composed: true`, detail typed)')), 'element.md');
  assertListed('cssParts', backticked(section(spec, '## Shadow parts (stable styling hooks; also what tests and integrators select on)')
    .split("The report form's reasons")[0]!), 'element.md');
  assertListed('slots', [...section(spec, '## Slots').matchAll(/^- `([a-z-]+)`/gm)].map((m) => m[1]!), 'element.md');
  assertListed('members', [...section(spec, '## Properties and methods (JavaScript only)').matchAll(/^- `(\w+)/gm)].map((m) => m[1]!), 'element.md');
});

test('everything the README names is in the manifest', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assertListed('attributes', tableNames(section(readme, '### Attributes')), 'README.md');
  assertListed('events', tableNames(section(readme, '### Events')), 'README.md');
  const styling = section(readme, '### Styling');
  assertListed('cssParts', backticked(styling.split('Shadow parts:')[1]!.split('\n\n')[0]!), 'README.md');
  assertListed('slots', backticked(styling.split('Slots:')[1]!.split('\n\n')[0]!), 'README.md');
  assertListed('cssProperties', [...styling.matchAll(/`(--parley-[a-z-]+)`/g)].map((m) => m[1]!), 'README.md');
  assertListed('members', [...section(readme, '### Properties and methods').matchAll(/^- `(\w+)/gm)].map((m) => m[1]!), 'README.md');
});

test('every part the templates render and every --parley-* property the styles read is in the manifest', () => {
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      // src/moderate/ is the moderation desk, its own page: not the widget's public surface.
      if (entry.isDirectory()) {
        if (path !== join(ROOT, 'src', 'moderate')) walk(path);
      } else if (entry.name.endsWith('.ts') && !path.endsWith('parley-count.ts')) sources.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(ROOT, 'src'));
  const all = sources.join('\n');
  const parts = new Set([...all.matchAll(/\bpart="([a-z -]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)).filter(Boolean));
  assertListed('cssParts', [...parts], 'the templates in src/');
  const properties = new Set([...all.matchAll(/var\((--parley-[a-z-]+)/g)].map((m) => m[1]!));
  assertListed('cssProperties', [...properties], 'the styles in src/');
});
