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
import { travisIntegration as integration } from './travis.handler';
import { SHARED_FIXTURES } from './travis.expectations';

const OWN_FIXTURES = path.resolve(__dirname, 'fixtures');
const load = loadFixture;
const input = webhookInput;
const deliver = deliverWith(integration);

const OWN_CASES: Case[] = [
  [
    'api_fixed.json',
    'api',
    {
      topic: 'builds',
      body: 'Author: Ada Lovelace\nBuild status: Fixed :thumbs_up:\nDetails: [changes](https://github.com/team/hub-server/compare/1111111...2222222), [build log](https://app.travis-ci.com/team/hub-server/builds/4242)',
    },
  ],
  [
    'cron_unknown_status.json',
    'cron',
    {
      topic: 'builds',
      body: "Author: Ada Lovelace\nBuild status: Queued (No emoji specified for status 'Queued'.)\nDetails: [changes](https://github.com/team/hub-server/compare/1111111...2222222), [build log](https://app.travis-ci.com/team/hub-server/builds/4242)",
    },
  ],
  ['pull_request_failed.json', 'pull_request', null],
  [
    'push_passed.json',
    'push',
    {
      topic: 'builds',
      body: 'Author: Ada Lovelace\nBuild status: Passed :thumbs_up:\nDetails: [changes](https://github.com/team/hub-server/compare/1111111...2222222), [build log](https://app.travis-ci.com/team/hub-server/builds/4242)',
    },
  ],
  [
    'push_pending.json',
    'push',
    {
      topic: 'builds',
      body: 'Author: Ada Lovelace\nBuild status: Pending :counterclockwise:\nDetails: [changes](https://github.com/team/hub-server/compare/1111111...2222222), [build log](https://app.travis-ci.com/team/hub-server/builds/4242)',
    },
  ],
  [
    'push_still_failing.json',
    'push',
    {
      topic: 'builds',
      body: 'Author: Ada Lovelace\nBuild status: Still Failing :thumbs_down:\nDetails: [changes](https://github.com/team/hub-server/compare/1111111...2222222), [build log](https://app.travis-ci.com/team/hub-server/builds/4242)',
    },
  ],
];

describe('Travis CI integration', () => {
  itRendersOwnFixtures(ownSuite(integration, OWN_CASES, { wire: 'form-payload' }));

  it.each([
    [
      'push_passed.json',
      (p: Record<string, unknown>) => {
        p.status_message = 3;
      },
    ],
    [
      'push_passed.json',
      (p: Record<string, unknown>) => {
        delete p.build_url;
      },
    ],
    [
      'push_passed.json',
      (p: Record<string, unknown>) => {
        p.type = null;
      },
    ],
  ])('a missing or mistyped field in %s is an anomalous payload, not a crash', (file, spoil) => {
    const payload = load(OWN_FIXTURES, file) as Record<string, unknown>;
    spoil(payload);
    expect(() => deliver(input(payload))).toThrow(AnomalousPayloadError);
  });

  it('posts pull request builds only with ignore_pull_requests=false', () => {
    const payload = load(OWN_FIXTURES, 'pull_request_failed.json');
    expect(deliver(input(payload)).message).toBeNull();
    expect(deliver(input(payload, { ignore_pull_requests: 'true' })).message).toBeNull();
    expect(deliver(input(payload, { ignore_pull_requests: 'false' })).message).toEqual({
      topic: 'builds',
      body: 'Author: Grace Hopper\nBuild status: Failed :thumbs_down:\nDetails: [changes](https://github.com/team/hub-server/compare/1111111...2222222), [build log](https://app.travis-ci.com/team/hub-server/builds/4242)',
    });
    expect(() => deliver(input(payload, { ignore_pull_requests: 'maybe' }))).toThrow(
      AnomalousPayloadError,
    );
  });
});

describeSharedFixtures('Travis CI integration', SHARED_FIXTURES);
