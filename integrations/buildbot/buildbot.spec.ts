import * as path from 'node:path';
import {
  describeSharedFixtures,
  itRendersOwnFixtures,
  ownSuite,
  deliverWith,
  FixtureCase as Case,
  loadFixture,
  webhookInput,
} from '../core/testing';
import { AnomalousPayloadError } from '../core/payload';
import { buildbotIntegration as integration } from './buildbot.handler';
import { SHARED_FIXTURES } from './buildbot.expectations';

const OWN_FIXTURES = path.resolve(__dirname, 'fixtures');
const load = loadFixture;
const input = webhookInput;
const deliver = deliverWith(integration);

const OWN_CASES: Case[] = [
  [
    'finished_exception_no_project.json',
    'finished',
    {
      topic: 'general',
      body: 'Build [#512](https://ci.example.org/#/builders/3/builds/512) (result: exception) for **linux-tests** finished.',
    },
  ],
  [
    'finished_warnings.json',
    'finished',
    {
      topic: 'hub-server',
      body: 'Build [#512](https://ci.example.org/#/builders/3/builds/512) (result: warnings) for **linux-tests** finished.',
    },
  ],
  [
    'new.json',
    'new',
    {
      topic: 'hub-server',
      body: 'Build [#512](https://ci.example.org/#/builders/3/builds/512) for **linux-tests** started.',
    },
  ],
];

describe('Buildbot integration', () => {
  itRendersOwnFixtures(ownSuite(integration, OWN_CASES));

  it.each([
    [
      'finished_warnings.json',
      (p: Record<string, unknown>) => {
        p.results = 9;
      },
    ],
    [
      'finished_warnings.json',
      (p: Record<string, unknown>) => {
        p.results = 1.5;
      },
    ],
    [
      'finished_warnings.json',
      (p: Record<string, unknown>) => {
        p.results = 'success';
      },
    ],
    [
      'new.json',
      (p: Record<string, unknown>) => {
        p.buildid = '512';
      },
    ],
    [
      'new.json',
      (p: Record<string, unknown>) => {
        p.project = 5;
      },
    ],
  ])('a missing or mistyped field in %s is an anomalous payload, not a crash', (file, spoil) => {
    const payload = load(OWN_FIXTURES, file) as Record<string, unknown>;
    spoil(payload);
    expect(() => deliver(input(payload))).toThrow(AnomalousPayloadError);
  });
});

describeSharedFixtures('Buildbot integration', SHARED_FIXTURES);
