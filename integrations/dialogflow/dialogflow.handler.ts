import { defineIntegration, WebhookEvent } from '../core/define';

/**
 * Dialogflow (API v1) fulfillment webhooks: the agent's answer to a query. Zulip sends it as a
 * direct message to the `email` user; here it goes to the URL's stream (topic: the intent, or
 * "Dialogflow") or, without a stream, to the bot's owner.
 */
function answer(e: WebhookEvent) {
  const code = e.payload.num('status.code');
  const topic = e.payload.optStr('result.metadata.intentName') ?? 'Dialogflow';
  if (code !== 200) {
    const details = e.payload.optStr('status.errorDetails') ?? e.payload.str('status.errorType');
    return e.message(topic, 'answer', { text: `${code} - ${details}` });
  }
  const speech =
    e.payload.optStr('result.fulfillment.speech') ||
    e.payload.optStr('alternateResult.fulfillment.speech') ||
    "Dialogflow couldn't process your query.";
  return e.message(topic, 'answer', { text: speech });
}

export const dialogflowIntegration = defineIntegration({
  name: 'dialogflow',
  displayName: 'Dialogflow',
  category: 'other',
  eventName: () => 'query_result',
  events: { query_result: answer },
});
