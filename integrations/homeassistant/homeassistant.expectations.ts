import { FixtureCase, sharedSuite } from '../core/testing';
import { homeassistantIntegration } from './homeassistant.handler';

/** What each captured payload in ../shared/fixtures/webhooks/homeassistant posts (Zulip's texts). */
const SHARED_CASES: FixtureCase[] = [
  [
    'reqwithtitle.json',
    'message',
    { topic: 'Weather forecast', body: 'It will be 30 degrees Celsius out there today!' },
  ],
  ['simplereq.json', 'message', { topic: 'homeassistant', body: 'The sun will be shining today!' }],
];

export const SHARED_FIXTURES = sharedSuite(homeassistantIntegration, SHARED_CASES);
