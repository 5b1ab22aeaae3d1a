import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RenderedMessage, WebhookInput } from '../core/integration';
import { AnomalousPayloadError } from '../core/payload';
import { gitlabIntegration as gitlab } from './gitlab.handler';

/** [fixture file, X-Gitlab-Event header, event name, message (null: nothing posted)] */
type Case = [string, string, string, RenderedMessage | null];

const OWN_FIXTURES = path.resolve(__dirname, 'fixtures');
const SHARED_FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/webhooks/gitlab');

function load(dir: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
}

function input(payload: unknown, header: string, options: Record<string, string> = {}) {
  return { headers: { 'x-gitlab-event': header }, payload, options } satisfies WebhookInput;
}

/** What the gateway would do: the event name, then its renderer, or nothing if ignored. */
function deliver(webhook: WebhookInput): { event: string; message: RenderedMessage | null } {
  const event = gitlab.eventName(webhook);
  const renderer = gitlab.events[event];
  if (!renderer) {
    expect(gitlab.ignoredEvents).toContain(event);
    return { event, message: null };
  }
  return { event, message: renderer(webhook) };
}

const OWN_CASES: Case[] = [
  [
    'confidential_issue_open.json',
    'Confidential Issue Hook',
    'Confidential Issue Hook open',
    {
      topic: 'hub-server / issue #7 Messages arrive twice',
      body: 'Ada Lovelace created [issue #7](https://gitlab.example.org/team/hub-server/-/issues/7) (assigned to Grace Hopper):\n\n~~~ quote\nSecret  details\n~~~',
    },
  ],
  [
    'issue_close.json',
    'Issue Hook',
    'Issue Hook close',
    {
      topic: 'hub-server / issue #7 Messages arrive twice',
      body: 'Ada Lovelace closed [issue #7](https://gitlab.example.org/team/hub-server/-/issues/7).',
    },
  ],
  [
    'issue_open.json',
    'Issue Hook',
    'Issue Hook open',
    {
      topic: 'hub-server / issue #7 Messages arrive twice',
      body: 'Ada Lovelace created [issue #7](https://gitlab.example.org/team/hub-server/-/issues/7) (assigned to Grace Hopper, Alan Turing and Edsger Dijkstra):\n\n~~~ quote\nSeen after a restart.\n\nSteps below.\n~~~',
    },
  ],
  [
    'issue_reopen.json',
    'Issue Hook',
    'Issue Hook reopen',
    {
      topic: 'hub-server / issue #7 Messages arrive twice',
      body: 'Ada Lovelace reopened [issue #7](https://gitlab.example.org/team/hub-server/-/issues/7).',
    },
  ],
  [
    'issue_update.json',
    'Issue Hook',
    'Issue Hook update',
    {
      topic: 'hub-server / issue #7 A title long enough to be cut when ...',
      body: 'Ada Lovelace updated [issue #7](https://gitlab.example.org/team/hub-server/-/issues/7).',
    },
  ],
  [
    'job.json',
    'Job Hook',
    'Job Hook',
    {
      topic: 'hub-server / main',
      body: 'Build unit tests from test stage changed status to failed.',
    },
  ],
  [
    'job_running.json',
    'Build Hook',
    'Build Hook',
    { topic: 'hub-server / main', body: 'Build lint from check stage started.' },
  ],
  ['mr_approval.json', 'Merge Request Hook', 'Merge Request Hook approval', null],
  [
    'mr_approved.json',
    'Merge Request Hook',
    'Merge Request Hook approved',
    {
      topic: 'hub-server / MR #12 Durable delivery',
      body: 'Grace Hopper approved [MR #12](https://gitlab.example.org/team/hub-server/-/merge_requests/12).',
    },
  ],
  [
    'mr_close.json',
    'Merge Request Hook',
    'Merge Request Hook close',
    {
      topic: 'hub-server / MR #12 Durable delivery',
      body: 'Grace Hopper closed [MR #12](https://gitlab.example.org/team/hub-server/-/merge_requests/12).',
    },
  ],
  [
    'mr_merge.json',
    'Merge Request Hook',
    'Merge Request Hook merge',
    {
      topic: 'hub-server / MR #12 Durable delivery',
      body: 'Grace Hopper merged [MR #12](https://gitlab.example.org/team/hub-server/-/merge_requests/12) from `durable` to `main`.',
    },
  ],
  [
    'mr_open.json',
    'Merge Request Hook',
    'Merge Request Hook open',
    {
      topic: 'hub-server / MR #12 Durable delivery',
      body: 'Grace Hopper created [MR #12](https://gitlab.example.org/team/hub-server/-/merge_requests/12) from `durable` to `main` (assigned to Ada Lovelace):\n\n~~~ quote\nAdds a Bull queue.\n~~~',
    },
  ],
  [
    'mr_open_no_description.json',
    'Merge Request Hook',
    'Merge Request Hook open',
    {
      topic: 'hub-server / MR #12 Durable delivery',
      body: 'Grace Hopper created [MR #12](https://gitlab.example.org/team/hub-server/-/merge_requests/12) from `durable` to `main`.',
    },
  ],
  [
    'mr_reopen.json',
    'Merge Request Hook',
    'Merge Request Hook reopen',
    {
      topic: 'hub-server / MR #12 Durable delivery',
      body: 'Grace Hopper reopened [MR #12](https://gitlab.example.org/team/hub-server/-/merge_requests/12).',
    },
  ],
  [
    'mr_unapproved.json',
    'Merge Request Hook',
    'Merge Request Hook unapproved',
    {
      topic: 'hub-server / MR #12 Durable delivery',
      body: 'Grace Hopper unapproved [MR #12](https://gitlab.example.org/team/hub-server/-/merge_requests/12).',
    },
  ],
  [
    'mr_update.json',
    'Merge Request Hook',
    'Merge Request Hook update',
    {
      topic: 'hub-server / MR #12 Durable delivery',
      body: 'Grace Hopper updated [MR #12](https://gitlab.example.org/team/hub-server/-/merge_requests/12) (assigned to Ada Lovelace and Alan Turing):\n\n~~~ quote\nNow with retries.\n~~~',
    },
  ],
  [
    'mr_update_commits.json',
    'Merge Request Hook',
    'Merge Request Hook update',
    {
      topic: 'hub-server / MR #12 Durable delivery',
      body: 'Grace Hopper added commit(s) to [MR #12](https://gitlab.example.org/team/hub-server/-/merge_requests/12).',
    },
  ],
  [
    'note_commit.json',
    'Note Hook',
    'Note Hook Commit',
    {
      topic: 'hub-server',
      body: 'Ada Lovelace [commented](https://gitlab.example.org/team/hub-server/note/1#note_99) on [2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb):\n~~~ quote\nLooks good to me.\n~~~',
    },
  ],
  [
    'note_issue.json',
    'Note Hook',
    'Note Hook Issue',
    {
      topic: 'hub-server / issue #7 Messages arrive twice',
      body: 'Ada Lovelace [commented](https://gitlab.example.org/team/hub-server/note/1#note_99) on [issue #7](https://gitlab.example.org/team/hub-server/-/issues/7):\n\n~~~ quote\nLooks good to me.\n~~~',
    },
  ],
  [
    'note_mr.json',
    'Note Hook',
    'Note Hook MergeRequest',
    {
      topic: 'hub-server / MR #12 Durable delivery',
      body: 'Ada Lovelace [commented](https://gitlab.example.org/team/hub-server/note/1#note_99) on [MR #12](https://gitlab.example.org/team/hub-server/-/merge_requests/12):\n\n~~~ quote\nLooks good to me.\n~~~',
    },
  ],
  [
    'note_snippet.json',
    'Note Hook',
    'Note Hook Snippet',
    {
      topic: 'hub-server / snippet #3 curl example',
      body: 'Ada Lovelace [commented](https://gitlab.example.org/team/hub-server/note/1#note_99) on [snippet #3](https://gitlab.example.org/team/hub-server/snippets/3):\n\n~~~ quote\nLooks good to me.\n~~~',
    },
  ],
  [
    'pipeline.json',
    'Pipeline Hook',
    'Pipeline Hook',
    {
      topic: 'hub-server / main',
      body: '[Pipeline (501)](https://gitlab.example.org/team/hub-server/-/pipelines/501) changed status to success with build(s):\n* [lint](https://gitlab.example.org/team/hub-server/-/jobs/9001) - success\n* [package](https://gitlab.example.org/team/hub-server/-/jobs/9002) - success\n  * built artifact: *hub.tgz* [[Browse](https://gitlab.example.org/team/hub-server/-/jobs/9002/artifacts/browse)|[Download](https://gitlab.example.org/team/hub-server/-/jobs/9002/artifacts/download)].',
    },
  ],
  [
    'pipeline_pending.json',
    'Pipeline Hook',
    'Pipeline Hook',
    {
      topic: 'hub-server / main',
      body: '[Pipeline (502)](https://gitlab.example.org/team/hub-server/-/pipelines/502) was created with build(s):\n* [lint](https://gitlab.example.org/team/hub-server/-/jobs/9003) - created.',
    },
  ],
  [
    'push.json',
    'Push Hook',
    'Push Hook',
    {
      topic: 'hub-server / main',
      body: 'Ada Lovelace [pushed](https://gitlab.example.org/team/hub-server/compare/1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb) 2 commits to branch main. Commits by Ada Lovelace (1) and Grace Hopper (1).\n\n* Add the gateway ([1111111](https://gitlab.example.org/team/hub-server/-/commit/1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa))\n* Fix the queue ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))',
    },
  ],
  [
    'push_delete_branch.json',
    'Push Hook',
    'Push Hook',
    { topic: 'hub-server / old', body: 'Ada Lovelace deleted branch old.' },
  ],
  [
    'push_many_commits.json',
    'Push Hook',
    'Push Hook',
    {
      topic: 'hub-server / main',
      body: 'Ada Lovelace [pushed](https://gitlab.example.org/team/hub-server/compare/1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb) 23 commits to branch main. Commits by Ada Lovelace (5), Alan Turing (5), Grace Hopper (5) and others (8).\n\n* Step 0 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 1 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 2 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 3 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 4 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 5 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 6 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 7 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 8 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 9 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 10 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 11 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 12 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 13 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 14 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 15 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 16 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 17 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 18 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n* Step 19 ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))\n[and 3 more commit(s)]',
    },
  ],
  [
    'push_new_branch.json',
    'Push Hook',
    'Push Hook',
    {
      topic: 'hub-server / empty',
      body: 'Ada Lovelace [pushed](https://gitlab.example.org/team/hub-server/compare/0000000000000000000000000000000000000000...2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb) the branch empty.',
    },
  ],
  [
    'push_single_author.json',
    'Push Hook',
    'Push Hook',
    {
      topic: 'hub-server / feature/login',
      body: 'Ada Lovelace [pushed](https://gitlab.example.org/team/hub-server/compare/1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb) 1 commit to branch feature/login.\n\n* Log in with SSO ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))',
    },
  ],
  [
    'system_push.json',
    'System Hook',
    'Push Hook',
    {
      topic: 'hub-server / main',
      body: 'Ada Lovelace [pushed](https://gitlab.example.org/team/hub-server/compare/1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb) 1 commit to branch main.\n\n* Fix the queue ([2222222](https://gitlab.example.org/team/hub-server/-/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))',
    },
  ],
  ['system_repository_update.json', 'System Hook', 'Repository Update Hook', null],
  [
    'tag_push.json',
    'Tag Push Hook',
    'Tag Push Hook',
    { topic: 'hub-server', body: 'Ada Lovelace pushed tag v1.0.' },
  ],
  [
    'tag_remove.json',
    'Tag Push Hook',
    'Tag Push Hook',
    { topic: 'hub-server', body: 'Ada Lovelace removed tag v0.9-rc!' },
  ],
  [
    'test_hook.json',
    'Test Hook',
    'Test Hook',
    {
      topic: 'hub-server',
      body: 'Webhook for **hub-server** has been configured successfully! :tada:',
    },
  ],
  [
    'wiki_create.json',
    'Wiki Page Hook',
    'Wiki Page Hook create',
    {
      topic: 'hub-server',
      body: 'Ada Lovelace created [wiki page "Deploying"](https://gitlab.example.org/team/hub-server/-/wikis/deploying).',
    },
  ],
  [
    'wiki_delete.json',
    'Wiki Page Hook',
    'Wiki Page Hook delete',
    {
      topic: 'hub-server',
      body: 'Ada Lovelace deleted [wiki page "Deploying"](https://gitlab.example.org/team/hub-server/-/wikis/deploying).',
    },
  ],
  [
    'wiki_update.json',
    'Wiki Page Hook',
    'Wiki Page Hook update',
    {
      topic: 'hub-server',
      body: 'Ada Lovelace updated [wiki page "Deploying"](https://gitlab.example.org/team/hub-server/-/wikis/deploying).',
    },
  ],
  // The same payloads under the confidential headers GitLab uses for confidential issues.
  [
    'issue_close.json',
    'Confidential Issue Hook',
    'Confidential Issue Hook close',
    {
      topic: 'hub-server / issue #7 Messages arrive twice',
      body: 'Ada Lovelace closed [issue #7](https://gitlab.example.org/team/hub-server/-/issues/7).',
    },
  ],
  [
    'issue_reopen.json',
    'Confidential Issue Hook',
    'Confidential Issue Hook reopen',
    {
      topic: 'hub-server / issue #7 Messages arrive twice',
      body: 'Ada Lovelace reopened [issue #7](https://gitlab.example.org/team/hub-server/-/issues/7).',
    },
  ],
  [
    'issue_update.json',
    'Confidential Issue Hook',
    'Confidential Issue Hook update',
    {
      topic: 'hub-server / issue #7 A title long enough to be cut when ...',
      body: 'Ada Lovelace updated [issue #7](https://gitlab.example.org/team/hub-server/-/issues/7).',
    },
  ],
  [
    'note_issue.json',
    'Confidential Note Hook',
    'Confidential Note Hook Issue',
    {
      topic: 'hub-server / issue #7 Messages arrive twice',
      body: 'Ada Lovelace [commented](https://gitlab.example.org/team/hub-server/note/1#note_99) on [issue #7](https://gitlab.example.org/team/hub-server/-/issues/7):\n\n~~~ quote\nLooks good to me.\n~~~',
    },
  ],
];

describe('GitLab integration', () => {
  it.each(OWN_CASES)('%s as "%s" → %s', (file, header, event, expected) => {
    const result = deliver(input(load(OWN_FIXTURES, file), header));
    expect(result.event).toBe(event);
    expect(result.message).toEqual(expected);
  });

  it('renders every supported event from its own fixtures', () => {
    const covered = new Set(OWN_CASES.map(([, , event]) => event));
    expect(Object.keys(gitlab.events).filter((e) => !covered.has(e))).toEqual([]);
  });

  it('drops the MR title from MR topics with use_merge_request_title=false', () => {
    const payload = load(OWN_FIXTURES, 'mr_merge.json');
    const options = { use_merge_request_title: 'false' };
    expect(deliver(input(payload, 'Merge Request Hook', options)).message?.topic).toBe(
      'hub-server / MR #12 ',
    );
    const note = load(OWN_FIXTURES, 'note_mr.json');
    expect(deliver(input(note, 'Note Hook', options)).message?.topic).toBe('hub-server / MR #12 ');
    expect(() =>
      deliver(input(payload, 'Merge Request Hook', { use_merge_request_title: 'no' })),
    ).toThrow(AnomalousPayloadError);
  });

  it('names the pushed branch for the branches filter, and only for pushes', () => {
    expect(gitlab.branchOf?.(input(load(OWN_FIXTURES, 'push.json'), 'Push Hook'))).toBe('main');
    expect(gitlab.branchOf?.(input(load(OWN_FIXTURES, 'system_push.json'), 'System Hook'))).toBe(
      'main',
    );
    expect(
      gitlab.branchOf?.(input(load(OWN_FIXTURES, 'tag_push.json'), 'Tag Push Hook')),
    ).toBeNull();
    expect(
      gitlab.branchOf?.(input(load(OWN_FIXTURES, 'mr_open.json'), 'Merge Request Hook')),
    ).toBeNull();
  });

  it('reports an unknown hook under its own name, for the gateway to answer "unsupported"', () => {
    const event = gitlab.eventName(input({ object_kind: 'deployment' }, 'Deployment Hook'));
    expect(event).toBe('Deployment Hook');
    expect(gitlab.events[event]).toBeUndefined();
    expect(gitlab.ignoredEvents).not.toContain(event);
  });

  it('declares its event header and delivery id header', () => {
    expect(gitlab.eventHeader).toBe('X-Gitlab-Event');
    expect(gitlab.deliveryIdHeader).toBe('X-Gitlab-Event-UUID');
  });

  it.each([
    ['push.json', 'Push Hook', (p: Record<string, unknown>) => (p.commits = 'many')],
    ['push.json', 'Push Hook', (p: Record<string, unknown>) => (p.user_name = 42)],
    [
      'mr_open.json',
      'Merge Request Hook',
      (p: Record<string, unknown>) => (p.object_attributes = []),
    ],
    [
      'issue_open.json',
      'Issue Hook',
      (p: Record<string, unknown>) => (p.assignees = [{ name: 7 }]),
    ],
    ['note_mr.json', 'Note Hook', (p: Record<string, unknown>) => delete p.merge_request],
    ['pipeline.json', 'Pipeline Hook', (p: Record<string, unknown>) => (p.builds = [null])],
  ])('a mistyped field in %s (%s) is an anomalous payload, not a crash', (file, header, spoil) => {
    const payload = load(OWN_FIXTURES, file) as Record<string, unknown>;
    spoil(payload);
    expect(() => deliver(input(payload, header))).toThrow(AnomalousPayloadError);
  });

  it('an issue hook without object_attributes is an anomalous payload', () => {
    expect(() => gitlab.eventName(input({}, 'Note Hook'))).toThrow(AnomalousPayloadError);
  });
});

/** GitLab's header is not in a captured payload: derive it from the file name as Zulip's tests do. */
function sharedFixtureHeader(file: string): string {
  const base = file.replace(/\.json$/, '');
  if (base.startsWith('build')) return 'Build Hook';
  if (base === 'repository_update') return 'System Hook';
  return base
    .split('__')[0]
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/** [fixture file, event name, message (null: recognised, nothing posted)] */
const SHARED_CASES: Array<[string, string, RenderedMessage | null]> = [
  [
    'build_created.json',
    'Build Hook',
    { topic: 'my-awesome-project / master', body: 'Build job_name from test stage was created.' },
  ],
  [
    'build_started.json',
    'Build Hook',
    { topic: 'my-awesome-project / master', body: 'Build job_name from test stage started.' },
  ],
  [
    'build_succeeded.json',
    'Build Hook',
    {
      topic: 'my-awesome-project / master',
      body: 'Build job_name from test stage changed status to success.',
    },
  ],
  [
    'issue_hook__confidential_issue_closed.json',
    'Issue Hook close',
    {
      topic: 'testing / issue #1 Testing Test',
      body: 'Joe Bloggs closed [issue #1](https://gitlab.example.co.uk/joe.bloggs/testing/issues/1).',
    },
  ],
  [
    'issue_hook__confidential_issue_created_with_assignee.json',
    'Issue Hook open',
    {
      topic: 'testing / issue #2 Testing',
      body: 'Joe Bloggs created [issue #2](https://gitlab.example.co.uk/joe.bloggs/testing/issues/2) (assigned to Joe Bloggs):\n\n~~~ quote\nTesting\n~~~',
    },
  ],
  [
    'issue_hook__confidential_issue_created_with_hidden_comment_in_description.json',
    'Issue Hook open',
    {
      topic: 'testing / issue #1 Testing',
      body: 'Joe Bloggs created [issue #1](https://gitlab.example.co.uk/joe.bloggs/testing/issues/1):\n\n~~~ quote\nThis description actually has a hidden comment in it!\n~~~',
    },
  ],
  [
    'issue_hook__confidential_issue_created_without_assignee.json',
    'Issue Hook open',
    {
      topic: 'testing / issue #1 Testing',
      body: 'Joe Bloggs created [issue #1](https://gitlab.example.co.uk/joe.bloggs/testing/issues/1):\n\n~~~ quote\nTesting\n~~~',
    },
  ],
  [
    'issue_hook__confidential_issue_reopened.json',
    'Issue Hook reopen',
    {
      topic: 'testing / issue #1 Testing Test',
      body: 'Joe Bloggs reopened [issue #1](https://gitlab.example.co.uk/joe.bloggs/testing/issues/1).',
    },
  ],
  [
    'issue_hook__confidential_issue_updated.json',
    'Issue Hook update',
    {
      topic: 'testing / issue #1 Testing',
      body: 'Joe Bloggs updated [issue #1](https://gitlab.example.co.uk/joe.bloggs/testing/issues/1).',
    },
  ],
  [
    'issue_hook__issue_closed.json',
    'Issue Hook close',
    {
      topic: 'my-awesome-project / issue #1 Issue title_new',
      body: 'Tomasz Kolek closed [issue #1](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1).',
    },
  ],
  [
    'issue_hook__issue_created_with_assignee.json',
    'Issue Hook open',
    {
      topic: 'my-awesome-project / issue #1 Issue title',
      body: 'Tomasz Kolek created [issue #1](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1) (assigned to Tomasz Kolek):\n\n~~~ quote\nIssue description\n~~~',
    },
  ],
  [
    'issue_hook__issue_created_with_hidden_comment_in_description.json',
    'Issue Hook open',
    {
      topic: 'public-repo / issue #3 New Issue with hidden comment',
      body: 'Eeshan Garg created [issue #3](https://gitlab.com/eeshangarg/public-repo/issues/3):\n\n~~~ quote\nThis description actually has a hidden comment in it!\n~~~',
    },
  ],
  [
    'issue_hook__issue_created_with_three_assignees.json',
    'Issue Hook open',
    {
      topic: 'Zulip GitLab Test / issue #2 Zulip Test Issue 2',
      body: 'Adam Birds created [issue #2](https://gitlab.com/adambirds/zulip-gitlab-test/issues/2) (assigned to Adam Birds, Eeshan Garg and Tim Abbott):\n\n~~~ quote\nZulip Test Issue 2\n~~~',
    },
  ],
  [
    'issue_hook__issue_created_with_two_assignees.json',
    'Issue Hook open',
    {
      topic: 'Zulip GitLab Test / issue #2 Zulip Test Issue 2',
      body: 'Adam Birds created [issue #2](https://gitlab.com/adambirds/zulip-gitlab-test/issues/2) (assigned to Adam Birds and Eeshan Garg):\n\n~~~ quote\nZulip Test Issue 2\n~~~',
    },
  ],
  [
    'issue_hook__issue_created_without_assignee.json',
    'Issue Hook open',
    {
      topic: 'my-awesome-project / issue #1 Issue title',
      body: 'Tomasz Kolek created [issue #1](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1):\n\n~~~ quote\nIssue description\n~~~',
    },
  ],
  [
    'issue_hook__issue_opened_with_null_description.json',
    'Issue Hook open',
    {
      topic: 'my-awesome-project / issue #7 Issue without description',
      body: 'Eeshan Garg created [issue #7](https://gitlab.com/eeshangarg/my-awesome-project/issues/7).',
    },
  ],
  [
    'issue_hook__issue_reopened.json',
    'Issue Hook reopen',
    {
      topic: 'my-awesome-project / issue #1 Issue title_new',
      body: 'Tomasz Kolek reopened [issue #1](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1).',
    },
  ],
  [
    'issue_hook__issue_updated.json',
    'Issue Hook update',
    {
      topic: 'my-awesome-project / issue #1 Issue title_new',
      body: 'Tomasz Kolek updated [issue #1](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/1).',
    },
  ],
  [
    'job_hook__build_created.json',
    'Job Hook',
    {
      topic: 'gitlab_test / gitlab-script-trigger',
      body: 'Build test from test stage was created.',
    },
  ],
  [
    'merge_request_hook__merge_request_added_commit.json',
    'Merge Request Hook update',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek added commit(s) to [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3).',
    },
  ],
  [
    'merge_request_hook__merge_request_approved.json',
    'Merge Request Hook approved',
    {
      topic: 'my-awesome-project / MR #1 Update the README with author ...',
      body: 'Eeshan Garg approved [MR #1](https://gitlab.com/eeshangarg/my-awesome-project/merge_requests/1).',
    },
  ],
  [
    'merge_request_hook__merge_request_closed.json',
    'Merge Request Hook close',
    {
      topic: 'my-awesome-project / MR #2 NEW MR',
      body: 'Tomasz Kolek closed [MR #2](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/2).',
    },
  ],
  [
    'merge_request_hook__merge_request_created_with_assignee.json',
    'Merge Request Hook open',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek created [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3) from `tomek` to `master` (assigned to Tomasz Kolek):\n\n~~~ quote\ndescription of merge request\n~~~',
    },
  ],
  [
    'merge_request_hook__merge_request_created_with_multiple_assignees.json',
    'Merge Request Hook open',
    {
      topic: 'Demo Project / MR #1 Make a trivial change to the README.',
      body: 'Hemanth V. Alluri created [MR #1](https://gitlab.com/Hypro999/demo-project/-/merge_requests/1) from `devel` to `master` (assigned to Hemanth V. Alluri and Hemanth V. Alluri):\n\n~~~ quote\nA trivial change that should probably be ignored.\n~~~',
    },
  ],
  [
    'merge_request_hook__merge_request_created_without_assignee.json',
    'Merge Request Hook open',
    {
      topic: 'my-awesome-project / MR #2 NEW MR',
      body: 'Tomasz Kolek created [MR #2](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/2) from `tomek` to `master`:\n\n~~~ quote\ndescription of merge request\n~~~',
    },
  ],
  [
    'merge_request_hook__merge_request_merged.json',
    'Merge Request Hook merge',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek merged [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3) from `tomek` to `master`.',
    },
  ],
  [
    'merge_request_hook__merge_request_reopened.json',
    'Merge Request Hook reopen',
    {
      topic: 'my-awesome-project / MR #1 Update the README with author ...',
      body: 'Eeshan Garg reopened [MR #1](https://gitlab.com/eeshangarg/my-awesome-project/merge_requests/1).',
    },
  ],
  [
    'merge_request_hook__merge_request_unapproved.json',
    'Merge Request Hook unapproved',
    {
      topic: 'my-awesome-project / MR #1 Update the README with author ...',
      body: 'Eeshan Garg unapproved [MR #1](https://gitlab.com/eeshangarg/my-awesome-project/merge_requests/1).',
    },
  ],
  [
    'merge_request_hook__merge_request_updated.json',
    'Merge Request Hook update',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek updated [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3) (assigned to Tomasz Kolek):\n\n~~~ quote\nupdated desc\n~~~',
    },
  ],
  [
    'note_hook__commit_note.json',
    'Note Hook Commit',
    {
      topic: 'my-awesome-project',
      body: 'Tomasz Kolek [commented](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7#note_14169211) on [66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7):\n~~~ quote\nnice commit\n~~~',
    },
  ],
  [
    'note_hook__confidential_issue_note.json',
    'Note Hook Issue',
    {
      topic: 'Test / issue #3 Test',
      body: 'Joe Bloggs [commented](https://gitlab.com/joebloggs/test/issues/3#note_101638770) on [issue #3](https://gitlab.com/joebloggs/test/issues/3):\n\n~~~ quote\nTest\n~~~',
    },
  ],
  [
    'note_hook__issue_note.json',
    'Note Hook Issue',
    {
      topic: 'my-awesome-project / issue #2 abc',
      body: 'Tomasz Kolek [commented](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/2#note_14172057) on [issue #2](https://gitlab.com/tomaszkolek0/my-awesome-project/issues/2):\n\n~~~ quote\nNice issue\n~~~',
    },
  ],
  [
    'note_hook__merge_request_note.json',
    'Note Hook MergeRequest',
    {
      topic: 'my-awesome-project / MR #1 Tomek',
      body: 'Tomasz Kolek [commented](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/1#note_14171860) on [MR #1](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/1):\n\n~~~ quote\nNice merge request!\n~~~',
    },
  ],
  [
    'note_hook__snippet_note.json',
    'Note Hook Snippet',
    {
      topic: 'my-awesome-project / snippet #2 test',
      body: 'Tomasz Kolek [commented](https://gitlab.com/tomaszkolek0/my-awesome-project/snippets/2#note_14172058) on [snippet #2](https://gitlab.com/tomaszkolek0/my-awesome-project/snippets/2):\n\n~~~ quote\nNice snippet\n~~~',
    },
  ],
  [
    'pipeline_hook__pipeline_pending.json',
    'Pipeline Hook',
    {
      topic: 'my-awesome-project / master',
      body: '[Pipeline (4414206)](https://gitlab.com/TomaszKolek/my-awesome-project/-/pipelines/4414206) was created with build(s):\n* [job_name2](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541113) - pending\n* [job_name](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541112) - created.',
    },
  ],
  [
    'pipeline_hook__pipeline_started.json',
    'Pipeline Hook',
    {
      topic: 'my-awesome-project / master',
      body: '[Pipeline (4414206)](https://gitlab.com/TomaszKolek/my-awesome-project/-/pipelines/4414206) started with build(s):\n* [job_name](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541112) - running\n* [job_name2](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541113) - pending.',
    },
  ],
  [
    'pipeline_hook__pipeline_succeeded.json',
    'Pipeline Hook',
    {
      topic: 'my-awesome-project / master',
      body: '[Pipeline (4414206)](https://gitlab.com/TomaszKolek/my-awesome-project/-/pipelines/4414206) changed status to success with build(s):\n* [job_name2](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541113) - success\n* [job_name](https://gitlab.com/TomaszKolek/my-awesome-project/-/jobs/4541112) - success.',
    },
  ],
  [
    'pipeline_hook__pipline_succeeded_with_artifacts.json',
    'Pipeline Hook',
    {
      topic: 'onlysomeproject / test/links-in-zulip-pipeline-message',
      body: '[Pipeline (22668)](https://gitlab.example.com/group1/onlysomeproject/-/pipelines/22668) changed status to success with build(s):\n* [cleanup:cleanup docker image](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58592) - success\n* [pages](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58591) - success\n  * built artifact: *artifacts.zip* [[Browse](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58591/artifacts/browse)|[Download](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58591/artifacts/download)]\n* [black+pytest:future environment](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58590) - success\n* [docs:anaconda environment](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58589) - success\n  * built artifact: *sphinx-docs.zip* [[Browse](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58589/artifacts/browse)|[Download](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58589/artifacts/download)]\n* [pytest:current environment](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58588) - success\n* [black:current environment](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58587) - success\n* [setup:docker image](https://gitlab.example.com/group1/onlysomeproject/-/jobs/58586) - success.',
    },
  ],
  [
    'push_hook.json',
    'Push Hook',
    {
      topic: 'my-awesome-project / tomek',
      body: 'Tomasz Kolek [pushed](https://gitlab.com/tomaszkolek0/my-awesome-project/compare/5fcdd5551fc3085df79bece2c32b1400802ac407...eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9) 2 commits to branch tomek.\n\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* c ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))',
    },
  ],
  [
    'push_hook__push_commits_more_than_limit.json',
    'Push Hook',
    {
      topic: 'my-awesome-project / tomek',
      body: 'Tomasz Kolek [pushed](https://gitlab.com/tomaszkolek0/my-awesome-project/compare/5fcdd5551fc3085df79bece2c32b1400802ac407...eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9) 50 commits to branch tomek.\n\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n[and 30 more commit(s)]',
    },
  ],
  [
    'push_hook__push_local_branch_without_commits.json',
    'Push Hook',
    {
      topic: 'my-awesome-project / changes',
      body: 'Eeshan Garg [pushed](https://gitlab.com/eeshangarg/my-awesome-project/compare/0000000000000000000000000000000000000000...68d7a5528cf423dfaac37dd62a56ac9cc8a884e3) the branch changes.',
    },
  ],
  [
    'push_hook__push_multiple_committers.json',
    'Push Hook',
    {
      topic: 'my-awesome-project / tomek',
      body: 'Tomasz Kolek [pushed](https://gitlab.com/tomaszkolek0/my-awesome-project/compare/5fcdd5551fc3085df79bece2c32b1400802ac407...eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9) 2 commits to branch tomek. Commits by Ben (1) and Tomasz Kolek (1).\n\n* b ([66abd2d](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/66abd2da28809ffa128ed0447965cf11d7f863a7))\n* c ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))',
    },
  ],
  [
    'push_hook__push_multiple_committers_with_others.json',
    'Push Hook',
    {
      topic: 'my-awesome-project / tomek',
      body: 'Tomasz Kolek [pushed](https://gitlab.com/tomaszkolek0/my-awesome-project/compare/5fcdd5551fc3085df79bece2c32b1400802ac407...eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9) 7 commits to branch tomek. Commits by Ben (3), baxterthehacker (2), James (1) and others (1).\n\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))\n* b ([eb6ae1e](https://gitlab.com/tomaszkolek0/my-awesome-project/commit/eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9))',
    },
  ],
  [
    'push_hook__remove_branch.json',
    'Push Hook',
    { topic: 'my-awesome-project / tomek', body: 'Tomasz Kolek deleted branch tomek.' },
  ],
  ['repository_update.json', 'Repository Update Hook', null],
  [
    'system_hook__merge_request_closed.json',
    'Merge Request Hook close',
    {
      topic: 'my-awesome-project / MR #2 NEW MR',
      body: 'Tomasz Kolek closed [MR #2](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/2).',
    },
  ],
  [
    'system_hook__merge_request_created_with_assignee.json',
    'Merge Request Hook open',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek created [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3) from `tomek` to `master` (assigned to Tomasz Kolek):\n\n~~~ quote\ndescription of merge request\n~~~',
    },
  ],
  [
    'system_hook__merge_request_created_without_assignee.json',
    'Merge Request Hook open',
    {
      topic: 'my-awesome-project / MR #2 NEW MR',
      body: 'Tomasz Kolek created [MR #2](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/2) from `tomek` to `master`:\n\n~~~ quote\ndescription of merge request\n~~~',
    },
  ],
  [
    'system_hook__merge_request_merged.json',
    'Merge Request Hook merge',
    {
      topic: 'my-awesome-project / MR #3 New Merge Request',
      body: 'Tomasz Kolek merged [MR #3](https://gitlab.com/tomaszkolek0/my-awesome-project/merge_requests/3) from `tomek` to `master`.',
    },
  ],
  [
    'system_hook__push_hook.json',
    'Push Hook',
    {
      topic: 'gitlab / master',
      body: 'John Smith [pushed](http://test.example.com/gitlab/gitlab/compare/95790bf891e76fee5e1747ab589903a6a1f80f22...da1560886d4f094c3e6c9ef40349f7d38b5d27d7) 1 commit to branch master. Commits by Test User (1).\n\n* Add simple search to projects in public area ([c5feabd](https://test.example.com/gitlab/gitlab/-/commit/c5feabde2d8cd023215af4d2ceeb7a64839fc428))',
    },
  ],
  [
    'tag_push_hook__add_tag.json',
    'Tag Push Hook',
    { topic: 'my-awesome-project', body: 'Tomasz Kolek pushed tag xyz.' },
  ],
  [
    'tag_push_hook__remove_tag.json',
    'Tag Push Hook',
    { topic: 'my-awesome-project', body: 'Tomasz Kolek removed tag xyz.' },
  ],
  [
    'test_hook__issue_test_payload.json',
    'Test Hook',
    {
      topic: 'public-repo',
      body: 'Webhook for **public-repo** has been configured successfully! :tada:',
    },
  ],
  [
    'wiki_page_hook__wiki_page_edited.json',
    'Wiki Page Hook update',
    {
      topic: 'my-awesome-project',
      body: 'Tomasz Kolek updated [wiki page "how to"](https://gitlab.com/tomaszkolek0/my-awesome-project/wikis/how-to).',
    },
  ],
  [
    'wiki_page_hook__wiki_page_opened.json',
    'Wiki Page Hook create',
    {
      topic: 'my-awesome-project',
      body: 'Tomasz Kolek created [wiki page "how to"](https://gitlab.com/tomaszkolek0/my-awesome-project/wikis/how-to).',
    },
  ],
];

const sharedDescribe = fs.existsSync(SHARED_FIXTURES) ? describe : describe.skip;

sharedDescribe('GitLab integration on the captured fixtures in ../shared', () => {
  const files = fs.readdirSync(SHARED_FIXTURES).filter((f) => f.endsWith('.json'));

  it('has an expectation for every captured fixture', () => {
    expect(files.sort()).toEqual(SHARED_CASES.map(([file]) => file).sort());
  });

  it.each(SHARED_CASES)('%s → %s', (file, event, expected) => {
    const result = deliver(input(load(SHARED_FIXTURES, file), sharedFixtureHeader(file)));
    expect(result.event).toBe(event);
    expect(result.message).toEqual(expected);
  });
});
