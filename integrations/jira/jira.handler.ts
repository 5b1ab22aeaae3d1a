import { defineIntegration, WebhookEvent } from '../core/define';
import { AnomalousPayloadError, Payload } from '../core/payload';
import { blockQuote, link } from '../core/text';
import { anyOf, hmacHeader, tokenParam } from '../core/verify';
import { jiraMarkupToMarkdown } from './jira-markup';

/**
 * Jira (Cloud and Server): a JSON document per event, named in its `webhookEvent` field
 * (`jira:issue_created`, `comment_created`, ...). Very old Jira versions send issue transitions
 * without it. Topic `KEY: summary`, as Zulip's Jira integration names it.
 */

/** The issue a delivery concerns, with its browse URL (guessed from the REST URL, as Zulip does). */
interface Issue {
  key: string;
  title: string;
  url: string | null;
}

/** Some old Jira versions post comment events without the issue: only its internal id is known. */
const NO_ISSUE_TITLE = 'Upgrade Jira to get the issue title here.';

function issueOf(p: Payload): Issue {
  const issue = p.optObj('issue');
  if (!issue) {
    const commentUrl = p.str('comment.self');
    return { key: commentUrl.split('/').slice(-3)[0], title: NO_ISSUE_TITLE, url: null };
  }
  const key = issue.str('key');
  const base = /^(.*)\/rest\/api\//.exec(issue.optStr('self') ?? '');
  return {
    key,
    title: issue.str('fields.summary'),
    url: base ? `${base[1]}/browse/${key}` : null,
  };
}

const issueTopic = (e: WebhookEvent) => {
  const { key, title } = issueOf(e.payload);
  return `${key}: ${title}`;
};

const issueLink = (e: WebhookEvent) => {
  const { key, title, url } = issueOf(e.payload);
  return link(`${key}: ${title}`, url);
};

/** Who did it: the event's user (issue events) or the comment's author (comment events). */
const actor = (e: WebhookEvent) =>
  e.payload.optStr('user.displayName') ?? e.payload.optStr('comment.author.displayName') ?? '';

/** The assignee, by name (or e-mail address when Jira sends no name), or null. */
function assignee(p: Payload): string | null {
  const who = p.optObj('issue.fields.assignee');
  return who ? (who.optStr('displayName') ?? who.optStr('emailAddress')) : null;
}

const quotedComment = (body: string) => blockQuote(jiraMarkupToMarkdown(body));

function created(e: WebhookEvent) {
  return e.message(issueTopic(e), 'created', {
    author: actor(e),
    issue: issueLink(e),
    priority: e.payload.optStr('issue.fields.priority.name'),
    assignee: assignee(e.payload) ?? 'no one',
  });
}

function deleted(e: WebhookEvent) {
  const { title } = issueOf(e.payload);
  return e.message(issueTopic(e), 'deleted', {
    author: actor(e),
    issue: issueLink(e),
    stop: /[.!?]$/.test(title) ? '' : '.',
  });
}

/** Jira bundles comments, transitions and field changes into `jira:issue_updated`. */
function commentVerb(p: Payload): string | null {
  const sub = p.optStr('issue_event_type_name') ?? '';
  if (sub === 'issue_commented') return 'commented on';
  if (sub === 'issue_comment_edited') return 'edited a comment on';
  if (sub === 'issue_comment_deleted') return 'deleted a comment from';
  if (sub === '' && p.has('comment.body')) return 'commented on';
  return null;
}

interface Change {
  field: string;
  from: string | null;
  to: string | null;
}

function changes(p: Payload): Change[] {
  const log = p.optObj('changelog');
  if (log) {
    return log.optList('items').map((item) => ({
      field: item.str('field'),
      from: item.optStr('fromString'),
      to: item.optStr('toString'),
    }));
  }
  const transition = p.optObj('transition');
  if (transition) {
    return [
      {
        field: 'status',
        from: transition.optStr('from_status'),
        to: transition.optStr('to_status'),
      },
    ];
  }
  return [];
}

function updated(e: WebhookEvent) {
  const p = e.payload;
  const verb = commentVerb(p);
  const who = assignee(p);
  const context = { author: actor(e), issue: issueLink(e), assignee: who };
  if (verb) {
    const body = p.optStr('comment.body');
    return e.message(issueTopic(e), 'commented', {
      ...context,
      verb,
      comment: body ? quotedComment(body) : null,
    });
  }
  return e.message(issueTopic(e), 'updated', {
    ...context,
    changes: changes(p).filter((c) => c.from || c.to),
  });
}

function comment(verb: string, strike: boolean) {
  return (e: WebhookEvent) => {
    const body = jiraMarkupToMarkdown(e.payload.str('comment.body'));
    return e.message(issueTopic(e), 'comment', {
      author: e.payload.str('comment.author.displayName'),
      verb,
      issue: issueLink(e),
      // "…the issue title here." takes no colon after it.
      colon: e.payload.has('issue') ? ':' : '',
      comment: blockQuote(strike ? `~~${body.trim()}~~` : body),
    });
  };
}

export const jiraIntegration = defineIntegration({
  name: 'jira',
  displayName: 'Jira',
  category: 'project-management',
  eventName: (e) => {
    const event = e.payload.optStr('webhookEvent');
    if (event) return event;
    if (e.payload.has('transition')) return 'jira:issue_updated';
    throw new AnomalousPayloadError('webhookEvent', 'a string');
  },
  events: {
    'jira:issue_created': created,
    'jira:issue_deleted': deleted,
    'jira:issue_updated': updated,
    comment_created: comment('commented on', false),
    comment_updated: comment('updated their comment on', false),
    comment_deleted: comment('deleted their comment on', true),
  },
  ignoredEvents: [
    'attachment_created',
    'issuelink_created',
    'issuelink_deleted',
    'jira:version_released',
    'jira:worklog_updated',
    'sprint_closed',
    'sprint_started',
    'worklog_created',
    'worklog_updated',
  ],
  // Jira Cloud signs with the webhook's secret; Jira Server cannot, so `&secret=` in the URL.
  verify: anyOf(hmacHeader({ header: 'X-Hub-Signature', prefix: 'sha256=' }), tokenParam('secret')),
});
