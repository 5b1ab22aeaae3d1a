import { defineIntegration, WebhookEvent } from '../core/define';
import { tokenInBody } from '../core/verify';
import { pushMessage, removeBranchMessage } from '../shared-git/git-messages';

/**
 * RhodeCode's webhook integration (git and Mercurial repositories). The event is the payload's
 * `event.name` (`repo-push`, ...); pushes post under `{repo} / {branch}` as in Zulip.
 */
const DELETED_BRANCH = /^delete_branch=>(.*)$/;

function push(e: WebhookEvent) {
  const p = e.payload.obj('event');
  const repo = p.str('repo.repo_name');
  const user = p.str('actor.username');
  const commits = p.list('push.commits');
  // RhodeCode reports a deleted branch as a pseudo-commit "delete_branch=>name".
  const deleted = commits.map((c) => DELETED_BRANCH.exec(c.str('raw_id'))?.[1]).find(Boolean);
  if (deleted) return e.messageWithBody(`${repo} / ${deleted}`, removeBranchMessage(user, deleted));
  const branch =
    p.list('push.branches')[0]?.str('name') ?? commits[0]?.optStr('branch') ?? 'default';
  const body = pushMessage({
    user,
    compareUrl: null,
    branch,
    commits: commits.map((c) => ({
      author: c.str('author'),
      sha: c.str('raw_id'),
      message: c.str('message'),
      url: c.str('url'),
    })),
  });
  return e.messageWithBody(`${repo} / ${branch}`, body);
}

export const rhodecodeIntegration = defineIntegration({
  name: 'rhodecode',
  displayName: 'RhodeCode',
  category: 'version-control',
  eventField: 'event.name',
  events: { 'repo-push': push },
  branchOf: (e) => e.payload.optList('event.push.branches')[0]?.str('name') ?? null,
  verify: tokenInBody('token'),
});
