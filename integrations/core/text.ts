/**
 * The text every integration writes the same way: links, quotes, lists, counts, limits. Each is
 * also a Handlebars helper (see templates.ts), so a template and a handler say it identically.
 */

/** Zulip's topic length limit; longer topics are cut and end in "...". */
export const MAX_TOPIC_LENGTH = 60;
/** Zulip's message length limit (`max_message_length`). */
export const MAX_MESSAGE_LENGTH = 10_000;
/** What ends a message cut at MAX_MESSAGE_LENGTH, as Zulip's own truncation writes it. */
export const TRUNCATED_MARKER = '\n[message truncated]';
/** Lists name at most this many items by default, then "and N more". */
export const LIST_LIMIT = 20;

export function truncateTopic(topic: string): string {
  return ellipsize(topic, MAX_TOPIC_LENGTH);
}

/** Shortens text for a one-line summary, ending in "..." when cut. */
export function ellipsize(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 3).join('') + '...';
}

/** `[text](url)`, or the bare text when there is no URL. */
export function link(text: string | number, url: string | null | undefined): string {
  return url ? `[${text}](${url})` : String(text);
}

/** Commit ids are shown by their first 7 characters. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** `[abc1234](url)`. */
export function commitLink(sha: string, url: string | null | undefined): string {
  return link(shortSha(sha), url);
}

/** Inline code that survives backticks in the text. */
export function inlineCode(text: string | number): string {
  const s = String(text);
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return s.startsWith('`') || s.endsWith('`') ? `${fence} ${s} ${fence}` : `${fence}${s}${fence}`;
}

/**
 * A quoted block (a comment, a description) as Zulip's integrations write it: `~~~ quote`, or a
 * backtick fence when the text has `~~~` fences of its own (converted code blocks), so the quote
 * does not end early.
 */
export function blockQuote(text: string): string {
  const body = text.trim();
  if (!/^\s*~~~/m.test(body)) return `~~~ quote\n${body}\n~~~`;
  const backtickFences = (body.match(/^\s*`{3,}/gm) ?? []).map((f) => f.trim().length);
  const fence = '`'.repeat(Math.max(2, ...backtickFences) + 1);
  return `${fence} quote\n${body}\n${fence}`;
}

/**
 * A fenced code block (a traceback, a log excerpt), its fence longer than any backtick run in the
 * text so the text cannot close it; `language` names the syntax highlighting.
 */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

/**
 * A moment as "2022-08-31 05:54:04 UTC" (from an ISO 8601 string, epoch milliseconds or a Date);
 * an unreadable value is returned as given.
 */
export function utcTime(when: string | number | Date): string {
  const date = when instanceof Date ? when : new Date(when);
  if (Number.isNaN(date.getTime())) return String(when);
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * A moment as Zulip's global time mention, `<time:2016-03-31T09:11:42Z>`, which each reader's
 * client shows in their own time zone (from ISO 8601, epoch milliseconds or a Date).
 */
export function timeMention(when: string | number | Date): string {
  const date = when instanceof Date ? when : new Date(when);
  if (Number.isNaN(date.getTime())) return String(when);
  return `<time:${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}>`;
}

/** "1 commit", "2 commits"; `plural` for irregular nouns. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A Markdown bullet list of at most `limit` items; the rest are counted on a last line, by
 * default "[and N more]" (`more` words it otherwise, e.g. `(n) => \`[and ${n} more commit(s)]\``).
 */
export function truncatedList(
  items: readonly string[],
  limit = LIST_LIMIT,
  more: (hidden: number) => string = (hidden) => `[and ${hidden} more]`,
): string {
  const shown = items.slice(0, limit).map((item) => `* ${item}`);
  const hidden = items.length - shown.length;
  return hidden > 0 ? [...shown, more(hidden)].join('\n') : shown.join('\n');
}

/** "a (2), b (1) and others (4)": how often each name occurs, most first, ties alphabetical. */
export function countedNames(names: readonly string[], limit: number): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) =>
    b[1] !== a[1] ? b[1] - a[1] : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
  );
  const shown: Array<[string, number]> = sorted.slice(0, limit);
  if (sorted.length > limit) {
    shown.push(['others', sorted.slice(limit).reduce((sum, [, n]) => sum + n, 0)]);
  }
  return joinNames(shown.map(([name, n]) => `${name} (${n})`));
}

/**
 * Keeps a message within MAX_MESSAGE_LENGTH: cut at a line break where one is near, with any code
 * or quote fence left open closed again, and Zulip's "[message truncated]" at the end.
 */
export function capMessage(body: string): string {
  const chars = [...body];
  if (chars.length <= MAX_MESSAGE_LENGTH) return body;
  const room = MAX_MESSAGE_LENGTH - TRUNCATED_MARKER.length - '\n~~~'.length * 2;
  let cut = chars.slice(0, room).join('');
  const lastBreak = cut.lastIndexOf('\n');
  if (lastBreak > room * 0.8) cut = cut.slice(0, lastBreak);
  const fences = cut.match(/^(~~~|```)/gm) ?? [];
  if (fences.length % 2 === 1) cut += `\n${fences[fences.length - 1]}`;
  return cut + TRUNCATED_MARKER;
}
