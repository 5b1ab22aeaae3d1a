import type { RenderedMessage } from '../../core/integration';
import { truncateTopic } from '../../core/text';
import { pushMessage, tagMessage } from '../../shared-git/git-messages';
import type { GithubEvent } from '../github-event';
import { branchTopic, repoTopic } from '../topics';

export function branchFromRef(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

function tagFromRef(ref: string): string {
  return ref.replace(/^refs\/tags\//, '');
}

/** A push to a branch: its commits, a force push, a new branch without commits, or a deletion. */
export function pushCommits(e: GithubEvent): RenderedMessage {
  const branch = branchFromRef(e.payload.str('ref'));
  const body = pushMessage({
    user: e.sender,
    compareUrl: e.payload.str('compare'),
    branch,
    forced: e.payload.bool('forced'),
    deleted: e.payload.bool('deleted'),
    commits: e.payload.list('commits').map((c) => ({
      author: c.optStr('author.username') || c.str('author.name'),
      message: c.str('message'),
      sha: c.str('id'),
      url: c.str('url'),
    })),
  });
  return { topic: truncateTopic(branchTopic(e, branch)), body };
}

/** A pushed or removed tag. */
export function pushTags(e: GithubEvent): RenderedMessage {
  const action = e.payload.bool('created') ? 'pushed' : 'removed';
  const body = tagMessage(e.sender, tagFromRef(e.payload.str('ref')), action);
  return { topic: truncateTopic(repoTopic(e)), body };
}
