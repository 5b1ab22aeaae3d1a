/**
 * Slack "mrkdwn" → Zulip Markdown. Slack marks bold with single asterisks, italics with
 * underscores and strikethrough with single tildes, and writes links and mentions in angle
 * brackets (`<https://x|label>`, `<@U123>`, `<#C123|general>`, `<!here>`).
 */

const SPECIAL_MENTIONS: Record<string, string> = {
  here: '@**all**',
  channel: '@**all**',
  everyone: '@**all**',
};

/** One `<...>` token. */
function angleToken(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : inner.slice(bar + 1);
  if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!')) {
    const name = target.slice(1).split('^')[0];
    return SPECIAL_MENTIONS[name] ?? label ?? `@${name}`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return label ? `[${label}](${target})` : target;
  return `<${inner}>`;
}

export function replaceAngleTokens(text: string): string {
  return text.replace(/<([^<>\n]+)>/g, (_m, inner: string) => angleToken(inner));
}

/** Slack's HTML-style escapes, undone after the angle tokens are read. */
function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Emphasis only where Slack applies it: delimiters at word boundaries, no inner edge spaces. */
function replaceEmphasis(text: string): string {
  return text
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])/g, '$1**$2**')
    .replace(/(^|[^\w])_(?!\s)([^_\n]+?)(?<!\s)_(?!\w)/g, '$1*$2*')
    .replace(/(^|[^\w~])~(?!\s)([^~\n]+?)(?<!\s)~(?![\w~])/g, '$1~~$2~~');
}

/** Marks a code span's place while the text around it is converted (private-use characters). */
const CODE_OPEN = '\uE000';
const CODE_CLOSE = '\uE001';

/**
 * Converts outside code spans and blocks, which Slack shows verbatim. A code span stands in as a
 * placeholder meanwhile, so emphasis around it (`*Use the `/task` command*`) still pairs up.
 */
export function mrkdwnToMarkdown(text: string): string {
  const code: string[] = [];
  const withPlaceholders = text.replace(/```[\s\S]*?```|`[^`\n]*`/g, (span) => {
    code.push(span);
    return `${CODE_OPEN}${code.length - 1}${CODE_CLOSE}`;
  });
  const converted = unescapeEntities(replaceEmphasis(replaceAngleTokens(withPlaceholders)));
  const placeholder = new RegExp(`${CODE_OPEN}(\\d+)${CODE_CLOSE}`, 'g');
  return converted.replace(placeholder, (_m, i: string) => unescapeEntities(code[Number(i)]));
}
