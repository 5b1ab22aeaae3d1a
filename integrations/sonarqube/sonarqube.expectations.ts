import { FixtureCase, sharedSuite } from '../core/testing';
import { sonarqubeIntegration } from './sonarqube.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/sonarqube:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'error.json',
    'analysis',
    {
      topic: 'test-sonar / master',
      body: 'Project [test-sonar](http://localhost:9000/dashboard?id=test-sonar) analysis of branch master resulted in error:\n* coverage: **error** 0.0 should be greater than or equal to 80.\n* duplicated lines density: **error** 89.39828080229226 should be less than or equal to 3.',
    },
  ],
  [
    'error_no_branch.json',
    'analysis',
    {
      topic: 'test-sonar',
      body: 'Project [test-sonar](http://localhost:9000/dashboard?id=test-sonar) analysis resulted in error:\n* coverage: **error** 0.0 should be greater than or equal to 80.\n* duplicated lines density: **error** 89.39828080229226 should be less than or equal to 3.',
    },
  ],
  [
    'error_no_value.json',
    'analysis',
    {
      topic: 'test-sonar / master',
      body: 'Project [test-sonar](http://localhost:9000/dashboard?id=test-sonar) analysis of branch master resulted in error:\n* coverage: **error** 0.0 should be greater than or equal to 80.\n* duplicated lines density: **error**.',
    },
  ],
  [
    'success.json',
    'analysis',
    {
      topic: 'test-sonar / master',
      body: 'Project [test-sonar](http://localhost:9000/dashboard?id=test-sonar) analysis of branch master resulted in success.',
    },
  ],
  [
    'success_no_branch.json',
    'analysis',
    {
      topic: 'test-sonar',
      body: 'Project [test-sonar](http://localhost:9000/dashboard?id=test-sonar) analysis resulted in success.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(sonarqubeIntegration, SHARED_CASES);
