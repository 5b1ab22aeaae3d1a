import { FixtureCase, sharedSuite } from '../core/testing';
import { codeshipIntegration } from './codeship.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/codeship:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'error_build.json',
    'build',
    {
      topic: 'codeship/docs',
      body: '[Build](https://www.codeship.com/projects/10213/builds/973711) triggered by beanieboi on master branch failed.',
    },
  ],
  [
    'other_status_build.json',
    'build',
    {
      topic: 'codeship/docs',
      body: '[Build](https://www.codeship.com/projects/10213/builds/973711) triggered by beanieboi on master branch has some_other_status status.',
    },
  ],
  [
    'success_build.json',
    'build',
    {
      topic: 'codeship/docs',
      body: '[Build](https://www.codeship.com/projects/10213/builds/973711) triggered by beanieboi on master branch succeeded.',
    },
  ],
  [
    'testing_build.json',
    'build',
    {
      topic: 'codeship/docs',
      body: '[Build](https://www.codeship.com/projects/10213/builds/973711) triggered by beanieboi on master branch started.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(codeshipIntegration, SHARED_CASES);
