import type { RenderedMessage } from '../../core/integration';
import { shortSha } from '../../core/text';
import type { GithubEvent } from '../github-event';
import { prMessageContext } from '../pr-message';
import { discussionTopic, issueTopic, repoTopic } from '../topics';
import { commentAction, isUnchangedCommentEdit } from './reviews';

/** A comment on an issue or on a pull request's conversation (GitHub sends both as issue_comment). */
export function issueComment(e: GithubEvent): RenderedMessage | null {
  if (isUnchangedCommentEdit(e)) return null;
  const issue = e.payload.obj('issue');
  return e.message(
    issueTopic(e),
    'pull-request',
    prMessageContext(e, {
      action: commentAction(e),
      type: issue.has('pull_request') ? 'PR' : 'issue',
      url: issue.str('html_url'),
      number: issue.num('number'),
      title: e.title('issue.title'),
      quote: e.payload.str('comment.body'),
    }),
  );
}

export function commitComment(e: GithubEvent): RenderedMessage {
  const commentUrl = e.payload.str('comment.html_url');
  return e.message(repoTopic(e), 'commit-comment', {
    user: e.sender,
    commentUrl,
    commitUrl: commentUrl.split('#')[0],
    sha: shortSha(e.payload.str('comment.commit_id')),
    quote: e.payload.str('comment.body') || null,
  });
}

export function discussionComment(e: GithubEvent): RenderedMessage {
  const discussion = e.payload.obj('discussion');
  return e.message(discussionTopic(e), 'discussion-comment', {
    user: e.sender,
    action: commentAction(e),
    number: discussion.num('number'),
    url: discussion.str('html_url'),
    title: e.title('discussion.title'),
    quote: e.payload.str('comment.body'),
  });
}
