import type { RenderedMessage } from '../../core/integration';
import { shortSha } from '../../core/text';
import { lookup, type GithubEvent } from '../github-event';
import { deploymentTopic, repoTopic } from '../topics';

/** Only finished check runs are worth a message. */
export function checkRun(e: GithubEvent): RenderedMessage | null {
  const run = e.payload.obj('check_run');
  const status = run.str('status');
  if (status !== 'completed') return null;
  const sha = run.str('head_sha');
  return e.message(`${e.repoName} / checks`, 'check-run', {
    name: run.str('name'),
    url: run.str('html_url'),
    status,
    conclusion: run.str('conclusion'),
    shortSha: shortSha(sha),
    commitUrl: `${e.repoUrl}/commit/${sha}`,
  });
}

/** A commit status; linked to its details page when there is one. */
export function status(e: GithubEvent): RenderedMessage {
  const sha = e.payload.str('sha');
  return e.message(repoTopic(e), 'status', {
    shortSha: shortSha(sha),
    commitUrl: e.payload.str('commit.html_url'),
    state: e.payload.str('state'),
    targetUrl: e.payload.optStr('target_url'),
  });
}

export function deployment(e: GithubEvent): RenderedMessage {
  return e.message(deploymentTopic(e), 'deployment', { user: e.sender });
}

export function deploymentStatus(e: GithubEvent): RenderedMessage {
  return e.message(deploymentTopic(e), 'deployment-status', {
    state: e.payload.str('deployment_status.state'),
  });
}

const PAGE_BUILD_STATES: Record<string, string> = {
  null: 'has yet to be built',
  building: 'is being built',
  errored: 'has failed',
  built: 'has finished building',
};

/** A GitHub Pages build; a failure quotes GitHub's error message. */
export function pageBuild(e: GithubEvent): RenderedMessage {
  const state = e.payload.str('build.status');
  return e.message(repoTopic(e), 'page-build', {
    user: e.payload.str('build.pusher.login'),
    outcome: lookup(PAGE_BUILD_STATES, state) ?? `is ${state}`,
    error: state === 'errored' ? e.payload.optStr('build.error.message') : null,
  });
}

/** Wiki pages created or edited in one push. */
export function gollum(e: GithubEvent): RenderedMessage {
  const pages = e.payload.list('pages').map((p) => ({
    action: p.str('action'),
    title: p.str('title'),
    url: p.str('html_url'),
  }));
  return e.message(`${e.repoName} / wiki pages`, 'wiki-pages', { user: e.sender, pages });
}
