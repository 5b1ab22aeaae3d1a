import { MAX_TOPIC_LENGTH } from '../core/text';
import { describeSharedFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './github.expectations';
import { githubIntegration } from './github.handler';
import { deliver, example, examples, input, own, withAction, type Json } from './github.testing';

describeSharedFixtures('GitHub', SHARED_FIXTURES);

describe('GitHub: every @octokit/webhooks-examples payload', () => {
  const cases = [...examples].flatMap(([event, payloads]) =>
    payloads.map((payload, i) => [
      `${event}[${i}] ${String(payload.action ?? '')}`,
      event,
      payload,
    ]),
  ) as [string, string, Json][];

  it.each(cases)('%s renders, is ignored or is reported unsupported', (_label, event, payload) => {
    const outcome = deliver(event, payload);
    if (outcome.kind === 'message') {
      expect(outcome.message.body).not.toMatch(/undefined|null|\[object Object\]/);
      expect([...outcome.message.topic].length).toBeLessThanOrEqual(MAX_TOPIC_LENGTH);
    }
    const handled = Object.keys(githubIntegration.events).includes(outcome.event);
    expect(outcome.kind === 'unsupported').toBe(
      !handled && !githubIntegration.ignoredEvents.includes(outcome.event),
    );
  });
});

describe('GitHub: event names (what only_events / exclude_events match)', () => {
  it.each([
    ['opened', 'opened_or_update_pull_request'],
    ['synchronize', 'opened_or_update_pull_request'],
    ['reopened', 'opened_or_update_pull_request'],
    ['edited', 'opened_or_update_pull_request'],
    ['assigned', 'assigned_or_unassigned_pull_request'],
    ['unassigned', 'assigned_or_unassigned_pull_request'],
    ['closed', 'closed_pull_request'],
    ['review_requested', 'pull_request_review_requested'],
    ['ready_for_review', 'pull_request_ready_for_review'],
    ['locked', 'locked_or_unlocked_pull_request'],
    ['auto_merge_enabled', 'pull_request_auto_merge'],
    ['labeled', 'pull_request:labeled'],
  ])('pull_request %s → %s', (action, name) => {
    expect(githubIntegration.eventName(input('pull_request', { action }))).toBe(name);
  });

  it('splits pushes into commits and tags, and drops merge-queue branches', () => {
    const name = (ref: string) => githubIntegration.eventName(input('push', { ref }));
    expect(name('refs/heads/main')).toBe('push_commits');
    expect(name('refs/tags/v1.0')).toBe('push_tags');
    expect(deliver('push', own('push__merge_queue')).kind).toBe('ignored');
  });

  it('uses the header for other events, whatever its case', () => {
    expect(githubIntegration.eventName(input('Issue_Comment', { action: 'created' }))).toBe(
      'issue_comment',
    );
  });

  it('lists exactly Zulip’s event types as supported', () => {
    expect(Object.keys(githubIntegration.events).sort()).toEqual(
      [
        'commit_comment',
        'closed_pull_request',
        'create',
        'check_run',
        'delete',
        'deployment',
        'deployment_status',
        'discussion',
        'discussion_comment',
        'fork',
        'gollum',
        'issue_comment',
        'issues',
        'member',
        'membership',
        'opened_or_update_pull_request',
        'assigned_or_unassigned_pull_request',
        'page_build',
        'ping',
        'public',
        'pull_request_ready_for_review',
        'pull_request_review',
        'pull_request_review_comment',
        'pull_request_review_requested',
        'pull_request_auto_merge',
        'locked_or_unlocked_pull_request',
        'push_commits',
        'push_tags',
        'release',
        'repository',
        'star',
        'status',
        'team',
        'team_add',
        'watch',
      ].sort(),
    );
  });
});

describe('GitHub: ignored and unsupported deliveries', () => {
  it.each(['check_suite', 'label', 'meta', 'milestone', 'organization', 'project_card'])(
    '%s is ignored without reading the payload',
    (event) => {
      expect(deliver(event, {})).toEqual({ kind: 'ignored', event });
    },
  );

  it.each(['approved', 'converted_to_draft', 'labeled', 'review_request_removed', 'unlabeled'])(
    'pull_request %s is ignored',
    (action) => {
      expect(deliver('pull_request', { action }).kind).toBe('ignored');
    },
  );

  it.each(['added_to_repository', 'created', 'deleted', 'removed_from_repository'])(
    'team %s is ignored',
    (action) => {
      expect(deliver('team', { action }).kind).toBe('ignored');
    },
  );

  it('reports an unknown event as unsupported, named with its action, instead of throwing', () => {
    expect(deliver('sponsorship', example('sponsorship'))).toEqual({
      kind: 'unsupported',
      event: 'sponsorship:created',
    });
    expect(deliver('workflow_dispatch', example('workflow_dispatch'))).toEqual({
      kind: 'unsupported',
      event: 'workflow_dispatch:???',
    });
    expect(deliver('team', { action: 'archived' })).toEqual({
      kind: 'unsupported',
      event: 'team:archived',
    });
  });

  it('posts nothing for a check run that has not completed', () => {
    const payload = example('check_run', withAction('created'));
    expect(deliver('check_run', payload)).toEqual({ kind: 'ignored', event: 'check_run' });
  });

  it('posts nothing for a comment "edit" that left the text unchanged', () => {
    const payload = own('issue_comment__edited_unchanged');
    expect(deliver('issue_comment', payload).kind).toBe('ignored');
  });

  it('posts nothing for the empty review "edit" GitHub sends after a submission', () => {
    const payload = example('pull_request_review');
    payload.action = 'edited';
    payload.changes = {};
    expect(deliver('pull_request_review', payload).kind).toBe('ignored');
  });

  it('drops private repositories when ignore_private_repositories=true', () => {
    const payload = own('pull_request__opened_long_title');
    expect(deliver('pull_request', payload, { ignore_private_repositories: 'true' }).kind).toBe(
      'ignored',
    );
    expect(deliver('pull_request', payload).kind).toBe('message');
  });
});
