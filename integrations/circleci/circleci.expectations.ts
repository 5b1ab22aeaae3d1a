import { FixtureCase as Case, sharedSuite } from '../core/testing';
import { circleciIntegration } from './circleci.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/circleci:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: Case[] = [
  [
    'bitbucket_private_repo_pull_request_failure.json',
    'failed',
    {
      topic: 'circleci-test',
      body: 'Build [#5](https://circleci.com/bb/Hypro999/circleci-test/5) of `build`/`workflow` on branch `unstable` has failed.\n- **Commits (3):** [6b5361c166](https://bitbucket.org/Hypro999/circleci-test/commits/6b5361c1661581d975e84b68904ae9bfba75d5e5) ... [eaa88f9eac](https://bitbucket.org/Hypro999/circleci-test/commits/eaa88f9eac0fad86c46a8fe35462fe2c904d84b1)\n- **Pull request:** https://bitbucket.org/Hypro999/circleci-test/pull-requests/1\n- **Author:** Hemanth V. Alluri',
    },
  ],
  [
    'github_bionic_backend_frontend_failure.json',
    'failed',
    {
      topic: 'zulip',
      body: 'Build [#1429](https://circleci.com/gh/Hypro999/zulip/1429) of `bionic-backend-frontend`/`Ubuntu 18.04 Bionic (Python 3.6, backend+frontend)` on branch `circleci` has failed.\n- **Commits (2):** [73900eeb69 ... 5326f9ea40](https://github.com/Hypro999/zulip/compare/73900eeb69adbf0b83dc487e8eda90661b524eff...5326f9ea4084a01cc2bf1a461b9ad819b4ffdd14)\n\n- **Author:** Hemanth V. Alluri (Hypro999)\n- **Committer:** Hemanth V. Alluri (Hypro999)',
    },
  ],
  [
    'github_bionic_production_build_success_multiple_parties.json',
    'success',
    {
      topic: 'zulip',
      body: 'Build [#1431](https://circleci.com/gh/Hypro999/zulip/1431) of `bionic-production-build`/`Production` on branch `circleci` has succeeded.\n- **Commits (2):** [73900eeb69 ... 5326f9ea40](https://github.com/Hypro999/zulip/compare/73900eeb69adbf0b83dc487e8eda90661b524eff...5326f9ea4084a01cc2bf1a461b9ad819b4ffdd14)\n\n- **Authors:** Gintoki Sakata (ShiroYasha999), Hemanth V. Alluri (Hypro999)\n- **Committers:** Hemanth V. Alluri (Hypro999), Sadaharu',
    },
  ],
  [
    'github_bionic_production_install_cancelled.json',
    'canceled',
    {
      topic: 'zulip',
      body: 'Build [#1420](https://circleci.com/gh/Hypro999/zulip/1420) of `bionic-production-install`/`Production` on branch `circleci` was canceled.\n- **Commit:** [b0d6197fb4](https://github.com/Hypro999/zulip/commit/b0d6197fb4cacaf917adca77f77354882ee80621)\n\n- **Author:** Hemanth V. Alluri (Hypro999)\n- **Committer:** Hemanth V. Alluri (Hypro999)',
    },
  ],
  [
    'super_minimal_payload.json',
    'failed',
    {
      topic: 'zulip',
      body: '[Build](https://circleci.com/gh/zulip/zulip/48056) triggered by timabbott on branch `master` has failed.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(circleciIntegration, SHARED_CASES);
