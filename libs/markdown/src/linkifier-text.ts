import { isSafeGeneratedUrl } from './urls';

/*
 * The linkifier rules that need no Node.js: how a stored pattern becomes a JavaScript regex, how
 * a match becomes a URL and which of overlapping matches wins. The server's renderer and the web
 * client's linkifier tester both use these, so the tester shows what a message will show.
 */

/** One raw regex match: which pattern, where, the matched text and its named groups. */
export interface RawMatch {
  pattern: number;
  start: number;
  text: string;
  groups: Record<string, string>;
}

/** A piece of text, linked when href is set. */
export interface TextSegment {
  text: string;
  href?: string;
}

export interface ResolvedMatch {
  start: number;
  text: string;
  url: string;
}

// Zulip only links a match that starts after whitespace or opening punctuation and does not
// run into a following word character.
const BEFORE = `(?<![^\\s'"(,:<])`;
const AFTER = `(?!\\w)`;

/** A stored pattern (Python's `(?P<name>` groups allowed) as JavaScript regex source and flags. */
export function linkifierSource(pattern: RegExp | string): { source: string; flags: string } {
  return typeof pattern === 'string'
    ? { source: pattern.replace(/\(\?P</g, '(?<'), flags: '' }
    : { source: pattern.source, flags: pattern.flags.replace(/[^iu]/g, '') };
}

/** The source with Zulip's word boundaries around it, as the renderer matches it. */
export function boundedSource(source: string): string {
  return `${BEFORE}(?:${source})${AFTER}`;
}

/** Every named group of the pattern set to `1`, to check what the template produces. */
export function sampleValues(source: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)) values[match[1]] = '1';
  return values;
}

/**
 * RFC 6570 level 1 and 2 expansion: `{var}` percent-encodes everything but unreserved
 * characters; `{+var}` also keeps reserved URL characters. Unknown variables expand to ''.
 */
export function expandTemplate(
  template: string,
  values: Record<string, string | undefined>,
): string {
  return template.replace(
    /\{(\+?)([A-Za-z_][A-Za-z0-9_]*)\}/g,
    (_whole, plus: string, name: string) => {
      const value = values[name] ?? '';
      return plus ? encodeURI(value).replace(/'/g, '%27') : encodeUnreserved(value);
    },
  );
}

function encodeUnreserved(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/**
 * Turns raw matches into links: the URL must come out http(s), and where matches overlap the
 * linkifier listed first wins (then the earlier position), as in Zulip.
 */
export function resolveMatches(
  raw: readonly RawMatch[],
  linkifiers: readonly { urlTemplate: string }[],
): ResolvedMatch[] {
  const ordered = [...raw].sort((a, b) => a.pattern - b.pattern || a.start - b.start);
  const accepted: ResolvedMatch[] = [];
  for (const match of ordered) {
    const end = match.start + match.text.length;
    if (
      accepted.some((other) => match.start < other.start + other.text.length && other.start < end)
    )
      continue;
    const url = expandTemplate(linkifiers[match.pattern].urlTemplate, match.groups);
    if (isSafeGeneratedUrl(url)) accepted.push({ start: match.start, text: match.text, url });
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** The text cut into plain and linked pieces. */
export function toSegments(text: string, matches: readonly ResolvedMatch[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of matches) {
    if (match.start > last) segments.push({ text: text.slice(last, match.start) });
    segments.push({ text: match.text, href: match.url });
    last = match.start + match.text.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}
