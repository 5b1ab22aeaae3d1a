import { FixtureCase, sharedSuite } from '../core/testing';
import { freshpingIntegration } from './freshping.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/freshping:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'freshping_check_reachable.json',
    'available',
    { topic: 'Test Check', body: 'https://example.com is back up and no longer unreachable.' },
  ],
  [
    'freshping_check_test.json',
    'available',
    { topic: 'Freshping', body: 'Freshping webhook has been successfully configured.' },
  ],
  [
    'freshping_check_unreachable.json',
    'reporting_error',
    {
      topic: 'Test Check',
      body: 'https://example.com has just become unreachable.\nError code: 521.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(freshpingIntegration, SHARED_CASES);
