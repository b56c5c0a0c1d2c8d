import { expect } from '@open-wc/testing';
import { DecodeError, decodeErrorBody, decodeRepliesPage, decodeThreadPage } from '../src/api/decode.js';
import { makeComment, makeReply, makeThread, makeViewer } from './mocks/data.js';

const page = (over: Record<string, unknown> = {}) => ({ thread: makeThread(), viewer: makeViewer(), comments: [makeComment(1)], nextCursor: null, ...over });

describe('decoding responses', () => {
  it('accepts a well-formed thread page and returns typed values', () => {
    const decoded = decodeThreadPage(page({ comments: [makeComment(1, { replies: [makeReply('c-1', 2)], replyCount: 1 })], nextCursor: 'abc' }));
    expect(decoded.thread.id).to.equal(makeThread().id);
    expect(decoded.viewer?.displayName).to.equal('Rhiannon');
    expect(decoded.comments[0]!.replies[0]!.id).to.equal('c-1-r2');
    expect(decoded.nextCursor).to.equal('abc');
  });

  const broken: [string, unknown, string][] = [
    ['a non-object', 'hello', 'response: expected an object'],
    ['an array', [], 'response: expected an object'],
    ['a missing thread', page({ thread: undefined }), 'response.thread: expected an object'],
    ['a numeric thread id', page({ thread: { ...makeThread(), id: 7 } }), 'response.thread.id: expected a string'],
    ['an unknown thread status', page({ thread: { ...makeThread(), status: 'locked' } }), 'response.thread.status: expected open | closed'],
    ['a negative count', page({ thread: { ...makeThread(), commentCount: -1 } }), 'response.thread.commentCount'],
    ['comments that are not a list', page({ comments: {} }), 'response.comments: expected an array'],
    ['a comment with no author', page({ comments: [{ ...makeComment(1), author: null }] }), 'response.comments[0].author: expected an object'],
    ['a body that is not text', page({ comments: [{ ...makeComment(1), body: { html: '<b>' } }] }), 'response.comments[0].body: expected a string'],
    ['an unreadable date', page({ comments: [{ ...makeComment(1), createdAt: 'soon' }] }), 'response.comments[0].createdAt'],
    ['a badge that is not text', page({ comments: [{ ...makeComment(1), author: { id: 'u', displayName: 'A', badges: [1] } }] }), 'badges[0]'],
    ['a viewer with a bad status', page({ viewer: { ...makeViewer(), status: 'admin' } }), 'response.viewer.status'],
    ['a cursor that is a number', page({ nextCursor: 5 }), 'response.nextCursor: expected a string'],
  ];
  for (const [name, value, message] of broken) {
    it(`rejects ${name} with a DecodeError naming the field`, () => {
      expect(() => decodeThreadPage(value)).to.throw(DecodeError, message);
    });
  }

  it('reads a removed comment with no body, and flattens replies pages', () => {
    const removed = { ...makeComment(1, { status: 'removed' }), body: undefined };
    expect(decodeThreadPage(page({ comments: [removed] })).comments[0]!.body).to.equal('');
    const replies = decodeRepliesPage({ comments: [{ ...makeReply('c-1', 2), replies: [makeReply('c-1', 3)] }], nextCursor: null });
    expect(replies.comments[0]!.replies).to.deep.equal([]);
  });

  it('reads error bodies and ignores anything else', () => {
    expect(decodeErrorBody({ error: { code: 'banned', message: 'No' } })).to.deep.equal({ code: 'banned', message: 'No' });
    expect(decodeErrorBody({ error: { code: 'x' } })).to.deep.equal({ code: 'x', message: '' });
    expect(decodeErrorBody({ error: 'banned' })).to.equal(null);
    expect(decodeErrorBody(null)).to.equal(null);
  });
});
