import { FixtureCase, sharedSuite } from '../core/testing';
import { updownIntegration } from './updown.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/updown:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'check_down_one_event.json',
    'down',
    {
      topic: 'https://updown.io',
      body: 'Service is `down`. It returned a 500 error at 2016-02-07 13:11:43 UTC.',
    },
  ],
  [
    'check_multiple_events.json',
    'down',
    {
      topic: 'https://updown.io',
      body: 'Service is `down`. It returned a 500 error at 2016-02-07 13:11:43 UTC.\nService is `up` again after 1 second.',
    },
  ],
  [
    'check_up_again_one_event.json',
    'up',
    { topic: 'https://updown.io', body: 'Service is `up` again after 4 minutes 25 seconds.' },
  ],
  ['check_up_first_time.json', 'up', { topic: 'https://updown.io', body: 'Service is `up`.' }],
];

export const SHARED_FIXTURES = sharedSuite(updownIntegration, SHARED_CASES);
