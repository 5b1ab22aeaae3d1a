import { defineIntegration, post, WebhookEvent } from '../core/define';

/** Airbrake's error notifications: one error group, topic its project's name. */
const error = (e: WebhookEvent) => ({
  url: e.payload.str('airbrake_error_url'),
  errorClass: e.payload.str('error.error_class'),
  message: e.payload.str('error.error_message'),
});

export const airbrakeIntegration = defineIntegration({
  name: 'airbrake',
  displayName: 'Airbrake',
  category: 'monitoring',
  eventName: () => 'error',
  events: { error: post((e) => e.payload.str('error.project.name'), 'error', error) },
});
