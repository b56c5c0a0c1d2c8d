/**
 * What the lazily loaded chunks (the thread view, posting, the report form) get from the bundle
 * instead of importing it. A chunk imports nothing at run time, so it works however the page loaded the
 * bundle (a `?ver=` query, a second copy) and never pulls in another copy of Lit or the
 * element; `scripts/check-size.mjs` fails the build if one does.
 */
import { css, html, noChange, nothing, render, unsafeCSS } from 'lit';
import { decodeComment, decodeThreadPage } from './api/decode.js';
import { ApiError } from './api/errors.js';
import { REPORT_REASONS, type Comment } from './api/types.js';
import { emit } from './events.js';
import type { Engage } from './features/engage.js';
import type { ReportPanels, ReportState } from './features/report.js';
import { describeError } from './format/errors.js';
import type { ParleyHost, ViewHost } from './host.js';
import { addEnglish } from './i18n/en.js';

type ReportModule = typeof import('./features/report.js');
type EngageModule = typeof import('./features/engage.js');

/** Fetches the report chunk; a test may stand in a slow or failing fetch. @internal */
export const formLoader = { load: (): Promise<ReportModule> => import('./features/report.js') };
/** Fetches the engage chunk (Recommend, Featured, Edit and Delete); a test may stand in a failing fetch. @internal */
export const engageLoader = { load: (): Promise<EngageModule> => import('./features/engage.js') };

export interface Kit {
  html: typeof html;
  /** Lit's `render`: what the thread view renders into elements it built by hand. */
  render: typeof render;
  css: typeof css;
  readonly nothing: typeof nothing;
  readonly noChange: typeof noChange;
  unsafeCSS: typeof unsafeCSS;
  ApiError: typeof ApiError;
  emit: typeof emit;
  describeError: typeof describeError;
  /** Adds a chunk's own English. */
  addEnglish: typeof addEnglish;
  REPORT_REASONS: typeof REPORT_REASONS;
  /** The strict decoders, for what the live chunk reads (events, a linked comment's context). */
  decodeComment: typeof decodeComment;
  decodeThreadPage: typeof decodeThreadPage;
  actionButtons: typeof actionButtons;
  /** The report chunk, fetched on first use (a chunk cannot `import()` another: it imports nothing). */
  loadReport(): Promise<(host: ParleyHost, state: ReportState) => ReportPanels>;
  /** The engage chunk, fetched by the thread view when it arrives. */
  loadEngage(): Promise<(host: ViewHost) => Engage>;
}

/**
 * The buttons of one kind in the comments' actions row (Reply, Report): built by hand once per
 * comment and kept while the comment is (a template instance each would cost a long thread more
 * than the buttons), each knowing its comment, so one listener on the shadow root serves them all.
 */
export function actionButtons(part: string): {
  /** `comment`'s button, made on first use; the caller brings its text and state up to date. */
  of(comment: Comment): HTMLButtonElement;
  /** The comment whose button `node` is, if it is one. */
  owner(node: Element | null | undefined): Comment | undefined;
} {
  const buttons = new WeakMap<Comment, HTMLButtonElement>();
  const owners = new WeakMap<Element, Comment>();
  return {
    of(comment) {
      let button = buttons.get(comment);
      if (!button) {
        buttons.set(comment, (button = document.createElement('button')));
        owners.set(button, comment);
        button.setAttribute('part', part);
        button.type = 'button';
      }
      return button;
    },
    owner: (node) => (node ? owners.get(node) : undefined),
  };
}

export const kit: Kit = {
  html, render, css, nothing, noChange, unsafeCSS, ApiError, emit, describeError, addEnglish, REPORT_REASONS, actionButtons,
  decodeComment, decodeThreadPage,
  loadReport: lazy(formLoader, ({ reports }) => reports(kit)),
  loadEngage: lazy(engageLoader, ({ engage }) => engage(kit)),
};

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
