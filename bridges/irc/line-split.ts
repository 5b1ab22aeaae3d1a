/** IRC's hard limit on one line, `\r\n` included (RFC 1459 §2.3). */
export const IRC_LINE_LIMIT = 512;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The bytes left for the text after `PRIVMSG <target> :` when every line must fit, as the server
 * relays it to others, in 512 bytes: `:<nick>!<user>@<host> PRIVMSG <target> :<text>\r\n`.
 * `sourceBytes` reserves room for the `:<nick>!<user>@<host> ` the server prepends.
 */
export function textBudget(command: string, target: string, sourceBytes: number): number {
  return IRC_LINE_LIMIT - sourceBytes - bytes(`${command} ${target} :`) - bytes('\r\n');
}

/** Room for `:nick!user@host `: the host is at most 63 bytes (a DNS name), the user 10. */
export function sourceReserve(nick: string, username: string): number {
  return 1 + bytes(nick) + 1 + Math.max(bytes(username) + 1, 10) + 1 + 63 + 1;
}

/**
 * Breaks `body` into pieces so that `prefix + piece` is at most `budget` bytes, preferring to break
 * at a space in the last half of the piece, never inside a UTF-8 character or a grapheme (emoji
 * with modifiers, combining accents stay whole). Every piece gets the prefix, so each IRC line
 * still says who wrote it.
 */
export function splitWithPrefix(prefix: string, body: string, budget: number): string[] {
  const room = budget - bytes(prefix);
  if (room < 16) throw new RangeError(`prefix "${prefix}" leaves no room in an IRC line`);
  const lines: string[] = [];
  let rest = body;
  while (bytes(rest) > room) {
    let used = 0;
    let cut = 0;
    let lastSpace = -1;
    for (const { segment, index } of graphemes.segment(rest)) {
      const size = bytes(segment);
      if (used + size > room) break;
      used += size;
      cut = index + segment.length;
      if (/\s/.test(segment)) lastSpace = index;
    }
    if (cut === 0) {
      // One grapheme larger than a line (absurd combining sequences): split by code point.
      cut = [...rest][0].length;
    }
    const atSpace = lastSpace > cut / 2;
    const piece = atSpace ? rest.slice(0, lastSpace) : rest.slice(0, cut);
    lines.push(prefix + piece.trimEnd());
    rest = atSpace ? rest.slice(lastSpace + 1) : rest.slice(cut);
  }
  if (rest.trim() !== '' || lines.length === 0) lines.push(prefix + rest);
  return lines;
}
