import { ANOMALOUS, FixtureCase, sharedSuite } from '../core/testing';
import { slackOutgoingIntegration } from './slack-outgoing.handler';

/** What each captured payload in ../shared/fixtures/webhooks/slack posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'message_info.txt',
    'message',
    {
      topic: 'Message from Slack',
      body: '**slack_user**: test',
    },
  ],
  ['message_info_missing_channel_name.txt', 'message', ANOMALOUS],
  ['message_info_missing_text.txt', 'message', ANOMALOUS],
  ['message_info_missing_user_name.txt', 'message', ANOMALOUS],
];

export const SHARED_FIXTURES = sharedSuite(slackOutgoingIntegration, SHARED_CASES, {
  wire: 'form',
});
