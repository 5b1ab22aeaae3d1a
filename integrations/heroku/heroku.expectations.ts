import { FixtureCase, sharedSuite } from '../core/testing';
import { herokuIntegration } from './heroku.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/heroku:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 * The captured payloads are the form bodies Heroku's deploy hook posts.
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'deploy.txt',
    'deploy',
    {
      topic: 'sample-project',
      body: 'user@example.com deployed version 3eb5f44 of [sample-project](http://sample-project.herokuapp.com):\n\n``` quote\n  * Example User: Test commit for Deploy Hook 2\n```',
    },
  ],
  [
    'deploy_multiple_commits.txt',
    'deploy',
    {
      topic: 'sample-project',
      body: 'user@example.com deployed version 3eb5f44 of [sample-project](http://sample-project.herokuapp.com):\n\n``` quote\n  * Example User: Test commit for Deploy Hook\n  * Example User: Second test commit for Deploy Hook 2\n```',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(herokuIntegration, SHARED_CASES, { wire: 'form' });
