import type { RenderedMessage } from '../core/integration';
import { AnomalousPayloadError } from '../core/payload';
import {
  deliverWith,
  describeSharedFixtures,
  itRendersOwnFixtures,
  loadFixture as load,
  ownSuite,
  webhookInput,
} from '../core/testing';
import { gitlabIntegration as gitlab } from './gitlab.handler';
import { SHARED_FIXTURES } from './gitlab.expectations';

/** [fixture file, X-Gitlab-Event header, event name, message (null: nothing posted)] */
type Case = [string, string, string, RenderedMessage | null];

const OWN_FIXTURES = ownSuite(gitlab, []).dir;

function input(payload: unknown, header: string, options: Record<string, string> = {}) {
  return webhookInput(payload, options, { 'X-Gitlab-Event': header });
}

const deliver = deliverWith(gitlab);

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
  itRendersOwnFixtures(
    ownSuite(
      gitlab,
      OWN_CASES.map(([file, header, event, message]) => [
        file,
        event,
        message,
        { headers: { 'X-Gitlab-Event': header } },
      ]),
    ),
  );

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

  it('names the project at the start of the body when the URL sets the topic', () => {
    const push = load(OWN_FIXTURES, 'push.json');
    const plain = deliver(input(push, 'Push Hook')).message;
    const custom = deliver(input(push, 'Push Hook', { topic: 'deploys' })).message;
    expect(custom?.body).toBe(
      `[[hub-server](https://gitlab.example.org/team/hub-server)] ${plain?.body}`,
    );
    // Job hooks carry only `repository`: its name and homepage.
    const job = load(OWN_FIXTURES, 'job.json') as {
      repository: { name: string; homepage: string };
    };
    const jobMessage = deliver(input(job, 'Job Hook', { topic: 'ci' })).message;
    expect(
      jobMessage?.body.startsWith(`[[${job.repository.name}](${job.repository.homepage})] `),
    ).toBe(true);
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

describeSharedFixtures('GitLab integration', SHARED_FIXTURES);
