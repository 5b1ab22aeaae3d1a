/** The compose box's typeahead: which token the cursor is in, and what may complete it. */

export type TokenKind = 'person' | 'stream' | 'topic' | 'emoji';

export interface Token {
  kind: TokenKind;
  query: string;
  /** Where the token starts (its `@`, `#` or `:`) and ends in the text. */
  start: number;
  end: number;
  /** For topic tokens: the stream named before the `>`. */
  stream?: string;
}

/** Finds the token being typed just before `cursor`, or null. */
export function tokenAt(text: string, cursor: number): Token | null {
  const before = text.slice(0, cursor);
  const topic = /(^|\s)#\*\*([^*>\n]+)>([^*\n]*)$/.exec(before);
  if (topic) {
    return {
      kind: 'topic',
      stream: topic[2],
      query: topic[3],
      start: topic.index + topic[1].length,
      end: cursor,
    };
  }
  const stream = /(^|\s)#(?:\*\*)?([^\s*#>][^*#>\n]*|)$/.exec(before);
  if (stream && stream[2].length <= 40 && !/\s{2}/.test(stream[2])) {
    return {
      kind: 'stream',
      query: stream[2],
      start: stream.index + stream[1].length,
      end: cursor,
    };
  }
  const person = /(^|\s)@(?:_?\*\*)?([^\s@*][^@*\n]*|)$/.exec(before);
  if (person && person[2].length <= 40 && person[2].split(' ').length <= 3) {
    return {
      kind: 'person',
      query: person[2],
      start: person.index + person[1].length,
      end: cursor,
    };
  }
  const emoji = /(^|[\s(])(:)([a-z0-9_+-]{2,})$/i.exec(before);
  if (emoji) {
    return { kind: 'emoji', query: emoji[3], start: emoji.index + emoji[1].length, end: cursor };
  }
  return null;
}

/** Ranks candidates: names starting with the query first, then any word starting with it, then containing it. */
export function rank<T>(items: T[], query: string, names: (item: T) => string[], limit = 8): T[] {
  const q = query.toLowerCase().trim();
  const scored: Array<{ item: T; score: number; name: string }> = [];
  for (const item of items) {
    let best = Infinity;
    let bestName = '';
    for (const raw of names(item)) {
      const name = raw.toLowerCase();
      const score =
        q === ''
          ? 3
          : name.startsWith(q)
            ? 0
            : name.split(/[\s_.@-]+/).some((w) => w.startsWith(q))
              ? 1
              : name.includes(q)
                ? 2
                : Infinity;
      if (score < best) {
        best = score;
        bestName = name;
      }
    }
    if (best !== Infinity) scored.push({ item, score: best, name: bestName });
  }
  scored.sort(
    (a, b) => a.score - b.score || a.name.length - b.name.length || a.name.localeCompare(b.name),
  );
  return scored.slice(0, limit).map((s) => s.item);
}

/** Replaces the token with `replacement` (and a trailing space); returns the text and new cursor. */
export function complete(
  text: string,
  token: Token,
  replacement: string,
): { text: string; cursor: number } {
  const after = text.slice(token.end);
  const insert = after.startsWith(' ') ? replacement : `${replacement} `;
  const next = text.slice(0, token.start) + insert + after;
  return { text: next, cursor: token.start + insert.length };
}

/** Markdown for a mention: `@**Full Name**`, with the id when two people share the name. */
export function personMention(name: string, id: number, ambiguous: boolean): string {
  return ambiguous ? `@**${name}|${id}**` : `@**${name}**`;
}

export const WILDCARDS = [
  { name: 'all', description: 'Notify everyone' },
  { name: 'everyone', description: 'Notify everyone' },
  { name: 'channel', description: 'Notify the channel' },
  { name: 'topic', description: 'Notify the topic’s participants' },
];
