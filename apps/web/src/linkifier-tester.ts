import { MAX_LINKIFIER_MATCHES } from '@hub/markdown/limits';
import {
  boundedSource,
  expandTemplate,
  linkifierSource,
  resolveMatches,
  sampleValues,
  toSegments,
  type RawMatch,
  type TextSegment,
} from '@hub/markdown/linkifier-text';
import { isSafeGeneratedUrl } from '@hub/markdown/urls';

export type { TextSegment };

/** A linkifier as the API lists it (or as typed in the form, not yet saved). */
export interface LinkifierDraft {
  pattern: string;
  url_template: string;
}

const TEMPLATE_VARIABLE = /\{([^{}]*)\}/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Why the server would refuse this linkifier (the same checks, same words), or null when it
 * would accept it. The server also refuses patterns that could backtrack for too long; that one
 * check is left to it.
 */
export function draftProblem(draft: LinkifierDraft): string | null {
  if (draft.pattern.trim() === '') return 'Pattern cannot be empty.';
  const { source } = linkifierSource(draft.pattern);
  let groups: Set<string>;
  try {
    // An empty match still lists every named group, with undefined values.
    groups = new Set(Object.keys(new RegExp(`${source}|`).exec('')?.groups ?? {}));
  } catch (e) {
    return `Bad regular expression: ${(e as Error).message}`;
  }
  const variables: string[] = [];
  let invalid: string | null = null;
  const rest = draft.url_template.replace(TEMPLATE_VARIABLE, (_whole, name: string) => {
    if (!VARIABLE_NAME.test(name)) invalid ??= name;
    variables.push(name);
    return 'x';
  });
  if (invalid !== null) return `Invalid URL template: unsupported expression "{${invalid}}".`;
  if (/[{}]/.test(rest)) return 'Invalid URL template: unbalanced braces.';
  let url: URL | null = null;
  try {
    url = new URL(rest);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    return 'Invalid URL template: it must be an absolute http(s) URL.';
  const missing = variables.find((name) => !groups.has(name));
  if (missing !== undefined)
    return `Group "${missing}" in URL template is not present in linkifier pattern.`;
  return null;
}

interface Compiled {
  regex: RegExp;
  urlTemplate: string;
}

/** As the Markdown renderer compiles them: unusable patterns and templates are left out. */
function compile(linkifiers: readonly LinkifierDraft[]): Array<Compiled | null> {
  return linkifiers.map((l) => {
    const { source, flags } = linkifierSource(l.pattern);
    try {
      if (!isSafeGeneratedUrl(expandTemplate(l.url_template, sampleValues(source)))) return null;
      return { regex: new RegExp(boundedSource(source), `g${flags}`), urlTemplate: l.url_template };
    } catch {
      return null;
    }
  });
}

/**
 * The text cut into plain and linked pieces, as a message with this text would be linkified by
 * these linkifiers in this order (earlier linkifiers win where matches overlap).
 */
export function linkifyPreview(text: string, linkifiers: readonly LinkifierDraft[]): TextSegment[] {
  const compiled = compile(linkifiers);
  const raw: RawMatch[] = [];
  compiled.forEach((c, pattern) => {
    if (!c) return;
    let m: RegExpExecArray | null;
    while (raw.length < MAX_LINKIFIER_MATCHES && (m = c.regex.exec(text)) !== null) {
      if (m[0] === '') {
        c.regex.lastIndex++;
        continue;
      }
      const groups: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.groups ?? {})) if (typeof v === 'string') groups[k] = v;
      raw.push({ pattern, start: m.index, text: m[0], groups });
    }
  });
  const templates = compiled.map((c) => ({ urlTemplate: c?.urlTemplate ?? '' }));
  return toSegments(text, resolveMatches(raw, templates));
}
