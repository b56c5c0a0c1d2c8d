/** What the element reads from the page it sits in, and the loading placeholder it shows there. */
import { html, type TemplateResult } from 'lit';

/** The page's canonical URL, else its origin and path: the default thread id and URL. */
export function pageUrl(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return canonical || location.origin + location.pathname;
}

/** `page-size`, clamped to 1–100 (20 when it is not a number). */
export function clampPageSize(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(1, Math.round(value))) : 20;
}

const line = html`<div class="skeleton-comment"><div class="skeleton-line"></div><div class="skeleton-line"></div><div class="skeleton-line"></div></div>`;

/** Three grey comments holding the thread's place while it loads. */
export const skeleton = (label: string): TemplateResult =>
  html`<div class="skeleton" role="progressbar" aria-label=${label}>${line}${line}${line}</div>`;
