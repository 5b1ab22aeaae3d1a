import { FixtureCase, sharedSuite } from '../core/testing';
import { airbrakeIntegration } from './airbrake.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/airbrake:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'error_message.json',
    'error',
    {
      topic: 'ZulipIntegrationTest',
      body: '[ZeroDivisionError](https://zulip.airbrake.io/projects/125209/groups/1705190192091077626): "Error message from logger" occurred.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(airbrakeIntegration, SHARED_CASES);
