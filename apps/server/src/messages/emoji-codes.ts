import { readFileSync } from 'node:fs';

interface EmojiEntry {
  unified: string;
  short_names: string[];
}

let byName: Map<string, string> | undefined;
let codes: Set<string> | undefined;

/** Zulip writes emoji names with underscores; the data package sometimes uses hyphens. */
function canonicalName(name: string): string {
  return name.replace(/-/g, '_');
}

function load(): Map<string, string> {
  if (byName) return byName;
  // emoji-datasource ships plain JSON; read it once, on first use.
  const entries = JSON.parse(
    readFileSync(require.resolve('emoji-datasource/emoji.json'), 'utf8'),
  ) as EmojiEntry[];
  byName = new Map();
  codes = new Set();
  for (const entry of entries) {
    const code = entry.unified.toLowerCase();
    codes.add(code);
    for (const name of entry.short_names) byName.set(canonicalName(name), code);
  }
  return byName;
}

/** The Unicode code ("1f44d") for an emoji name ("+1", "thumbsup"), if it is one. */
export function unicodeEmojiCode(name: string): string | undefined {
  return load().get(canonicalName(name));
}

export function isUnicodeEmojiCode(code: string): boolean {
  load();
  return codes?.has(code.toLowerCase()) ?? false;
}

/** Zulip's own extra emoji. */
export const ZULIP_EXTRA_EMOJI: Record<string, string> = { zulip: 'zulip' };
