import { FixtureCase, sharedSuite } from '../core/testing';
import { crashlyticsIntegration } from './crashlytics.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/crashlytics:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'issue_message.json',
    'issue_impact_change',
    {
      topic: '123: Issue Title',
      body: '[Issue](http://crashlytics.com/full/url/to/issue) impacts at least 16 device(s).',
    },
  ],
  [
    'verification.json',
    'verification',
    { topic: 'Setup', body: 'Webhook has been successfully configured.' },
  ],
];

export const SHARED_FIXTURES = sharedSuite(crashlyticsIntegration, SHARED_CASES);
