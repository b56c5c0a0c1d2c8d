// Moving in and out (issue 17): Disqus and WordPress exports imported through the store the
// suite runs on — twice, with the same result — and rendered through the API as the widget
// reads it; hostile and malformed files refused; everything exported as JSON lines.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { exportAll } from '../../server/export.js';
import { htmlToText, importExport, ImportError, type ImportSummary } from '../../server/import.js';
import { API, expectStatus, startServer, TEST_STORE, type TestServer } from './harness.js';

const fixture = (name: string) => createReadStream(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)));
let server: TestServer;
before(async () => (server = await startServer()));
after(() => server?.close());

const page = async (thread: string, token?: string) =>
  expectStatus(await server.call('GET', `${API}/comments?thread=${encodeURIComponent(thread)}`, { token: token ?? null }), 200);
const replies = async (id: string) => expectStatus(await server.call('GET', `${API}/comments/${id}/replies`), 200).comments;

describe(`import (${TEST_STORE})`, () => {
  test('a Disqus export: threads by their address, replies in place, spam and deletions removed, twice the same', async () => {
    const first = await importExport(server.store, 'disqus', fixture('disqus-small.xml'));
    assert.deepEqual(first, {
      format: 'disqus',
      threads: { created: 2, existing: 0 },
      users: { created: 6 },
      comments: { created: 6, existing: 0 },
      skipped: {
        'thread without a web address': 1,
        'comment on a thread not in the export': 1,
        'reply to a comment not in the export': 1,
      },
    } satisfies ImportSummary);
    const bridge = await page('https://news.example/2024/bridge-reopens');
    assert.equal(bridge.thread.title, 'The bridge reopens after two years');
    assert.equal(bridge.thread.status, 'open');
    assert.equal(bridge.thread.commentCount, 3, 'the spam is not counted');
    assert.deepEqual(bridge.comments.map((c: any) => [c.id, c.status, c.body]), [
      ['c-disqus-5003', 'removed', ''],
      ['c-disqus-5001', 'published', 'Finally! My commute is twenty minutes shorter.\n\nThanks to the crews.'],
    ]);
    const [, ann] = bridge.comments;
    assert.equal(ann.author.displayName, 'Ann Hale');
    assert.equal(ann.createdAt, '2024-03-01T09:00:00.000Z');
    assert.equal(ann.replyCount, 2);
    assert.deepEqual((await replies('c-disqus-5001')).map((r: any) => [r.id, r.parentId, r.body, r.author.displayName]), [
      ['c-disqus-5002', 'c-disqus-5001', 'And the cycle lane is wider — a good call.', 'Bob Okafor'],
      ['c-disqus-5004', 'c-disqus-5002', 'Agreed with Bob.', 'Carys Jones'],
    ]);
    // The fragment of an exported link is not part of the article's address.
    const ferry = await page('https://news.example/2024/ferry-timetable');
    assert.equal(ferry.thread.status, 'closed');
    assert.equal(ferry.thread.title, 'Ferry timetable & fares change');
    assert.deepEqual(ferry.comments.map((c: any) => c.body), ['', 'Timetables should be printed at the pier.\nAnd online.']);

    const again = await importExport(server.store, 'disqus', fixture('disqus-small.xml'));
    assert.deepEqual(again.threads, { created: 0, existing: 2 });
    assert.deepEqual(again.users, { created: 0 });
    assert.deepEqual(again.comments, { created: 0, existing: 6 });
    assert.equal((await page('https://news.example/2024/bridge-reopens')).thread.commentCount, 3, 'nothing doubled');
  });

  test('a WordPress export: approved, held and spam comments, replies, guests and members; pingbacks left out', async () => {
    const summary = await importExport(server.store, 'wordpress', fixture('wordpress-small.xml'));
    assert.deepEqual(summary.comments, { created: 4, existing: 0 });
    assert.deepEqual(summary.threads, { created: 1, existing: 0 });
    assert.deepEqual(summary.users, { created: 4 });
    assert.deepEqual(summary.skipped, { 'pingback or trackback': 1 });
    const market = await page('https://blog.example/2023/night-market/');
    assert.equal(market.thread.commentCount, 2);
    assert.deepEqual(market.comments.map((c: any) => [c.id, c.status]), [['c-wp-blog.example-11', 'removed'], ['c-wp-blog.example-7', 'published']],
      'the held comment is for its author only, and an imported author has no token');
    const [reply] = await replies('c-wp-blog.example-7');
    assert.equal(reply.body, 'Which night is it on? <b>Thursdays</b>?', 'markup someone typed stays text');
    assert.equal(reply.createdAt, '2023-06-01T19:30:00.000Z');
    const again = await importExport(server.store, 'wordpress', fixture('wordpress-small.xml'));
    assert.deepEqual([again.threads.created, again.users.created, again.comments.created, again.comments.existing], [0, 0, 0, 4]);
  });

  test('an imported author’s comments can be given to a user of the publisher’s sign-in', async () => {
    assert.equal(await server.store.reassignAuthor('import:disqus:annhale', 'u-ann-real'), 2);
    // Signed in as that user, they are the author: their own comment cannot be reported by them.
    const token = await server.token({ id: 'u-ann-real', displayName: 'Ann Hale' });
    const refused = await server.call('POST', `${API}/comments/c-disqus-5001/reports`, { token, body: { reason: 'spam' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'own_comment');
    assert.equal(await server.store.reassignAuthor('import:disqus:annhale', 'u-ann-real'), 0, 'nothing left to move');
  });

  test('a DOCTYPE (entity expansion, external entities) is refused outright, with nothing written', async () => {
    const before = (await page('https://news.example/a')).thread.commentCount;
    await assert.rejects(importExport(server.store, 'disqus', fixture('disqus-entities.xml')), (error: Error) => {
      assert.ok(error instanceof ImportError);
      assert.match(error.message, /^line \d+, column \d+: the file declares a DOCTYPE/);
      return true;
    });
    assert.equal((await page('https://news.example/a')).thread.commentCount, before);
  });

  test('malformed XML, the wrong kind of export, and an empty file say what is wrong and where', async () => {
    await assert.rejects(importExport(server.store, 'disqus', fixture('disqus-malformed.xml')), /^ImportError: line \d+, column \d+: not well-formed XML/);
    await assert.rejects(importExport(server.store, 'wordpress', fixture('disqus-small.xml')), /not a WordPress \(WXR\) export: its root element is <disqus>/);
    const empty = new PassThrough();
    empty.end('');
    await assert.rejects(importExport(server.store, 'disqus', empty), /the file is empty/);
    const latin1 = new PassThrough();
    latin1.end(Buffer.from([0x3c, 0x64, 0x69, 0x73, 0x71, 0x75, 0x73, 0x3e, 0xe9, 0x3c]));
    await assert.rejects(importExport(server.store, 'disqus', latin1), /not UTF-8/);
  });

  test('exported HTML becomes plain text', () => {
    assert.equal(htmlToText('<p>One</p><p>Two<br/>lines &amp; &#x1F600; &#0; &bogus;</p>'), 'One\n\nTwo\nlines & 😀  &bogus;');
    assert.equal(htmlToText('<script>alert(1)</script>x'), 'alert(1)x', 'tags go; their text stays text');
  });
});

describe(`export (${TEST_STORE})`, () => {
  test('every user, thread, comment and report, one JSON object per line, the same shape on every store', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk) => (text += chunk));
    const counts = await exportAll(server.store, out);
    out.end();
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line));
    assert.equal(lines[0].type, 'parley-export');
    assert.equal(lines.length, 1 + counts.users + counts.threads + counts.comments + counts.reports + counts.audit_log + counts.recommendations + counts.comment_revisions);
    const comment = lines.find((l) => l.id === 'c-disqus-5001');
    assert.deepEqual(Object.keys(comment).sort(), ['author_id', 'body', 'created_at', 'deleted_at', 'edited_at', 'featured_at', 'id', 'parent_id', 'recommendation_count', 'root_id', 'status', 'thread_id', 'type']);
    const user = lines.find((l) => l.id === 'import:disqus:annhale');
    assert.equal(user.type, 'user');
    assert.equal(user.subscriber, false);
    assert.ok(counts.comments >= 10 && counts.threads >= 3);
  });
});
