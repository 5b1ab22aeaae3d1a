import { defineIntegration, WebhookEvent } from '../core/define';
import { AnomalousPayloadError, Payload } from '../core/payload';
import { timeMention } from '../core/text';

/**
 * Librato alerts (a form field `payload` with the alert, its conditions and the violations per
 * source, or `clear` when it cleared) and chart snapshots (a Slack-style attachment). Topics
 * "Alert <name>" and "Snapshots", as Zulip does.
 */
function eventName(e: WebhookEvent): string {
  if (e.payload.has('attachments')) return 'snapshot';
  if (e.payload.has('clear')) return 'alert_cleared';
  if (e.payload.has('alert')) return 'alert';
  return 'unknown';
}

const alertUrl = (alert: Payload) => `https://metrics.librato.com/alerts#/${alert.num('id')}`;
const alertTopic = (alert: Payload) => `Alert ${alert.str('name')}`;

/** "sum was below 44 by 300s" */
function conditionText(condition: Payload): string {
  const threshold = condition.optNum('threshold');
  const duration = condition.optNum('duration');
  return [
    condition.str('summary_function'),
    'was',
    condition.str('type'),
    ...(threshold === null ? [] : [String(threshold)]),
    ...(duration === null ? [] : [`by ${duration}s`]),
  ].join(' ');
}

function alert(e: WebhookEvent) {
  const alert = e.payload.obj('alert');
  if (!e.payload.has('violations')) {
    throw new AnomalousPayloadError('violations', 'the violations of a triggered alert');
  }
  const conditions = new Map(e.payload.list('conditions').map((c) => [c.num('id'), c]));
  const violations = e.payload
    .keys('violations')
    .flatMap((source) => e.payload.obj('violations').list(source))
    .map((v) => {
      const condition = conditions.get(v.num('condition_violated'));
      return {
        metric: v.str('metric'),
        condition: condition ? conditionText(condition) : 'violated a condition',
        at: timeMention(v.num('recorded_at') * 1000),
      };
    });
  return e.message(alertTopic(alert), 'alert', {
    name: alert.str('name'),
    url: alertUrl(alert),
    runbook: alert.optStr('runbook_url') || null,
    violations,
  });
}

function cleared(e: WebhookEvent) {
  const alert = e.payload.obj('alert');
  return e.message(alertTopic(alert), 'cleared', {
    name: alert.str('name'),
    url: alertUrl(alert),
    at: timeMention(e.payload.num('trigger_time') * 1000),
  });
}

function snapshot(e: WebhookEvent) {
  const attachment = e.payload.list('attachments')[0] ?? e.payload.obj('attachments.0');
  return e.message('Snapshots', 'snapshot', {
    author: attachment.str('author_name'),
    image: attachment.str('image_url'),
    metric: attachment.str('title_link'),
  });
}

export const libratoIntegration = defineIntegration({
  name: 'librato',
  displayName: 'Librato',
  category: 'monitoring',
  eventName,
  events: { alert, alert_cleared: cleared, snapshot },
});
