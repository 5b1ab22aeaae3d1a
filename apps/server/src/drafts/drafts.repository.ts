import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { DraftInput } from './draft-rules';

export interface DraftRow {
  id: number;
  type: '' | 'stream' | 'private';
  stream_id: number | null;
  user_ids: number[];
  topic: string;
  content: string;
  last_edit_time: Date;
}

const COLUMNS = 'id, type, stream_id, user_ids, topic, content, last_edit_time';

/** The SQL of a user's drafts. */
@Injectable()
export class DraftsRepository {
  constructor(private readonly db: Database) {}

  list(userId: number): Promise<DraftRow[]> {
    return this.db.rows<DraftRow>(
      `SELECT ${COLUMNS} FROM drafts WHERE user_id = $1 ORDER BY last_edit_time, id`,
      [userId],
    );
  }

  /** Stores all the drafts in one statement; answers them in the order given. */
  async create(userId: number, drafts: DraftInput[]): Promise<DraftRow[]> {
    const rows = await this.db.rows<DraftRow>(
      `INSERT INTO drafts (user_id, type, stream_id, user_ids, topic, content, last_edit_time)
       SELECT $1, d.value->>'type', (d.value->>'stream_id')::int,
         ARRAY(SELECT jsonb_array_elements_text(d.value->'user_ids')::int),
         d.value->>'topic', d.value->>'content', (d.value->>'last_edit_time')::timestamptz
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS d(value, n)
       ORDER BY d.n
       RETURNING ${COLUMNS}`,
      [userId, JSON.stringify(drafts.map(toRecord))],
    );
    // Ids are handed out in insertion order, which is the order given.
    return rows.sort((a, b) => a.id - b.id);
  }

  /** The updated draft, or undefined when the user has no draft with this id. */
  update(userId: number, id: number, draft: DraftInput): Promise<DraftRow | undefined> {
    return this.db.one<DraftRow>(
      `UPDATE drafts SET type = $3, stream_id = $4, user_ids = $5, topic = $6, content = $7,
         last_edit_time = $8
       WHERE user_id = $1 AND id = $2
       RETURNING ${COLUMNS}`,
      [
        userId,
        id,
        draft.type,
        draft.streamId,
        draft.userIds,
        draft.topic,
        draft.content,
        draft.lastEditTime,
      ],
    );
  }

  async delete(userId: number, id: number): Promise<boolean> {
    return (
      (await this.db.execute('DELETE FROM drafts WHERE user_id = $1 AND id = $2', [userId, id])) > 0
    );
  }
}

function toRecord(d: DraftInput) {
  return {
    type: d.type,
    stream_id: d.streamId,
    user_ids: d.userIds,
    topic: d.topic,
    content: d.content,
    last_edit_time: d.lastEditTime.toISOString(),
  };
}
