import { unicodeEmojiByCode } from '@hub/markdown/emoji';

/** Zulip's name and code for an emoji written as text ("👍", "❤️"), if Zulip knows it. */
export function emojiOfText(text: string): { name: string; code: string } | undefined {
  const points = [...text].map((c) => (c.codePointAt(0) ?? 0).toString(16));
  // Zulip's codes mostly leave out the emoji presentation selector (U+FE0F) that clients add.
  const candidates = [points.join('-'), points.filter((p) => p !== 'fe0f').join('-')];
  for (const code of candidates) {
    const emoji = unicodeEmojiByCode(code);
    if (emoji) return { name: emoji.canonicalName, code: emoji.code };
  }
  return undefined;
}

/** The text of a Unicode emoji from Zulip's code ("1f44d" → "👍"). */
export function textOfEmojiCode(code: string): string | undefined {
  const points = code.split('-').map((hex) => Number.parseInt(hex, 16));
  if (points.some((p) => !Number.isInteger(p) || p < 0 || p > 0x10ffff)) return undefined;
  return String.fromCodePoint(...points);
}
