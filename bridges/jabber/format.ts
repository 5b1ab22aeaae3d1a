import type { BridgeMessage } from '../core/types';

export interface RoomFormat {
  /** For messages in the room's own topic (its subject). */
  message: string;
  /** For messages in any other topic of the stream. */
  otherTopic: string;
}

export const DEFAULT_ROOM_FORMAT: RoomFormat = {
  message: '<{name}> {text}',
  otherTopic: '[{topic}] <{name}> {text}',
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(name|topic|text)\}/g, (_, key: string) => values[key] ?? '');
}

/**
 * The body a chat message gets in a room: the bridge speaks for many people, so each line says
 * who wrote it and, when it is not the room's own topic, which topic it belongs to. The room's
 * own topic is the one its messages go to on chat: the mapped topic of a one-topic room, else the
 * room's subject, else the default topic.
 */
export function formatForRoom(
  message: BridgeMessage,
  ownTopic: string | undefined,
  format: RoomFormat = DEFAULT_ROOM_FORMAT,
): string {
  const topic = message.topic ?? '';
  const inRoomTopic = topic === '' || topic.toLowerCase() === (ownTopic ?? '').toLowerCase();
  const isAction = message.kind === 'action' || message.text.startsWith('/me ');
  const text = message.text.startsWith('/me ') ? message.text.slice(4) : message.text;
  if (isAction) {
    return inRoomTopic
      ? `* ${message.sender.name} ${text}`
      : `[${topic}] * ${message.sender.name} ${text}`;
  }
  return fill(inRoomTopic ? format.message : format.otherTopic, {
    name: message.sender.name,
    topic,
    text,
  });
}
