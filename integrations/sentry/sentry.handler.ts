import { defineIntegration, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';
import { codeBlock } from '../core/text';
import { anyOf, hmacHeader, webhookTokenHeader } from '../core/verify';

/**
 * Sentry: an internal integration ("Sentry-Hook-Resource: event_alert" / "issue", payload under
 * `data`), the legacy WebHooks plugin (the event at the top level), or the older plugin payload
 * with no event id. The topic is the event's or issue's title (the project name for the oldest).
 */

/** Sentry's platform → the code block's syntax highlighting. */
const HIGHLIGHT: Record<string, string> = {
  go: 'go',
  java: 'java',
  javascript: 'javascript',
  node: 'javascript',
  python: 'python3',
  ruby: 'ruby',
};

/** "2020-04-28T13:56:05.903736Z" → "2020-04-28 13:56:05". */
const sentryTime = (iso: string) => iso.split('.')[0].replace('T', ' ').replace(/Z$/, '');

/** The event, wherever the payload keeps it (null: the oldest plugin payload). */
function eventOf(e: WebhookEvent): Payload | null {
  const data = e.payload.optObj('data');
  if (data) return data.optObj('event');
  const event = e.payload.optObj('event');
  return event?.optStr('event_id') ? event : null;
}

/** The Raven SDKs (Python, version < 7) are deprecated; their sample event is still accepted. */
function isRaven(event: Payload): boolean {
  if (event.optStr('platform') !== 'python' || Number(event.str('version')) >= 7) return false;
  const raw = event.raw as { tags?: unknown };
  const sample =
    Array.isArray(raw.tags) && raw.tags.some((t) => JSON.stringify(t) === '["sample_event","yes"]');
  return !sample && event.optStr('title') !== 'This is an example Python exception';
}

function eventName(e: WebhookEvent): string {
  const resource = e.header('Sentry-Hook-Resource');
  if (resource && resource !== 'event_alert' && resource !== 'issue') return resource;
  const data = e.payload.optObj('data');
  if (data && !data.has('event')) {
    if (data.has('issue')) return `issue_${e.payload.str('action')}`;
    return data.keys().join(',') || 'data';
  }
  const event = eventOf(e);
  if (!event) return 'legacy_issue';
  if (isRaven(event)) return 'raven_sdk';
  if (event.has('exception')) return 'event_exception';
  if (event.has('logentry')) return 'event_message';
  return 'event_unknown';
}

/** The event's link and time: given by an internal integration, derived for the plugin. */
function eventBasics(e: WebhookEvent, event: Payload) {
  if (e.payload.has('data')) {
    return { link: event.str('web_url'), time: sentryTime(event.str('datetime')) };
  }
  const issueUrl = new URL(e.payload.str('url'));
  const link = new URL(`events/${event.str('event_id')}/`, issueUrl).toString().split('?')[0];
  const seconds = event.optNum('timestamp') ?? event.num('received');
  return { link, time: sentryTime(new Date(seconds * 1000).toISOString()) };
}

/** Zulip's traceback: the frame's context lines, indented, the failing one marked "--->". */
function traceback(event: Payload, filename: string): string | null {
  const values = event.list('exception.values').filter((v) => v.has('stacktrace'));
  const stacktrace = values[values.length - 1];
  if (!stacktrace) return null;
  const frame = stacktrace
    .list('stacktrace.frames')
    .reverse()
    .find((f) => f.optStr('filename') === filename);
  const line = frame?.optStr('context_line');
  if (!frame || line === null || line === undefined) return null;
  const indent = (lines: string[]) => lines.map((l) => (l === '' ? '\n' : `     ${l}\n`)).join('');
  const around = (key: string) => (frame.has(key) ? frame.strList(key) : []);
  const text = `${indent(around('pre_context'))}---> ${line}\n${indent(around('post_context'))}`;
  const language = HIGHLIGHT[event.optStr('platform') ?? ''] ?? '';
  return codeBlock(text, language);
}

function exception(e: WebhookEvent) {
  const event = eventOf(e)!;
  const title = event.str('title');
  const filename = event.optStr('metadata.filename');
  return e.message(title, 'exception', {
    title,
    level: event.str('level'),
    ...eventBasics(e, event),
    filename,
    traceback: filename ? traceback(event, filename) : null,
  });
}

function message(e: WebhookEvent) {
  const event = eventOf(e)!;
  const title = event.str('title');
  return e.message(title, 'message', {
    title,
    level: event.str('level'),
    ...eventBasics(e, event),
  });
}

function assigneeOf(issue: Payload): string {
  const to = issue.optObj('assignedTo');
  if (!to) return 'No one';
  return to.str('type') === 'team' ? `team ${to.str('name')}` : to.str('name');
}

function issue(template: string) {
  return (e: WebhookEvent) => {
    const issue = e.payload.obj('data.issue');
    const title = issue.str('title');
    return e.message(title, template, {
      title,
      link: issue.optStr('web_url') ?? issue.optStr('permalink'),
      level: issue.str('level'),
      time: sentryTime(issue.str('lastSeen')),
      assignee: assigneeOf(issue),
      actor: e.payload.str('actor.name'),
    });
  };
}

function legacyIssue(e: WebhookEvent) {
  return e.message(e.payload.str('project_name'), 'legacy_issue', {
    url: e.payload.str('url'),
    level: e.payload.str('level').toUpperCase(),
    message: e.payload.optStr('message') ?? '',
  });
}

export const sentryIntegration = defineIntegration({
  name: 'sentry',
  displayName: 'Sentry',
  category: 'monitoring',
  eventName,
  events: {
    event_exception: exception,
    event_message: message,
    issue_created: issue('issue_created'),
    issue_assigned: issue('issue_assigned'),
    issue_resolved: issue('issue_resolved'),
    issue_ignored: issue('issue_ignored'),
    legacy_issue: legacyIssue,
  },
  verify: anyOf(hmacHeader({ header: 'Sentry-Hook-Signature' }), webhookTokenHeader),
});
