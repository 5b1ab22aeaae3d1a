import type { RenderedMessage } from '../../core/integration';
import { keysOf, type GithubEvent } from '../github-event';
import { prMessageContext } from '../pr-message';
import { pullRequestTopic } from '../topics';

/** Title suffix Zulip uses in review links when the topic is fixed: "for #1 Title". */
function reviewTitle(e: GithubEvent, preposition: string): string | null {
  if (!e.includeTitle) return null;
  const pr = e.payload.obj('pull_request');
  return `${preposition} #${pr.num('number')} ${pr.str('title')}`;
}

/**
 * A submitted (or edited, dismissed) review, quoting its text. GitHub follows a submission with a
 * duplicate "edited" delivery that changes nothing; that one is dropped.
 */
export function pullRequestReview(e: GithubEvent): RenderedMessage | null {
  const changes = e.payload.optObj('changes');
  const changed = changes !== null && keysOf(changes).length > 0;
  if (e.action === 'edited' && !changed) return null;
  return e.message(
    pullRequestTopic(e),
    'pull-request',
    prMessageContext(e, {
      action: e.action,
      type: 'PR review',
      url: e.payload.str('review.html_url'),
      title: reviewTitle(e, 'for'),
      quote: e.payload.optStr('review.body'),
    }),
  );
}

/** A line comment in a review; the comment text is quoted when it is new. */
export function pullRequestReviewComment(e: GithubEvent): RenderedMessage | null {
  if (isUnchangedCommentEdit(e)) return null;
  return e.message(
    pullRequestTopic(e),
    'pull-request',
    prMessageContext(e, {
      action: e.action,
      type: 'PR review comment',
      url: e.payload.str('comment.html_url'),
      title: reviewTitle(e, 'on'),
      quote: e.action === 'created' ? e.payload.str('comment.body') : null,
    }),
  );
}

/** An "edited" comment whose text did not change (GitHub sends these): nothing to tell. */
export function isUnchangedCommentEdit(e: GithubEvent): boolean {
  if (e.action !== 'edited') return false;
  const before = e.payload.optStr('changes.body.from');
  return before !== null && before === e.payload.str('comment.body');
}

/** "[commented](url) on" or "edited a [comment](url) on", as Zulip words comment actions. */
export function commentAction(e: GithubEvent): string {
  const url = e.payload.str('comment.html_url');
  return e.action === 'created' ? `[commented](${url}) on` : `${e.action} a [comment](${url}) on`;
}
