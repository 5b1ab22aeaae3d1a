import { FixtureCase, sharedSuite } from '../core/testing';
import { gitlabIntegration } from './gitlab.handler';

/** GitLab's header is not in a captured payload: derive it from the file name as Zulip's tests do. */
function sharedFixtureHeader(file: string): string {
  const base = file.replace(/\.json$/, '');
  if (base.startsWith('build')) return 'Build Hook';
  if (base === 'repository_update') return 'System Hook';
  return base
    .split('__')[0]
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/gitlab:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'build_created.json',
    'Build Hook',
    { topic: 'my-awesome-project / master', body: 'Build job_name from test stage was created.' },
  ],
  [
    'build_started.json',
    'Build Hook',
    { topic: 'my-awesome-project / master', body: 'Build job_name from test stage started.' },
  ],
  [
    'build_succeeded.json',
    'Build Hook',
    {
      topic: 'my-awesome-project / master',
      body: 'Build job_name from test stage changed status to success.',
    },
  ],
  [
    'issue_hook__confidential_issue_closed.json',
    'Issue Hook close',
    {
      topic: 'testing / issue #1 Testing Test',
      body: 'Joe Bloggs closed [issue #1](https://gitlab.example.co.uk/joe.bloggs/testing/issues/1).',
    },
  ],
  [
    'issue_hook__confidential_issue_created_with_assignee.json',
    'Issue Hook open',
    {
      topic: 'testing / issue #2 Testing',
      body: 'Joe Bloggs created [issue #2](https://gitlab.example.co.uk/joe.bloggs/testing/issues/2) (assigned to Joe Bloggs):\n\n~~~ quote\nTesting\n~~~',
    },
  ],
  [
    'issue_hook__confidential_issue_created_with_hidden_comment_in_description.json',
    'Issue Hook open',
    {
      topic: 'testing / issue #1 Testing',
      body: 'Joe Bloggs created [issue #1](https://gitlab.example.co.uk/joe.bloggs/testing/issues/1):\n\n~~~ quote\nThis description actually has a hidden comment in it!\n~~~',
    },
  ],
  [
    'issue_hook__confidential_issue_created_without_assignee.json',
    'Issue Hook open',
    {
      topic: 'testing / issue #1 Testing',
      body: 'Joe Bloggs created [issue #1](https://gitlab.example.co.uk/joe.bloggs/testing/issues/1):\n\n~~~ quote\nTesting\n~~~',
    },
  ],
  [
    'issue_hook__confidential_issue_reopened.json',
    'Issue Hook reopen',
    {
      topic: 'testing / issue #1 Testing Test',
      body: 'Joe Bloggs reopened [issue #1](https://gitlab.example.co.uk/joe.bloggs/testing/issues/1).',
    },
  ],
  [
    'issue_hook__confidential_issue_updated.json',
    'Issue Hook update',
    {
      topic: 'testing / issue #1 Testing',
      body: 'Joe Bloggs updated [issue #1](https://gitlab.example.co.uk/joe.bloggs/testing/issues/1).',
    },
  ],
  [
    'issue_hook__issue_closed.json',
    'Issue Hook close',
    {
      topic: 'my-awesome-project / issue #1 Issue title_new',
      body: 'Tomasz Kolek closed [issue #1](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1).',
    },
  ],
  [
    'issue_hook__issue_created_with_assignee.json',
    'Issue Hook open',
    {
      topic: 'my-awesome-project / issue #1 Issue title',
      body: 'Tomasz Kolek created [issue #1](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1) (assigned to Tomasz Kolek):\n\n~~~ quote\nIssue description\n~~~',
    },
  ],
  [
    'issue_hook__issue_created_with_hidden_comment_in_description.json',
    'Issue Hook open',
    {
      topic: 'public-repo / issue #3 New Issue with hidden comment',
      body: 'Eeshan Garg created [issue #3](https://gitlab.com/eeshangarg/public-repo/issues/3):\n\n~~~ quote\nThis description actually has a hidden comment in it!\n~~~',
    },
  ],
  [
    'issue_hook__issue_created_with_three_assignees.json',
    'Issue Hook open',
    {
      topic: 'Zulip GitLab Test / issue #2 Zulip Test Issue 2',
      body: 'Adam Birds created [issue #2](https://gitlab.com/adambirds/zulip-gitlab-test/issues/2) (assigned to Adam Birds, Eeshan Garg and Tim Abbott):\n\n~~~ quote\nZulip Test Issue 2\n~~~',
    },
  ],
  [
    'issue_hook__issue_created_with_two_assignees.json',
    'Issue Hook open',
    {
      topic: 'Zulip GitLab Test / issue #2 Zulip Test Issue 2',
      body: 'Adam Birds created [issue #2](https://gitlab.com/adambirds/zulip-gitlab-test/issues/2) (assigned to Adam Birds and Eeshan Garg):\n\n~~~ quote\nZulip Test Issue 2\n~~~',
    },
  ],
  [
    'issue_hook__issue_created_without_assignee.json',
    'Issue Hook open',
    {
      topic: 'my-awesome-project / issue #1 Issue title',
      body: 'Tomasz Kolek created [issue #1](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1):\n\n~~~ quote\nIssue description\n~~~',
    },
  ],
  [
    'issue_hook__issue_opened_with_null_description.json',
    'Issue Hook open',
    {
      topic: 'my-awesome-project / issue #7 Issue without description',
      body: 'Eeshan Garg created [issue #7](https://gitlab.com/eeshangarg/my-awesome-project/issues/7).',
    },
  ],
  [
    'issue_hook__issue_reopened.json',
    'Issue Hook reopen',
    {
      topic: 'my-awesome-project / issue #1 Issue title_new',
      body: 'Tomasz Kolek reopened [issue #1](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1).',
    },
  ],
  [
    'issue_hook__issue_updated.json',
    'Issue Hook update',
    {
      topic: 'my-awesome-project / issue #1 Issue title_new',
      body: 'Tomasz Kolek updated [issue #1](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1).',
    },
  ],
  [
    'job_hook__build_created.json',
    'Job Hook',
    {
      topic: 'gitlab_test / gitlab-script-trigger',
      body: 'Build test from test stage was created.',
    },
  ],
  [
    'merge_request_hook__merge_request_added_commit.json',
    'Merge Request Hook update',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek added commit(s) to [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3).',
    },
  ],
  [
    'merge_request_hook__merge_request_approved.json',
    'Merge Request Hook approved',
    {
      topic: 'my-awesome-project / MR #1 Update the README with author ...',
      body: 'Eeshan Garg approved [MR #1](https://gitlab.com/eeshangarg/my-awesome-project/merge_requests/1).',
    },
  ],
  [
    'merge_request_hook__merge_request_closed.json',
    'Merge Request Hook close',
    {
      topic: 'my-awesome-project / MR #2 NEW MR',
      body: 'Tomasz Kolek closed [MR #2](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/2).',
    },
  ],
  [
    'merge_request_hook__merge_request_created_with_assignee.json',
    'Merge Request Hook open',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek created [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3) from `tomek` to `master` (assigned to Tomasz Kolek):\n\n~~~ quote\ndescription of merge request\n~~~',
    },
  ],
  [
    'merge_request_hook__merge_request_created_with_multiple_assignees.json',
    'Merge Request Hook open',
    {
      topic: 'Demo Project / MR #1 Make a trivial change to the README.',
      body: 'Hemanth V. Alluri created [MR #1](https://gitlab.com/Hypro999/demo-project/-/merge_requests/1) from `devel` to `master` (assigned to Hemanth V. Alluri and Hemanth V. Alluri):\n\n~~~ quote\nA trivial change that should probably be ignored.\n~~~',
    },
  ],
  [
    'merge_request_hook__merge_request_created_without_assignee.json',
    'Merge Request Hook open',
    {
      topic: 'my-awesome-project / MR #2 NEW MR',
      body: 'Tomasz Kolek created [MR #2](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/2) from `tomek` to `master`:\n\n~~~ quote\ndescription of merge request\n~~~',
    },
  ],
  [
    'merge_request_hook__merge_request_merged.json',
    'Merge Request Hook merge',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek merged [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3) from `tomek` to `master`.',
    },
  ],
  [
    'merge_request_hook__merge_request_reopened.json',
    'Merge Request Hook reopen',
    {
      topic: 'my-awesome-project / MR #1 Update the README with author ...',
      body: 'Eeshan Garg reopened [MR #1](https://gitlab.com/eeshangarg/my-awesome-project/merge_requests/1).',
    },
  ],
  [
    'merge_request_hook__merge_request_unapproved.json',
    'Merge Request Hook unapproved',
    {
      topic: 'my-awesome-project / MR #1 Update the README with author ...',
      body: 'Eeshan Garg unapproved [MR #1](https://gitlab.com/eeshangarg/my-awesome-project/merge_requests/1).',
    },
  ],
  [
    'merge_request_hook__merge_request_updated.json',
    'Merge Request Hook update',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek updated [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3) (assigned to Tomasz Kolek):\n\n~~~ quote\nupdated desc\n~~~',
    },
  ],
  [
    'note_hook__commit_note.json',
    'Note Hook Commit',
    {
      topic: 'my-awesome-project',
      body: 'Tomasz Kolek [commented](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7#note_14169211) on [66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7):\n~~~ quote\nnice commit\n~~~',
    },
  ],
  [
    'note_hook__confidential_issue_note.json',
    'Note Hook Issue',
    {
      topic: 'Test / issue #3 Test',
      body: 'Joe Bloggs [commented](https://gitlab.com/joebloggs/test/issues/3#note_101638770) on [issue #3](https://gitlab.com/joebloggs/test/issues/3):\n\n~~~ quote\nTest\n~~~',
    },
  ],
  [
    'note_hook__issue_note.json',
    'Note Hook Issue',
    {
      topic: 'my-awesome-project / issue #2 abc',
      body: 'Tomasz Kolek [commented](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/2#note_14172057) on [issue #2](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/2):\n\n~~~ quote\nNice issue\n~~~',
    },
  ],
  [
    'note_hook__merge_request_note.json',
    'Note Hook MergeRequest',
    {
      topic: 'my-awesome-project / MR #1 Tomek',
      body: 'Tomasz Kolek [commented](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/1#note_14171860) on [MR #1](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/1):\n\n~~~ quote\nNice merge request!\n~~~',
    },
  ],
  [
    'note_hook__snippet_note.json',
    'Note Hook Snippet',
    {
      topic: 'my-awesome-project / snippet #2 test',
      body: 'Tomasz Kolek [commented](https://gitlab.com/tomaszkolek0/my-awesome-project/snippets/2#note_14172058) on [snippet #2](https://gitlab.com/tomaszkolek0/my-awesome-project/snippets/2):\n\n~~~ quote\nNice snippet\n~~~',
    },
  ],
  [
    'pipeline_hook__pipeline_pending.json',
    'Pipeline Hook',
    {
      topic: 'my-awesome-project / master',
      body: '[Pipeline (4414206)](https://gitlab.com/TomaszKolek/my-awesome-project/-/pipelines/4414206) was created with build(s):\n* [job_name2](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541113) - pending\n* [job_name](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541112) - created.',
    },
  ],
  [
    'pipeline_hook__pipeline_started.json',
    'Pipeline Hook',
    {
      topic: 'my-awesome-project / master',
      body: '[Pipeline (4414206)](https://gitlab.com/TomaszKolek/my-awesome-project/-/pipelines/4414206) started with build(s):\n* [job_name](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541112) - running\n* [job_name2](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541113) - pending.',
    },
  ],
  [
    'pipeline_hook__pipeline_succeeded.json',
    'Pipeline Hook',
    {
      topic: 'my-awesome-project / master',
      body: '[Pipeline (4414206)](https://gitlab.com/TomaszKolek/my-awesome-project/-/pipelines/4414206) changed status to success with build(s):\n* [job_name2](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541113) - success\n* [job_name](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541112) - success.',
    },
  ],
  [
    'pipeline_hook__pipline_succeeded_with_artifacts.json',
    'Pipeline Hook',
    {
      topic: 'onlysomeproject / test/links-in-zulip-pipeline-message',
      body: '[Pipeline (22668)](https://gitlab.example.com/group1/onlysomeproject/-/pipelines/22668) changed status to success with build(s):\n* [cleanup:cleanup docker image](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58592) - success\n* [pages](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58591) - success\n  * built artifact: *artifacts.zip* [[Browse](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58591/artifacts/browse)|[Download](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58591/artifacts/download)]\n* [black+pytest:future environment](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58590) - success\n* [docs:anaconda environment](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58589) - success\n  * built artifact: *sphinx-docs.zip* [[Browse](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58589/artifacts/browse)|[Download](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58589/artifacts/download)]\n* [pytest:current environment](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58588) - success\n* [black:current environment](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58587) - success\n* [setup:docker image](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58586) - success.',
    },
  ],
  [
    'push_hook.json',
    'Push Hook',
    {
      topic: 'my-awesome-project / tomek',
      body: 'Tomasz Kolek [pushed](https://gitlab.com/tomaszkolek0/my-awesome-project/compare/5fcdd5551fc3085df79bece2c32b1400802ac407...eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9) 2 commits to branch tomek.\n\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* c ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))',
    },
  ],
  [
    'push_hook__push_commits_more_than_limit.json',
    'Push Hook',
    {
      topic: 'my-awesome-project / tomek',
      body: 'Tomasz Kolek [pushed](https://gitlab.com/tomaszkolek0/my-awesome-project/compare/5fcdd5551fc3085df79bece2c32b1400802ac407...eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9) 50 commits to branch tomek.\n\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n[and 30 more commit(s)]',
    },
  ],
  [
    'push_hook__push_local_branch_without_commits.json',
    'Push Hook',
    {
      topic: 'my-awesome-project / changes',
      body: 'Eeshan Garg [pushed](https://gitlab.com/eeshangarg/my-awesome-project/compare/0000000000000000000000000000000000000000...68d7a5528cf423dfaac37dd62a56ac9cc8a884e3) the branch changes.',
    },
  ],
  [
    'push_hook__push_multiple_committers.json',
    'Push Hook',
    {
      topic: 'my-awesome-project / tomek',
      body: 'Tomasz Kolek [pushed](https://gitlab.com/tomaszkolek0/my-awesome-project/compare/5fcdd5551fc3085df79bece2c32b1400802ac407...eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9) 2 commits to branch tomek. Commits by Ben (1) and Tomasz Kolek (1).\n\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* c ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))',
    },
  ],
  [
    'push_hook__push_multiple_committers_with_others.json',
    'Push Hook',
    {
      topic: 'my-awesome-project / tomek',
      body: 'Tomasz Kolek [pushed](https://gitlab.com/tomaszkolek0/my-awesome-project/compare/5fcdd5551fc3085df79bece2c32b1400802ac407...eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9) 7 commits to branch tomek. Commits by Ben (3), baxterthehacker (2), James (1) and others (1).\n\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))',
    },
  ],
  [
    'push_hook__remove_branch.json',
    'Push Hook',
    { topic: 'my-awesome-project / tomek', body: 'Tomasz Kolek deleted branch tomek.' },
  ],
  ['repository_update.json', 'Repository Update Hook', null],
  [
    'system_hook__merge_request_closed.json',
    'Merge Request Hook close',
    {
      topic: 'my-awesome-project / MR #2 NEW MR',
      body: 'Tomasz Kolek closed [MR #2](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/2).',
    },
  ],
  [
    'system_hook__merge_request_created_with_assignee.json',
    'Merge Request Hook open',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek created [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3) from `tomek` to `master` (assigned to Tomasz Kolek):\n\n~~~ quote\ndescription of merge request\n~~~',
    },
  ],
  [
    'system_hook__merge_request_created_without_assignee.json',
    'Merge Request Hook open',
    {
      topic: 'my-awesome-project / MR #2 NEW MR',
      body: 'Tomasz Kolek created [MR #2](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/2) from `tomek` to `master`:\n\n~~~ quote\ndescription of merge request\n~~~',
    },
  ],
  [
    'system_hook__merge_request_merged.json',
    'Merge Request Hook merge',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek merged [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3) from `tomek` to `master`.',
    },
  ],
  [
    'system_hook__push_hook.json',
    'Push Hook',
    {
      topic: 'gitlab / master',
      body: 'John Smith [pushed](http://test.example.com/gitlab/gitlab/compare/95790bf891e76fee5e1747ab589903a6a1f80f22...da1560886d4f094c3e6c9ef40349f7d38b5d27d7) 1 commit to branch master. Commits by Test User (1).\n\n* Add simple search to projects in public area ([c5feabd](https://test.example.com/gitlab/gitlab/-/commit/c5feabde2d8cd023215af4d2ceeb7a64839fc428))',
    },
  ],
  [
    'tag_push_hook__add_tag.json',
    'Tag Push Hook',
    { topic: 'my-awesome-project', body: 'Tomasz Kolek pushed tag xyz.' },
  ],
  [
    'tag_push_hook__remove_tag.json',
    'Tag Push Hook',
    { topic: 'my-awesome-project', body: 'Tomasz Kolek removed tag xyz.' },
  ],
  [
    'test_hook__issue_test_payload.json',
    'Test Hook',
    {
      topic: 'public-repo',
      body: 'Webhook for **public-repo** has been configured successfully! :tada:',
    },
  ],
  [
    'wiki_page_hook__wiki_page_edited.json',
    'Wiki Page Hook update',
    {
      topic: 'my-awesome-project',
      body: 'Tomasz Kolek updated [wiki page "how to"](https://gitlab.com/tomaszkolek0/my-awesome-project/wikis/how-to).',
    },
  ],
  [
    'wiki_page_hook__wiki_page_opened.json',
    'Wiki Page Hook create',
    {
      topic: 'my-awesome-project',
      body: 'Tomasz Kolek created [wiki page "how to"](https://gitlab.com/tomaszkolek0/my-awesome-project/wikis/how-to).',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(gitlabIntegration, SHARED_CASES, {
  headers: (file) => ({ 'X-Gitlab-Event': sharedFixtureHeader(file) }),
});
