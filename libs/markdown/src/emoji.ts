import table from './zulip-emoji-names.json';

/** A Unicode emoji as Zulip names it. */
export interface UnicodeEmoji {
  /** Zulip's emoji_code: the code points in lowercase hex joined by `-` ("1f44d"). */
  code: string;
  /** The name Zulip shows for it ("+1"); the others are aliases ("thumbs_up", "like"). */
  canonicalName: string;
}

let byName: Map<string, UnicodeEmoji> | null = null;
let byCode: Map<string, UnicodeEmoji> | null = null;

/**
 * The one emoji name table: Zulip's canonical names and aliases (zulip-emoji-names.json, which the
 * web client's picker reads too), indexed once on first use.
 */
function index(): { byName: Map<string, UnicodeEmoji>; byCode: Map<string, UnicodeEmoji> } {
  if (!byName || !byCode) {
    byName = new Map();
    byCode = new Map();
    for (const [code, names] of Object.entries(table.emoji as Record<string, string[]>)) {
      const emoji: UnicodeEmoji = { code, canonicalName: names[0] };
      byCode.set(code, emoji);
      for (const name of names) byName.set(name, emoji);
    }
  }
  return { byName, byCode };
}

/** The Unicode emoji a Zulip name or alias stands for (`thumbs_up`, `+1`, `octopus`). */
export function unicodeEmojiByName(name: string): UnicodeEmoji | undefined {
  return index().byName.get(name);
}

/** The Unicode emoji with this Zulip emoji_code ("1f44d", any case). */
export function unicodeEmojiByCode(code: string): UnicodeEmoji | undefined {
  return index().byCode.get(code.toLowerCase());
}

/** Zulip's own extra emoji (`:zulip:`), which are neither Unicode nor a realm's: name → code. */
export const ZULIP_EXTRA_EMOJI: Readonly<Record<string, string>> = { zulip: 'zulip' };
