import type { Octokit } from '@octokit/rest';
import type { BotContext, BotHandler, BotMessage } from '../framework/types';
import { loadOctokit } from './load-octokit';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** More references than this in one message are not expanded (one API call each). */
export const MAX_REFERENCES = 5;
const BODY_LIMIT = 500;

export interface IssueReference {
  owner: string;
  repo: string;
  number: number;
}

/** `owner/repo#123` references in `text`; bare `#123` when a default repository is configured. */
export function findReferences(
  text: string,
  defaults?: { owner: string; repo: string },
): IssueReference[] {
  const found: IssueReference[] = [];
  const seen = new Set<string>();
  const pattern = /(?<![\w/#.:-])(?:([A-Za-z0-9-]+)\/([A-Za-z0-9_.-]+))?#(\d+)\b/g;
  for (const match of text.matchAll(pattern)) {
    const owner = match[1] ?? defaults?.owner;
    const repo = match[2] ?? defaults?.repo;
    if (!owner || !repo) continue;
    const reference = { owner, repo, number: Number(match[3]) };
    const key = `${owner}/${repo}#${reference.number}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(reference);
  }
  return found;
}

function label(reference: IssueReference): string {
  return `${reference.owner}/${reference.repo}#${reference.number}`;
}

/** GitHub's HTTP status; undefined when no answer came (octokit reports those as status 500). */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const { response } = error;
  if (typeof response !== 'object' || response === null || !('status' in response))
    return undefined;
  return typeof response.status === 'number' ? response.status : undefined;
}

/** Expands GitHub issue and pull request references into their title, author, state and text. */
export class GithubDetailBot implements BotHandler {
  private octokit: Promise<Octokit> | undefined;
  private defaults: { owner: string; repo: string } | undefined;

  usage(): string {
    return (
      'Mention me with `owner/repo#123` and I show that GitHub issue or pull request. ' +
      'Settings in [github_detail]: `github_api_url`, `github_token`, and `owner` + `repo` for bare `#123`.'
    );
  }

  initialize(ctx: BotContext): void {
    const config = ctx.getConfigInfo('github_detail', true);
    if (config.owner && config.repo) this.defaults = { owner: config.owner, repo: config.repo };
    const baseUrl = (config.github_api_url || DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
    this.octokit = loadOctokit().then(
      (OctokitClass) =>
        new OctokitClass({
          baseUrl,
          auth: config.github_token || undefined,
          userAgent: 'zulip-hub-github-detail-bot',
          log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
        }),
    );
  }

  async handleMessage(message: BotMessage, ctx: BotContext): Promise<void> {
    const references = findReferences(message.content, this.defaults);
    if (references.length === 0) {
      await ctx.sendReply(message, this.usage());
      return;
    }
    const expanded = await Promise.all(
      references.slice(0, MAX_REFERENCES).map((reference) => this.describe(reference)),
    );
    if (references.length > MAX_REFERENCES) {
      expanded.push(`(only the first ${MAX_REFERENCES} references are shown)`);
    }
    await ctx.sendReply(message, expanded.join('\n\n'));
  }

  private async describe(reference: IssueReference): Promise<string> {
    if (!this.octokit) throw new Error('github_detail used before initialize()');
    const octokit = await this.octokit;
    try {
      const { data } = await octokit.rest.issues.get({
        owner: reference.owner,
        repo: reference.repo,
        issue_number: reference.number,
      });
      const kind = data.pull_request ? 'Pull request' : 'Issue';
      const author = data.user
        ? `**[${data.user.login}](${data.user.html_url})**`
        : 'an unknown user';
      const lines = [
        `**[${label(reference)}](${data.html_url}) ${data.title}**`,
        `${kind} by ${author}, ${data.state}`,
      ];
      const body = (data.body ?? '').trim();
      if (body !== '') {
        const shown = body.length > BODY_LIMIT ? `${body.slice(0, BODY_LIMIT)}…` : body;
        lines.push('```quote', shown, '```');
      }
      return lines.join('\n');
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 410) return `Could not find ${label(reference)}.`;
      const reason = status ? `GitHub answered ${status}` : 'GitHub could not be reached';
      return `Could not look up ${label(reference)}: ${reason}.`;
    }
  }
}

export default GithubDetailBot;
