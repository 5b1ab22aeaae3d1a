import emojiData from 'emoji-datasource/emoji.json';

export interface UnicodeEmoji {
  /** Zulip's emoji_code: the code points in lowercase hex joined by `-`. */
  code: string;
}

let byName: Map<string, UnicodeEmoji> | null = null;

function index(): Map<string, UnicodeEmoji> {
  if (byName) return byName;
  byName = new Map();
  for (const entry of emojiData) {
    const code = entry.unified.toLowerCase();
    for (const name of entry.short_names) byName.set(name, { code });
  }
  return byName;
}

/** Looks up a unicode emoji by one of its emoji-datasource short names (e.g. `smile`, `+1`). */
export function unicodeEmojiByName(name: string): UnicodeEmoji | undefined {
  return index().get(name);
}
