import * as path from 'node:path';
import {
  itRendersOwnFixtures,
  ownSuite,
  deliverWith,
  FixtureCase as Case,
  loadFixture,
  webhookInput,
} from '../core/testing';
import { AnomalousPayloadError } from '../core/payload';
import { jenkinsIntegration as integration } from './jenkins.handler';

const OWN_FIXTURES = path.resolve(__dirname, 'fixtures');
const load = loadFixture;
const input = webhookInput;
const deliver = deliverWith(integration);

const OWN_CASES: Case[] = [
  [
    'completed_failure.json',
    'completed',
    {
      topic: 'hub-server',
      body: '**Build: **[#18](https://jenkins.example.org/job/hub-server/18/): **FAILURE** :cross_mark:\nCommit `7777777` on `origin/main`',
    },
  ],
  [
    'completed_success.json',
    'completed',
    {
      topic: 'hub-server',
      body: '**Build: **[#18](https://jenkins.example.org/job/hub-server/18/): **SUCCESS** :check_mark:\nCommit `7777777` on `origin/main`',
    },
  ],
  [
    'completed_unstable.json',
    'completed',
    {
      topic: 'hub-server',
      body: '**Build: **[#18](https://jenkins.example.org/job/hub-server/18/): **UNSTABLE** :warning:',
    },
  ],
  ['finalized.json', 'finalized', null],
  ['queued.json', 'queued', null],
  [
    'started.json',
    'started',
    {
      topic: 'hub-server',
      body: '**Build: **[#18](https://jenkins.example.org/job/hub-server/18/): started :running:\nCommit `7777777` on `origin/main`',
    },
  ],
];

describe('Jenkins integration', () => {
  itRendersOwnFixtures(ownSuite(integration, OWN_CASES));

  it.each([
    [
      'completed_success.json',
      (p: Record<string, unknown>) => {
        (p.build as Record<string, unknown>).status = null;
      },
    ],
    [
      'started.json',
      (p: Record<string, unknown>) => {
        (p.build as Record<string, unknown>).number = '18';
      },
    ],
    [
      'started.json',
      (p: Record<string, unknown>) => {
        delete p.build;
      },
    ],
    [
      'started.json',
      (p: Record<string, unknown>) => {
        p.name = ['hub'];
      },
    ],
  ])('a missing or mistyped field in %s is an anomalous payload, not a crash', (file, spoil) => {
    const payload = load(OWN_FIXTURES, file) as Record<string, unknown>;
    spoil(payload);
    expect(() => deliver(input(payload))).toThrow(AnomalousPayloadError);
  });
});
