import { FixtureCase, sharedSuite } from '../core/testing';
import { errbitIntegration } from './errbit.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/errbit:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'error_message.json',
    'problem',
    {
      topic: 'ZulipIntegrationTest / ErrbitEnvName',
      body: '[IllegalStateException](https://errbit.example.com/apps/5e1ed1ff1a603f3916f4f0de/problems/5e1fe93e1a603f3916f4f0e3): "Invalid state error" occurred.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(errbitIntegration, SHARED_CASES);
