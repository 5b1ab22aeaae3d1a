import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { MessageFlag } from './flags';
import { groupMembersSql } from '../user-groups/group-members-sql';
import type { MessageEditRow } from './message.types';
import type { RenderedContent } from './render-content';

export type MentionChange = Pick<
  RenderedContent,
  'mentionedUserIds' | 'mentionedGroupIds' | 'streamWildcardMentioned' | 'topicWildcardMentioned'
>;

export interface ContentChange {
  content: string;
  rendered_content: string;
  has_link: boolean;
  has_image: boolean;
  has_attachment: boolean;
}

@Injectable()
export class EditsRepository {
  constructor(private readonly db: Database) {}

  /** The messages a topic/stream edit of `messageId` reaches under the propagate mode. */
  async propagationTargets(
    messageId: number,
    streamId: number,
    topic: string,
    mode: 'change_one' | 'change_later' | 'change_all',
  ): Promise<number[]> {
    if (mode === 'change_one') return [messageId];
    const rows = await this.db.rows<{ id: number }>(
      `SELECT id FROM messages WHERE stream_id = $1 AND lower(topic) = lower($2)
         ${mode === 'change_later' ? 'AND id >= $3' : 'AND $3::bigint IS NOT NULL'}
       ORDER BY id`,
      [streamId, topic, messageId],
    );
    return rows.map((r) => r.id);
  }

  /** Keeps the versions being replaced, one history row per message, in one statement. */
  async recordEdits(
    ids: number[],
    userId: number,
    change: { content: boolean; topic: string | null; streamId: number | null },
  ): Promise<void> {
    await this.db.execute(
      `INSERT INTO message_edits (message_id, user_id, edited_at, prev_content,
         prev_rendered_content, prev_topic, topic, prev_stream_id, stream_id)
       SELECT m.id, $2, now(),
         CASE WHEN $3::boolean THEN m.content END,
         CASE WHEN $3::boolean THEN m.rendered_content END,
         CASE WHEN $4::text IS NOT NULL THEN m.topic END, $4::text,
         CASE WHEN $5::int IS NOT NULL THEN m.stream_id END, $5::int
       FROM messages m WHERE m.id = ANY($1::bigint[])`,
      [ids, userId, change.content, change.topic, change.streamId],
    );
  }

  async updateContent(id: number, change: ContentChange): Promise<void> {
    await this.db.execute(
      `UPDATE messages SET content = $2, rendered_content = $3, has_link = $4, has_image = $5,
         has_attachment = $6, last_edit_time = now(),
         search_tsvector = to_tsvector('english', topic || ' ' || $2)
       WHERE id = $1`,
      [
        id,
        change.content,
        change.rendered_content,
        change.has_link,
        change.has_image,
        change.has_attachment,
      ],
    );
  }

  async move(ids: number[], topic: string | null, streamId: number | null): Promise<void> {
    await this.db.execute(
      `UPDATE messages SET topic = COALESCE($2, topic), stream_id = COALESCE($3, stream_id),
         last_edit_time = now(),
         search_tsvector = to_tsvector('english', COALESCE($2, topic) || ' ' || content)
       WHERE id = ANY($1::bigint[])`,
      [ids, topic, streamId],
    );
  }

  /** Recomputes the mention flags of an edited message's existing recipients. */
  async updateMentions(id: number, mentions: MentionChange, senderId: number): Promise<void> {
    await this.db.execute(
      `UPDATE user_messages um SET flags = (um.flags & ~${MessageFlag.mentioned | MessageFlag.wildcard_mentioned})
         | (CASE WHEN um.user_id = ANY($2::int[]) OR um.user_id IN ${groupMembersSql('$5')}
            THEN ${MessageFlag.mentioned} ELSE 0 END)
         | (CASE WHEN ($3::boolean OR $6::boolean) AND um.user_id <> $4
            THEN ${MessageFlag.wildcard_mentioned} ELSE 0 END)
       WHERE um.message_id = $1`,
      [
        id,
        mentions.mentionedUserIds,
        mentions.streamWildcardMentioned,
        senderId,
        mentions.mentionedGroupIds,
        mentions.topicWildcardMentioned,
      ],
    );
  }

  /**
   * After a move to another stream: its subscribers get rows (read, since it is not news to
   * them); for a private destination, users who cannot follow lose theirs.
   */
  async reassignRecipients(ids: number[], streamId: number, isPrivate: boolean): Promise<void> {
    await this.db.execute(
      `INSERT INTO user_messages (user_id, message_id, flags)
       SELECT s.user_id, mid, ${MessageFlag.read}
       FROM subscriptions s JOIN users u ON u.id = s.user_id, unnest($1::bigint[]) AS mid
       WHERE s.stream_id = $2 AND s.active AND u.is_active
       ON CONFLICT (user_id, message_id) DO NOTHING`,
      [ids, streamId],
    );
    if (!isPrivate) return;
    await this.db.execute(
      `DELETE FROM user_messages um WHERE um.message_id = ANY($1::bigint[])
         AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.stream_id = $2
           AND s.user_id = um.user_id AND s.active)
         AND um.user_id <> (SELECT sender_id FROM messages WHERE id = um.message_id)`,
      [ids, streamId],
    );
  }

  history(messageId: number): Promise<MessageEditRow[]> {
    return this.db.rows<MessageEditRow>(
      'SELECT * FROM message_edits WHERE message_id = $1 ORDER BY id',
      [messageId],
    );
  }

  async delete(id: number): Promise<void> {
    await this.db.execute('DELETE FROM messages WHERE id = $1', [id]);
  }
}
