import { FixtureCase as Case, sharedSuite } from '../core/testing';
import { semaphoreIntegration } from './semaphore.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/semaphore:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: Case[] = [
  [
    'build.json',
    'build',
    {
      topic: 'knighthood/master',
      body: '[Build 314](https://semaphoreci.com/donquixote/knighthood/branches/master/builds/314) passed:\n* **Commit**: [a490b8d: Create user account for Rocinante](https://github.com/donquixote/knighthood/commit/a490b8d508ebbdab1d77a5c2aefa35ceb2d62daf)\n* **Author**: don@lamancha.com',
    },
  ],
  [
    'deploy.json',
    'deploy',
    {
      topic: 'knighthood/master',
      body: '[Deploy 17](https://semaphoreci.com/donquixote/knighthood/servers/lamancha-271/deploys/17) of [build 314](https://semaphoreci.com/donquixote/knighthood/branches/master/builds/314) passed:\n* **Commit**: [a490b8d: Create user account for Rocinante](https://github.com/donquixote/knighthood/commit/a490b8d508ebbdab1d77a5c2aefa35ceb2d62daf)\n* **Author**: don@lamancha.com\n* **Server**: lamancha-271',
    },
  ],
  [
    'pull_request.json',
    'pull_request',
    {
      topic: 'notifications/test-notifications',
      body: '[Notifications](https://semaphore.semaphoreci.com/workflows/84383f37-d025-4811-b719-61c6acc92a1e) pipeline **failed**:\n* **Pull request**: [Testing PR notifications](https://github.com/renderedtext/notifications/pull/3)\n* **Branch**: test-notifications\n* **Author**: [radwo](https://github.com/radwo)',
    },
  ],
  [
    'push.json',
    'branch',
    {
      topic: 'notifications/rw/webhook_impl',
      body: '[Notifications](https://semaphore.semaphoreci.com/workflows/acabe58e-4bcc-4d39-be06-e98d71917703) pipeline **stopped**:\n* **Commit**: [(2d9f5fc)](https://github.com/renderedtext/notifications/commit/2d9f5fcec1ca7c68fa7bd44dd58ec4ff65814563) Implement webhooks for SemaphoreCI\n* **Branch**: rw/webhook_impl\n* **Author**: [radwo](https://github.com/radwo)',
    },
  ],
  [
    'tag.json',
    'tag',
    {
      topic: 'notifications',
      body: '[Notifications](https://semaphore.semaphoreci.com/workflows/a8704319-2422-4828-9b11-6b2afa3554e6) pipeline **stopped**:\n* **Tag**: [v1.0.1](https://github.com/renderedtext/notifications/tree/v1.0.1)\n* **Author**: [radwo](https://github.com/radwo)',
    },
  ],
  ['unknown.json', 'unknown', { topic: 'knighthood/master', body: 'unknown: passed' }],
];

export const SHARED_FIXTURES = sharedSuite(semaphoreIntegration, SHARED_CASES, {
  wire: 'json-as-form',
});
