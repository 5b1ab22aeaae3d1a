import { defineIntegration, WebhookEvent } from '../core/define';
import type { IntegrationDefinition } from '../core/integration';
import { hmacHeader } from '../core/verify';
import {
  githubStyleCommits,
  itemMessage,
  pushMessage,
  tagMessage,
} from '../shared-git/git-messages';

/**
 * Gogs, and Gitea (which began as its fork and sends the same payloads under its own headers).
 * The event is the `X-Gogs-Event` / `X-Gitea-Event` header; topics follow Zulip's Gogs
 * integration: `{repo} / {branch}`, `{repo} / PR #{id} {title}`, `{repo} / issue #{n} {title}`.
 */
export interface GogsFlavour {
  name: string;
  displayName: string;
  /** The service's prefix in its headers: "Gogs" or "Gitea". */
  header: 'Gogs' | 'Gitea';
}

const repo = (e: WebhookEvent) => e.payload.str('repository.name');
const repoUrl = (e: WebhookEvent) => e.payload.str('repository.html_url');
/** Gogs and Gitea name people by `username` (older Gogs: `login`). */
const person = (e: WebhookEvent, path: string) =>
  e.payload.optStr(`${path}.username`) || e.payload.str(`${path}.login`);
const branchOf = (ref: string) => ref.replace(/^refs\/heads\//, '');

function push(e: WebhookEvent) {
  const branch = branchOf(e.payload.str('ref'));
  const body = pushMessage({
    user: person(e, 'pusher'),
    compareUrl: e.payload.optStr('compare_url') || null,
    branch,
    commits: githubStyleCommits(e.payload.list('commits')),
  });
  return e.messageWithBody(`${repo(e)} / ${branch}`, body);
}

function create(e: WebhookEvent) {
  const ref = e.payload.str('ref');
  if (e.payload.str('ref_type') === 'tag') {
    return e.messageWithBody(repo(e), tagMessage(person(e, 'sender'), ref, 'created', null));
  }
  return e.message(`${repo(e)} / ${ref}`, 'create-branch', {
    user: person(e, 'sender'),
    branch: ref,
    url: `${repoUrl(e)}/src/${ref}`,
  });
}

function pullRequest(e: WebhookEvent) {
  const pr = e.payload.obj('pull_request');
  const action = e.payload.str('action');
  const body = itemMessage({
    user: person(e, 'sender'),
    action: action === 'closed' && pr.bool('merged') ? 'merged' : action,
    type: 'PR',
    number: pr.num('number'),
    url: pr.str('html_url'),
    title: e.customTopic ? pr.str('title') : null,
    // Gogs names the branches `head_branch`/`base_branch`, Gitea `head.ref`/`base.ref`.
    sourceBranch: pr.optStr('head_branch') ?? pr.str('head.ref'),
    targetBranch: pr.optStr('base_branch') ?? pr.str('base.ref'),
    assignees: action === 'assigned' ? assignees(e, 'pull_request') : [],
  });
  // Zulip's topic names the PR by its id, not its number: kept so existing topics continue.
  return e.messageWithBody(`${repo(e)} / PR #${pr.num('id')} ${pr.str('title')}`, body);
}

function assignees(e: WebhookEvent, path: string): string[] {
  const many = e.payload.optList(`${path}.assignees`);
  if (many.length > 0) return many.map((a) => a.optStr('username') || a.str('login'));
  return e.payload.has(`${path}.assignee`) ? [person(e, `${path}.assignee`)] : [];
}

const issueTopic = (e: WebhookEvent) =>
  `${repo(e)} / issue #${e.payload.num('issue.number')} ${e.payload.str('issue.title')}`;
const issueUrl = (e: WebhookEvent) => `${repoUrl(e)}/issues/${e.payload.num('issue.number')}`;

function issues(e: WebhookEvent) {
  const action = e.payload.str('action');
  const body = itemMessage({
    user: person(e, 'sender'),
    action,
    type: 'issue',
    number: e.payload.num('issue.number'),
    url: issueUrl(e),
    title: e.customTopic ? e.payload.str('issue.title') : null,
    assignees: assignees(e, 'issue'),
    // The description is news when the issue is opened or edited, not on every state change.
    message: action === 'opened' || action === 'edited' ? e.payload.optStr('issue.body') : null,
  });
  return e.messageWithBody(issueTopic(e), body);
}

function issueComment(e: WebhookEvent) {
  const action = e.payload.str('action');
  const commentUrl = e.payload.str('comment.html_url');
  const body = itemMessage({
    user: person(e, 'sender'),
    action:
      action === 'edited'
        ? `edited a [comment](${commentUrl}) on`
        : action === 'deleted'
          ? `deleted a [comment](${commentUrl}) on`
          : `[commented](${commentUrl}) on`,
    type: 'issue',
    number: e.payload.num('issue.number'),
    url: issueUrl(e),
    title: e.customTopic ? e.payload.str('issue.title') : null,
    message: action === 'deleted' ? null : e.payload.str('comment.body'),
  });
  return e.messageWithBody(issueTopic(e), body);
}

function release(e: WebhookEvent) {
  const tag = e.payload.str('release.tag_name');
  const name = e.payload.optStr('release.name') || tag;
  return e.message(`${repo(e)} / ${tag} ${name}`, 'release', {
    user: person(e, 'sender'),
    action: e.payload.optStr('action') ?? 'published',
    name,
    url: `${repoUrl(e)}/releases`,
    tag,
  });
}

export function gogsFlavour(flavour: GogsFlavour): IntegrationDefinition {
  return defineIntegration({
    name: flavour.name,
    displayName: flavour.displayName,
    category: 'version-control',
    templatesFrom: 'gogs',
    eventHeader: `X-${flavour.header}-Event`,
    deliveryIdHeader: `X-${flavour.header}-Delivery`,
    verify: hmacHeader({ header: `X-${flavour.header}-Signature` }),
    events: {
      push,
      create,
      pull_request: pullRequest,
      issues,
      issue_comment: issueComment,
      release,
    },
    branchOf: (e) => {
      const event = e.header(`X-${flavour.header}-Event`);
      if (event === 'push') return branchOf(e.payload.str('ref'));
      if (event === 'create' && e.payload.optStr('ref_type') === 'branch') {
        return e.payload.str('ref');
      }
      return null;
    },
  });
}

export const gogsIntegration = gogsFlavour({ name: 'gogs', displayName: 'Gogs', header: 'Gogs' });
