// Moving in: a Disqus export (XML) or a WordPress export (WXR) read as a stream — a 200 MB file
// is never held in memory — and written through the store in batches. Running it twice creates
// nothing new: every thread, author and comment gets an id derived from the export's own ids.
// See docs/migration.md for what maps to what, and what is lost.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTag } from 'saxes';
import type { CommentStatus, ImportBatch, Store } from './store.js';

export type ImportFormat = 'disqus' | 'wordpress';

export interface ImportSummary {
  format: ImportFormat;
  threads: { created: number; existing: number };
  /** Authors new to the store (one already there is not counted again). */
  users: { created: number };
  comments: { created: number; existing: number };
  /** What was not imported, by reason. */
  skipped: Record<string, number>;
}

/** Why a file cannot be imported at all: one line for the person running the command. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Comments written per transaction. */
const BATCH = 500;

type Comment = ImportBatch['comments'][number];
type Thread = ImportBatch['threads'][number];

/** An export's HTML (Disqus messages, WordPress content) as the plain text Parley stores. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|blockquote|li|h[1-6]|pre)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
      }
      return NAMED[name.toLowerCase()] ?? entity;
    });
  // No control characters but line breaks and tabs; at most one blank line in a row.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

const isWebAddress = (value: string): boolean => /^https?:\/\/[^\s]+$/i.test(value);
/** The article's address as the thread id: the widget's default `thread-id` is the canonical URL. */
const threadIdOf = (link: string): string => link.trim().replace(/#.*$/, '');
const isoOf = (value: string): string | null => {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};
const short = (value: string): string => createHash('sha256').update(value).digest('base64url').slice(0, 16);

/** Collects what the parser finds and writes it in batches, replies after their parents. */
class Writer {
  readonly summary: ImportSummary;
  private threads = new Map<string, Thread>();
  private users = new Map<string, ImportBatch['users'][number]>();
  private comments: Comment[] = [];
  /** Replies that came before their parent: tried again after each batch, and at the end. */
  private orphans: Comment[] = [];
  private readonly now = new Date().toISOString();

  constructor(private readonly store: Store, format: ImportFormat) {
    this.summary = { format, threads: { created: 0, existing: 0 }, users: { created: 0 }, comments: { created: 0, existing: 0 }, skipped: {} };
  }

  skip(reason: string): void {
    this.summary.skipped[reason] = (this.summary.skipped[reason] ?? 0) + 1;
  }

  thread(thread: Thread): void {
    this.threads.set(thread.id, thread);
  }

  comment(comment: Comment, displayName: string): void {
    this.users.set(comment.authorId, { id: comment.authorId, displayName, updatedAt: this.now });
    this.comments.push(comment);
  }

  get full(): boolean {
    return this.comments.length >= BATCH || this.threads.size >= BATCH;
  }

  async flush(): Promise<void> {
    const batch: ImportBatch = { threads: [...this.threads.values()], users: [...this.users.values()], comments: [...this.comments, ...this.orphans] };
    this.threads.clear();
    this.users.clear();
    this.comments = [];
    this.orphans = [];
    if (!batch.threads.length && !batch.comments.length) return;
    const done = await this.store.importBatch(batch);
    this.summary.threads.created += done.threads;
    this.summary.threads.existing += batch.threads.length - done.threads;
    this.summary.users.created += done.users;
    this.summary.comments.created += done.comments;
    // Neither written nor waiting for a parent: there already (an earlier import).
    this.summary.comments.existing += batch.comments.length - done.comments - done.orphans.length;
    this.orphans = done.orphans;
  }

  async finish(): Promise<ImportSummary> {
    await this.flush();
    // Parents may have come in the last batch: once more, then what is left has none.
    while (this.orphans.length) {
      const before = this.orphans.length;
      await this.flush();
      if (this.orphans.length === before) break;
    }
    for (let i = 0; i < this.orphans.length; i++) this.skip('reply to a comment not in the export');
    this.orphans = [];
    return this.summary;
  }
}

/** The text of the leaf elements a format reads, by their path under the record element. */
class Fields {
  readonly fields = new Map<string, string>();
  readonly attributes = new Map<string, string>();
}

/**
 * Reads `input` (a Disqus or WordPress export) into the store. Throws ImportError for a file that
 * is not one, is malformed, or declares a DTD (entity declarations are refused outright: no
 * "billion laughs" expansion can happen, since nothing is ever expanded).
 */
export async function importExport(store: Store, format: ImportFormat, input: Readable): Promise<ImportSummary> {
  const writer = new Writer(store, format);
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  let failure: Error | null = null;
  let root: string | null = null;
  const stack: string[] = [];
  let text = '';
  /** The record being read (a Disqus thread or post, a WordPress item or comment), and its depth. */
  let record: { kind: string; depth: number; data: Fields } | null = null;
  let item: { data: Fields; comments: Fields[] } | null = null;
  const threadLinks = new Map<string, Thread>(); // Disqus: dsq:id → thread

  const fail = (message: string): void => {
    failure ??= new ImportError(`line ${parser.line}, column ${parser.column}: ${message}`);
  };

  parser.on('doctype', () => fail('the file declares a DOCTYPE. Exports from Disqus and WordPress have none, and entity declarations can expand without bound, so the file is refused.'));
  parser.on('error', (error) => fail(`not well-formed XML (${error.message.replace(/^[^:]*:\d+:\d+: /, '')})`));
  parser.on('opentag', (tag: SaxesTag) => {
    stack.push(tag.name);
    text = '';
    if (root === null) {
      root = tag.name;
      const expected = format === 'disqus' ? 'disqus' : 'rss';
      if (root !== expected) fail(`this is not a ${format === 'disqus' ? 'Disqus' : 'WordPress (WXR)'} export: its root element is <${root}>, not <${expected}>.`);
    }
    const depth = stack.length;
    if (format === 'disqus') {
      if (depth === 2 && (tag.name === 'thread' || tag.name === 'post')) {
        record = { kind: tag.name, depth, data: new Fields() };
        record.data.attributes.set('id', attribute(tag, 'dsq:id'));
      } else if (record && depth === 3 && (tag.name === 'thread' || tag.name === 'parent')) {
        record.data.attributes.set(tag.name, attribute(tag, 'dsq:id'));
      }
    } else if (tag.name === 'item' && depth === 3) {
      item = { data: new Fields(), comments: [] };
    } else if (item && tag.name === 'wp:comment' && depth === 4) {
      record = { kind: 'comment', depth, data: new Fields() };
    }
  });
  parser.on('text', (value) => (text += value));
  parser.on('cdata', (value) => (text += value));
  parser.on('closetag', (tag: SaxesTag) => {
    const depth = stack.length;
    stack.pop();
    if (record && depth > record.depth) {
      // A field of the record: its path below the record ("author/name").
      record.data.fields.set(stackPath(stack, record.depth, tag.name), text);
    } else if (record && depth === record.depth) {
      if (format === 'disqus') disqusRecord(record.kind, record.data);
      else item?.comments.push(record.data);
      record = null;
    } else if (item && depth === 4) {
      item.data.fields.set(tag.name, text);
    } else if (item && depth === 3 && tag.name === 'item') {
      wordpressItem(item.data, item.comments);
      item = null;
    }
    text = '';
  });

  function disqusRecord(kind: string, data: Fields): void {
    const f = (name: string) => (data.fields.get(name) ?? '').trim();
    if (kind === 'thread') {
      const link = f('link');
      if (!isWebAddress(link)) return writer.skip('thread without a web address');
      const thread: Thread = {
        id: threadIdOf(link), url: link, title: f('title').slice(0, 300),
        status: f('isClosed') === 'true' ? 'closed' : 'open', createdAt: isoOf(f('createdAt')) ?? new Date().toISOString(),
      };
      threadLinks.set(data.attributes.get('id') ?? '', thread);
      writer.thread(thread);
      return;
    }
    const thread = threadLinks.get(data.attributes.get('thread') ?? '');
    if (!thread) return writer.skip('comment on a thread not in the export');
    const createdAt = isoOf(f('createdAt'));
    if (!createdAt) return writer.skip('comment without a valid date');
    const deleted = f('isDeleted') === 'true' || f('isSpam') === 'true';
    const body = htmlToText(data.fields.get('message') ?? '');
    if (!body && !deleted) return writer.skip('empty comment');
    const name = f('author/name');
    const username = f('author/username');
    const anonymous = f('author/isAnonymous') === 'true' || !username;
    const parent = data.attributes.get('parent');
    writer.comment({
      id: `c-disqus-${data.attributes.get('id')}`,
      threadId: thread.id,
      parentId: parent ? `c-disqus-${parent}` : null,
      authorId: anonymous ? `import:disqus:guest:${short(`${name}\n${f('author/email')}`)}` : `import:disqus:${username}`,
      body,
      status: deleted ? 'removed' : 'published',
      createdAt,
    }, name || username || 'Anonymous');
  }

  function wordpressItem(data: Fields, comments: Fields[]): void {
    if (comments.length === 0) return;
    const f = (name: string) => (data.fields.get(name) ?? '').trim();
    const link = f('link');
    if (!isWebAddress(link)) {
      for (const _ of comments) writer.skip('comment on a post without a web address');
      return;
    }
    const host = new URL(link).host;
    const thread: Thread = {
      id: threadIdOf(link), url: link, title: f('title').slice(0, 300),
      status: f('wp:comment_status') === 'closed' ? 'closed' : 'open',
      createdAt: isoOf(`${f('wp:post_date_gmt').replace(' ', 'T')}Z`) ?? new Date().toISOString(),
    };
    writer.thread(thread);
    for (const comment of comments) {
      const c = (name: string) => (comment.fields.get(`wp:${name}`) ?? '').trim();
      const type = c('comment_type');
      if (type === 'pingback' || type === 'trackback') {
        writer.skip('pingback or trackback');
        continue;
      }
      const approved = c('comment_approved');
      const status: CommentStatus | null = approved === '1' ? 'published' : approved === '0' ? 'pending'
        : ['spam', 'trash', 'post-trashed'].includes(approved) ? 'removed' : null;
      if (!status) {
        writer.skip('comment in an unknown state');
        continue;
      }
      const gmt = c('comment_date_gmt');
      const createdAt = isoOf(`${(gmt && !gmt.startsWith('0000') ? gmt : c('comment_date')).replace(' ', 'T')}Z`);
      if (!createdAt) {
        writer.skip('comment without a valid date');
        continue;
      }
      const body = htmlToText(comment.fields.get('wp:comment_content') ?? '');
      if (!body && status !== 'removed') {
        writer.skip('empty comment');
        continue;
      }
      const name = c('comment_author');
      const userId = c('comment_user_id');
      const parent = c('comment_parent');
      writer.comment({
        id: `c-wp-${host}-${c('comment_id')}`,
        threadId: thread.id,
        parentId: parent && parent !== '0' ? `c-wp-${host}-${parent}` : null,
        authorId: userId && userId !== '0' ? `import:wordpress:${host}:${userId}` : `import:wordpress:${host}:guest:${short(`${name}\n${c('comment_author_email')}`)}`,
        body,
        status,
        createdAt,
      }, name || 'Anonymous');
    }
  }

  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failure) throw failure;
      if (writer.full) await writer.flush();
    }
    parser.close();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof TypeError && /decode|encoded/i.test(error.message)) throw new ImportError('the file is not UTF-8 text.');
    throw error;
  }
  if (root === null) throw new ImportError('the file is empty (no root element).');
  if (failure) throw failure;
  return writer.finish();
}

function attribute(tag: SaxesTag, name: string): string {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : value?.value ?? '';
}

/** "author/name" for a field two levels under the record. */
function stackPath(stack: string[], recordDepth: number, name: string): string {
  return [...stack.slice(recordDepth), name].join('/');
}
