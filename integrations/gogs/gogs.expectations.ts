import { FixtureCase, headerFromFileName, sharedSuite } from '../core/testing';
import { gogsIntegration } from './gogs.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/gogs:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'create__branch.json',
    'create',
    {
      topic: 'try-git / my_feature',
      body: 'john created [my_feature](http://localhost:3000/john/try-git/src/my_feature) branch.',
    },
  ],
  [
    'issue_comment__edited.json',
    'issue_comment',
    {
      topic: 'test / issue #3 New test issue',
      body: 'kostekIV edited a [comment](https://try.gogs.io/kostekIV/test/issues/3#issuecomment-3634) on [issue #3](https://try.gogs.io/kostekIV/test/issues/3):\n\n~~~ quote\nedit comment\n~~~',
    },
  ],
  [
    'issue_comment__new.json',
    'issue_comment',
    {
      topic: 'test / issue #3 New test issue',
      body: 'kostekIV [commented](https://try.gogs.io/kostekIV/test/issues/3#issuecomment-3635) on [issue #3](https://try.gogs.io/kostekIV/test/issues/3):\n\n~~~ quote\nTest comment\n~~~',
    },
  ],
  [
    'issues__assigned.json',
    'issues',
    {
      topic: 'test / issue #3 New test issue',
      body: 'kostekIV assigned [issue #3](https://try.gogs.io/kostekIV/test/issues/3) (assigned to kostekIV).',
    },
  ],
  [
    'issues__closed.json',
    'issues',
    {
      topic: 'test / issue #3 New test issue',
      body: 'kostekIV closed [issue #3](https://try.gogs.io/kostekIV/test/issues/3).',
    },
  ],
  [
    'issues__edited.json',
    'issues',
    {
      topic: 'test / issue #3 New test issue',
      body: 'kostekIV edited [issue #3](https://try.gogs.io/kostekIV/test/issues/3):\n\n~~~ quote\nTest edit\n~~~',
    },
  ],
  [
    'issues__opened.json',
    'issues',
    {
      topic: 'test / issue #3 New test issue',
      body: 'kostekIV opened [issue #3](https://try.gogs.io/kostekIV/test/issues/3):\n\n~~~ quote\nTest\n~~~',
    },
  ],
  [
    'issues__reopened.json',
    'issues',
    {
      topic: 'test / issue #3 New test issue',
      body: 'kostekIV reopened [issue #3](https://try.gogs.io/kostekIV/test/issues/3).',
    },
  ],
  [
    'pull_request__assigned.json',
    'pull_request',
    {
      topic: 'test / PR #1349 Test',
      body: 'kostekIV assigned [PR #2](https://try.gogs.io/kostekIV/test/pulls/2) from `c` to `master` (assigned to kostekIV).',
    },
  ],
  [
    'pull_request__closed.json',
    'pull_request',
    {
      topic: 'try-git / PR #1 Title Text for Pull Request',
      body: 'john closed [PR #1](http://localhost:3000/john/try-git/pulls/1) from `feature` to `master`.',
    },
  ],
  [
    'pull_request__edited.json',
    'pull_request',
    {
      topic: 'test / PR #1349 Test',
      body: 'kostekIV edited [PR #2](https://try.gogs.io/kostekIV/test/pulls/2) from `c` to `master`.',
    },
  ],
  [
    'pull_request__merged.json',
    'pull_request',
    {
      topic: 'try-git / PR #2 Title Text for Pull Request',
      body: 'john merged [PR #2](http://localhost:3000/john/try-git/pulls/2) from `feature` to `master`.',
    },
  ],
  [
    'pull_request__opened.json',
    'pull_request',
    {
      topic: 'try-git / PR #1 Title Text for Pull Request',
      body: 'john opened [PR #1](http://localhost:3000/john/try-git/pulls/1) from `feature` to `master`.',
    },
  ],
  [
    'pull_request__reopened.json',
    'pull_request',
    {
      topic: 'test / PR #1349 reopened',
      body: 'kostekIV reopened [PR #2](https://try.gogs.io/kostekIV/test/pulls/2) from `c` to `master`.',
    },
  ],
  [
    'pull_request__synchronized.json',
    'pull_request',
    {
      topic: 'test / PR #1349 Test',
      body: 'kostekIV synchronized [PR #2](https://try.gogs.io/kostekIV/test/pulls/2) from `c` to `master`.',
    },
  ],
  [
    'push.json',
    'push',
    {
      topic: 'try-git / master',
      body: 'john [pushed](http://localhost:3000/john/try-git/compare/479e6b772b7fba19412457483f50b201286d0103...d8fce16c72a2ff56a5afc8a08645a6ce45491794) 1 commit to branch master. Commits by John Doe (1).\n\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))',
    },
  ],
  [
    'push__commits_more_than_limits.json',
    'push',
    {
      topic: 'try-git / master',
      body: 'john [pushed](http://localhost:3000/john/try-git/compare/479e6b772b7fba19412457483f50b201286d0103...d8fce16c72a2ff56a5afc8a08645a6ce45491794) 30 commits to branch master. Commits by John Doe (30).\n\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n[and 10 more commit(s)]',
    },
  ],
  [
    'push__commits_multiple_committers.json',
    'push',
    {
      topic: 'try-git / master',
      body: 'john [pushed](http://localhost:3000/john/try-git/compare/479e6b772b7fba19412457483f50b201286d0103...d8fce16c72a2ff56a5afc8a08645a6ce45491794) 2 commits to branch master. Commits by Benjamin (1) and John Doe (1).\n\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))\n* Webhook Test ([d8fce16](http://localhost:3000/john/try-git/commit/d8fce16c72a2ff56a5afc8a08645a6ce45491794))',
    },
  ],
  [
    'release__published.json',
    'release',
    {
      topic: 'zulip_test / v1.4 Title',
      body: 'cestrell published release [Title](https://try.gogs.io/cestrell/zulip_test/releases) for tag v1.4.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(gogsIntegration, SHARED_CASES, {
  headers: headerFromFileName('X-Gogs-Event'),
});
