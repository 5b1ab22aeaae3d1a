import { defineIntegration, WebhookEvent } from '../core/define';
import { utcTime } from '../core/text';

/** Insping's website state changes. Topic `insping`, as Zulip posts them. */
function stateChange(e: WebhookEvent) {
  const data = e.payload.obj('webhook_event_data');
  return e.message('insping', 'state_change', {
    state: data.str('check_state_name'),
    url: data.str('request_url'),
    responseTime: data.num('response_time'),
    time: utcTime(data.str('request_start_time')),
  });
}

export const inspingIntegration = defineIntegration({
  name: 'insping',
  displayName: 'Insping',
  category: 'monitoring',
  eventName: () => 'state_change',
  events: { state_change: stateChange },
});
