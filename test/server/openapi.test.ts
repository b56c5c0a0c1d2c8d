// The description itself: the schemas the widget's mocks are checked against exist and compile,
// and every error code the server can send is documented in docs/api.md and docs/openapi.yaml.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { OPENAPI_PATH, loadSchemaValidator, validateSchema } from '../../server/openapi-validate.js';

const SERVER_DIR = new URL('../../server/', import.meta.url);
const API_MD = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
const OPENAPI_TEXT = readFileSync(OPENAPI_PATH, 'utf8');

test('the named component schemas exist and compile', () => {
  const validate = loadSchemaValidator();
  const { components } = parse(OPENAPI_TEXT) as { components: { schemas: Record<string, unknown> } };
  for (const name of ['Thread', 'Viewer', 'Comment', 'ThreadPage', 'RepliesPage', 'ReportResult', 'Counts', 'Error', 'AdminReportsPage']) {
    assert.ok(name in components.schemas, name);
  }
  for (const name of Object.keys(components.schemas)) validate(name, null);
  assert.throws(() => validateSchema('NoSuchSchema', {}), /No schema named/);
});

test('schemas catch the mistakes a mock could make', () => {
  const comment = {
    id: 'c-1', parentId: null, author: { id: 'u', displayName: 'U', badges: [] }, body: 'x',
    createdAt: '2024-07-01T12:00:00Z', editedAt: null, status: 'published', replyCount: 0, replies: [], viewerReported: false,
    removedBy: null, recommendations: 0, viewerRecommended: false, featured: false,
  };
  assert.equal(validateSchema('Comment', comment).valid, true);
  assert.equal(validateSchema('Comment', { ...comment, createdAt: 'yesterday' }).valid, false);
  assert.equal(validateSchema('Comment', { ...comment, status: 'deleted' }).valid, false);
  assert.equal(validateSchema('Comment', { ...comment, status: 'removed' }).valid, false, 'a removed comment must have an empty body');
  assert.equal(validateSchema('Comment', { ...comment, status: 'removed', body: '' }).valid, false, 'and say who removed it');
  assert.equal(validateSchema('Comment', { ...comment, status: 'removed', body: '', removedBy: 'author' }).valid, true);
  assert.equal(validateSchema('Comment', { ...comment, removedBy: 'author' }).valid, false, 'only a removed comment was removed by anyone');
  assert.equal(validateSchema('Comment', { ...comment, extra: 1 }).valid, true, 'responses may grow');
  assert.equal(validateSchema('NewComment', { thread: { id: 'a' }, body: 'x', parentID: 'c-1' }).valid, false, 'requests may not');
  const viewer = { id: 'u', displayName: 'U', subscriber: true, status: 'suspended', suspendedUntil: null };
  assert.equal(validateSchema('Viewer', viewer).valid, false, 'a suspension has an end');
  assert.equal(validateSchema('Error', { error: { code: 'rate_limited' } }).valid, false);
});

test('every error code the server sends is documented', () => {
  const codes = new Set<string>();
  for (const file of readdirSync(SERVER_DIR).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(new URL(file, SERVER_DIR), 'utf8');
    for (const match of source.matchAll(/new ApiError\(\s*\d{3},\s*'([a-z_]+)'/g)) codes.add(match[1]!);
  }
  assert.ok(codes.size >= 25, `found only ${codes.size} codes: the pattern no longer matches the source`);
  // Answered outside /api/v1: the demo's persona endpoint and the health check (docs/server.md).
  const outsideApi = new Set(['invalid_persona', 'unavailable']);
  for (const code of codes) {
    if (outsideApi.has(code)) continue;
    assert.ok(API_MD.includes(`\`${code}\``) || API_MD.includes(` ${code}`), `docs/api.md does not mention ${code}`);
    assert.ok(OPENAPI_TEXT.includes(code), `docs/openapi.yaml does not mention ${code}`);
  }
});
