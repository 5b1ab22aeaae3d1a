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

/** Converts outside code spans and blocks, which Slack shows verbatim. */
export function mrkdwnToMarkdown(text: string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/g)
    .map((part, i) =>
      i % 2 === 1
        ? unescapeEntities(part)
        : unescapeEntities(replaceEmphasis(replaceAngleTokens(part))),
    )
    .join('');
}
