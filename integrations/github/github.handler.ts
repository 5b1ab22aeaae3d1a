import type { EventRenderer, IntegrationDefinition, WebhookInput } from '../core/integration';
import { Payload } from '../core/payload';
import { hmacHeader } from '../core/verify';
import { githubEventName } from './event-name';
import { checkRun, deployment, deploymentStatus, gollum, pageBuild, status } from './events/ci';
import { commitComment, discussionComment, issueComment } from './events/comments';
import { discussion } from './events/discussion';
import { issues } from './events/issues';
import {
  assignedOrUnassignedPullRequest,
  autoMerge,
  closedPullRequest,
  lockedOrUnlocked,
  openedOrUpdatedPullRequest,
  readyForReview,
  reviewRequested,
} from './events/pull-request';
import { branchFromRef, pushCommits, pushTags } from './events/push';
import { createOrDelete, release } from './events/refs';
import {
  fork,
  member,
  membership,
  ping,
  publicized,
  repository,
  star,
  teamAdd,
  watch,
} from './events/repository';
import { pullRequestReview, pullRequestReviewComment } from './events/reviews';
import { teamEdited } from './events/team';
import { GithubEvent } from './github-event';

type GithubRenderer = (e: GithubEvent) => ReturnType<EventRenderer>;

/**
 * Wraps a renderer with what every GitHub event shares: the `ignore_private_repositories`
 * URL option (as in Zulip) drops events from private repositories.
 */
function on(renderer: GithubRenderer): EventRenderer {
  return (input: WebhookInput) => {
    const e = new GithubEvent(input);
    if (input.options.ignore_private_repositories === 'true') {
      const repo = e.payload.optObj('repository');
      if (repo?.bool('private')) return null;
    }
    return renderer(e);
  };
}

/** Zulip's GitHub event names (ALL_EVENT_TYPES) → renderers. */
const events: Record<string, EventRenderer> = {
  commit_comment: on(commitComment),
  closed_pull_request: on(closedPullRequest),
  create: on(createOrDelete('created')),
  check_run: on(checkRun),
  delete: on(createOrDelete('deleted')),
  deployment: on(deployment),
  deployment_status: on(deploymentStatus),
  discussion: on(discussion),
  discussion_comment: on(discussionComment),
  fork: on(fork),
  gollum: on(gollum),
  issue_comment: on(issueComment),
  issues: on(issues),
  member: on(member),
  membership: on(membership),
  opened_or_update_pull_request: on(openedOrUpdatedPullRequest),
  assigned_or_unassigned_pull_request: on(assignedOrUnassignedPullRequest),
  page_build: on(pageBuild),
  ping: on(ping),
  public: on(publicized),
  pull_request_ready_for_review: on(readyForReview),
  pull_request_review: on(pullRequestReview),
  pull_request_review_comment: on(pullRequestReviewComment),
  pull_request_review_requested: on(reviewRequested),
  pull_request_auto_merge: on(autoMerge),
  locked_or_unlocked_pull_request: on(lockedOrUnlocked),
  push_commits: on(pushCommits),
  push_tags: on(pushTags),
  release: on(release),
  repository: on(repository),
  star: on(star),
  status: on(status),
  team: on(teamEdited),
  team_add: on(teamAdd),
  watch: on(watch),
};

/** Deliveries Zulip recognises and deliberately drops (200, nothing posted). */
const ignoredEvents = [
  'check_suite',
  'label',
  'meta',
  'milestone',
  'organization',
  'project_card',
  'repository_vulnerability_alert',
  'push__merge_queue',
  ...['approved', 'converted_to_draft', 'labeled', 'review_request_removed', 'unlabeled'].map(
    (action) => `pull_request:${action}`,
  ),
  ...['added_to_repository', 'created', 'deleted', 'removed_from_repository'].map(
    (action) => `team:${action}`,
  ),
] as const;

const known = new Set<string>([...Object.keys(events), ...ignoredEvents]);

/**
 * The branch a push, or a branch create/delete, concerns, for the `branches` URL option.
 * Tags are never filtered, as in Zulip.
 */
function branchOf(input: WebhookInput): string | null {
  const header = input.headers['x-github-event']?.trim().toLowerCase();
  const payload = new Payload(input.payload);
  if (header === 'push') {
    const ref = payload.str('ref');
    return ref.startsWith('refs/heads/') ? branchFromRef(ref) : null;
  }
  if (header === 'create' || header === 'delete') {
    return payload.str('ref_type') === 'branch' ? payload.str('ref') : null;
  }
  return null;
}

export const githubIntegration: IntegrationDefinition = {
  name: 'github',
  displayName: 'GitHub',
  category: 'version-control',
  eventHeader: 'X-GitHub-Event',
  deliveryIdHeader: 'X-GitHub-Delivery',
  eventName: (input) => githubEventName(input, (name) => known.has(name)),
  events,
  ignoredEvents,
  branchOf,
  verify: hmacHeader({ header: 'X-Hub-Signature-256', prefix: 'sha256=' }),
  parameters: {
    branches:
      'comma-separated branch names: pushes and branch events on other branches post nothing',
    ignore_private_repositories: 'true: events from private repositories post nothing',
  },
};
