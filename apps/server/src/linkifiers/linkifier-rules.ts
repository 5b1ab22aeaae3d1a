import safeRegex from 'safe-regex2';

/** Longest pattern accepted; long patterns are where catastrophic backtracking hides. */
export const MAX_LINKIFIER_PATTERN_LENGTH = 1000;
export const MAX_LINKIFIER_TEMPLATE_LENGTH = 1000;

/** Why a linkifier was refused; the message is shown to the admin as is. */
export class LinkifierError extends Error {}

/** A stored linkifier, ready for the Markdown renderer (structurally `libs/markdown`'s Linkifier). */
export interface CompiledLinkifier {
  /** JavaScript source with named groups; `g` flag, safe against catastrophic backtracking. */
  pattern: RegExp;
  urlTemplate: string;
  /** The template's variables, each a named group of the pattern. */
  variables: string[];
}

const TEMPLATE_VARIABLE = /\{([^{}]*)\}/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Zulip stores Python syntax: `(?P<name>...)` groups and `(?P=name)` back-references. */
export function pythonToJsPattern(pattern: string): string {
  return pattern.replace(/\(\?P<([^>]*)>/g, '(?<$1>').replace(/\(\?P=([^)]*)\)/g, '\\k<$1>');
}

/** The legacy `url_format_string` (`%(name)s`, `%%`) as an RFC 6570 template. */
export function formatStringToTemplate(format: string): string {
  return format.replace(/%\(([^)]*)\)s|%%/g, (whole: string, name: string | undefined) =>
    name === undefined ? '%' : `{${name}}`,
  );
}

/** Compiles the pattern or explains why not: bad syntax, too long, or could hang the server. */
function compilePattern(pattern: string): RegExp {
  if (pattern.trim() === '') throw new LinkifierError('Pattern cannot be empty.');
  if (pattern.length > MAX_LINKIFIER_PATTERN_LENGTH) {
    throw new LinkifierError(
      `Pattern is too long (limit: ${MAX_LINKIFIER_PATTERN_LENGTH} characters).`,
    );
  }
  const source = pythonToJsPattern(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'g');
  } catch (e) {
    throw new LinkifierError(`Bad regular expression: ${(e as Error).message}`);
  }
  if (!safeRegex(source)) {
    throw new LinkifierError(
      'Pattern refused: it could take too long to match (nested or repeated quantifiers).',
    );
  }
  return regex;
}

function namedGroups(regex: RegExp): Set<string> {
  // An empty match still lists every named group, with undefined values.
  const probe = new RegExp(`${regex.source}|`).exec('');
  return new Set(Object.keys(probe?.groups ?? {}));
}

/** The variables of an RFC 6570 level-1 http(s) URL template, or why it is not one. */
function templateVariables(template: string): string[] {
  if (template.length > MAX_LINKIFIER_TEMPLATE_LENGTH) {
    throw new LinkifierError(
      `URL template is too long (limit: ${MAX_LINKIFIER_TEMPLATE_LENGTH} characters).`,
    );
  }
  const variables: string[] = [];
  const rest = template.replace(TEMPLATE_VARIABLE, (_whole, name: string) => {
    if (!VARIABLE_NAME.test(name)) {
      throw new LinkifierError(`Invalid URL template: unsupported expression "{${name}}".`);
    }
    variables.push(name);
    return 'x';
  });
  if (/[{}]/.test(rest)) throw new LinkifierError('Invalid URL template: unbalanced braces.');
  let url: URL;
  try {
    url = new URL(rest);
  } catch {
    throw new LinkifierError('Invalid URL template: it must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LinkifierError('Invalid URL template: it must be an absolute http(s) URL.');
  }
  return [...new Set(variables)];
}

/** Validates a linkifier as an admin submitted it; throws LinkifierError with the reason. */
export function compileLinkifier(pattern: string, urlTemplate: string): CompiledLinkifier {
  const regex = compilePattern(pattern);
  const variables = templateVariables(urlTemplate);
  const groups = namedGroups(regex);
  for (const name of variables) {
    if (!groups.has(name)) {
      throw new LinkifierError(
        `Group "${name}" in URL template is not present in linkifier pattern.`,
      );
    }
  }
  return { pattern: regex, urlTemplate, variables };
}

/** RFC 6570 simple expansion: everything but unreserved characters is percent-encoded. */
export function expandUrlTemplate(template: string, values: Record<string, string | undefined>) {
  return template.replace(TEMPLATE_VARIABLE, (_whole, name: string) =>
    encodeURIComponent(values[name] ?? '').replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    ),
  );
}
