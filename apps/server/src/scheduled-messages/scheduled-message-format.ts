import type { ScheduledMessage } from '@hub/api/scheduled-message.types';
import type { ScheduledMessageRow } from './scheduled-messages.repository';

export function toApiScheduledMessage(row: ScheduledMessageRow): ScheduledMessage {
  const common = {
    scheduled_message_id: row.id,
    content: row.content,
    rendered_content: row.rendered_content,
    scheduled_delivery_timestamp: Math.floor(new Date(row.scheduled_timestamp).getTime() / 1000),
    failed: row.failed,
  };
  if (row.type === 'stream' && row.stream_id !== null) {
    return { ...common, type: 'stream', to: row.stream_id, topic: row.topic };
  }
  return { ...common, type: 'private', to: row.user_ids };
}
