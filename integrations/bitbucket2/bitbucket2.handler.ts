import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';
import { hmacHeader } from '../core/verify';
import {
  commitCommentMessage,
  itemMessage,
  pushMessage,
  removeBranchMessage,
  tagMessage,
} from '../shared-git/git-messages';

/**
 * Bitbucket Cloud webhooks. The event is the `X-Event-Key` header (`repo:push`,
 * `pullrequest:created`, ...), named for `only_events` as Zulip names it (`push`,
 * `pull_request_created`, ...). Topics: `{repo} / {branch}`, `{repo} / PR #{n} {title}`,
 * `{repo} / issue #{n} {title}`, `{repo}`.
 */
const EVENTS: Record<string, string> = {
  'repo:push': 'push',
  'repo:fork': 'fork',
  'repo:updated': 'repo:updated',
  'repo:commit_comment_created': 'commit_comment',
  'repo:commit_status_created': 'change_commit_status',
  'repo:commit_status_updated': 'change_commit_status',
  'issue:created': 'issue_created',
  'issue:updated': 'issue_updated',
  'issue:comment_created': 'issue_commented',
  'pullrequest:created': 'pull_request_created',
  'pullrequest:updated': 'pull_request_updated',
  'pullrequest:approved': 'pull_request_approved',
  'pullrequest:unapproved': 'pull_request_unapproved',
  'pullrequest:fulfilled': 'pull_request_fulfilled',
  'pullrequest:rejected': 'pull_request_rejected',
  'pullrequest:comment_created': 'pull_request_comment_created',
  'pullrequest:comment_updated': 'pull_request_comment_updated',
  'pullrequest:comment_deleted': 'pull_request_comment_deleted',
};

const repo = (e: WebhookEvent) => e.payload.str('repository.name');
const repoUrl = (e: WebhookEvent) => e.payload.str('repository.links.html.href');
/** Bitbucket's accounts: `display_name`, or `nickname` for older payloads. */
const nameOf = (account: Payload) =>
  account.optStr('display_name') ?? account.optStr('nickname') ?? 'Someone';
const actor = (e: WebhookEvent) => nameOf(e.payload.obj('actor'));

function changeMessage(e: WebhookEvent, change: Payload): { topic: string; body: string } {
  const user = actor(e);
  const target = change.optObj('new') ?? change.obj('old');
  const name = target.str('name');
  if (target.str('type') === 'tag') {
    const removed = change.optObj('new') === null;
    const url = removed ? null : target.optStr('links.html.href');
    return { topic: repo(e), body: tagMessage(user, name, removed ? 'removed' : 'pushed', url) };
  }
  const topic = `${repo(e)} / ${name}`;
  if (change.optObj('new') === null) return { topic, body: removeBranchMessage(user, name) };
  const compareUrl = change.optStr('links.html.href') ?? `${repoUrl(e)}/branch/${name}`;
  if (change.optBool('forced')) {
    const head = target.str('target.hash');
    return { topic, body: e.render('force-push', { user, compareUrl, branch: name, head }) };
  }
  const commits = change.list('commits').map((c) => ({
    author: c.optObj('author.user')
      ? nameOf(c.obj('author.user'))
      : c.str('author.raw').replace(/\s*<.*>$/, ''),
    sha: c.str('hash'),
    message: c.str('message'),
    url: c.str('links.html.href'),
  }));
  return { topic, body: pushMessage({ user, compareUrl, branch: name, commits }) };
}

/** One delivery can carry several refs (a branch and a tag): one message, under the first. */
const push: EventHandler = (e) => {
  const changes = e.payload.list('push.changes').map((change) => changeMessage(e, change));
  if (changes.length === 0) return null;
  return e.messageWithBody(changes[0].topic, changes.map((c) => c.body).join('\n\n'));
};

const prTopic = (e: WebhookEvent) =>
  `${repo(e)} / PR #${e.payload.num('pullrequest.id')} ${e.payload.str('pullrequest.title')}`;

function pullRequest(
  action: string,
  options: { branches?: boolean; description?: boolean; comment?: string } = {},
): EventHandler {
  return (e) => {
    const pr = e.payload.obj('pullrequest');
    const commentUrl = e.payload.optStr('comment.links.html.href');
    const body = itemMessage({
      user: actor(e),
      action: options.comment ? options.comment.replace('{url}', commentUrl ?? '') : action,
      type: 'PR',
      number: pr.num('id'),
      url: pr.str('links.html.href'),
      title: e.customTopic ? pr.str('title') : null,
      sourceBranch: options.branches ? pr.str('source.branch.name') : null,
      targetBranch: options.branches ? pr.str('destination.branch.name') : null,
      assignees: options.description ? pr.optList('reviewers').map(nameOf) : [],
      message: options.description
        ? pr.optStr('description')
        : options.comment
          ? e.payload.optStr('comment.content.raw')
          : null,
    });
    return e.messageWithBody(prTopic(e), body);
  };
}

const issueTopic = (e: WebhookEvent) =>
  `${repo(e)} / issue #${e.payload.num('issue.id')} ${e.payload.str('issue.title')}`;

function issue(action: 'created' | 'updated' | 'commented'): EventHandler {
  return (e) => {
    const i = e.payload.obj('issue');
    const assignee = i.optObj('assignee');
    const body = itemMessage({
      user: actor(e),
      action:
        action === 'commented'
          ? `[commented](${e.payload.str('comment.links.html.href')}) on`
          : action,
      type: 'issue',
      number: i.num('id'),
      url: i.str('links.html.href'),
      title: e.customTopic ? i.str('title') : null,
      assignees: action === 'created' && assignee ? [nameOf(assignee)] : [],
      message:
        action === 'created'
          ? i.optStr('content.raw')
          : action === 'commented'
            ? e.payload.optStr('comment.content.raw')
            : null,
    });
    return e.messageWithBody(issueTopic(e), body);
  };
}

function commitStatus(e: WebhookEvent) {
  const status = e.payload.obj('commit_status');
  const sha = /([0-9a-f]{7,40})\/?$/.exec(status.str('links.commit.href'))?.[1] ?? '';
  return e.message(repo(e), 'commit-status', {
    system: `System ${status.str('key')}`,
    url: status.optStr('url'),
    sha,
    commitUrl: `${repoUrl(e)}/commits/${sha}`,
    state: status.str('state'),
  });
}

const REPO_FIELDS = ['name', 'full_name', 'description', 'website', 'language', 'slug'];

function repoUpdated(e: WebhookEvent) {
  const changes = e.payload.obj('changes');
  const changed = REPO_FIELDS.filter((field) => changes.has(`${field}.new`)).map((field) => ({
    field: field.replace(/_/g, ' '),
    value: changes.str(`${field}.new`),
  }));
  if (changed.length === 0) return null;
  return e.message(repo(e), 'repo-updated', { user: actor(e), repo: repo(e), changed });
}

export const bitbucket2Integration = defineIntegration({
  name: 'bitbucket2',
  displayName: 'Bitbucket Cloud',
  category: 'version-control',
  eventHeader: 'X-Event-Key',
  eventName: (e) => {
    const key = (e.header('X-Event-Key') ?? '').trim();
    return Object.hasOwn(EVENTS, key) ? EVENTS[key] : key;
  },
  deliveryIdHeader: 'X-Request-UUID',
  events: {
    push,
    fork: (e) =>
      e.message(repo(e), 'fork', {
        user: actor(e),
        name: e.payload.str('fork.full_name'),
        url: e.payload.str('fork.links.html.href'),
      }),
    'repo:updated': repoUpdated,
    commit_comment: (e) =>
      e.messageWithBody(
        repo(e),
        commitCommentMessage(
          actor(e),
          `[commented](${e.payload.str('comment.links.html.href')})`,
          `${repoUrl(e)}/commits/${e.payload.str('commit.hash')}`,
          e.payload.str('commit.hash'),
          e.payload.optStr('comment.content.raw'),
        ),
      ),
    change_commit_status: commitStatus,
    issue_created: issue('created'),
    issue_updated: issue('updated'),
    issue_commented: issue('commented'),
    pull_request_created: pullRequest('created', { branches: true, description: true }),
    pull_request_updated: pullRequest('updated', { description: true }),
    pull_request_approved: pullRequest('approved'),
    pull_request_unapproved: pullRequest('unapproved'),
    pull_request_fulfilled: pullRequest('merged', { branches: true }),
    pull_request_rejected: pullRequest('rejected'),
    pull_request_comment_created: pullRequest('', { comment: '[commented]({url}) on' }),
    pull_request_comment_updated: pullRequest('', { comment: 'updated a [comment]({url}) on' }),
    pull_request_comment_deleted: pullRequest('', { comment: 'deleted a [comment]({url}) on' }),
  },
  branchOf: (e) => {
    if (e.header('X-Event-Key') !== 'repo:push') return null;
    const change = e.payload.optList('push.changes')[0];
    const target = change?.optObj('new') ?? change?.optObj('old');
    return target?.optStr('type') === 'branch' ? target.str('name') : null;
  },
  verify: hmacHeader({ header: 'X-Hub-Signature', prefix: 'sha256=' }),
});
