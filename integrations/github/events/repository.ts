import type { RenderedMessage } from '../../core/integration';
import type { GithubEvent } from '../github-event';
import { repoTopic } from '../topics';

/** Context naming the sender and the repository as "[owner/name](url)". */
function repoLink(e: GithubEvent): object {
  return { user: e.sender, repo: e.repoFullName, repoUrl: e.repoUrl };
}

export function fork(e: GithubEvent): RenderedMessage {
  return e.message(repoTopic(e), 'fork', {
    user: e.sender,
    fork: e.payload.str('forkee.name'),
    forkUrl: e.payload.str('forkee.html_url'),
  });
}

/** `star`: created or deleted. */
export function star(e: GithubEvent): RenderedMessage {
  return e.message(repoTopic(e), 'starred', {
    ...repoLink(e),
    action: e.action === 'created' ? 'starred' : 'unstarred',
  });
}

/** `watch` (GitHub's old name for starring; its only action is "started"). */
export function watch(e: GithubEvent): RenderedMessage {
  return e.message(repoTopic(e), 'starred', { ...repoLink(e), action: 'starred' });
}

export function publicized(e: GithubEvent): RenderedMessage {
  return e.message(repoTopic(e), 'public', repoLink(e));
}

export function repository(e: GithubEvent): RenderedMessage {
  return e.message(repoTopic(e), 'repository', { ...repoLink(e), action: e.action });
}

/** A collaborator added to (or removed from) a repository. */
export function member(e: GithubEvent): RenderedMessage {
  return e.message(repoTopic(e), 'member', {
    user: e.sender,
    action: e.action,
    member: e.payload.str('member.login'),
    memberUrl: e.payload.str('member.html_url'),
    preposition: e.action === 'removed' ? 'from' : 'to',
    repo: e.repoName,
    repoUrl: e.repoUrl,
  });
}

/** Team membership changes in an organization. */
export function membership(e: GithubEvent): RenderedMessage {
  return e.message(`${e.payload.str('organization.login')} organization`, 'membership', {
    user: e.sender,
    action: e.action,
    member: e.payload.str('member.login'),
    memberUrl: e.payload.str('member.html_url'),
    preposition: e.action === 'removed' ? 'from' : 'to',
    team: e.payload.str('team.name'),
  });
}

export function teamAdd(e: GithubEvent): RenderedMessage {
  return e.message(repoTopic(e), 'team-add', {
    repo: e.repoFullName,
    repoUrl: e.repoUrl,
    team: e.payload.str('team.name'),
  });
}

/** The hook was set up, for a repository or for a whole organization. */
export function ping(e: GithubEvent): RenderedMessage {
  const topic = e.payload.has('repository') ? e.repoName : e.payload.str('organization.login');
  return e.message(topic, 'ping', { user: e.sender });
}
