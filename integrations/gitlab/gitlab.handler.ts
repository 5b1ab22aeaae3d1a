import {
  EventRenderer,
  IntegrationDefinition,
  renderedList,
  WebhookInput,
} from '../core/integration';
import { AnomalousPayloadError, Payload } from '../core/payload';
import { render } from '../core/templates';
import { tokenHeader } from '../core/verify';
import { truncateTopic } from '../core/text';
import {
  EMPTY_SHA,
  commitCommentMessage,
  itemMessage,
  pushMessage,
  removeBranchMessage,
  tagMessage,
} from '../shared-git/git-messages';

/**
 * GitLab project and system hooks. The event name is the `X-Gitlab-Event` header, with the
 * object's action (issues, merge requests, wiki pages) or noteable type (notes) appended, as
 * Zulip names them for `only_events`: "Push Hook", "Merge Request Hook merge", "Note Hook Issue".
 */
const NAME = 'gitlab';

function repoName(p: Payload): string {
  // Job hooks carry no `project`, only `repository`.
  return p.has('project') ? p.str('project.name') : p.str('repository.name');
}

function projectUrl(p: Payload): string {
  return p.has('project') ? p.str('project.web_url') : p.str('repository.homepage');
}

function branchName(p: Payload): string {
  return p.str('ref').replace(/^refs\/heads\//, '');
}

/** `use_merge_request_title` (JSON bool, default true) keeps the MR title in MR topics. */
function useMergeRequestTitle(input: WebhookInput): boolean {
  const raw = input.options.use_merge_request_title;
  if (raw === undefined) return true;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new AnomalousPayloadError('use_merge_request_title', 'true or false');
}

function itemTopic(repo: string, type: string, id: number, title: string): string {
  return truncateTopic(`${repo} / ${type} #${id} ${title}`);
}

/** Assignee display names: `assignees` (newer GitLab) or the single `assignee`. */
function assigneeNames(p: Payload): string[] {
  const many = p.optList('assignees');
  if (many.length > 0) return many.map((a) => a.str('name'));
  const one = p.optObj('assignee');
  return one ? [one.str('name')] : [];
}

/** Issue descriptions may carry `<!-- hidden comments -->`, which GitLab does not display. */
function visibleDescription(description: string | null): string | null {
  if (!description) return null;
  return description.replace(/<!--[\s\S]*?-->/g, '').trimEnd() || null;
}

function renderPush(input: WebhookInput) {
  const p = new Payload(input.payload);
  const user = p.str('user_name');
  const branch = branchName(p);
  const topic = truncateTopic(`${repoName(p)} / ${branch}`);
  if (p.optStr('after') === EMPTY_SHA) return { topic, body: removeBranchMessage(user, branch) };
  const compareUrl = `${projectUrl(p)}/compare/${p.str('before')}...${p.str('after')}`;
  const commits = p.list('commits').map((c) => ({
    author: c.str('author.name'),
    sha: c.str('id'),
    message: c.str('message'),
    url: c.str('url'),
  }));
  return { topic, body: pushMessage({ user, compareUrl, branch, commits }) };
}

function renderTagPush(input: WebhookInput) {
  const p = new Payload(input.payload);
  const tag = p.str('ref').replace(/^refs\/tags\//, '');
  // GitLab sends no checkout_sha when the tag was removed.
  const action = p.optStr('checkout_sha') ? 'pushed' : 'removed';
  return { topic: truncateTopic(repoName(p)), body: tagMessage(p.str('user_name'), tag, action) };
}

function renderTestHook(input: WebhookInput) {
  const p = new Payload(input.payload);
  const repo = repoName(p);
  return { topic: truncateTopic(repo), body: render(NAME, 'test', { repo }) };
}

function issueTopic(p: Payload): string {
  const a = p.obj('object_attributes');
  return itemTopic(repoName(p), 'issue', a.num('iid'), a.str('title'));
}

function renderIssueOpened(input: WebhookInput) {
  const p = new Payload(input.payload);
  const a = p.obj('object_attributes');
  const body = itemMessage({
    user: p.str('user.name'),
    action: 'created',
    type: 'issue',
    number: a.num('iid'),
    url: a.str('url'),
    assignees: assigneeNames(p),
    message: visibleDescription(a.optStr('description')),
  });
  return { topic: issueTopic(p), body };
}

function issueAction(action: string): EventRenderer {
  return (input) => {
    const p = new Payload(input.payload);
    const a = p.obj('object_attributes');
    const body = itemMessage({
      user: p.str('user.name'),
      action,
      type: 'issue',
      number: a.num('iid'),
      url: a.str('url'),
    });
    return { topic: issueTopic(p), body };
  };
}

function mergeRequestTopic(input: WebhookInput, p: Payload, mr: Payload): string {
  const title = useMergeRequestTitle(input) ? mr.str('title') : '';
  return itemTopic(repoName(p), 'MR', mr.num('iid'), title);
}

/** Approve, unapprove, close, reopen, merge and "added commits": one line, no description. */
function mergeRequestAction(action: string): EventRenderer {
  return (input) => {
    const p = new Payload(input.payload);
    const mr = p.obj('object_attributes');
    const merged = action === 'merged';
    const body = itemMessage({
      user: p.str('user.name'),
      action,
      type: 'MR',
      number: mr.num('iid'),
      url: mr.str('url'),
      sourceBranch: merged ? mr.str('source_branch') : null,
      targetBranch: merged ? mr.str('target_branch') : null,
    });
    return { topic: mergeRequestTopic(input, p, mr), body };
  };
}

function mergeRequestOpenedOrUpdated(action: 'created' | 'updated'): EventRenderer {
  return (input) => {
    const p = new Payload(input.payload);
    const mr = p.obj('object_attributes');
    const created = action === 'created';
    const body = itemMessage({
      user: p.str('user.name'),
      action,
      type: 'MR',
      number: mr.num('iid'),
      url: mr.str('url'),
      sourceBranch: created ? mr.str('source_branch') : null,
      targetBranch: created ? mr.str('target_branch') : null,
      assignees: assigneeNames(p),
      message: mr.optStr('description'),
    });
    return { topic: mergeRequestTopic(input, p, mr), body };
  };
}

const renderMergeRequestOpened = mergeRequestOpenedOrUpdated('created');
const renderMergeRequestEdited = mergeRequestOpenedOrUpdated('updated');
const renderMergeRequestCommits = mergeRequestAction('added commit(s) to');

/** An "update" with `oldrev` is new commits pushed to the MR; otherwise the MR itself changed. */
function renderMergeRequestUpdated(input: WebhookInput) {
  const p = new Payload(input.payload);
  return p.optStr('object_attributes.oldrev')
    ? renderMergeRequestCommits(input)
    : renderMergeRequestEdited(input);
}

function commentedAction(p: Payload): string {
  return `[commented](${p.str('object_attributes.url')}) on`;
}

function renderCommitNote(input: WebhookInput) {
  const p = new Payload(input.payload);
  const body = commitCommentMessage(
    p.str('user.name'),
    `[commented](${p.str('object_attributes.url')})`,
    p.str('commit.url'),
    p.str('commit.id'),
    p.str('object_attributes.note'),
  );
  return { topic: truncateTopic(repoName(p)), body };
}

function renderMergeRequestNote(input: WebhookInput) {
  const p = new Payload(input.payload);
  const mr = p.obj('merge_request');
  const iid = mr.num('iid');
  const body = itemMessage({
    user: p.str('user.name'),
    action: commentedAction(p),
    type: 'MR',
    number: iid,
    url: mr.optStr('url') ?? `${projectUrl(p)}/merge_requests/${iid}`,
    message: p.str('object_attributes.note'),
  });
  return { topic: mergeRequestTopic(input, p, mr), body };
}

/** A comment on an issue (numbered by `iid`) or a snippet (numbered by `id`). */
function itemNote(kind: 'issue' | 'snippet'): EventRenderer {
  const numberField = kind === 'issue' ? 'iid' : 'id';
  return (input) => {
    const p = new Payload(input.payload);
    const item = p.obj(kind);
    const number = item.num(numberField);
    const body = itemMessage({
      user: p.str('user.name'),
      action: commentedAction(p),
      type: kind,
      number,
      url: item.optStr('url') ?? `${projectUrl(p)}/${kind}s/${number}`,
      message: p.str('object_attributes.note'),
    });
    return { topic: itemTopic(repoName(p), kind, number, item.str('title')), body };
  };
}

function wikiPage(action: string): EventRenderer {
  return (input) => {
    const p = new Payload(input.payload);
    const body = render(NAME, 'wiki-page', {
      user: p.str('user.name'),
      action,
      title: p.str('object_attributes.title'),
      url: p.str('object_attributes.url'),
    });
    return { topic: truncateTopic(repoName(p)), body };
  };
}

/** "was created" / "started" / "changed status to X", shared by jobs and pipelines. */
function statusAction(status: string, created: string): string {
  if (status === created) return 'was created';
  if (status === 'running') return 'started';
  return `changed status to ${status}`;
}

function renderJob(input: WebhookInput) {
  const p = new Payload(input.payload);
  const body = render(NAME, 'job', {
    name: p.str('build_name'),
    stage: p.str('build_stage'),
    action: statusAction(p.str('build_status'), 'created'),
  });
  return { topic: truncateTopic(`${p.str('repository.name')} / ${branchName(p)}`), body };
}

function renderPipeline(input: WebhookInput) {
  const p = new Payload(input.payload);
  const a = p.obj('object_attributes');
  const home = projectUrl(p);
  const builds = p.list('builds').map((b) => {
    const jobUrl = `${home}/-/jobs/${b.num('id')}`;
    return {
      name: b.str('name'),
      url: jobUrl,
      status: b.str('status'),
      artifact: b.optStr('artifacts_file.filename'),
    };
  });
  const body = render(NAME, 'pipeline', {
    id: a.num('id'),
    url: `${home}/-/pipelines/${a.num('id')}`,
    action: statusAction(a.str('status'), 'pending'),
    builds,
  });
  const ref = a.str('ref').replace(/^refs\/heads\//, '');
  return { topic: truncateTopic(`${repoName(p)} / ${ref}`), body };
}

const HOOKS_WITH_ACTION = [
  'Issue Hook',
  'Confidential Issue Hook',
  'Merge Request Hook',
  'Wiki Page Hook',
];
const NOTE_HOOKS = ['Note Hook', 'Confidential Note Hook'];

/** A system hook names its event in the body: "merge_request" → "Merge Request Hook". */
function systemHookEvent(p: Payload): string {
  const kind = p.optStr('event_name') ?? p.str('object_kind');
  const title = kind
    .split('_')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w))
    .join(' ');
  return `${title} Hook`;
}

function eventName(input: WebhookInput): string {
  const header = input.headers['x-gitlab-event'];
  if (!header) throw new AnomalousPayloadError('X-Gitlab-Event', 'the GitLab event header');
  const p = new Payload(input.payload);
  const event = header === 'System Hook' ? systemHookEvent(p) : header;
  if (HOOKS_WITH_ACTION.includes(event)) {
    // GitLab leaves out the action of a test delivery of an issue hook; it is an "open".
    return `${event} ${p.optStr('object_attributes.action') ?? 'open'}`;
  }
  if (NOTE_HOOKS.includes(event)) return `${event} ${p.str('object_attributes.noteable_type')}`;
  return event;
}

/**
 * With `topic=` in the URL the topic no longer names the project, so the body does, as Zulip
 * writes it: `[[repo](project url)] ` before the message.
 */
function namingProjectUnderCustomTopic(render: EventRenderer): EventRenderer {
  return (input) => {
    const rendered = render(input);
    if (input.options.topic === undefined) return rendered;
    const p = new Payload(input.payload);
    const prefix = `[[${repoName(p)}](${projectUrl(p)})] `;
    return renderedList(rendered).map((m) => ({ ...m, body: `${prefix}${m.body}` }));
  };
}

const RENDERERS: Record<string, EventRenderer> = {
  'Push Hook': renderPush,
  'Tag Push Hook': renderTagPush,
  'Test Hook': renderTestHook,
  'Issue Hook open': renderIssueOpened,
  'Issue Hook close': issueAction('closed'),
  'Issue Hook reopen': issueAction('reopened'),
  'Issue Hook update': issueAction('updated'),
  'Confidential Issue Hook open': renderIssueOpened,
  'Confidential Issue Hook close': issueAction('closed'),
  'Confidential Issue Hook reopen': issueAction('reopened'),
  'Confidential Issue Hook update': issueAction('updated'),
  'Note Hook Commit': renderCommitNote,
  'Note Hook MergeRequest': renderMergeRequestNote,
  'Note Hook Issue': itemNote('issue'),
  'Confidential Note Hook Issue': itemNote('issue'),
  'Note Hook Snippet': itemNote('snippet'),
  'Merge Request Hook approved': mergeRequestAction('approved'),
  'Merge Request Hook unapproved': mergeRequestAction('unapproved'),
  'Merge Request Hook open': renderMergeRequestOpened,
  'Merge Request Hook update': renderMergeRequestUpdated,
  'Merge Request Hook merge': mergeRequestAction('merged'),
  'Merge Request Hook close': mergeRequestAction('closed'),
  'Merge Request Hook reopen': mergeRequestAction('reopened'),
  'Wiki Page Hook create': wikiPage('created'),
  'Wiki Page Hook update': wikiPage('updated'),
  'Wiki Page Hook delete': wikiPage('deleted'),
  'Job Hook': renderJob,
  'Build Hook': renderJob,
  'Pipeline Hook': renderPipeline,
};

export const gitlabIntegration: IntegrationDefinition = {
  name: NAME,
  displayName: 'GitLab',
  category: 'version-control',
  eventHeader: 'X-Gitlab-Event',
  deliveryIdHeader: 'X-Gitlab-Event-UUID',
  eventName,
  events: Object.fromEntries(
    Object.entries(RENDERERS).map(([event, render]) => [
      event,
      namingProjectUnderCustomTopic(render),
    ]),
  ),
  // "approval"/"unapproval" repeat "approved"/"unapproved" (GitLab sends both); a system hook's
  // repository_update repeats the push it accompanies.
  ignoredEvents: [
    'Merge Request Hook approval',
    'Merge Request Hook unapproval',
    'Repository Update Hook',
  ],
  verify: tokenHeader('X-Gitlab-Token'),
  parameters: {
    branches: 'comma-separated branch names: pushes to other branches post nothing',
    use_merge_request_title: 'false: merge request topics leave out the title',
  },
  branchOf(input) {
    const p = new Payload(input.payload);
    const isPush =
      input.headers['x-gitlab-event'] === 'Push Hook' ||
      (input.headers['x-gitlab-event'] === 'System Hook' && systemHookEvent(p) === 'Push Hook');
    return isPush ? branchName(p) : null;
  },
};
