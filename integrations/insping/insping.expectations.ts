import { FixtureCase, sharedSuite } from '../core/testing';
import { inspingIntegration } from './insping.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/insping:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'website_state_available.json',
    'state_change',
    {
      topic: 'insping',
      body: 'State changed to **Available**:\n* **URL**: http://privisus.zulipdev.org:9991\n* **Response time**: 223 ms\n* **Timestamp**: 2017-12-29 17:23:46 UTC',
    },
  ],
  [
    'website_state_not_responding.json',
    'state_change',
    {
      topic: 'insping',
      body: 'State changed to **Not Responding**:\n* **URL**: http://privisus.zulipdev.org:9991\n* **Response time**: 942 ms\n* **Timestamp**: 2017-12-29 17:13:46 UTC',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(inspingIntegration, SHARED_CASES);
