import { defineIntegration, WebhookEvent } from '../core/define';
import { utcTime } from '../core/text';

/**
 * Papertrail's search alerts: a form whose `payload` field holds the saved search and the log
 * events it matched since the last alert. Topic `logs`, as Zulip posts it.
 */

/** Zulip quotes the first four events, then links to the search for the rest. */
const SHOWN = 4;

function searchAlert(e: WebhookEvent) {
  const search = e.payload.obj('saved_search');
  const events = e.payload.list('events');
  const query = search.str('query');
  return e.message('logs', 'alert', {
    name: search.str('name'),
    url: search.str('html_search_url'),
    count: events.length,
    events: events.slice(0, SHOWN).map((event) => ({
      time: utcTime(event.str('received_at')),
      source: event.str('source_name'),
      query,
      message: event.str('message'),
    })),
    more: events.length > SHOWN,
  });
}

export const papertrailIntegration = defineIntegration({
  name: 'papertrail',
  displayName: 'Papertrail',
  category: 'monitoring',
  eventName: () => 'search_alert',
  events: { search_alert: searchAlert },
});
