/** Splits plain comment text into text and http(s) link segments. Nothing here is HTML. */

export type Segment = { text: string; href?: string };

// A URL runs to the next whitespace or angle bracket; trailing punctuation stays prose.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,;:!?'")\]}]+$/;

export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let candidate = match[0];
    const trailing = TRAILING.exec(candidate)?.[0] ?? '';
    // Keep a closing parenthesis that belongs to the URL, as in Wikipedia links.
    let cut = trailing.length;
    if (trailing.startsWith(')') && (candidate.match(/\(/g)?.length ?? 0) > 0) cut = trailing.length - 1;
    candidate = candidate.slice(0, candidate.length - cut);
    const href = safeHref(candidate);
    if (!href) continue;
    const start = match.index;
    if (start > last) segments.push({ text: text.slice(last, start) });
    segments.push({ text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** The normalised URL when it parses and its scheme is http or https; otherwise null. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
