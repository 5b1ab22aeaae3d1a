import { defineIntegration, WebhookEvent } from '../core/define';
import { pushMessage } from '../shared-git/git-messages';

/**
 * Bitbucket's retired "POST" service (before Bitbucket Cloud's webhooks, see ../bitbucket2): a
 * form whose `payload` field holds the push. Zulip's URL for it authenticates with HTTP basic
 * auth, which the gateway accepts. Topic `{repo} / {branch}`.
 */
const repo = (e: WebhookEvent) => e.payload.str('repository.name');
const repoUrl = (e: WebhookEvent) =>
  `${e.payload.str('canon_url')}${e.payload.str('repository.absolute_url')}`;
const pusher = (e: WebhookEvent) => e.payload.optStr('user') ?? 'Someone';

function push(e: WebhookEvent) {
  const commits = e.payload.list('commits');
  const branch = commits[commits.length - 1].str('branch');
  const body = pushMessage({
    user: pusher(e),
    compareUrl: null,
    branch,
    commits: commits.map((c) => ({
      author: c.optStr('author') ?? pusher(e),
      sha: c.str('raw_node'),
      message: c.str('message'),
      url: `${repoUrl(e)}commits/${c.str('raw_node')}`,
    })),
  });
  return e.messageWithBody(`${repo(e)} / ${branch}`, body);
}

export const bitbucketIntegration = defineIntegration({
  name: 'bitbucket',
  displayName: 'Bitbucket (legacy POST service)',
  category: 'version-control',
  // The POST service sends no commits for a force push, nor which branch it rewrote.
  eventName: (e) => (e.payload.list('commits').length > 0 ? 'push' : 'force_push'),
  events: {
    push,
    force_push: (e) => e.message(repo(e), 'force-push', { user: pusher(e), url: repoUrl(e) }),
  },
  branchOf: (e) => {
    const commits = e.payload.list('commits');
    return commits.length > 0 ? commits[commits.length - 1].str('branch') : null;
  },
});
