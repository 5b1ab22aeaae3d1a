import { FixtureCase, sharedSuite } from '../core/testing';
import { zapierIntegration } from './zapier.handler';

/** What each captured payload in ../shared/fixtures/webhooks/zapier posts (Zulip's texts). */
const SHARED_CASES: FixtureCase[] = [
  [
    'correct_subject_and_body.json',
    'message',
    {
      topic: 'New email from zulip@zulip.com',
      body: 'Your email content is: \nMy Email content.',
    },
  ],
  [
    'correct_topic_and_body.json',
    'message',
    {
      topic: 'New email from zulip@zulip.com',
      body: 'Your email content is: \nMy Email content.',
    },
  ],
  [
    'weather_update.json',
    'message',
    {
      topic: 'Here is your weather update for the day:',
      body: 'Foggy in the morning.\nMaximum temperature to be 24.\nMinimum temperature to be 12',
    },
  ],
  ['zapier_zulip_app_auth.json', 'auth', null],
];

export const SHARED_FIXTURES = sharedSuite(zapierIntegration, SHARED_CASES);
