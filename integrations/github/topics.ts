import type { GithubEvent } from './github-event';

/** Topic names, following Zulip's GitHub integration (`repository.name`, not `full_name`). */
export function repoTopic(e: GithubEvent): string {
  return e.repoName;
}

export function pullRequestTopic(e: GithubEvent): string {
  const pr = e.payload.obj('pull_request');
  return `${e.repoName} / PR #${pr.num('number')} ${pr.str('title')}`;
}

/** Issue comments on a pull request belong to the PR's topic, so the conversation stays in one place. */
export function issueTopic(e: GithubEvent): string {
  const issue = e.payload.obj('issue');
  const kind = issue.has('pull_request') ? 'PR' : 'issue';
  return `${e.repoName} / ${kind} #${issue.num('number')} ${issue.str('title')}`;
}

export function branchTopic(e: GithubEvent, branch: string): string {
  return `${e.repoName} / ${branch}`;
}

export function deploymentTopic(e: GithubEvent): string {
  return `${e.repoName} / Deployment on ${e.payload.str('deployment.environment')}`;
}

export function discussionTopic(e: GithubEvent): string {
  const d = e.payload.obj('discussion');
  return `${e.repoName} discussion #${d.num('number')}: ${d.str('title')}`;
}
