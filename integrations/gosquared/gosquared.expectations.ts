import { FixtureCase, sharedSuite } from '../core/testing';
import { gosquaredIntegration } from './gosquared.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/gosquared:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'chat_message.json',
    'chat_message',
    {
      topic: 'Live chat session - Zulip Chat',
      body: 'The visitor **John Smith** messaged:\n~~~ quote\nZulip is awesome!\n~~~',
    },
  ],
  [
    'traffic_spike.json',
    'traffic_spike',
    {
      topic: 'GoSquared - requestb.in',
      body: '[requestb.in](https://www.gosquared.com/now/GSN-595854-T) has 33 visitors online.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(gosquaredIntegration, SHARED_CASES);
