import { defineIntegration, WebhookEvent } from '../core/define';
import { githubStyleCommits, pushMessage } from '../shared-git/git-messages';

/**
 * Beanstalk's web hooks: a form whose `payload` field is JSON, one per git push (`ref`, `commits`)
 * or Subversion commit (`revision`). Zulip's URL for it authenticates with HTTP basic auth
 * (`https://<bot email>:<key>@<server>/api/v1/external/beanstalk`), which the gateway accepts.
 */
function gitPush(e: WebhookEvent) {
  const branch = e.payload.str('branch');
  const body = pushMessage({
    user: e.payload.str('pusher_name'),
    compareUrl: e.payload.str('repository.url'),
    branch,
    commits: githubStyleCommits(e.payload.list('commits')),
  });
  return e.messageWithBody(`${e.payload.str('repository.name')} / ${branch}`, body);
}

function svnCommit(e: WebhookEvent) {
  const revision = e.payload.num('revision');
  return e.message(`svn r${revision}`, 'svn-commit', {
    author: e.payload.str('author_full_name'),
    revision,
    url: e.payload.str('changeset_url'),
    summary: e.payload.str('message').split('\n')[0],
  });
}

export const beanstalkIntegration = defineIntegration({
  name: 'beanstalk',
  displayName: 'Beanstalk',
  category: 'version-control',
  eventName: (e) => (e.payload.has('revision') ? 'svn_commit' : 'push'),
  events: { push: gitPush, svn_commit: svnCommit },
  branchOf: (e) => e.payload.optStr('branch'),
});
