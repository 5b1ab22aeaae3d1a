import safeRegex from 'safe-regex2';
import { LINKIFIER_TIME_BUDGET_MS, MAX_LINKIFIER_MATCHES } from './limits';
import { variableQuantifiers } from './linkifier-cost';
import { matchPatterns } from './linkifier-matcher';
import {
  boundedSource,
  expandTemplate,
  linkifierSource,
  resolveMatches,
  sampleValues,
  toSegments,
  type TextSegment,
} from './linkifier-text';
import type { Linkifier, TopicLink } from './types';
import { isSafeGeneratedUrl } from './urls';

export type { TextSegment };

export interface CompiledLinkifier {
  source: string;
  flags: string;
  urlTemplate: string;
  /** Text every match contains (the pattern's literal beginning), or null when unknown. */
  requiredText: string | null;
  /** Set when the pattern's backtracking is provably polynomial (see linkifier-cost). */
  variableQuantifiers: number | null;
}

/**
 * A Map that keeps the `size` most recently used entries: what the renderer derives from a realm's
 * linkifiers is pure, and the same few realms and topics come back on every send and fetch.
 */
class RecentlyUsed<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

/** One string for a list of linkifiers: equal lists compile (and match) the same. */
function linkifiersKey(linkifiers: readonly Linkifier[]): string {
  return linkifiers
    .map(({ pattern, urlTemplate }) =>
      typeof pattern === 'string'
        ? `s${pattern}\0${urlTemplate}`
        : `r${pattern.source}/${pattern.flags}\0${urlTemplate}`,
    )
    .join('\0');
}

const compiledLists = new RecentlyUsed<readonly CompiledLinkifier[]>(256);

/**
 * Compiles the realm's linkifiers, dropping any whose pattern is invalid or not safe-regex
 * (exponential backtracking), or whose template cannot yield an http(s) URL. The result is
 * shared between calls with the same linkifiers (each send would otherwise recheck every
 * pattern).
 */
export function compileLinkifiers(linkifiers: readonly Linkifier[]): readonly CompiledLinkifier[] {
  if (linkifiers.length === 0) return [];
  const key = linkifiersKey(linkifiers);
  const known = compiledLists.get(key);
  if (known) return known;
  const compiled = Object.freeze(compileEach(linkifiers));
  compiledLists.set(key, compiled);
  return compiled;
}

function compileEach(linkifiers: readonly Linkifier[]): CompiledLinkifier[] {
  const compiled: CompiledLinkifier[] = [];
  for (const linkifier of linkifiers) {
    const { source, flags } = linkifierSource(linkifier.pattern);
    if (!isUsablePattern(source, flags)) continue;
    if (!isSafeGeneratedUrl(expandTemplate(linkifier.urlTemplate, sampleValues(source)))) continue;
    compiled.push(
      Object.freeze({
        source: boundedSource(source),
        flags: `g${flags}`,
        urlTemplate: linkifier.urlTemplate,
        requiredText: literalPrefix(source, flags),
        variableQuantifiers: variableQuantifiers(source, flags),
      }),
    );
  }
  return compiled;
}

/** Characters that stand for themselves at the top level of a regex, in every flag mode. */
const LITERAL = /[A-Za-z0-9 !"#%&',\-/:;<=>@_`~]/;
const QUANTIFIER = /[?*+{]/;

/**
 * The literal text a match of `source` must begin with: its leading run of plain characters
 * (less the last one when a quantifier follows it), provided the pattern has no top-level `|`.
 * Null when there is none, or under the `i` flag (case folding maps some non-ASCII letters to
 * ASCII ones). Only used to skip matching texts that cannot match, so null is always safe.
 */
export function literalPrefix(source: string, flags: string): string | null {
  if (flags.includes('i') || hasTopLevelAlternative(source)) return null;
  let end = 0;
  while (end < source.length && LITERAL.test(source[end])) end++;
  if (end < source.length && QUANTIFIER.test(source[end])) end--;
  return end > 0 ? source.slice(0, end) : null;
}

/** Whether a `|` outside every group and character class splits the pattern. */
function hasTopLevelAlternative(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * Whether any linkifier could match any of the texts: false when each has a required text that
 * none of them contains. Matching runs in a sandbox with a timer (see linkifier-matcher), which
 * costs far more than the search for a few words in a message.
 */
function mayMatch(linkifiers: readonly CompiledLinkifier[], texts: readonly string[]): boolean {
  return linkifiers.some(
    ({ requiredText }) =>
      requiredText === null || texts.some((text) => text.includes(requiredText)),
  );
}

function isUsablePattern(source: string, flags: string): boolean {
  try {
    return safeRegex(new RegExp(source, flags));
  } catch {
    return false;
  }
}

/**
 * Linkifies many texts at once (one message's text runs), sharing one match limit and one time
 * budget. When the budget runs out, no text is linkified.
 */
export function linkifyTexts(
  texts: readonly string[],
  linkifiers: readonly CompiledLinkifier[],
): TextSegment[][] {
  if (!mayMatch(linkifiers, texts)) return texts.map((text) => toSegments(text, []));
  const raw = matchPatterns(linkifiers, texts, MAX_LINKIFIER_MATCHES, LINKIFIER_TIME_BUDGET_MS);
  return texts.map((text, i) => toSegments(text, raw ? resolveMatches(raw[i], linkifiers) : []));
}

const TOPIC_URL = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'}]/g;

/**
 * Zulip's `topic_links`: linkifier matches and bare URLs in a topic, in order of position;
 * linkifier matches win over overlapping URLs.
 */
export function renderTopicLinks(topic: string, linkifiers: readonly Linkifier[]): TopicLink[] {
  // Every message of a topic has the same links: sends and fetches look them up, not rematch.
  const key = `${linkifiersKey(linkifiers)}\0\0${topic}`;
  const known = topicLinks.get(key);
  if (known) return known.map((link) => ({ ...link }));
  const compiled = compileLinkifiers(linkifiers);
  const raw = mayMatch(compiled, [topic])
    ? matchPatterns(compiled, [topic], MAX_LINKIFIER_MATCHES, LINKIFIER_TIME_BUDGET_MS)
    : [[]];
  const links = findTopicLinks(topic, raw ? resolveMatches(raw[0], compiled) : []);
  // A run cut short by the time budget linked nothing from the linkifiers: not kept.
  if (raw)
    topicLinks.set(
      key,
      links.map((link) => ({ ...link })),
    );
  return links;
}

const topicLinks = new RecentlyUsed<readonly TopicLink[]>(4096);

function findTopicLinks(
  topic: string,
  links: Array<{ start: number; text: string; url: string }>,
): TopicLink[] {
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
