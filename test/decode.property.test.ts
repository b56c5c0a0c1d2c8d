/**
 * Property-based tests: whatever JSON a backend sends, the decoders return a typed value or
 * throw DecodeError, and ParleyClient resolves with a typed value or rejects with ApiError.
 * Nothing else may escape (a TypeError here would be an uncaught throw in the widget).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ParleyClient } from '../src/api/client.js';
import {
  DecodeError, decodeComment, decodeErrorBody, decodeRepliesPage, decodeReportResult, decodeThreadPage,
} from '../src/api/decode.js';
import { ApiError } from '../src/api/errors.js';
import { REPORT_REASONS, type Comment, type Thread, type Viewer } from '../src/api/types.js';
import { makeComment, makeThread, makeViewer } from './mocks/data.js';

const RUNS = { numRuns: 300 };

// ---- what a decoded value must look like, checked independently of the decoders ----

const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isOptString = (v: unknown) => v === null || typeof v === 'string';

function checkThread(t: Thread): void {
  expect(t.id).to.be.a('string').and.not.equal('');
  expect(isOptString(t.title) && isOptString(t.url), 'title and url').to.be.true;
  expect(['open', 'closed']).to.include(t.status);
  expect(isCount(t.commentCount), 'commentCount').to.be.true;
  expect(isCount(t.maxCommentLength) && t.maxCommentLength >= 1, 'maxCommentLength').to.be.true;
}

function checkViewer(v: Viewer | null): void {
  if (v === null) return;
  expect(v.id).to.be.a('string').and.not.equal('');
  expect(v.displayName).to.be.a('string');
  expect(v.subscriber).to.be.a('boolean');
  expect(['active', 'banned', 'suspended']).to.include(v.status);
  expect(v.suspendedUntil === null || isDate(v.suspendedUntil), 'suspendedUntil').to.be.true;
}

function checkComment(c: Comment, depth = 0): void {
  expect(c.id).to.be.a('string').and.not.equal('');
  expect(isOptString(c.parentId), 'parentId').to.be.true;
  expect(c.author.id).to.be.a('string').and.not.equal('');
  expect(c.author.displayName).to.be.a('string');
  expect(Array.isArray(c.author.badges) && c.author.badges.every((b) => typeof b === 'string'), 'badges').to.be.true;
  expect(c.body).to.be.a('string');
  expect(isDate(c.createdAt), 'createdAt').to.be.true;
  expect(c.editedAt === null || isDate(c.editedAt), 'editedAt').to.be.true;
  expect(['published', 'pending', 'removed']).to.include(c.status);
  if (c.status === 'removed') expect(c.body).to.equal('');
  expect(isCount(c.replyCount), 'replyCount').to.be.true;
  expect(c.viewerReported).to.be.a('boolean');
  expect(Array.isArray(c.replies)).to.be.true;
  if (depth > 0) expect(c.replies).to.deep.equal([]);
  for (const reply of c.replies) checkComment(reply, depth + 1);
}

function checkCursor(cursor: unknown): void {
  expect(cursor === null || (typeof cursor === 'string' && cursor !== ''), 'nextCursor').to.be.true;
}

// ---- inputs: any JSON at all, and well-formed answers with random fields broken ----

/** Any JSON value: parsed from generated JSON text, or anything at all sent through JSON. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.json().map((text) => JSON.parse(text) as unknown),
  fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true })
    .map((value) => JSON.stringify(value))
    .filter((text): text is string => text !== undefined)
    .map((text) => JSON.parse(text) as unknown),
);

/** Mostly the valid value; now and then missing, any JSON at all, or a plausible wrong value. */
function maybeBroken(valid: fc.Arbitrary<unknown>, ...wrong: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyJson },
    ...wrong.map((arbitrary) => ({ weight: 1, arbitrary })));
}

function record(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(fields).map((o) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>); // drops undefined
}

const isoDate = fc.integer({ min: 0, max: 4102444800000 }).map((ms) => new Date(ms).toISOString());
const someString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('<script>', 'c-1', '\u0000', '\u202e'));
const someId = fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('c-1', 'u-2', '__proto__', 'constructor'));
const badCount = fc.oneof(fc.integer({ max: -1 }), fc.double(), fc.constant(2 ** 53));

const author = maybeBroken(record({
  id: maybeBroken(someId, fc.constant('')), displayName: maybeBroken(someString),
  badges: maybeBroken(fc.array(maybeBroken(someString), { maxLength: 3 })),
}));

const commentFields = {
  id: maybeBroken(someId, fc.constant('')),
  parentId: maybeBroken(fc.option(someId)),
  author,
  body: maybeBroken(someString),
  createdAt: maybeBroken(isoDate, someString),
  editedAt: maybeBroken(fc.option(isoDate), someString),
  status: maybeBroken(fc.constantFrom('published', 'pending', 'removed'), fc.constant('hidden')),
  replyCount: maybeBroken(fc.nat(), badCount),
  viewerReported: maybeBroken(fc.boolean()),
};
const reply = maybeBroken(record({ ...commentFields, replies: maybeBroken(fc.array(anyJson, { maxLength: 2 })) }));
const comment = maybeBroken(record({ ...commentFields, replies: maybeBroken(fc.array(reply, { maxLength: 3 })) }));

const thread = maybeBroken(record({
  id: maybeBroken(someId, fc.constant('')), title: maybeBroken(fc.option(someString)), url: maybeBroken(fc.option(someString)),
  status: maybeBroken(fc.constantFrom('open', 'closed'), fc.constant('locked')),
  commentCount: maybeBroken(fc.nat(), badCount),
  maxCommentLength: maybeBroken(fc.integer({ min: 1, max: 5000 }), fc.constant(0), badCount),
}));
const viewer = maybeBroken(fc.option(record({
  id: maybeBroken(someId, fc.constant('')), displayName: maybeBroken(someString), subscriber: maybeBroken(fc.boolean()),
  status: maybeBroken(fc.constantFrom('active', 'banned', 'suspended'), fc.constant('admin')),
  suspendedUntil: maybeBroken(fc.option(isoDate), someString),
})));
const cursor = maybeBroken(fc.option(someString));

/** Any JSON, or (three times as often) a thread page with a field broken here and there. */
const answerOr = (shape: fc.Arbitrary<unknown>) => fc.oneof({ weight: 1, arbitrary: anyJson }, { weight: 3, arbitrary: shape });
const threadPage = answerOr(record({ thread, viewer, comments: maybeBroken(fc.array(comment, { maxLength: 4 })), nextCursor: cursor }));
const repliesPage = answerOr(record({ comments: maybeBroken(fc.array(comment, { maxLength: 4 })), nextCursor: cursor }));
const reportResult = answerOr(record({ commentId: maybeBroken(someId, fc.constant('')), reason: maybeBroken(fc.constantFrom(...REPORT_REASONS), fc.constant('rude')) }));

/** The property every decoder must keep: a value that passes `check`, or a DecodeError. */
function decodesOrRejects<T>(decode: (v: unknown) => T, check: (value: T) => void) {
  return (input: unknown) => {
    let value: T;
    try {
      value = decode(input);
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      expect(error.path, 'the error names a path').to.be.a('string').and.not.equal('');
      return;
    }
    check(value);
  };
}

describe('decoders, for any JSON', () => {
  const cases: [string, fc.Arbitrary<unknown>, (v: unknown) => void][] = [
    ['decodeThreadPage', threadPage, decodesOrRejects(decodeThreadPage, (p) => {
      checkThread(p.thread);
      checkViewer(p.viewer);
      p.comments.forEach((c) => checkComment(c));
      checkCursor(p.nextCursor);
    })],
    ['decodeRepliesPage', repliesPage, decodesOrRejects(decodeRepliesPage, (p) => {
      p.comments.forEach((c) => checkComment(c, 1));
      checkCursor(p.nextCursor);
    })],
    ['decodeComment', answerOr(comment), decodesOrRejects((v) => decodeComment(v), (c) => checkComment(c))],
    ['decodeReportResult', reportResult, decodesOrRejects(decodeReportResult, (r) => {
      expect(r.commentId).to.be.a('string').and.not.equal('');
      expect(REPORT_REASONS).to.include(r.reason);
    })],
  ];
  for (const [name, inputs, property] of cases) {
    it(`${name} returns a typed value or throws DecodeError`, () => {
      fc.assert(fc.property(inputs, property), RUNS);
    });
  }

  it('the generators reach both outcomes: valid answers decode, broken ones are refused', () => {
    const outcomes = { decoded: 0, refused: 0 };
    fc.assert(fc.property(threadPage, (input) => {
      try {
        decodeThreadPage(input);
        outcomes.decoded++;
      } catch {
        outcomes.refused++;
      }
    }), { numRuns: 500, seed: 42 });
    expect(outcomes.decoded, 'some generated pages are valid').to.be.above(10);
    expect(outcomes.refused, 'some are broken').to.be.above(10);
  });

  it('decodeErrorBody returns {code, message} strings or null for any JSON', () => {
    fc.assert(fc.property(fc.oneof(anyJson, record({ error: maybeBroken(record({ code: maybeBroken(someString), message: maybeBroken(someString) })) })),
      (input) => {
        const body = decodeErrorBody(input);
        if (body !== null) {
          expect(body.code).to.be.a('string').and.not.equal('');
          expect(body.message).to.be.a('string');
        }
      }), RUNS);
  });

  it('the property fails for a decoder that trusts its input (it can catch a real fault)', () => {
    const trusting = (v: unknown) => (v as { thread: { id: string } }).thread.id.length;
    let failure: unknown;
    try {
      fc.assert(fc.property(anyJson, decodesOrRejects(trusting, () => {})), { numRuns: 200, seed: 1 });
    } catch (error) {
      failure = error;
    }
    expect(failure, 'fast-check reports the property as failed').to.be.instanceOf(Error);
    expect((failure as Error).cause, 'because of the TypeError').to.be.instanceOf(TypeError);
  });

  it('a valid page decodes to exactly what was sent', () => {
    const page = { thread: makeThread(), viewer: makeViewer(), comments: [makeComment(1), makeComment(2)], nextCursor: 'next', lastEventId: '7' };
    // `featured` (#16) is [] when a backend leaves it out.
    expect(decodeThreadPage(JSON.parse(JSON.stringify(page)))).to.deep.equal({ ...page, featured: [] });
    // A backend without live events leaves lastEventId out: the stream then starts from now.
    const { lastEventId: _, ...older } = page;
    expect(decodeThreadPage(JSON.parse(JSON.stringify(older)))).to.deep.equal({ ...older, lastEventId: null, featured: [] });
  });
});

// ---- the client: any status, any body, any Retry-After, and fetch failing any way ----

interface FakeAnswer {
  status: number;
  body: string;
  retryAfter: string | null;
  /** How fetch fails instead of answering, when it does. */
  failure: 'none' | 'reject' | 'body';
  thrown: unknown;
}

const validPage = JSON.stringify({ thread: makeThread(), viewer: null, comments: [makeComment(1)], nextCursor: null });
const bodyText = fc.oneof(
  fc.constant(validPage),
  fc.json(),
  threadPage.map((v) => JSON.stringify(v) ?? ''),
  fc.string(),
  fc.constantFrom('', '<!doctype html><h1>502 Bad Gateway</h1>', '{"error":{"code":"rate_limited","message":"slow down"}}', 'null'),
);
const answer: fc.Arbitrary<FakeAnswer> = fc.record({
  status: fc.oneof(fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 413, 422, 429, 500, 502, 503), fc.integer({ min: 200, max: 599 })),
  body: bodyText,
  retryAfter: fc.option(fc.oneof(fc.string(), fc.nat().map(String), fc.constantFrom('Wed, 21 Oct 2065 07:28:00 GMT', '9'.repeat(400)))),
  failure: fc.constantFrom('none', 'none', 'none', 'reject', 'body'),
  thrown: fc.oneof(fc.constant(new TypeError('Failed to fetch')), fc.constant(new DOMException('x', 'NetworkError')), anyJson),
});

const NULL_BODY = new Set([204, 205, 304]);

function respond(a: FakeAnswer): Promise<Response> {
  if (a.failure === 'reject') return Promise.reject(a.thrown);
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (a.retryAfter !== null) {
    try {
      headers.set('Retry-After', a.retryAfter);
    } catch {
      /* not a valid header value: the browser would not deliver it either */
    }
  }
  const response = new Response(NULL_BODY.has(a.status) ? null : a.body, { status: a.status, headers });
  if (a.failure === 'body') {
    // The connection drops while the body is read.
    Object.defineProperty(response, 'text', { value: () => Promise.reject(a.thrown) });
  }
  return Promise.resolve(response);
}

type Call = (client: ParleyClient) => Promise<unknown>;
const CALLS: [string, Call][] = [
  ['fetchThreadPage', (c) => c.fetchThreadPage({ threadId: 't', sort: 'newest', limit: 20, cursor: 'x' })],
  ['fetchReplies', (c) => c.fetchReplies('c-1', { limit: 20 })],
  ['postComment', (c) => c.postComment({ thread: { id: 't', url: 'https://n.test/', title: 'T' }, body: 'hi', parentId: null }, 'key')],
  ['reportComment', (c) => c.reportComment('c-1', 'spam', '')],
  ['withdrawReport', (c) => c.withdrawReport('c-1')],
];

describe('ParleyClient, for any answer', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  for (const [name, call] of CALLS) {
    it(`${name} resolves with a typed value or rejects with ApiError`, async () => {
      let resolved = 0;
      await fc.assert(fc.asyncProperty(answer, fc.boolean(), async (a, withToken) => {
        let calls = 0;
        window.fetch = () => {
          calls++;
          return respond(a);
        };
        const client = new ParleyClient({ baseUrl: 'https://comments.test/api/v1', credentials: 'include', timeoutMs: 5000,
          getAuthToken: withToken ? () => 'token' : undefined });
        let outcome: { value: unknown } | { error: unknown };
        try {
          outcome = { value: await call(client) };
        } catch (error) {
          outcome = { error };
        }
        expect(calls, 'one request, or two after a 401 with a token').to.be.within(1, 2);
        if ('error' in outcome) {
          const error = outcome.error;
          expect(error, `rejected with ${String(error)}`).to.be.instanceOf(ApiError);
          const e = error as ApiError;
          expect(['http', 'network', 'timeout', 'invalid-response']).to.include(e.kind);
          expect(e.code).to.be.a('string').and.not.equal('');
          expect(e.message).to.be.a('string');
          expect(e.retryAfter === null || (typeof e.retryAfter === 'number' && e.retryAfter >= 0), 'retryAfter').to.be.true;
          const ok = a.status >= 200 && a.status < 300;
          if (a.failure === 'none' && !ok) expect([e.kind, e.status]).to.deep.equal(['http', a.status]);
          if (a.failure !== 'none') expect(e.kind).to.equal('network');
          if (a.failure === 'none' && ok) expect(e.kind).to.equal('invalid-response');
        } else {
          expect(a.failure, 'only a real answer resolves').to.equal('none');
          expect(a.status).to.be.within(200, 299);
          resolved++;
          if (name === 'withdrawReport') expect(outcome.value).to.equal(undefined);
          if (name === 'fetchThreadPage') {
            const page = outcome.value as ReturnType<typeof decodeThreadPage>;
            checkThread(page.thread);
            page.comments.forEach((c) => checkComment(c));
          }
        }
      }), { numRuns: 150, seed: 7 });
      // Answers that decode are generated too, so the typed-value branch is exercised.
      if (name === 'fetchThreadPage' || name === 'withdrawReport') expect(resolved, 'some calls resolve').to.be.above(0);
    });
  }

  it('a decoder that throws something other than DecodeError still ends in ApiError invalid-response', async () => {
    window.fetch = () => Promise.resolve(new Response('{}', { status: 200 }));
    const client = new ParleyClient({ baseUrl: 'https://comments.test/api/v1', credentials: 'include' });
    // A decoder that throws a TypeError is wrapped, never passed through.
    const error = await client.request('comments', { decode: () => { throw new TypeError('boom'); } }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).kind).to.equal('invalid-response');
  });
});
