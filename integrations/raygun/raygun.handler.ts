import { defineIntegration, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';
import { utcTime } from '../core/text';

/**
 * Raygun's webhooks: `error_notification` (an error occurred, reoccurred, or a follow-up on one)
 * and `error_activity` (an error's status changed, it was assigned, or commented on), the kind in
 * `eventType`. Topic `test`, as Zulip posts every Raygun message (`topic=` picks a better one).
 */
const NOTIFICATIONS = ['NewErrorOccurred', 'ErrorReoccurred'];
const ACTIVITIES = ['StatusChanged', 'AssignedToUser', 'CommentAdded'];
const TOPIC = 'test';

function eventName(e: WebhookEvent): string {
  const event = e.payload.str('event');
  const kind = e.payload.str('eventType');
  const known =
    event === 'error_notification'
      ? NOTIFICATIONS.includes(kind) || kind.endsWith('FollowUp')
      : event === 'error_activity' && ACTIVITIES.includes(kind);
  return known || !['error_notification', 'error_activity'].includes(event) ? event : kind;
}

/** Raygun's times are UTC, with or without the "Z". */
const time = (iso: string) => utcTime(iso.endsWith('Z') ? iso : `${iso}Z`);

const application = (e: WebhookEvent) => ({
  app: e.payload.str('application.name'),
  appUrl: e.payload.str('application.url'),
});

/** "a9b7d8...33846": an affected user's id, shortened as Zulip does. */
const shortId = (uuid: string) => `${uuid.slice(0, 6)}...${uuid.slice(-5)}`;

function customData(instance: Payload): Array<{ key: string; value: string }> {
  const data = instance.optObj('customData');
  if (!data) return [];
  const raw = data.raw as Record<string, unknown>;
  return Object.keys(raw)
    .sort()
    .map((key) => {
      const value = raw[key];
      return { key, value: typeof value === 'string' ? value : JSON.stringify(value) };
    });
}

function notification(e: WebhookEvent) {
  const kind = e.payload.str('eventType');
  const error = e.payload.obj('error');
  const instance = NOTIFICATIONS.includes(kind) ? error.obj('instance') : null;
  const user = instance?.optObj('affectedUser');
  return e.message(TOPIC, 'notification', {
    url: error.str('url'),
    isNew: kind === 'NewErrorOccurred',
    reoccurred: kind === 'ErrorReoccurred',
    // "HourlyFollowUp" → "Hourly", "FiveMinuteFollowUp" → "Five minute".
    followUp: instance
      ? null
      : kind === 'HourlyFollowUp'
        ? 'Hourly'
        : `${kind.replace(/MinuteFollowUp$/, '')} minute`,
    message: error.str('message'),
    first: time(error.str('firstOccurredOn')),
    last: time(error.str('lastOccurredOn')),
    users: error.num('usersAffected'),
    occurrences: error.num('totalOccurrences'),
    tags: instance?.has('tags') ? instance.strList('tags').join(', ') : null,
    affectedUser: user ? shortId(user.str('UUID')) : null,
    custom: instance ? customData(instance) : [],
    ...application(e),
  });
}

function activity(e: WebhookEvent) {
  const kind = e.payload.str('eventType');
  const error = e.payload.obj('error');
  return e.message(TOPIC, 'activity', {
    url: error.str('url'),
    user: error.str('user'),
    status: kind === 'StatusChanged' ? error.str('status') : null,
    assignedTo: kind === 'AssignedToUser' ? error.str('assignedTo') : null,
    comment: kind === 'CommentAdded' ? error.str('comment') : null,
    time: time(error.str('activityDate')),
    ...application(e),
  });
}

export const raygunIntegration = defineIntegration({
  name: 'raygun',
  displayName: 'Raygun',
  category: 'monitoring',
  eventName,
  events: { error_notification: notification, error_activity: activity },
});
