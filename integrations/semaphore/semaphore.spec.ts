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
import { semaphoreIntegration as integration } from './semaphore.handler';
import { SHARED_FIXTURES } from './semaphore.expectations';

const OWN_FIXTURES = path.resolve(__dirname, 'fixtures');
const load = loadFixture;
const input = webhookInput;
const deliver = deliverWith(integration);

const OWN_CASES: Case[] = [
  ['classic_unknown.json', 'unknown', { topic: 'hub-server/main', body: 'unknown: passed' }],
  [
    'classic_build.json',
    'build',
    {
      topic: 'hub-server/main',
      body: '[Build 77](https://semaphoreci.com/team/hub-server/branches/main/builds/77) failed:\n* **Commit**: [3333333: Retry webhook delivery](https://github.com/team/hub-server/commit/3333333cccccccccccccccccccccccccccccccc)\n* **Author**: ada@example.org',
    },
  ],
  [
    'classic_deploy.json',
    'deploy',
    {
      topic: 'hub-server/main',
      body: '[Deploy 5](https://semaphoreci.com/team/hub-server/servers/prod/deploys/5) of [build 77](https://semaphoreci.com/team/hub-server/branches/main/builds/77) passed:\n* **Commit**: [3333333: Retry webhook delivery](https://github.com/team/hub-server/commit/3333333cccccccccccccccccccccccccccccccc)\n* **Author**: ada@example.org\n* **Server**: prod',
    },
  ],
  [
    'pipeline_branch.json',
    'branch',
    {
      topic: 'hub-server/main',
      body: '[Build and test](https://team.semaphoreci.com/workflows/wf-123) pipeline **passed**:\n* **Commit**: [(4444444)](https://github.com/team/hub-server/commit/4444444dddddddddddddddddddddddddddddddd) Tune the queue\n* **Branch**: main\n* **Author**: [ada](https://github.com/ada)',
    },
  ],
  [
    'pipeline_branch_not_github.json',
    'branch',
    {
      topic: 'hub-server/main',
      body: '[Build and test](https://team.semaphoreci.com/workflows/wf-123) pipeline **failed**:\n* **Commit**: (4444444) Tune the queue\n* **Branch**: main\n* **Author**: ada',
    },
  ],
  [
    'pipeline_pull_request.json',
    'pull_request',
    {
      topic: 'hub-server/durable',
      body: '[Build and test](https://team.semaphoreci.com/workflows/wf-123) pipeline **passed**:\n* **Pull request**: [Durable delivery](https://github.com/team/hub-server/pull/31)\n* **Branch**: durable\n* **Author**: [ada](https://github.com/ada)',
    },
  ],
  [
    'pipeline_pull_request_not_github.json',
    'pull_request',
    {
      topic: 'hub-server/retries',
      body: '[Build and test](https://team.semaphoreci.com/workflows/wf-123) pipeline **stopped**:\n* **Pull request**: Retries (#32)\n* **Branch**: retries\n* **Author**: ada',
    },
  ],
  [
    'pipeline_tag.json',
    'tag',
    {
      topic: 'hub-server',
      body: '[Build and test](https://team.semaphoreci.com/workflows/wf-123) pipeline **passed**:\n* **Tag**: [v2.0.0](https://github.com/team/hub-server/tree/v2.0.0)\n* **Author**: [ada](https://github.com/ada)',
    },
  ],
  [
    'pipeline_tag_not_github.json',
    'tag',
    {
      topic: 'hub-server',
      body: '[Build and test](https://team.semaphoreci.com/workflows/wf-123) pipeline **passed**:\n* **Tag**: v2.0.1\n* **Author**: ada',
    },
  ],
];

describe('Semaphore integration', () => {
  itRendersOwnFixtures(ownSuite(integration, OWN_CASES, { wire: 'json-as-form' }));

  it.each([
    [
      'classic_build.json',
      (p: Record<string, unknown>) => {
        p.build_number = '77';
      },
    ],
    [
      'classic_deploy.json',
      (p: Record<string, unknown>) => {
        delete p.commit;
      },
    ],
    [
      'pipeline_branch.json',
      (p: Record<string, unknown>) => {
        p.revision = 'main';
      },
    ],
    [
      'pipeline_pull_request.json',
      (p: Record<string, unknown>) => {
        (p.revision as Record<string, unknown>).pull_request = null;
      },
    ],
    [
      'pipeline_tag.json',
      (p: Record<string, unknown>) => {
        (p.pipeline as Record<string, unknown>).result = false;
      },
    ],
  ])('a missing or mistyped field in %s is an anomalous payload, not a crash', (file, spoil) => {
    const payload = load(OWN_FIXTURES, file) as Record<string, unknown>;
    spoil(payload);
    expect(() => deliver(input(payload))).toThrow(AnomalousPayloadError);
  });
});

describeSharedFixtures('Semaphore integration', SHARED_FIXTURES);
