/** Emoji names and codes, loaded on first use (the picker and the `:` typeahead). */

export interface Emoji {
  /** The first name is the one reactions and Markdown use. */
  names: string[];
  /** Unicode code points, hyphen-separated ("1f44d"), or a realm emoji's id. */
  code: string;
  category: string;
  type: 'unicode_emoji' | 'realm_emoji';
  url?: string;
}

let loading: Promise<Emoji[]> | null = null;

export function loadEmoji(): Promise<Emoji[]> {
  loading ??= import('virtual:emoji-list').then((module) =>
    module.default.map(([category, code, ...names]) => ({
      names,
      code,
      category,
      type: 'unicode_emoji' as const,
    })),
  );
  return loading;
}

/** The character(s) of a Unicode emoji code. */
export function emojiGlyph(code: string): string {
  try {
    return String.fromCodePoint(...code.split('-').map((hex) => parseInt(hex, 16)));
  } catch {
    return '?';
  }
}

/** The quick reactions Zulip offers first. */
export const POPULAR = [
  { name: '+1', code: '1f44d' },
  { name: 'tada', code: '1f389' },
  { name: 'smile', code: '1f642' },
  { name: 'heart', code: '2764' },
  { name: 'working_on_it', code: '1f6e0' },
  { name: 'octopus', code: '1f419' },
];
