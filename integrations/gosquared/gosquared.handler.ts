import { defineIntegration, WebhookEvent } from '../core/define';

/**
 * GoSquared's webhooks: traffic alerts (`concurrents` and `siteDetails`) and live chat messages
 * (`message` and `person`). The payload has no event field: the event is told by its shape.
 */
function eventName(e: WebhookEvent): string {
  if (e.payload.has('concurrents') && e.payload.has('siteDetails.acct')) return 'traffic_spike';
  if (e.payload.has('message') && e.payload.has('person')) return 'chat_message';
  return 'unknown_event';
}

function trafficSpike(e: WebhookEvent) {
  const domain = e.payload.str('siteDetails.domain');
  return e.message(`GoSquared - ${domain}`, 'traffic_spike', {
    domain,
    url: `https://www.gosquared.com/now/${e.payload.str('siteDetails.acct')}`,
    visitors: e.payload.num('concurrents'),
  });
}

function chatMessage(e: WebhookEvent) {
  // Private messages (an agent's notes) are not posted, as on Zulip.
  if (e.payload.bool('message.private')) return null;
  return e.message(
    `Live chat session - ${e.payload.str('message.session.title')}`,
    'chat_message',
    {
      status: e.payload.str('person.status'),
      name: e.payload.optStr('person._anon.name') ?? e.payload.optStr('person.name') ?? 'someone',
      content: e.payload.str('message.content'),
    },
  );
}

export const gosquaredIntegration = defineIntegration({
  name: 'gosquared',
  displayName: 'GoSquared',
  category: 'monitoring',
  eventName,
  events: { traffic_spike: trafficSpike, chat_message: chatMessage },
});
