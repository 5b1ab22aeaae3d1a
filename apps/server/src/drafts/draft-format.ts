import type { Draft } from '@hub/api/draft.types';
import type { DraftRow } from './drafts.repository';

export function toApiDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    type: row.type,
    to: row.type === 'stream' && row.stream_id !== null ? [row.stream_id] : row.user_ids,
    topic: row.topic,
    content: row.content,
    timestamp: Math.floor(new Date(row.last_edit_time).getTime() / 1000),
  };
}
