import safeRegex from 'safe-regex2';
import { LINKIFIER_TIME_BUDGET_MS, MAX_LINKIFIER_MATCHES } from './limits';
import { matchPatterns, type RawMatch } from './linkifier-matcher';
import type { Linkifier, TopicLink } from './types';
import { isSafeGeneratedUrl } from './urls';

export interface CompiledLinkifier {
  source: string;
  flags: string;
  urlTemplate: string;
}

/** A piece of text, linked when href is set. */
export interface TextSegment {
  text: string;
  href?: string;
}

// Zulip only links a match that starts after whitespace or opening punctuation and does not
// run into a following word character.
const BEFORE = `(?<![^\\s'"(,:<])`;
const AFTER = `(?!\\w)`;

/**
 * Compiles the realm's linkifiers, dropping any whose pattern is invalid or not safe-regex
 * (exponential backtracking), or whose template cannot yield an http(s) URL.
 */
export function compileLinkifiers(linkifiers: readonly Linkifier[]): CompiledLinkifier[] {
  const compiled: CompiledLinkifier[] = [];
  for (const linkifier of linkifiers) {
    const source =
      typeof linkifier.pattern === 'string'
        ? linkifier.pattern.replace(/\(\?P</g, '(?<')
        : linkifier.pattern.source;
    const flags =
      typeof linkifier.pattern === 'string' ? '' : linkifier.pattern.flags.replace(/[^iu]/g, '');
    if (!isUsablePattern(source, flags)) continue;
    if (!isSafeGeneratedUrl(expandTemplate(linkifier.urlTemplate, sampleValues(source)))) continue;
    compiled.push({
      source: `${BEFORE}(?:${source})${AFTER}`,
      flags: `g${flags}`,
      urlTemplate: linkifier.urlTemplate,
    });
  }
  return compiled;
}

function isUsablePattern(source: string, flags: string): boolean {
  try {
    return safeRegex(new RegExp(source, flags));
  } catch {
    return false;
  }
}

/** Every named group of the pattern set to `1`, to check what the template produces. */
function sampleValues(source: string): Record<string, string> {
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

interface ResolvedMatch {
  start: number;
  text: string;
  url: string;
}

/**
 * Turns raw matches into links: the URL must come out http(s), and where matches overlap the
 * linkifier listed first wins (then the earlier position), as in Zulip.
 */
function resolveMatches(
  raw: readonly RawMatch[],
  linkifiers: readonly CompiledLinkifier[],
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

/**
 * Linkifies many texts at once (one message's text runs), sharing one match limit and one time
 * budget. When the budget runs out, no text is linkified.
 */
export function linkifyTexts(
  texts: readonly string[],
  linkifiers: readonly CompiledLinkifier[],
): TextSegment[][] {
  const raw = matchPatterns(linkifiers, texts, MAX_LINKIFIER_MATCHES, LINKIFIER_TIME_BUDGET_MS);
  return texts.map((text, i) => toSegments(text, raw ? resolveMatches(raw[i], linkifiers) : []));
}

function toSegments(text: string, matches: readonly ResolvedMatch[]): TextSegment[] {
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

const TOPIC_URL = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'}]/g;

/**
 * Zulip's `topic_links`: linkifier matches and bare URLs in a topic, in order of position;
 * linkifier matches win over overlapping URLs.
 */
export function renderTopicLinks(topic: string, linkifiers: readonly Linkifier[]): TopicLink[] {
  const compiled = compileLinkifiers(linkifiers);
  const raw = matchPatterns(compiled, [topic], MAX_LINKIFIER_MATCHES, LINKIFIER_TIME_BUDGET_MS);
  const links = raw ? resolveMatches(raw[0], compiled) : [];
  for (const match of topic.matchAll(TOPIC_URL)) {
    const end = match.index + match[0].length;
    const overlaps = links.some(
      (link) => match.index < link.start + link.text.length && link.start < end,
    );
    if (!overlaps && isSafeGeneratedUrl(match[0]))
      links.push({ start: match.index, text: match[0], url: match[0] });
  }
  return links.sort((a, b) => a.start - b.start).map(({ text, url }) => ({ text, url }));
}
