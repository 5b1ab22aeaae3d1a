import type { RenderedMessage } from '../../core/integration';
import { endsWithPunctuation, shortSha, type GithubEvent } from '../github-event';
import { branchTopic, repoTopic } from '../topics';

/** Zulip lists at most this many commits, then "[and N more commit(s)]". */
export const COMMITS_LIMIT = 20;
/** Committers named in "Commits by ..."; the rest are summed as "others". */
const COMMITTERS_LIMIT = 3;

export function branchFromRef(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

export function tagFromRef(ref: string): string {
  return ref.replace(/^refs\/tags\//, '');
}

interface Commit {
  author: string;
  message: string;
  shortSha: string;
  url: string;
}

function readCommits(e: GithubEvent): Commit[] {
  return e.payload.list('commits').map((c) => ({
    author: c.optStr('author.username') || c.str('author.name'),
    message: c.str('message').split('\n')[0],
    shortSha: shortSha(c.str('id')),
    url: c.str('url'),
  }));
}

/** "A (3), B (2) and others (1)": by count, ties alphabetical; null when only the pusher committed. */
export function committersSummary(commits: Commit[], pusher: string): string | null {
  const counts = new Map<string, number>();
  for (const c of commits) counts.set(c.author, (counts.get(c.author) ?? 0) + 1);
  let ranked = [...counts.entries()].sort(
    ([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0),
  );
  if (ranked.length === 1 && ranked[0][0] === pusher) return null;
  if (ranked.length > COMMITTERS_LIMIT) {
    const others = ranked.slice(COMMITTERS_LIMIT).reduce((sum, [, n]) => sum + n, 0);
    ranked = [...ranked.slice(0, COMMITTERS_LIMIT), ['others', others]];
  }
  const parts = ranked.map(([name, n]) => `${name} (${n})`);
  const last = parts[parts.length - 1];
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${last}` : last;
}

/** A push to a branch: its commits, a force push, a new branch without commits, or a deletion. */
export function pushCommits(e: GithubEvent): RenderedMessage {
  const branch = branchFromRef(e.payload.str('ref'));
  const commits = readCommits(e);
  const context = {
    user: e.sender,
    branch,
    compareUrl: e.payload.str('compare'),
    pushType: e.payload.bool('forced') ? 'force pushed' : 'pushed',
  };
  const topic = branchTopic(e, branch);
  if (commits.length === 0) {
    const deleted = e.payload.bool('deleted');
    return e.message(topic, 'push-without-commits', { ...context, deleted });
  }
  return e.message(topic, 'push-commits', {
    ...context,
    count: commits.length,
    plural: commits.length > 1,
    committers: committersSummary(commits, e.sender),
    commits: commits.slice(0, COMMITS_LIMIT),
    more: Math.max(0, commits.length - COMMITS_LIMIT),
  });
}

/** A pushed or removed tag. */
export function pushTags(e: GithubEvent): RenderedMessage {
  const tag = tagFromRef(e.payload.str('ref'));
  return e.message(repoTopic(e), 'push-tags', {
    user: e.sender,
    action: e.payload.bool('created') ? 'pushed' : 'removed',
    tag,
    period: !endsWithPunctuation(tag),
  });
}
