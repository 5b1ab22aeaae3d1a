import { defineIntegration, WebhookEvent } from '../core/define';

/**
 * Pingdom's state-change webhooks: one check changed state (UP, DOWN). The event is the check
 * type; topic `{check name} status.`, as Zulip names it.
 */
const CHECK_TYPES = [
  'HTTP',
  'HTTP_CUSTOM',
  'HTTPS',
  'SMTP',
  'POP3',
  'IMAP',
  'PING',
  'DNS',
  'UDP',
  'PORT_TCP',
];

function stateChange(e: WebhookEvent) {
  const previous = e.payload.str('previous_state');
  const current = e.payload.str('current_state');
  return e.message(`${e.payload.str('check_name')} status.`, 'state_change', {
    host: e.payload.str('check_params.hostname'),
    url: e.payload.optStr('check_params.full_url'),
    type: e.payload.str('check_type'),
    previous,
    current,
    // Zulip quotes the reason only when a check goes down.
    reason: previous === 'UP' && current === 'DOWN' ? e.payload.str('long_description') : null,
  });
}

export const pingdomIntegration = defineIntegration({
  name: 'pingdom',
  displayName: 'Pingdom',
  category: 'monitoring',
  eventField: 'check_type',
  events: Object.fromEntries(CHECK_TYPES.map((type) => [type, stateChange])),
});
