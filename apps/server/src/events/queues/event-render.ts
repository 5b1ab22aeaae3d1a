import type { MessagePublication, PublishableEvent, ZulipEvent } from '@hub/api/event.types';
import { narrowAccepts, QueueSpec } from './queue-spec';

/** Whether a queue's `event_types`, `narrow` and capabilities let this event through. */
export function queueWants(
  event: PublishableEvent,
  spec: QueueSpec,
  flags: readonly string[],
): boolean {
  if (spec.eventTypes !== null && !spec.eventTypes.includes(event.type)) return false;
  if (event.type === 'message') {
    return narrowAccepts(spec.narrow, event.message, flags, spec.userId);
  }
  if (event.type === 'update_global_notifications') {
    return spec.userSettingsObject !== true;
  }
  if (event.type === 'typing' && event.message_type === 'stream') {
    return spec.streamTypingNotifications;
  }
  return true;
}

/**
 * What decides the form of an event for a queue (besides whether it wants it): queues with equal
 * keys receive identical payloads, so a publication renders once per key, not once per queue.
 */
export function formKey(spec: QueueSpec, flags: readonly string[]): string {
  let form = FORMS.get(spec);
  if (form === undefined) {
    form = `|${+spec.applyMarkdown}${+spec.clientGravatar}${+spec.bulkMessageDeletion}`;
    FORMS.set(spec, form);
  }
  // A publication goes to thousands of queues, most without flags: no new string for those.
  return flags.length === 0 ? form : flags.join(',') + form;
}

/** Each queue's part of its form key, computed once (a queue's spec never changes). */
const FORMS = new WeakMap<QueueSpec, string>();

/**
 * The events a queue that wants this publication receives, in the form its registration asked
 * for: several when an old client needs one `delete_message` per message.
 */
export function renderForQueue(
  event: PublishableEvent,
  spec: QueueSpec,
  flags: readonly string[],
): ZulipEvent[] {
  switch (event.type) {
    case 'message':
      return renderMessage(event, spec, flags);
    case 'update_message':
      return [{ ...event, flags: [...flags] }];
    case 'delete_message': {
      if (spec.bulkMessageDeletion) return [event];
      const { message_ids: ids, ...single } = event;
      return (ids ?? []).map((id) => ({ ...single, message_id: id }));
    }
    default:
      return [event];
  }
}

function renderMessage(
  event: MessagePublication,
  spec: QueueSpec,
  flags: readonly string[],
): ZulipEvent[] {
  const message = spec.applyMarkdown
    ? { ...event.message, content_type: 'text/html' as const }
    : { ...event.message, content: event.raw_content, content_type: 'text/x-markdown' as const };
  if (spec.clientGravatar && event.gravatar_avatar) message.avatar_url = null;
  return [{ type: 'message', message, flags: [...flags] }];
}

/** The JSON text of an event without its id, which the queue prepends: `{"id":N,` + this. */
export function payloadOf(event: ZulipEvent): string {
  return JSON.stringify(event).slice(1);
}

/** Rebuilds the JSON text of a queued event from its id and payload. */
export function withId(id: number, payload: string): string {
  return payload === '}' ? `{"id":${id}}` : `{"id":${id},${payload}`;
}
