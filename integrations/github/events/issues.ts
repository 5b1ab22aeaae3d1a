import type { RenderedMessage } from '../../core/integration';
import type { GithubEvent } from '../github-event';
import { prMessageContext } from '../pr-message';
import { issueTopic } from '../topics';

/** Every `issues` action; the wording depends on the action. */
export function issues(e: GithubEvent): RenderedMessage {
  switch (e.action) {
    case 'labeled':
    case 'unlabeled':
      return labeled(e);
    case 'milestoned':
    case 'demilestoned':
      return milestoned(e);
    case 'transferred':
      return transferred(e);
    case 'opened':
      return e.payload.has('changes.old_issue') ? openedViaTransfer(e) : issueAction(e);
    default:
      return issueAction(e);
  }
}

/** opened, edited, closed, reopened, assigned, ...: "user action [issue #n](url)" with its text. */
function issueAction(e: GithubEvent): RenderedMessage {
  const issue = e.payload.obj('issue');
  const assignment = e.action === 'assigned' || e.action === 'unassigned';
  const assignee = assignment ? e.payload.str('assignee.login') : null;
  return e.message(
    issueTopic(e),
    'pull-request',
    prMessageContext(e, {
      action: e.action === 'unassigned' ? `unassigned ${assignee} from` : e.action,
      type: issueKind(e),
      url: issue.str('html_url'),
      number: issue.num('number'),
      title: e.title('issue.title'),
      assignedTo: e.action === 'assigned' ? assignee : null,
      quote: assignment ? null : issue.optStr('body'),
    }),
  );
}

/** GitHub sends `issues` events for pull requests too; those are named as PRs, like their topic. */
function issueKind(e: GithubEvent): 'PR' | 'issue' {
  return e.payload.has('issue.pull_request') ? 'PR' : 'issue';
}

function issueLink(e: GithubEvent): object {
  const issue = e.payload.obj('issue');
  return {
    kind: issueKind(e),
    user: e.sender,
    userUrl: e.senderUrl,
    number: issue.num('number'),
    url: issue.str('html_url'),
    title: e.title('issue.title'),
  };
}

function labeled(e: GithubEvent): RenderedMessage {
  return e.message(issueTopic(e), 'issue-labeled', {
    ...issueLink(e),
    added: e.action === 'labeled',
    label: e.payload.str('label.name'),
    // Zulip capitalises "Issue" in this one message.
    labelKind: issueKind(e) === 'PR' ? 'PR' : 'Issue',
  });
}

function milestoned(e: GithubEvent): RenderedMessage {
  return e.message(issueTopic(e), 'issue-milestoned', {
    ...issueLink(e),
    added: e.action === 'milestoned',
    milestone: e.payload.str('milestone.title'),
    milestoneUrl: e.payload.str('milestone.html_url'),
  });
}

function transferred(e: GithubEvent): RenderedMessage {
  const issue = e.payload.obj('issue');
  return e.message(issueTopic(e), 'issue-transferred', {
    user: e.sender,
    number: issue.num('number'),
    title: issue.str('title'),
    url: issue.str('html_url'),
    newRepo: e.payload.str('changes.new_repository.full_name'),
    newNumber: e.payload.num('changes.new_issue.number'),
    newUrl: e.payload.str('changes.new_issue.html_url'),
  });
}

function openedViaTransfer(e: GithubEvent): RenderedMessage {
  const issue = e.payload.obj('issue');
  return e.message(issueTopic(e), 'issue-opened-via-transfer', {
    number: issue.num('number'),
    title: issue.str('title'),
    url: issue.str('html_url'),
    oldRepo: e.payload.str('changes.old_repository.full_name'),
    oldNumber: e.payload.num('changes.old_issue.number'),
    oldUrl: e.payload.str('changes.old_issue.html_url'),
  });
}
