/** What an id inside message text points at. */
export type ReferenceKind = 'users' | 'streams' | 'user_groups' | 'messages' | 'uploads';

/** The new id (or upload path) of an imported row; undefined when it was not imported. */
export type ReferenceLookup = (kind: ReferenceKind, old: string) => string | undefined;

interface Rule {
  pattern: RegExp;
  kind: ReferenceKind;
}

/**
 * Places where message content, rendered HTML and stream descriptions carry row ids: mention
 * markup and syntax, stream links, narrow URLs and upload links. Each pattern captures
 * (prefix)(id)(rest) so only the id changes.
 */
const RULES: Rule[] = [
  { pattern: /(data-user-id=")(\d+)(")/g, kind: 'users' },
  { pattern: /(data-user-group-id=")(\d+)(")/g, kind: 'user_groups' },
  { pattern: /(data-stream-id=")(\d+)(")/g, kind: 'streams' },
  { pattern: /(@_?\*\*[^*\n]*?\|)(\d+)(\*\*)/g, kind: 'users' },
  { pattern: /(#narrow\/(?:channel|stream)\/)(\d+)(-)/g, kind: 'streams' },
  { pattern: /(#narrow\/sender\/)(\d+)(-)/g, kind: 'users' },
  { pattern: /(#narrow\/(?:dm|pm-with)\/)(\d+(?:,\d+)*)(-)/g, kind: 'users' },
  { pattern: /(#narrow\/[^\s"'<>]*?\/(?:near|with)\/)(\d+)()/g, kind: 'messages' },
  { pattern: /(\/user_uploads\/)([^\s"'()<>?#]+)()/g, kind: 'uploads' },
];

/** Rewrites every id reference `lookup` knows; references it does not know stay as they were. */
export function rewriteReferences(text: string, lookup: ReferenceLookup): string {
  let result = text;
  for (const { pattern, kind } of RULES) {
    result = result.replace(pattern, (match, prefix: string, ids: string, rest: string) => {
      if (kind === 'users' && ids.includes(',')) {
        const mapped = ids.split(',').map((id) => lookup(kind, id));
        return mapped.every((id) => id !== undefined)
          ? `${prefix}${mapped.join(',')}${rest}`
          : match;
      }
      const mapped = lookup(kind, ids);
      return mapped === undefined ? match : `${prefix}${mapped}${rest}`;
    });
  }
  return result;
}
