import { defineIntegration, post, WebhookEvent } from '../core/define';

/**
 * Zabbix, through the webhook media type script Zulip documents: one JSON object per alert with
 * `hostname`, `severity`, `status`, `item`, `trigger` and `link`. Topic: the host.
 */
const alert = (e: WebhookEvent) => ({
  hostname: e.payload.str('hostname'),
  severity: e.payload.str('severity'),
  status: e.payload.str('status'),
  item: e.payload.str('item'),
  trigger: e.payload.str('trigger'),
  link: e.payload.str('link'),
});

export const zabbixIntegration = defineIntegration({
  name: 'zabbix',
  displayName: 'Zabbix',
  category: 'monitoring',
  eventName: () => 'alert',
  events: { alert: post((e) => e.payload.str('hostname'), 'alert', alert) },
});
