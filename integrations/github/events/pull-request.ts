import type { RenderedMessage } from '../../core/integration';
import type { GithubEvent } from '../github-event';
import { prMessageContext } from '../pr-message';
import { pullRequestTopic } from '../topics';

/** opened, reopened, edited, synchronize: the description only when new or changed. */
export function openedOrUpdatedPullRequest(e: GithubEvent): RenderedMessage {
  const pr = e.payload.obj('pull_request');
  const action = e.action === 'synchronize' ? 'updated' : e.action;
  const bodyChanged = e.payload.optObj('changes')?.has('body') ?? false;
  const quote = action === 'opened' || bodyChanged ? pr.optStr('body') : null;
  const assignee = pr.optObj('assignee');
  return e.message(
    pullRequestTopic(e),
    'pull-request',
    prMessageContext(e, {
      action,
      type: 'PR',
      url: pr.str('html_url'),
      number: pr.num('number'),
      title: e.title('pull_request.title'),
      assignee: assignee ? assignee.str('login') : null,
      branches: { head: pr.str('head.ref'), base: pr.str('base.ref') },
      quote,
    }),
  );
}

export function assignedOrUnassignedPullRequest(e: GithubEvent): RenderedMessage {
  const pr = e.payload.obj('pull_request');
  return e.message(
    pullRequestTopic(e),
    'pull-request',
    prMessageContext(e, {
      action: e.action,
      type: 'PR',
      url: pr.str('html_url'),
      number: pr.num('number'),
      title: e.title('pull_request.title'),
      assignedTo: e.action === 'assigned' ? e.payload.str('assignee.login') : null,
    }),
  );
}

export function closedPullRequest(e: GithubEvent): RenderedMessage {
  const pr = e.payload.obj('pull_request');
  return e.message(
    pullRequestTopic(e),
    'pull-request',
    prMessageContext(e, {
      action: pr.bool('merged') ? 'merged' : 'closed without merge',
      type: 'PR',
      url: pr.str('html_url'),
      number: pr.num('number'),
      title: e.title('pull_request.title'),
    }),
  );
}

/** A person or a team was asked for a review. */
export function reviewRequested(e: GithubEvent): RenderedMessage {
  const person = e.payload.optObj('requested_reviewer');
  const reviewer = person
    ? { name: person.str('login'), url: person.str('html_url') }
    : { name: e.payload.str('requested_team.name'), url: e.payload.str('requested_team.html_url') };
  return e.message(pullRequestTopic(e), 'pull-request-review-requested', {
    ...pullRequestLink(e),
    reviewerName: reviewer.name,
    reviewerUrl: reviewer.url,
  });
}

export function readyForReview(e: GithubEvent): RenderedMessage {
  return e.message(pullRequestTopic(e), 'pull-request-ready-for-review', pullRequestLink(e));
}

export function lockedOrUnlocked(e: GithubEvent): RenderedMessage {
  return e.message(pullRequestTopic(e), 'pull-request-locked', {
    ...pullRequestLink(e),
    locked: e.action === 'locked',
    reason: e.payload.optStr('pull_request.active_lock_reason'),
  });
}

export function autoMerge(e: GithubEvent): RenderedMessage {
  return e.message(pullRequestTopic(e), 'pull-request-auto-merge', {
    ...pullRequestLink(e),
    enabled: e.action === 'auto_merge_enabled',
  });
}

function pullRequestLink(e: GithubEvent): object {
  const pr = e.payload.obj('pull_request');
  return {
    user: e.sender,
    number: pr.num('number'),
    url: pr.str('html_url'),
    title: e.title('pull_request.title'),
  };
}
