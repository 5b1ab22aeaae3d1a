import * as fs from 'node:fs';
import * as path from 'node:path';
import { deliverWith, FixtureCase as Case, loadFixture, webhookInput } from '../core/testing';
import { AnomalousPayloadError } from '../core/payload';
import { circleciIntegration as integration } from './circleci.handler';

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

const SHARED_FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/webhooks/circleci');

const SHARED_CASES: Case[] = [
  [
    'bitbucket_private_repo_pull_request_failure.json',
    'failed',
    {
      topic: 'circleci-test',
      body: 'Build [#5](https://circleci.com/bb/Hypro999/circleci-test/5) of `build`/`workflow` on branch `unstable` has failed.\n- **Commits (3):** [6b5361c166](https://bitbucket.org/Hypro999/circleci-test/commits/6b5361c1661581d975e84b68904ae9bfba75d5e5) ... [eaa88f9eac](https://bitbucket.org/Hypro999/circleci-test/commits/eaa88f9eac0fad86c46a8fe35462fe2c904d84b1)\n- **Pull request:** https://bitbucket.org/Hypro999/circleci-test/pull-requests/1\n- **Author:** Hemanth V. Alluri',
    },
  ],
  [
    'github_bionic_backend_frontend_failure.json',
    'failed',
    {
      topic: 'zulip',
      body: 'Build [#1429](https://circleci.com/gh/Hypro999/zulip/1429) of `bionic-backend-frontend`/`Ubuntu 18.04 Bionic (Python 3.6, backend+frontend)` on branch `circleci` has failed.\n- **Commits (2):** [73900eeb69 ... 5326f9ea40](https://github.com/Hypro999/zulip/compare/73900eeb69adbf0b83dc487e8eda90661b524eff...5326f9ea4084a01cc2bf1a461b9ad819b4ffdd14)\n\n- **Author:** Hemanth V. Alluri (Hypro999)\n- **Committer:** Hemanth V. Alluri (Hypro999)',
    },
  ],
  [
    'github_bionic_production_build_success_multiple_parties.json',
    'success',
    {
      topic: 'zulip',
      body: 'Build [#1431](https://circleci.com/gh/Hypro999/zulip/1431) of `bionic-production-build`/`Production` on branch `circleci` has succeeded.\n- **Commits (2):** [73900eeb69 ... 5326f9ea40](https://github.com/Hypro999/zulip/compare/73900eeb69adbf0b83dc487e8eda90661b524eff...5326f9ea4084a01cc2bf1a461b9ad819b4ffdd14)\n\n- **Authors:** Gintoki Sakata (ShiroYasha999), Hemanth V. Alluri (Hypro999)\n- **Committers:** Hemanth V. Alluri (Hypro999), Sadaharu',
    },
  ],
  [
    'github_bionic_production_install_cancelled.json',
    'canceled',
    {
      topic: 'zulip',
      body: 'Build [#1420](https://circleci.com/gh/Hypro999/zulip/1420) of `bionic-production-install`/`Production` on branch `circleci` was canceled.\n- **Commit:** [b0d6197fb4](https://github.com/Hypro999/zulip/commit/b0d6197fb4cacaf917adca77f77354882ee80621)\n\n- **Author:** Hemanth V. Alluri (Hypro999)\n- **Committer:** Hemanth V. Alluri (Hypro999)',
    },
  ],
  [
    'super_minimal_payload.json',
    'failed',
    {
      topic: 'zulip',
      body: '[Build](https://circleci.com/gh/zulip/zulip/48056) triggered by timabbott on branch `master` has failed.',
    },
  ],
];

const sharedDescribe = fs.existsSync(SHARED_FIXTURES) ? describe : describe.skip;

sharedDescribe('CircleCI integration on the captured fixtures in ../shared', () => {
  const files = fs.readdirSync(SHARED_FIXTURES).filter((f) => f.endsWith('.json'));

  it('has an expectation for every captured fixture', () => {
    expect(files.sort()).toEqual(SHARED_CASES.map(([file]) => file).sort());
  });

  it.each(SHARED_CASES)('%s → %s', (file, event, expected) => {
    const result = deliver(input(load(SHARED_FIXTURES, file)));
    expect(result.event).toBe(event);
    expect(result.message).toEqual(expected);
  });
});
