import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { jwsHeader } from '../core/verify';

/**
 * Netlify deploy notifications (Site settings → Build & deploy → Deploy notifications → HTTP POST
 * request). The event is the `X-Netlify-Event` header; the topic is the deployed branch.
 */
const deploy = (e: WebhookEvent) => ({
  name: e.payload.str('name'),
  url: e.payload.str('url'),
  branch: e.payload.str('branch'),
  adminUrl: e.payload.optStr('admin_url'),
});
const branch = (e: WebhookEvent) => e.payload.str('branch');

function state(description: string): EventHandler {
  return (e) => e.message(branch(e), 'deploy', { ...deploy(e), description });
}

export const netlifyIntegration = defineIntegration({
  name: 'netlify',
  displayName: 'Netlify',
  category: 'ci-cd',
  eventHeader: 'X-Netlify-Event',
  events: {
    deploy_building: state('is now building'),
    deploy_created: state('is now ready'),
    deploy_locked: state('is now locked'),
    deploy_unlocked: state('is now unlocked'),
    deploy_failed: (e) =>
      e.message(branch(e), 'deploy-failed', {
        ...deploy(e),
        error: e.payload.optStr('error_message') || 'failed',
      }),
  },
  verify: jwsHeader('X-Webhook-Signature', 'netlify'),
});
