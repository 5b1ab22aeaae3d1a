import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import type { IntegrationDefinition } from '../core/integration';
import { AnomalousPayloadError } from '../core/payload';

/**
 * Services where the user writes the message (Zapier, IFTTT, Home Assistant): the payload is a
 * topic and a body, by field names each service documents. Each is a short table on top of this;
 * the body is posted as written (Markdown), from shared-generic/templates/message.hbs.
 */
export interface GenericSpec {
  name: string;
  displayName: string;
  /** The fields that may hold the topic, in order of preference (Zulip accepts `topic` or `subject`). */
  topicFields: readonly string[];
  /** The topic when none of `topicFields` is present; without one, a topic is required. */
  defaultTopic?: string;
  /** The field holding the message. */
  contentField: string;
  /** Payloads that are not messages (Zapier's `{"type": "auth"}` check): event → handler. */
  otherEvents?: Record<string, EventHandler>;
  /** Names the event of a payload that is not a message; a message is `message`. */
  eventOf?: (e: WebhookEvent) => string | null;
  parameters?: Record<string, string>;
}

function nonEmpty(e: WebhookEvent, field: string): string | null {
  const value = e.payload.optStr(field);
  return value === null || value.trim() === '' ? null : value.trim();
}

export function defineGenericIntegration(spec: GenericSpec): IntegrationDefinition {
  const topicOf = (e: WebhookEvent): string => {
    for (const field of spec.topicFields) {
      const topic = nonEmpty(e, field);
      if (topic !== null) return topic;
    }
    if (spec.defaultTopic !== undefined) return spec.defaultTopic;
    throw new AnomalousPayloadError(spec.topicFields.join(' or '), 'a non-empty topic');
  };
  const message: EventHandler = (e) => {
    const content = nonEmpty(e, spec.contentField);
    if (content === null) throw new AnomalousPayloadError(spec.contentField, 'a non-empty message');
    return e.message(topicOf(e), 'message', { content });
  };
  return defineIntegration({
    name: spec.name,
    displayName: spec.displayName,
    category: 'other',
    templatesFrom: 'shared-generic',
    eventName: (e) => spec.eventOf?.(e) ?? 'message',
    events: { message, ...spec.otherEvents },
    parameters: spec.parameters,
  });
}
