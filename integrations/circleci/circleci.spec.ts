import * as path from 'node:path';
import {
  describeSharedFixtures,
  deliverWith,
  FixtureCase as Case,
  loadFixture,
  webhookInput,
} from '../core/testing';
import { AnomalousPayloadError } from '../core/payload';
import { circleciIntegration as integration } from './circleci.handler';
import { SHARED_FIXTURES } from './circleci.expectations';

const OWN_FIXTURES = path.resolve(__dirname, 'fixtures');
const load = loadFixture;
const input = webhookInput;
const deliver = deliverWith(integration);

const OWN_CASES: Case[] = [
  [
    'job_canceled_no_commit_info.json',
    'job-completed',
    {
      topic: 'hub-server',
      body: 'Job `deploy` of workflow [`build-and-test`](https://app.circleci.com/pipelines/github/team/hub-server/130/workflows/wf-1) on branch `main` was canceled.\n- **Commit:** 5555555eee',
    },
  ],
  [
    'job_failed.json',
    'job-completed',
    {
      topic: 'hub-server',
      body: 'Job [`unit-tests` #981](https://app.circleci.com/pipelines/github/team/hub-server/130/workflows/wf-1/jobs/981) of workflow [`build-and-test`](https://app.circleci.com/pipelines/github/team/hub-server/130/workflows/wf-1) on branch `main` has failed.\n- **Commit:** [5555555eee](https://github.com/team/hub-server/commit/5555555eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee) Speed up the gateway\n- **Author:** Ada Lovelace',
    },
  ],
  [
    'legacy_build_fixed.json',
    'fixed',
    {
      topic: 'hub-server',
      body: 'Build [#13](https://circleci.com/gh/team/hub-server/13) of `build`/`nightly` on branch `main` has been fixed.\n- **Commit:** [6666666fff](https://github.com/team/hub-server/commit/6666666fffffffffffffffffffffffffffffffff)\n- **Pull request:** https://github.com/team/hub-server/pull/31\n- **Author:** Ada Lovelace (ada)',
    },
  ],
  [
    'legacy_minimal_success.json',
    'success',
    {
      topic: 'hub-server',
      body: '[Build](https://circleci.com/gh/team/hub-server/12) triggered by ada on branch `main` has succeeded.',
    },
  ],
  ['ping.json', 'ping', null],
  [
    'workflow_failed_tag_bitbucket.json',
    'workflow-completed',
    {
      topic: 'hub-server',
      body: 'Workflow [`build-and-test`](https://app.circleci.com/pipelines/github/team/hub-server/130/workflows/wf-1) of pipeline #130 on tag `v1.2.0` has failed.\n- **Commit:** [5555555eee](https://bitbucket.org/team/hub-server/commits/5555555eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee) Speed up the gateway\n- **Author:** Ada Lovelace',
    },
  ],
  [
    'workflow_success.json',
    'workflow-completed',
    {
      topic: 'hub-server',
      body: 'Workflow [`build-and-test`](https://app.circleci.com/pipelines/github/team/hub-server/130/workflows/wf-1) of pipeline #130 on branch `main` has succeeded.\n- **Commit:** [5555555eee](https://github.com/team/hub-server/commit/5555555eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee) Speed up the gateway\n- **Author:** Ada Lovelace',
    },
  ],
];

describe('CircleCI integration', () => {
  it.each(OWN_CASES)('%s → %s', (file, event, expected) => {
    const result = deliver(input(load(OWN_FIXTURES, file)));
    expect(result.event).toBe(event);
    expect(result.message).toEqual(expected);
  });

  const LEGACY_STATUSES: Array<[string, string]> = [
    ['failed', 'has failed'],
    ['canceled', 'was canceled'],
    ['timedout', 'has timed out'],
    ['infrastructure_fail', 'has failed (infrastructure)'],
    ['no_tests', 'ran no tests'],
    ['not_run', 'was not run'],
  ];

  it.each(LEGACY_STATUSES)('a legacy build with status %s %s', (status, phrase) => {
    const payload = load(OWN_FIXTURES, 'legacy_minimal_success.json') as {
      payload: Record<string, unknown>;
    };
    payload.payload.status = status;
    expect(deliver(input(payload))).toEqual({
      event: status,
      message: {
        topic: 'hub-server',
        body: `[Build](https://circleci.com/gh/team/hub-server/12) triggered by ada on branch \`main\` ${phrase}.`,
      },
    });
  });

  it('renders every supported event from its own fixtures', () => {
    const covered = new Set([
      ...OWN_CASES.map(([, event]) => event),
      ...LEGACY_STATUSES.map(([status]) => status),
    ]);
    expect(Object.keys(integration.events).filter((e) => !covered.has(e))).toEqual([]);
  });

  it.each([
    [
      'workflow_success.json',
      (p: Record<string, unknown>) => {
        (p.workflow as Record<string, unknown>).status = 1;
      },
    ],
    [
      'job_failed.json',
      (p: Record<string, unknown>) => {
        delete p.job;
      },
    ],
    [
      'legacy_minimal_success.json',
      (p: Record<string, unknown>) => {
        p.payload = 'x';
      },
    ],
    [
      'legacy_build_fixed.json',
      (p: Record<string, unknown>) => {
        (p.payload as Record<string, unknown>).all_commit_details = {};
      },
    ],
    [
      'workflow_success.json',
      (p: Record<string, unknown>) => {
        delete p.pipeline;
      },
    ],
  ])('a missing or mistyped field in %s is an anomalous payload, not a crash', (file, spoil) => {
    const payload = load(OWN_FIXTURES, file) as Record<string, unknown>;
    spoil(payload);
    expect(() => deliver(input(payload))).toThrow(AnomalousPayloadError);
  });
});

describeSharedFixtures('CircleCI integration', SHARED_FIXTURES);
