/**
 * What the lazily loaded feature chunks (posting, reporting) get from the bundle instead of
 * importing it. A chunk imports nothing at run time, so it works however the page loaded the
 * bundle (a `?ver=` query, a second copy) and never pulls in another copy of Lit or the
 * element; `scripts/check-size.mjs` fails the build if one does.
 */
import { html, nothing, unsafeCSS } from 'lit';
import { decodeComment } from './api/decode.js';
import { ApiError } from './api/errors.js';
import { REPORT_REASONS } from './api/types.js';
import { emit } from './events.js';
import { describeError } from './format/errors.js';
import { en } from './i18n/en.js';

export interface Kit {
  html: typeof html;
  readonly nothing: typeof nothing;
  unsafeCSS: typeof unsafeCSS;
  ApiError: typeof ApiError;
  emit: typeof emit;
  describeError: typeof describeError;
  decodeComment: typeof decodeComment;
  /** English, to which a chunk adds its own text. */
  en: typeof en;
  REPORT_REASONS: typeof REPORT_REASONS;
}

export const kit: Kit = { html, nothing, unsafeCSS, ApiError, emit, describeError, decodeComment, en, REPORT_REASONS };

/**
 * A chunk fetched once per page, and again next time after a failed fetch (offline, or a
 * chunk of another deploy). `loader.load` is where a test stands in a slow or failing fetch.
 */
export function lazy<M, T>(loader: { load(): Promise<M> }, make: (module: M) => T): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= loader.load().then(make).catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
}
