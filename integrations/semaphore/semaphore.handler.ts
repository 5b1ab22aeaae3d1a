import type {
  EventRenderer,
  IntegrationDefinition,
  RenderedMessage,
  WebhookInput,
} from '../core/integration';
import { Payload } from '../core/payload';
import { render } from '../core/templates';
import { truncateTopic } from '../core/text';

/**
 * Semaphore CI, both payload generations. Semaphore Classic sends an `event` (build, deploy);
 * Semaphore 2.0 sends a pipeline report whose event is `revision.reference_type` (branch, tag,
 * pull_request). The topic is `project/branch`, or the project alone when there is no branch.
 */
const NAME = 'semaphore';

const isClassic = (p: Payload): boolean => p.has('event');

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0];
}

function topic(project: string, branch: string | null): string {
  return truncateTopic(branch ? `${project}/${branch}` : project);
}

/** Classic: the last commit of the build, shared by the build and deploy bodies. */
function classicCommit(p: Payload) {
  const id = p.str('commit.id');
  return {
    commitHash: id.slice(0, 7),
    commitMessage: firstLine(p.str('commit.message')),
    commitUrl: p.str('commit.url'),
    email: p.str('commit.author_email'),
    status: p.str('result'),
  };
}

function classicTopic(p: Payload): string {
  return topic(p.str('project_name'), p.str('branch_name'));
}

function renderClassicBuild(p: Payload) {
  const body = render(NAME, 'classic-build', {
    ...classicCommit(p),
    buildNumber: p.num('build_number'),
    buildUrl: p.str('build_url'),
  });
  return { topic: classicTopic(p), body };
}

function renderClassicDeploy(p: Payload) {
  const body = render(NAME, 'classic-deploy', {
    ...classicCommit(p),
    deployNumber: p.num('number'),
    deployUrl: p.str('html_url'),
    buildNumber: p.num('build_number'),
    buildUrl: p.str('build_html_url'),
    serverName: p.str('server_name'),
  });
  return { topic: classicTopic(p), body };
}

function renderClassicOther(p: Payload) {
  const body = render(NAME, 'classic-other', { event: p.str('event'), result: p.str('result') });
  return { topic: classicTopic(p), body };
}

/** Semaphore 2.0 only reports GitHub repositories with links we can build ourselves. */
function isGitHub(repoUrl: string): boolean {
  try {
    return new URL(repoUrl).hostname === 'github.com';
  } catch {
    return false;
  }
}

function pipelineContext(p: Payload) {
  const repoUrl = p.str('repository.url');
  const author = p.str('revision.sender.login');
  return {
    repoUrl,
    github: isGitHub(repoUrl),
    project: p.str('project.name'),
    authorName: author,
    authorUrl: `https://github.com/${author}`,
    pipelineName: p.str('pipeline.name'),
    pipelineResult: p.str('pipeline.result'),
    workflowUrl: `https://${p.str('organization.name')}.semaphoreci.com/workflows/${p.str('workflow.id')}`,
  };
}

function renderPipelineBranch(p: Payload) {
  const ctx = pipelineContext(p);
  const sha = p.str('revision.commit_sha');
  const branch = p.str('revision.branch.name');
  const body = render(NAME, 'pipeline-branch', {
    ...ctx,
    branchName: branch,
    commitHash: sha.slice(0, 7),
    commitMessage: firstLine(p.str('revision.commit_message')),
    commitUrl: `${ctx.repoUrl}/commit/${sha}`,
  });
  return { topic: topic(ctx.project, branch), body };
}

function renderPipelinePullRequest(p: Payload) {
  const ctx = pipelineContext(p);
  const pr = p.obj('revision.pull_request');
  const branch = pr.str('branch_name');
  const number = pr.str('number');
  const body = render(NAME, 'pipeline-pull-request', {
    ...ctx,
    branchName: branch,
    title: pr.str('name'),
    number,
    url: `${ctx.repoUrl}/pull/${number}`,
  });
  return { topic: topic(ctx.project, branch), body };
}

function renderPipelineTag(p: Payload) {
  const ctx = pipelineContext(p);
  const tag = p.str('revision.tag.name');
  const body = render(NAME, 'pipeline-tag', {
    ...ctx,
    tagName: tag,
    tagUrl: `${ctx.repoUrl}/tree/${tag}`,
  });
  return { topic: topic(ctx.project, null), body };
}

function renderPipelineOther(p: Payload) {
  const ctx = pipelineContext(p);
  const body = render(NAME, 'pipeline-other', {
    ...ctx,
    event: p.str('revision.reference_type'),
  });
  return { topic: topic(ctx.project, null), body };
}

/** One event name can come from either generation; pick the renderer by payload shape. */
function either(
  classic: (p: Payload) => RenderedMessage,
  pipeline: (p: Payload) => RenderedMessage,
): EventRenderer {
  return (input: WebhookInput) => {
    const p = new Payload(input.payload);
    return isClassic(p) ? classic(p) : pipeline(p);
  };
}

export const semaphoreIntegration: IntegrationDefinition = {
  name: NAME,
  displayName: 'Semaphore CI',
  category: 'ci-cd',
  eventName(input) {
    const p = new Payload(input.payload);
    return isClassic(p) ? p.str('event') : p.str('revision.reference_type');
  },
  events: {
    build: either(renderClassicBuild, renderPipelineOther),
    deploy: either(renderClassicDeploy, renderPipelineOther),
    unknown: either(renderClassicOther, renderPipelineOther),
    branch: either(renderClassicOther, renderPipelineBranch),
    pull_request: either(renderClassicOther, renderPipelinePullRequest),
    tag: either(renderClassicOther, renderPipelineTag),
  },
  ignoredEvents: [],
};
