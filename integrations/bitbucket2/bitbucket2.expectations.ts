import { FixtureCase, sharedSuite } from '../core/testing';
import { bitbucket2Integration } from './bitbucket2.handler';

/** The X-Event-Key Bitbucket sends with each captured payload (not in the payload itself). */
const EVENT_KEYS: Record<string, string> = {
  'commit_comment_created.json': 'repo:commit_comment_created',
  'commit_status_changed.json': 'repo:commit_status_updated',
  'force_push.json': 'repo:push',
  'fork.json': 'repo:fork',
  'issue_commented.json': 'issue:comment_created',
  'issue_created.json': 'issue:created',
  'issue_updated.json': 'issue:updated',
  'more_than_one_push_event.json': 'repo:push',
  'pull_request_approved_or_unapproved.json': 'pullrequest:approved',
  'pull_request_comment_action.json': 'pullrequest:comment_created',
  'pull_request_created_or_updated.json': 'pullrequest:created',
  'pull_request_created_or_updated_without_username.json': 'pullrequest:created',
  'pull_request_fulfilled_or_rejected.json': 'pullrequest:fulfilled',
  'push.json': 'repo:push',
  'push_commits_above_limit.json': 'repo:push',
  'push_more_than_one_tag.json': 'repo:push',
  'push_multiple_committers.json': 'repo:push',
  'push_multiple_committers_with_others.json': 'repo:push',
  'push_one_tag.json': 'repo:push',
  'push_remove_tag.json': 'repo:push',
  'push_without_changes.json': 'repo:push',
  'remove_branch.json': 'repo:push',
  'repo_updated.json': 'repo:updated',
};

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/bitbucket2:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'commit_comment_created.json',
    'commit_comment',
    {
      topic: 'Repository name',
      body: 'Tomasz [commented](https://bitbucket.org/kolaszek/repository-name/commits/32c4ea19aa3af10acd08e419e2c354941a365d74#comment-3354963) on [32c4ea1](https://bitbucket.org/kolaszek/repository-name/commits/32c4ea19aa3af10acd08e419e2c354941a365d74):\n~~~ quote\nNice fix!\n~~~',
    },
  ],
  [
    'commit_status_changed.json',
    'change_commit_status',
    {
      topic: 'Repository name',
      body: '[System mybuildtool](https://my-build-tool.com/builds/MY-PROJECT/BUILD-777) changed status of [9fec847](https://bitbucket.org/kolaszek/repository-name/commits/9fec847784abb10b2fa567ee63b85bd238955d0e) to SUCCESSFUL.',
    },
  ],
  [
    'force_push.json',
    'push',
    {
      topic: 'Repository name / master',
      body: 'Tomasz [force pushed](https://bitbucket.org/kolaszek/repository-name/branch/master) to branch master. Head is now 25f93d22b719e2d678a7ad5ee0ef0d1fcdf39c12.',
    },
  ],
  [
    'fork.json',
    'fork',
    {
      topic: 'Repository name',
      body: 'Tomasz forked the repository into [kolaszek/repository-name2](https://bitbucket.org/kolaszek/repository-name2).',
    },
  ],
  [
    'issue_commented.json',
    'issue_commented',
    {
      topic: 'Repository name / issue #1 Bug',
      body: 'Tomasz [commented](https://bitbucket.org/kolaszek/repository-name/issues/2#comment-28973596) on [issue #1](https://bitbucket.org/kolaszek/repository-name/issues/2/bug):\n\n~~~ quote\nAdd comment\n~~~',
    },
  ],
  [
    'issue_created.json',
    'issue_created',
    {
      topic: 'Repository name / issue #1 Bug',
      body: 'Tomasz created [issue #1](https://bitbucket.org/kolaszek/repository-name/issues/2/bug) (assigned to Tomasz):\n\n~~~ quote\nSuch a bug\n~~~',
    },
  ],
  [
    'issue_updated.json',
    'issue_updated',
    {
      topic: 'Repository name / issue #1 Bug',
      body: 'Tomasz updated [issue #1](https://bitbucket.org/kolaszek/repository-name/issues/2/bug).',
    },
  ],
  [
    'more_than_one_push_event.json',
    'push',
    {
      topic: 'Repository name / master',
      body: 'Tomasz [pushed](https://bitbucket.org/kolaszek/repository-name/branch/master) 1 commit to branch master.\n\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n\nTomasz pushed tag [a](https://bitbucket.org/kolaszek/repository-name/commits/tag/a).',
    },
  ],
  [
    'pull_request_approved_or_unapproved.json',
    'pull_request_approved',
    {
      topic: 'Repository name / PR #1 new commit',
      body: 'Tomasz approved [PR #1](https://bitbucket.org/kolaszek/repository-name/pull-requests/1).',
    },
  ],
  [
    'pull_request_comment_action.json',
    'pull_request_comment_created',
    {
      topic: 'Repository name / PR #1 new commit',
      body: 'Tomasz [commented](https://bitbucket.org/kolaszek/repository-name/pull-requests/3/_/diff#comment-20576503) on [PR #1](https://bitbucket.org/kolaszek/repository-name/pull-requests/3):\n\n~~~ quote\nComment1\n~~~',
    },
  ],
  [
    'pull_request_created_or_updated.json',
    'pull_request_created',
    {
      topic: 'Repository name / PR #1 new commit',
      body: 'Tomasz created [PR #1](https://bitbucket.org/kolaszek/repository-name/pull-requests/1) from `new-branch` to `master` (assigned to Tomasz Kolek):\n\n~~~ quote\ndescription\n~~~',
    },
  ],
  [
    'pull_request_created_or_updated_without_username.json',
    'pull_request_created',
    {
      topic: 'Repository name / PR #1 new commit',
      body: 'Tomasz created [PR #1](https://bitbucket.org/kolaszek/repository-name/pull-requests/1) from `new-branch` to `master` (assigned to Tomasz Kolek):\n\n~~~ quote\ndescription\n~~~',
    },
  ],
  [
    'pull_request_fulfilled_or_rejected.json',
    'pull_request_fulfilled',
    {
      topic: 'Repository name / PR #1 new commit',
      body: 'Tomasz merged [PR #1](https://bitbucket.org/kolaszek/repository-name/pull-requests/1) from `new-branch` to `master`.',
    },
  ],
  [
    'push.json',
    'push',
    {
      topic: 'Repository name / master',
      body: 'Tomasz [pushed](https://bitbucket.org/kolaszek/repository-name/branch/master) 1 commit to branch master.\n\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))',
    },
  ],
  [
    'push_commits_above_limit.json',
    'push',
    {
      topic: 'Repository name / master',
      body: 'Tomasz [pushed](https://bitbucket.org/kolaszek/repository-name/branches/compare/6f161a7bced94430ac8947d87dbf45c6deee3fb0..1221f2fda6f1e3654b09f1f3a08390e4cb25bb48) 5 commits to branch master. Commits by Tomasz Kolek (5).\n\n* a ([6f161a7](https://bitbucket.org/kolaszek/repository-name/commits/6f161a7bced94430ac8947d87dbf45c6deee3fb0))\n* a ([6f161a7](https://bitbucket.org/kolaszek/repository-name/commits/6f161a7bced94430ac8947d87dbf45c6deee3fb0))\n* a ([6f161a7](https://bitbucket.org/kolaszek/repository-name/commits/6f161a7bced94430ac8947d87dbf45c6deee3fb0))\n* a ([6f161a7](https://bitbucket.org/kolaszek/repository-name/commits/6f161a7bced94430ac8947d87dbf45c6deee3fb0))\n* a ([6f161a7](https://bitbucket.org/kolaszek/repository-name/commits/6f161a7bced94430ac8947d87dbf45c6deee3fb0))',
    },
  ],
  [
    'push_more_than_one_tag.json',
    'push',
    {
      topic: 'Repository name',
      body: 'Tomasz pushed tag [a](https://bitbucket.org/kolaszek/repository-name/commits/tag/a).\n\nTomasz pushed tag [b](https://bitbucket.org/kolaszek/repository-name/commits/tag/b).',
    },
  ],
  [
    'push_multiple_committers.json',
    'push',
    {
      topic: 'Repository name / master',
      body: 'Tomasz [pushed](https://bitbucket.org/kolaszek/repository-name/branch/master) 3 commits to branch master. Commits by Ben (2) and Tomasz (1).\n\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))',
    },
  ],
  [
    'push_multiple_committers_with_others.json',
    'push',
    {
      topic: 'Repository name / master',
      body: 'Tomasz [pushed](https://bitbucket.org/kolaszek/repository-name/branch/master) 10 commits to branch master. Commits by Tomasz (4), James (3), Brendon (2) and others (1).\n\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))\n* first commit ([84b96ad](https://bitbucket.org/kolaszek/repository-name/commits/84b96adc644a30fd6465b3d196369d880762afed))',
    },
  ],
  [
    'push_one_tag.json',
    'push',
    {
      topic: 'Repository name',
      body: 'Tomasz pushed tag [a](https://bitbucket.org/kolaszek/repository-name/commits/tag/a).',
    },
  ],
  ['push_remove_tag.json', 'push', { topic: 'Repository name', body: 'Tomasz removed tag a.' }],
  ['push_without_changes.json', 'push', null /* ignored */],
  [
    'remove_branch.json',
    'push',
    { topic: 'Repository name / master', body: 'Tomasz deleted branch master.' },
  ],
  [
    'repo_updated.json',
    'repo:updated',
    {
      topic: 'new-name',
      body: 'eeshangarg changed the name of the **new-name** repo to **new-name**.\neeshangarg changed the full name of the **new-name** repo to **webhooktest/new-name**.\neeshangarg changed the description of the **new-name** repo to **Random description.**.\neeshangarg changed the website of the **new-name** repo to **http://zulipchat.com**.\neeshangarg changed the language of the **new-name** repo to **python**.\neeshangarg changed the slug of the **new-name** repo to **new-name**.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(bitbucket2Integration, SHARED_CASES, {
  headers: (file) => ({ 'X-Event-Key': EVENT_KEYS[file] }),
});
