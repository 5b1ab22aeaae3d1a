import { defineIntegration, WebhookEvent } from '../core/define';

/**
 * Freshping's check alerts: a check became unreachable ("Reporting Error") or available again.
 * Topic: the check's name (`Freshping` for the test Freshping sends when the webhook is saved).
 */
const EVENTS: Record<string, string> = {
  'Reporting Error': 'reporting_error',
  Available: 'available',
};

function eventName(e: WebhookEvent): string {
  const state = e.payload.str('webhook_event_data.check_state_name');
  return Object.hasOwn(EVENTS, state) ? EVENTS[state] : state;
}

const isTest = (e: WebhookEvent) =>
  e.payload.str('webhook_event_data.application_name') === 'Webhook test';

function check(e: WebhookEvent) {
  const data = e.payload.obj('webhook_event_data');
  const test = isTest(e);
  return e.message(test ? 'Freshping' : data.str('check_name'), 'check', {
    test,
    url: data.str('request_url'),
    down: data.str('check_state_name') === 'Reporting Error',
    status: data.optNum('http_status_code'),
  });
}

export const freshpingIntegration = defineIntegration({
  name: 'freshping',
  displayName: 'Freshping',
  category: 'monitoring',
  eventName,
  events: { reporting_error: check, available: check },
});
