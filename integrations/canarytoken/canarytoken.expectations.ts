import { FixtureCase, sharedSuite } from '../core/testing';
import { canarytokenIntegration } from './canarytoken.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/canarytoken:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'canarytoken_new.json',
    'triggered',
    {
      topic: 'canarytoken alert',
      body: '**:alert: Canarytoken has been triggered on 2020-06-09 14:04:39!**\n\nCongrats! The newly saved webhook works\n\n[Manage this canarytoken](http://example.com/test/url/for/webhook)',
    },
  ],
  [
    'canarytoken_real.json',
    'triggered',
    {
      topic: 'canarytoken alert',
      body: '**:alert: Canarytoken has been triggered on 2020-06-09 14:04:47 (UTC)!**\n\nCanarytoken example\n\n[Manage this canarytoken](https://canarytokens.org/manage?token=foo&auth=bar)',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(canarytokenIntegration, SHARED_CASES);
