import { FixtureCase, headerFromFileName, sharedSuite } from '../core/testing';
import { giteaIntegration } from './gitea.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/gitea:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'create__branch.json',
    'create',
    {
      topic: 'test / test-branch',
      body: 'kostekIV created [test-branch](https://try.gitea.io/kostekIV/test/src/test-branch) branch.',
    },
  ],
  [
    'issue_comment__edited.json',
    'issue_comment',
    {
      topic: 'test / issue #3 Test issue 2',
      body: 'kostekIV edited a [comment](https://try.gitea.io/kostekIV/test/issues/3#issuecomment-24400) on [issue #3](https://try.gitea.io/kostekIV/test/issues/3):\n\n~~~ quote\nedit test comment\n~~~',
    },
  ],
  [
    'issue_comment__in_pr.json',
    'issue_comment',
    {
      topic: 'test / issue #1 dummy',
      body: 'kostekIV [commented](https://try.gitea.io/kostekIV/test/pulls/1/files#issuecomment-24399) on [issue #1](https://try.gitea.io/kostekIV/test/issues/1):\n\n~~~ quote\ntest comment\n~~~',
    },
  ],
  [
    'issue_comment__new.json',
    'issue_comment',
    {
      topic: 'test / issue #3 Test issue',
      body: 'kostekIV [commented](https://try.gitea.io/kostekIV/test/issues/3#issuecomment-24400) on [issue #3](https://try.gitea.io/kostekIV/test/issues/3):\n\n~~~ quote\ntest comment\n~~~',
    },
  ],
  [
    'issues__assigned.json',
    'issues',
    {
      topic: 'test / issue #3 Test issue',
      body: 'kostekIV assigned [issue #3](https://try.gitea.io/kostekIV/test/issues/3) (assigned to kostekIV).',
    },
  ],
  [
    'issues__closed.json',
    'issues',
    {
      topic: 'test / issue #3 Test issue 2',
      body: 'kostekIV closed [issue #3](https://try.gitea.io/kostekIV/test/issues/3) (assigned to kostekIV).',
    },
  ],
  [
    'issues__edited.json',
    'issues',
    {
      topic: 'test / issue #3 Test issue 2',
      body: 'kostekIV edited [issue #3](https://try.gitea.io/kostekIV/test/issues/3) (assigned to kostekIV):\n\n~~~ quote\nTest body\n~~~',
    },
  ],
  [
    'issues__opened.json',
    'issues',
    {
      topic: 'test / issue #3 Test issue',
      body: 'kostekIV opened [issue #3](https://try.gitea.io/kostekIV/test/issues/3):\n\n~~~ quote\nTest body\n~~~',
    },
  ],
  [
    'issues__reopened.json',
    'issues',
    {
      topic: 'test / issue #3 Test issue 2',
      body: 'kostekIV reopened [issue #3](https://try.gitea.io/kostekIV/test/issues/3) (assigned to kostekIV).',
    },
  ],
  [
    'pull_request__assigned.json',
    'pull_request',
    {
      topic: 'test / PR #1906 test 2',
      body: 'kostekIV assigned [PR #5](https://try.gitea.io/kostekIV/test/pulls/5) from `d` to `master` (assigned to kostekIV).',
    },
  ],
  [
    'pull_request__closed.json',
    'pull_request',
    {
      topic: 'test / PR #1906 test 2',
      body: 'kostekIV closed [PR #5](https://try.gitea.io/kostekIV/test/pulls/5) from `d` to `master`.',
    },
  ],
  [
    'pull_request__edited.json',
    'pull_request',
    {
      topic: 'test / PR #1906 test 2',
      body: 'kostekIV edited [PR #5](https://try.gitea.io/kostekIV/test/pulls/5) from `d` to `master`.',
    },
  ],
  [
    'pull_request__merged.json',
    'pull_request',
    {
      topic: 'test / PR #1905 New pr',
      body: 'kostekIV merged [PR #4](https://try.gitea.io/kostekIV/test/pulls/4) from `test-branch` to `master`.',
    },
  ],
  [
    'pull_request__opened.json',
    'pull_request',
    {
      topic: 'test / PR #1905 New pr',
      body: 'kostekIV opened [PR #4](https://try.gitea.io/kostekIV/test/pulls/4) from `test-branch` to `master`.',
    },
  ],
  [
    'pull_request__reopened.json',
    'pull_request',
    {
      topic: 'test / PR #1906 test 2',
      body: 'kostekIV reopened [PR #5](https://try.gitea.io/kostekIV/test/pulls/5) from `d` to `master`.',
    },
  ],
  [
    'push__5_commits.json',
    'push',
    {
      topic: 'test / d',
      body: 'kostekIV [pushed](https://try.gitea.io/kostekIV/test/compare/21138d2ca0ce18f8e037696fdbe1b3f0c211f630...2ec0c971d04723523aa20f2b378f8b419b47d4ec) 5 commits to branch d. Commits by Jan Koscisz (5).\n\n* commit ([2ec0c97](https://try.gitea.io/kostekIV/test/commit/2ec0c971d04723523aa20f2b378f8b419b47d4ec))\n* commit ([6cb1701](https://try.gitea.io/kostekIV/test/commit/6cb1701c8b0114ad716f4cd49153076e7109cb85))\n* commit ([6773eab](https://try.gitea.io/kostekIV/test/commit/6773eabc0778a3e38997c06a13f5f0c48b67e5dc))\n* commit ([337402c](https://try.gitea.io/kostekIV/test/commit/337402cf675ce7082ddcd23d06a116c85241825a))\n* commit ([0a38cad](https://try.gitea.io/kostekIV/test/commit/0a38cad3fac3a13bb78b738d13f15ce9cc3343fa))',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(giteaIntegration, SHARED_CASES, {
  headers: headerFromFileName('X-Gitea-Event'),
});
