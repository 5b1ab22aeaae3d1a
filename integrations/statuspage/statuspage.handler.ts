import { defineIntegration, WebhookEvent } from '../core/define';

/**
 * Statuspage's webhook notifications to subscribers: an `incident` (created or updated) or a
 * `component` status change. Topic `{incident or component name}: {page status}`, as Zulip does.
 */
function eventName(e: WebhookEvent): string {
  if (e.payload.has('incident')) return 'incident';
  if (e.payload.has('component')) return 'component';
  return 'unknown-event';
}

const topicOf = (e: WebhookEvent, name: string) =>
  `${name}: ${e.payload.str('page.status_description')}`;

function incident(e: WebhookEvent) {
  const incident = e.payload.obj('incident');
  const name = incident.str('name');
  const latest = incident.list('incident_updates')[0];
  return e.message(topicOf(e, name), 'incident', {
    name,
    url: incident.optStr('shortlink'),
    state: incident.str('status'),
    update: latest ? latest.str('body') : '',
  });
}

function component(e: WebhookEvent) {
  const name = e.payload.str('component.name');
  return e.message(topicOf(e, name), 'component', {
    name,
    from: e.payload.str('component_update.old_status'),
    to: e.payload.str('component_update.new_status'),
  });
}

export const statuspageIntegration = defineIntegration({
  name: 'statuspage',
  displayName: 'Statuspage',
  category: 'monitoring',
  eventName,
  events: { incident, component },
});
