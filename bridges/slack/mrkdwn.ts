/**
 * Slack's message text is "mrkdwn" with `<...>` escapes for links and mentions and `&amp;`,
 * `&lt;`, `&gt;` for the three special characters; the chat side speaks Markdown.
 */

export interface SlackNames {
  /** A user id (`U0123`) to the name to show. */
  user(id: string): string | undefined;
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Slack → Markdown: links, mentions, channels and formatting. */
export function slackToMarkdown(text: string, names: SlackNames): string {
  const converted = text.replace(
    /<([^<>|]+)(?:\|([^<>]*))?>/g,
    (whole, target: string, label?: string) => {
      if (target.startsWith('@')) {
        const name = label ?? names.user(target.slice(1)) ?? target.slice(1);
        return `@${name}`;
      }
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!')) return `@${label ?? target.slice(1).split('^')[0]}`;
      if (/^(https?|mailto):/i.test(target)) return label ? `[${label}](${target})` : target;
      return whole;
    },
  );
  return unescape(converted)
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,!?:;]|$)/g, '$1**$2**')
    .replace(/(^|[\s(])~([^~\n]+)~(?=[\s).,!?:;]|$)/g, '$1~~$2~~');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Markdown → Slack: bold, strike-through and links; everything else is close enough. */
export function markdownToSlack(text: string): string {
  return escape(text)
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/~~([^~\n]+)~~/g, '~$1~')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, '<$2|$1>');
}
