import { FixtureCase, sharedSuite } from '../core/testing';
import { uptimerobotIntegration } from './uptimerobot.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/uptimerobot:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  // 400: expected a string at "monitor_friendly_name"
  ['uptimerobot_invalid_payload_with_missing_data.json', 'down', 'anomalous'],
  [
    'uptimerobot_monitor_down.json',
    'down',
    {
      topic: 'Web Server',
      body: 'Web Server (server1.example.com) is DOWN (Host Is Unreachable).',
    },
  ],
  [
    'uptimerobot_monitor_up.json',
    'up',
    {
      topic: 'Mail Server',
      body: 'Mail Server (server2.example.com) is back UP (Host Is Reachable).\nIt was down for 44 minutes and 37 seconds.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(uptimerobotIntegration, SHARED_CASES);
