import { defineIntegration, WebhookEvent } from '../core/define';
import {
  EMPTY_SHA,
  itemMessage,
  pushMessage,
  removeBranchMessage,
} from '../shared-git/git-messages';

/**
 * Azure DevOps service hooks for Repos (Web Hooks, "Resource details to send: All"). The event is
 * the payload's `eventType` (`git.push`, `git.pullrequest.created`, ...), as Zulip names them.
 */
const branchOf = (ref: string) => ref.replace(/^refs\/heads\//, '');
/** `https://org@dev.azure.com/...`: the user part is for git clients, not for links. */
const repoUrl = (e: WebhookEvent, path: string) =>
  e.payload.str(path).replace(/^(https?:\/\/)[^@/]+@/, '$1');

function push(e: WebhookEvent) {
  const r = e.payload.obj('resource');
  const update = r.list('refUpdates')[0];
  const branch = branchOf(update?.str('name') ?? '');
  const user = r.str('pushedBy.displayName');
  const topic = `${r.str('repository.name')} / ${branch}`;
  const url = repoUrl(e, 'resource.repository.remoteUrl');
  if (update?.str('newObjectId') === EMPTY_SHA) {
    return e.messageWithBody(topic, removeBranchMessage(user, branch));
  }
  const body = pushMessage({
    user,
    compareUrl: `${url}/branchCompare?baseVersion=GC${update?.str('oldObjectId')}&targetVersion=GC${update?.str('newObjectId')}&_a=files`,
    branch,
    commits: r.optList('commits').map((c) => ({
      author: c.str('author.name'),
      sha: c.str('commitId'),
      message: c.str('comment'),
      url: `${url}/commit/${c.str('commitId')}`,
    })),
  });
  return e.messageWithBody(topic, body);
}

function pullRequest(action: string, withDetails: (e: WebhookEvent) => string | null) {
  return (e: WebhookEvent) => {
    const r = e.payload.obj('resource');
    const number = r.num('pullRequestId');
    const title = r.str('title');
    const body = itemMessage({
      user: r.str('createdBy.displayName'),
      action,
      type: 'PR',
      number,
      url: `${repoUrl(e, 'resource.repository.remoteUrl')}/pullrequest/${number}`,
      title,
      sourceBranch: action === 'updated' ? null : branchOf(r.str('sourceRefName')),
      targetBranch: action === 'updated' ? null : branchOf(r.str('targetRefName')),
      message: withDetails(e),
    });
    return e.messageWithBody(`${r.str('repository.name')} / PR #${number} ${title}`, body);
  };
}

export const azuredevopsIntegration = defineIntegration({
  name: 'azuredevops',
  displayName: 'Azure DevOps',
  category: 'version-control',
  eventField: 'eventType',
  events: {
    'git.push': push,
    'git.pullrequest.created': pullRequest('created', (e) =>
      e.payload.optStr('resource.description'),
    ),
    // A merge that did not go through (conflicts, policies) is not news: nothing is posted.
    'git.pullrequest.merged': (e) =>
      e.payload.optStr('resource.mergeStatus') === 'succeeded' &&
      e.payload.optStr('resource.status') === 'completed'
        ? pullRequest('merged', () => null)(e)
        : null,
    'git.pullrequest.updated': pullRequest(
      'updated',
      (e) => e.payload.optStr('message.markdown')?.replace(/\r\n/g, '\n') ?? null,
    ),
  },
  branchOf: (e) => {
    const ref = e.payload.optList('resource.refUpdates')[0]?.optStr('name');
    return ref ? branchOf(ref) : null;
  },
});
