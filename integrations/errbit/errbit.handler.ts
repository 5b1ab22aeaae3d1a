import { defineIntegration, post, WebhookEvent } from '../core/define';

/** Errbit's problem notifications (its Airbrake-compatible webhook): topic `{app} / {environment}`. */
const problem = (e: WebhookEvent) => ({
  url: e.payload.str('problem.url'),
  errorClass: e.payload.str('problem.error_class'),
  message: e.payload.str('problem.message'),
});

export const errbitIntegration = defineIntegration({
  name: 'errbit',
  displayName: 'Errbit',
  category: 'monitoring',
  templatesFrom: 'airbrake',
  eventName: () => 'problem',
  events: {
    problem: post(
      (e) => `${e.payload.str('problem.app_name')} / ${e.payload.str('problem.environment')}`,
      'error',
      problem,
    ),
  },
});
