import { defineIntegration, WebhookEvent } from '../core/define';

/**
 * Splunk's webhook alert action: the saved search's name, a link to its results, and the first
 * result. Topic: the search's name. Missing fields are named as missing, as Zulip does.
 */
function searchAlert(e: WebhookEvent) {
  const search = e.payload.optStr('search_name') ?? 'Missing search_name';
  const result = e.payload.optObj('result');
  return e.message(search, 'alert', {
    search,
    link: e.payload.optStr('results_link'),
    host: result?.optStr('host') ?? 'Missing host',
    source: result?.optStr('source') ?? 'Missing source',
    raw: result?.optStr('_raw') ?? 'Missing _raw',
  });
}

export const splunkIntegration = defineIntegration({
  name: 'splunk',
  displayName: 'Splunk',
  category: 'monitoring',
  eventName: () => 'search_alert',
  events: { search_alert: searchAlert },
});
