import { AnomalousPayloadError, Payload } from '../core/payload';
import type { WebhookInput } from '../core/integration';
import { lookup } from './github-event';

/** Pull request actions Zulip names as one event (the names only_events/exclude_events see). */
const PULL_REQUEST_EVENTS: Record<string, string> = {
  opened: 'opened_or_update_pull_request',
  synchronize: 'opened_or_update_pull_request',
  reopened: 'opened_or_update_pull_request',
  edited: 'opened_or_update_pull_request',
  assigned: 'assigned_or_unassigned_pull_request',
  unassigned: 'assigned_or_unassigned_pull_request',
  closed: 'closed_pull_request',
  review_requested: 'pull_request_review_requested',
  ready_for_review: 'pull_request_ready_for_review',
  locked: 'locked_or_unlocked_pull_request',
  unlocked: 'locked_or_unlocked_pull_request',
  auto_merge_enabled: 'pull_request_auto_merge',
  auto_merge_disabled: 'pull_request_auto_merge',
};

/** GitHub's merge queue pushes temporary branches under this prefix; Zulip ignores them. */
const MERGE_QUEUE_PREFIX = 'refs/heads/gh-readonly-queue/';

/** Name of a delivery Zulip ignores or does not support: "header:action", as Zulip logs it. */
function withAction(header: string, payload: Payload): string {
  return `${header}:${payload.optStr('action') ?? '???'}`;
}

/**
 * Zulip's event name for a delivery: usually the X-GitHub-Event header, refined by the payload
 * (pull request actions, push of commits vs. tags, team actions). Deliveries Zulip deliberately
 * drops get a name listed in `ignoredEvents`; unknown ones a name in neither list.
 */
export function githubEventName(input: WebhookInput, isKnown: (name: string) => boolean): string {
  const header = input.headers['x-github-event']?.trim().toLowerCase();
  if (!header) throw new AnomalousPayloadError('X-GitHub-Event', 'an event header');
  const payload = new Payload(input.payload);
  switch (header) {
    case 'pull_request':
      return lookup(PULL_REQUEST_EVENTS, payload.str('action')) ?? withAction(header, payload);
    case 'push': {
      const ref = payload.str('ref');
      if (ref.startsWith(MERGE_QUEUE_PREFIX)) return 'push__merge_queue';
      return ref.startsWith('refs/heads/') ? 'push_commits' : 'push_tags';
    }
    case 'team': {
      const action = payload.str('action');
      return action === 'edited' ? 'team' : withAction(header, payload);
    }
    default:
      return isKnown(header) ? header : withAction(header, payload);
  }
}
