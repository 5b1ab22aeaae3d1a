import { IntegrationDefinition, renderedList, WebhookInput, WebhookOutcome } from './integration';
import { capMessage } from './text';

/**
 * What an integration makes of one delivery: a message, a deliberate no-op, or an event it does
 * not support. Throws AnomalousPayloadError for a payload it cannot read. (The gateway applies
 * only_events/exclude_events and `branches` on top of this.) Every body is kept within Zulip's
 * 10,000 characters here, so no integration can post more.
 */
export function dispatchWebhook(
  integration: IntegrationDefinition,
  input: WebhookInput,
): WebhookOutcome {
  const event = integration.eventName(input);
  if (integration.ignoredEvents.includes(event)) return { kind: 'ignored', event };
  const renderer = Object.hasOwn(integration.events, event) ? integration.events[event] : null;
  if (!renderer) return { kind: 'unsupported', event };
  const messages = renderedList(renderer(input)).map((m) => ({ ...m, body: capMessage(m.body) }));
  if (messages.length === 0) return { kind: 'ignored', event };
  if (messages.length === 1) return { kind: 'message', event, message: messages[0] };
  return { kind: 'messages', event, messages };
}
