/** A fenced block around text whose surrounding blank lines are dropped. */
const fenced = (opening: string) => (_match: string, inner: string) =>
  `${opening}\n${inner.replace(/^\n+|\n+$/g, '')}\n~~~`;

/**
 * Jira's wiki markup in comments, as Markdown (what Zulip's Jira integration converts):
 * `*bold*`, `{{monospace}}`, `bq. quote`, `{quote}`, `{noformat}`, `{code}`, `[url]`,
 * `[title|url]`, `[~user]`; Jira's `\!` escape is undone.
 */
export function jiraMarkupToMarkdown(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\\!/g, '!')
    .replace(/\*([^*\n]+)\*/g, '**$1**')
    .replace(/\{\{([^*]+?)\}\}/g, '`$1`')
    .replace(/^bq\. (.*)$/gm, '> $1')
    .replace(/\{quote\}([\s\S]*?)\{quote\}/g, fenced('~~~ quote'))
    .replace(/\{noformat\}([\s\S]*?)\{noformat\}/g, fenced('~~~'))
    .replace(/\{code[^\n}]*\}([\s\S]*?)\{code\}/g, fenced('~~~'))
    .replace(/\[~([^\]]+)\]/g, '**$1**')
    .replace(/\[([^|~\]]+)\|([^\]]*)\]/g, '[$1]($2)')
    .replace(/\[([^|~\]]+?)\](?!\()/g, '[$1]($1)');
}
