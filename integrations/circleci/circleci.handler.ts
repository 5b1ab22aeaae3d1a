import type { EventRenderer, IntegrationDefinition, WebhookInput } from '../core/integration';
import { Payload } from '../core/payload';
import { render } from '../core/templates';
import { truncateTopic } from '../core/text';

/**
 * CircleCI. Two formats arrive at the same URL:
 * - the current webhooks (`type`: "workflow-completed" or "job-completed"), topic the project name;
 * - the legacy per-build notification (`{"payload": {...}}`), whose event is the build outcome
 *   (`status`, or `outcome` for a full build record), topic the repository name.
 */
const NAME = 'circleci';

const STATUS_PHRASES: Record<string, string> = {
  success: 'has succeeded',
  failed: 'has failed',
  canceled: 'was canceled',
  error: 'has errored',
  unauthorized: 'was not authorized to run',
  fixed: 'has been fixed',
  timedout: 'has timed out',
  infrastructure_fail: 'has failed (infrastructure)',
  no_tests: 'ran no tests',
  not_run: 'was not run',
};

function statusPhrase(status: string): string {
  return STATUS_PHRASES[status] ?? status;
}

/** The current webhook format: who, what and where, shared by workflow and job events. */
function pipelineContext(p: Payload) {
  const vcs = p.obj('pipeline.vcs');
  const revision = vcs.str('revision');
  const repoUrl = vcs.optStr('origin_repository_url');
  const tag = vcs.optStr('tag');
  return {
    project: p.str('project.name'),
    workflowName: p.str('workflow.name'),
    workflowUrl: p.str('workflow.url'),
    pipelineNumber: p.num('pipeline.number'),
    ref: tag ? `tag \`${tag}\`` : `branch \`${vcs.optStr('branch') ?? 'unknown'}\``,
    sha: revision.slice(0, 10),
    commitUrl: repoUrl ? commitUrl(vcs.optStr('provider_name'), repoUrl, revision) : null,
    subject: vcs.optStr('commit.subject'),
    author: vcs.optStr('commit.author.name'),
  };
}

/** GitHub and Bitbucket spell commit links differently; other hosts get no link. */
function commitUrl(provider: string | null, repoUrl: string, sha: string): string | null {
  const base = repoUrl.replace(/\.git$/, '');
  if (provider?.toLowerCase() === 'github') return `${base}/commit/${sha}`;
  if (provider?.toLowerCase() === 'bitbucket') return `${base}/commits/${sha}`;
  return null;
}

function renderWorkflow(input: WebhookInput) {
  const p = new Payload(input.payload);
  const ctx = pipelineContext(p);
  const body = render(NAME, 'workflow', {
    ...ctx,
    status: statusPhrase(p.str('workflow.status')),
  });
  return { topic: truncateTopic(ctx.project), body };
}

function renderJob(input: WebhookInput) {
  const p = new Payload(input.payload);
  const ctx = pipelineContext(p);
  const job = p.obj('job');
  const number = job.optNum('number');
  const body = render(NAME, 'job', {
    ...ctx,
    jobName: job.str('name'),
    jobNumber: number,
    jobUrl: number === null ? null : `${ctx.workflowUrl}/jobs/${number}`,
    status: statusPhrase(job.str('status')),
  });
  return { topic: truncateTopic(ctx.project), body };
}

/** Legacy: a minimal notification has no `build_num`, only who, where and the status. */
function renderLegacy(input: WebhookInput) {
  const p = new Payload(input.payload).obj('payload');
  const topic = truncateTopic(p.str('reponame'));
  if (!p.has('build_num')) {
    const body = render(NAME, 'legacy-minimal', {
      buildUrl: p.str('build_url'),
      username: p.str('username'),
      branch: p.str('branch'),
      status: statusPhrase(p.str('status')),
    });
    return { topic, body };
  }
  const pullRequests = p.optList('pull_requests');
  const body = render(NAME, 'legacy-build', {
    buildNumber: p.num('build_num'),
    buildUrl: p.str('build_url'),
    jobName: p.str('workflows.job_name'),
    workflowName: p.str('workflows.workflow_name'),
    branch: p.str('branch'),
    status: statusPhrase(p.str('outcome')),
    commits: commitRange(p),
    pullRequest: pullRequests.length > 0 ? pullRequests[0].str('url') : null,
    people: authorsAndCommitters(p),
  });
  return { topic, body };
}

function commitRange(p: Payload): string {
  const commits = p.list('all_commit_details');
  if (commits.length === 0) return '';
  const first = commits[0];
  const last = commits[commits.length - 1];
  const firstSha = first.str('commit');
  const lastSha = last.str('commit');
  if (commits.length === 1) {
    return `- **Commit:** [${firstSha.slice(0, 10)}](${first.str('commit_url')})`;
  }
  const label = `- **Commits (${commits.length}):**`;
  if (p.str('user.vcs_type') === 'github') {
    const url = `${p.str('vcs_url')}/compare/${firstSha}...${lastSha}`;
    return `${label} [${firstSha.slice(0, 10)} ... ${lastSha.slice(0, 10)}](${url})`;
  }
  // Bitbucket has no usable compare URL: link both ends.
  return `${label} [${firstSha.slice(0, 10)}](${first.str('commit_url')}) ... [${lastSha.slice(0, 10)}](${last.str('commit_url')})`;
}

function person(name: string, login: string | null): string {
  return login ? `${name} (${login})` : name;
}

function authorsAndCommitters(p: Payload): string {
  const authors = new Set<string>();
  const committers = new Set<string>();
  for (const c of p.list('all_commit_details')) {
    authors.add(person(c.str('author_name'), c.optStr('author_login')));
    if (c.optStr('committer_email') !== null) {
      committers.add(person(c.str('committer_name'), c.optStr('committer_login')));
    }
  }
  const a = [...authors].sort();
  const c = [...committers].sort();
  const lines = [`- **${a.length > 1 ? 'Authors' : 'Author'}:** ${a.join(', ')}`];
  if (c.length > 0)
    lines.push(`- **${c.length > 1 ? 'Committers' : 'Committer'}:** ${c.join(', ')}`);
  return lines.join('\n');
}

const LEGACY_OUTCOMES = [
  'success',
  'failed',
  'canceled',
  'fixed',
  'timedout',
  'infrastructure_fail',
  'no_tests',
  'not_run',
];

export const circleciIntegration: IntegrationDefinition = {
  name: NAME,
  displayName: 'CircleCI',
  category: 'ci-cd',
  eventName(input) {
    const p = new Payload(input.payload);
    if (!p.has('payload')) return p.str('type');
    const legacy = p.obj('payload');
    return legacy.has('build_num') ? legacy.str('outcome') : legacy.str('status');
  },
  events: {
    'workflow-completed': renderWorkflow,
    'job-completed': renderJob,
    ...Object.fromEntries(LEGACY_OUTCOMES.map((o): [string, EventRenderer] => [o, renderLegacy])),
  },
  // CircleCI sends "ping" when a webhook is created or tested.
  ignoredEvents: ['ping'],
};
