import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RenderedMessage } from '../../../integrations/core/integration';
import { sharedSuites, uncoveredFixtureFolders } from '../../../integrations/core/suites';
import {
  Expected,
  fixtureFiles,
  fixtureRequest,
  sharedWebhookFixturesRoot,
  Wire,
  wireBody,
} from '../../../integrations/core/testing';

/**
 * One webhook request as its tool sends it, and what it must produce: a message, nothing (null),
 * or a refusal (UNSUPPORTED, ANOMALOUS in integrations/core/testing.ts).
 */
export interface FixtureCase {
  label: string;
  integration: string;
  headers: Record<string, string>;
  contentType: string;
  body: string;
  expected: Expected;
}

export const SHARED_WEBHOOK_FIXTURES = sharedWebhookFixturesRoot();
const INTEGRATIONS_DIR = path.resolve(__dirname, '../../../integrations');

const read = (file: string) => fs.readFileSync(file, 'utf8');

/**
 * Every captured payload in ../shared/fixtures/webhooks/<integration> (when that folder exists),
 * with its expectation. A file without an expectation is an error, so new captures are not
 * silently skipped.
 */
export function sharedFixtureCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  const suites = sharedSuites();
  const unread = uncoveredFixtureFolders(SHARED_WEBHOOK_FIXTURES, suites);
  if (unread.length > 0)
    throw new Error(`no integration reads the fixtures in ${unread.join(', ')}`);
  for (const suite of suites) {
    if (!fs.existsSync(suite.dir)) continue;
    const expectations = new Map(suite.cases.map(([file, , expected]) => [file, expected]));
    for (const file of fixtureFiles(suite.dir)) {
      if (!expectations.has(file)) {
        throw new Error(
          `no expectation for ${path.relative(SHARED_WEBHOOK_FIXTURES, suite.dir)}/${file}`,
        );
      }
      cases.push({
        label: `shared ${suite.integration.name}/${file}`,
        integration: suite.integration.name,
        ...fixtureRequest(suite, file),
        expected: expectations.get(file) ?? null,
      });
    }
  }
  return cases;
}

function own(
  integration: string,
  file: string,
  expected: RenderedMessage | null,
  options: { folder?: string; headers?: Record<string, string>; wire?: Wire } = {},
): FixtureCase {
  const text = read(path.join(INTEGRATIONS_DIR, options.folder ?? integration, 'fixtures', file));
  return {
    label: `own ${integration}/${file}`,
    integration,
    headers: options.headers ?? {},
    ...wireBody(options.wire ?? 'json', text),
    expected,
  };
}

/** At least one of each integration's own fixtures, so the suite runs without ../shared. */
export function ownFixtureCases(): FixtureCase[] {
  return [
    own(
      'github',
      'create__branch.json',
      { topic: 'widgets', body: 'mona created branch feature/search.' },
      { headers: { 'X-GitHub-Event': 'create' } },
    ),
    own('github', 'issue_comment__edited_unchanged.json', null, {
      headers: { 'X-GitHub-Event': 'issue_comment' },
    }),
    own(
      'gitlab',
      'push.json',
      {
        topic: 'hub-server / main',
        body: 'Ada Lovelace [pushed](https://gitlab.example.org/team/hub-server/compare/1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb) 2 commits to branch main. Commits by Ada Lovelace (1) and Grace Hopper (1).\n\n* Add the gateway ([1111111](https://gitlab.example.org/team/hub-server/-/commit/1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa))\n* Fix the queue ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))',
      },
      { headers: { 'X-Gitlab-Event': 'Push Hook' } },
    ),
    own('trac', 'ticket_changed_comment.json', {
      topic: '#101: Webhook retries give up too early',
      body: 'grace updated [ticket #101](https://trac.example.org/ticket/101) with comment:\n\n> Reproduced on main.\n> See the log.\n\nowner: => **grace**, resolution: **wontfix** => ""',
    }),
    own('jenkins', 'completed_failure.json', {
      topic: 'hub-server',
      body: '**Build: **[#18](https://jenkins.example.org/job/hub-server/18/): **FAILURE** :cross_mark:\nCommit `7777777` on `origin/main`',
    }),
    own(
      'travis',
      'push_passed.json',
      {
        topic: 'builds',
        body: 'Author: Ada Lovelace\nBuild status: Passed :thumbs_up:\nDetails: [changes](https://github.com/team/hub-server/compare/1111111...2222222), [build log](https://app.travis-ci.com/team/hub-server/builds/4242)',
      },
      { wire: 'form-payload' },
    ),
    own('travis', 'pull_request_failed.json', null, { wire: 'form-payload' }),
    own('circleci', 'job_canceled_no_commit_info.json', {
      topic: 'hub-server',
      body: 'Job `deploy` of workflow [`build-and-test`](https://app.circleci.com/pipelines/github/team/hub-server/130/workflows/wf-1) on branch `main` was canceled.\n- **Commit:** 5555555eee',
    }),
    own('buildbot', 'new.json', {
      topic: 'hub-server',
      body: 'Build [#512](https://ci.example.org/#/builders/3/builds/512) for **linux-tests** started.',
    }),
    own(
      'semaphore',
      'classic_build.json',
      {
        topic: 'hub-server/main',
        body: '[Build 77](https://semaphoreci.com/team/hub-server/branches/main/builds/77) failed:\n* **Commit**: [3333333: Retry webhook delivery](https://github.com/team/hub-server/commit/3333333cccccccccccccccccccccccccccccccc)\n* **Author**: ada@example.org',
      },
      { wire: 'json-as-form' },
    ),
    own(
      'slack_incoming',
      'text_with_channel.json',
      { topic: 'ops-alerts', body: 'Backups done. https://backups.example.org' },
      { folder: 'slack' },
    ),
    own('slack_incoming', 'empty.json', null, { folder: 'slack' }),
    own('transifex', 'translation_completed.json', {
      topic: 'hub-web in de',
      body: 'Resource messages.json fully translated.',
    }),
    own('json', 'push.json', {
      topic: 'JSON',
      body: '```json\n{\n  "repository": {\n    "name": "hub-server",\n    "stars": 12\n  },\n  "pusher": "ada",\n  "commits": [\n    {\n      "id": "abc",\n      "message": "Fix"\n    }\n  ],\n  "forced": false\n}\n```',
    }),
  ];
}
