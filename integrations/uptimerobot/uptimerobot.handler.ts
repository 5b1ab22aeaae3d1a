import { defineIntegration, WebhookEvent } from '../core/define';

/**
 * UptimeRobot's webhook alert contact, with the JSON body Zulip documents (`monitor_url`,
 * `monitor_friendly_name`, `alert_type_friendly_name`, `alert_details`,
 * `alert_friendly_duration`). The event is the alert type, `up` or `down`; topic: the monitor.
 */
function alert(e: WebhookEvent) {
  const name = e.payload.str('monitor_friendly_name');
  return e.message(name, 'alert', {
    name,
    url: e.payload.str('monitor_url'),
    details: e.payload.str('alert_details'),
    duration: e.payload.str('alert_friendly_duration'),
    up: e.payload.str('alert_type_friendly_name') === 'Up',
  });
}

export const uptimerobotIntegration = defineIntegration({
  name: 'uptimerobot',
  displayName: 'UptimeRobot',
  category: 'monitoring',
  eventName: (e) => e.payload.str('alert_type_friendly_name').toLowerCase(),
  events: { up: alert, down: alert },
});
