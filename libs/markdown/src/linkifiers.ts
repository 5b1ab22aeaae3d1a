import safeRegex from 'safe-regex2';
import { LINKIFIER_TIME_BUDGET_MS, MAX_LINKIFIER_MATCHES } from './limits';
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
}

/**
 * Compiles the realm's linkifiers, dropping any whose pattern is invalid or not safe-regex
 * (exponential backtracking), or whose template cannot yield an http(s) URL.
 */
export function compileLinkifiers(linkifiers: readonly Linkifier[]): CompiledLinkifier[] {
  const compiled: CompiledLinkifier[] = [];
  for (const linkifier of linkifiers) {
    const { source, flags } = linkifierSource(linkifier.pattern);
    if (!isUsablePattern(source, flags)) continue;
    if (!isSafeGeneratedUrl(expandTemplate(linkifier.urlTemplate, sampleValues(source)))) continue;
    compiled.push({
      source: boundedSource(source),
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
