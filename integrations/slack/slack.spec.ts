import * as path from 'node:path';
import {
  describeFixtures,
  itRendersOwnFixtures,
  ownSuite,
  deliverWith,
  FixtureCase as Case,
  loadFixture,
  webhookInput,
} from '../core/testing';
import { AnomalousPayloadError } from '../core/payload';
import { SHARED_FIXTURES } from './slack-incoming.expectations';
import { slackIncomingIntegration as integration } from './slack.handler';

describeFixtures('Slack-compatible webhook on the captured fixtures in ../shared', SHARED_FIXTURES);

const OWN_FIXTURES = path.resolve(__dirname, 'fixtures');
const load = loadFixture;
const input = webhookInput;
const deliver = deliverWith(integration);

const OWN_CASES: Case[] = [
  [
    'attachments.json',
    'message',
    {
      topic: 'grace',
      body: '## [Gateway 502s](https://status.example.org/inc/4)\n\nA **new** incident\n\nStarted at *10:04*\n\n**Priority**: High\n**Team**\nno title\n\n[](https://img.example.org/graph.png)\n\nStatus bot\n\n<time:1764000000>\n\n## Follow-up\n\nSee **runbook**',
    },
  ],
  [
    'blocks.json',
    'message',
    {
      topic: '(no topic)',
      body: '## Release 2.0\n\n**New:** durable delivery\n\n[logo](https://img.example.org/logo.png)\n\n----\n\n| | |\n|-|-|\n| **Owner** Ada | Risk: low   none |\n| *Docs* |  |\n\nOnly **one** field\n\n[Latency chart](https://img.example.org/chart.png)\n\n[avatar](https://img.example.org/a.png)\n\nby **ada**',
    },
  ],
  ['empty.json', 'message', null],
  [
    'text.json',
    'message',
    {
      topic: '(no topic)',
      body: ':rocket: **Deploy** of *hub-server* ~~failed~~ on [run 9](https://ci.example.org/runs/9), cc @U024BE7LH @**all** in #ops: `*not bold*`',
    },
  ],
  [
    'text_with_channel.json',
    'message',
    { topic: 'ops-alerts', body: 'Backups done. https://backups.example.org' },
  ],
];

describe('Slack-compatible webhook integration', () => {
  itRendersOwnFixtures(ownSuite(integration, OWN_CASES));

  it.each([
    [
      'text.json',
      (p: Record<string, unknown>) => {
        p.text = 42;
      },
    ],
    [
      'blocks.json',
      (p: Record<string, unknown>) => {
        p.blocks = [{ type: 'header', text: 'Release' }];
      },
    ],
    [
      'blocks.json',
      (p: Record<string, unknown>) => {
        p.blocks = [{ type: 'section', text: { type: 'html', text: '<b>x</b>' } }];
      },
    ],
    [
      'attachments.json',
      (p: Record<string, unknown>) => {
        p.attachments = [{ title: 7 }];
      },
    ],
    [
      'attachments.json',
      (p: Record<string, unknown>) => {
        p.channel = {};
      },
    ],
  ])('a missing or mistyped field in %s is an anomalous payload, not a crash', (file, spoil) => {
    const payload = load(OWN_FIXTURES, file) as Record<string, unknown>;
    spoil(payload);
    expect(() => deliver(input(payload))).toThrow(AnomalousPayloadError);
  });

  it("is served at Zulip's slack_incoming URL name", () => {
    expect(integration.name).toBe('slack_incoming');
  });
});
