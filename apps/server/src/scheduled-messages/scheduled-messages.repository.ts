import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

export interface ScheduledMessageRow {
  id: number;
  realm_id: number;
  sender_id: number;
  type: 'stream' | 'private';
  stream_id: number | null;
  user_ids: number[];
  topic: string;
  content: string;
  rendered_content: string;
  sending_client: string;
  read_by_sender: boolean | null;
  scheduled_timestamp: Date;
  failed: boolean;
}

/** What a scheduled message holds before it is sent (checked and rendered by the service). */
export interface ScheduledMessageInput {
  type: 'stream' | 'private';
  streamId: number | null;
  userIds: number[];
  topic: string;
  content: string;
  renderedContent: string;
  scheduledTimestamp: Date;
}

const COLUMNS = `id, realm_id, sender_id, type, stream_id, user_ids, topic, content, rendered_content,
  sending_client, read_by_sender, scheduled_timestamp, failed`;

/** The SQL of scheduled messages and of their delivery claims. */
@Injectable()
export class ScheduledMessagesRepository {
  constructor(private readonly db: Database) {}

  /** A user's messages not yet sent (failed ones included), soonest first. */
  listPending(senderId: number): Promise<ScheduledMessageRow[]> {
    return this.db.rows<ScheduledMessageRow>(
      `SELECT ${COLUMNS} FROM scheduled_messages WHERE sender_id = $1 AND NOT delivered
       ORDER BY scheduled_timestamp, id`,
      [senderId],
    );
  }

  findPending(senderId: number, id: number): Promise<ScheduledMessageRow | undefined> {
    return this.db.one<ScheduledMessageRow>(
      `SELECT ${COLUMNS} FROM scheduled_messages
       WHERE sender_id = $1 AND id = $2 AND NOT delivered`,
      [senderId, id],
    );
  }

  create(
    realmId: number,
    senderId: number,
    input: ScheduledMessageInput,
    client: string,
    readBySender: boolean | undefined,
  ): Promise<ScheduledMessageRow> {
    return this.db.one<ScheduledMessageRow>(
      `INSERT INTO scheduled_messages (realm_id, sender_id, type, stream_id, user_ids, topic,
         content, rendered_content, scheduled_timestamp, sending_client, read_by_sender)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       RETURNING ${COLUMNS}`,
      [
        realmId,
        senderId,
        input.type,
        input.streamId,
        input.userIds,
        input.topic,
        input.content,
        input.renderedContent,
        input.scheduledTimestamp,
        client,
        readBySender ?? null,
      ],
    ) as Promise<ScheduledMessageRow>;
  }

  /** Replaces the message's fields and clears an earlier failure; undefined once sent or gone. */
  update(
    senderId: number,
    id: number,
    input: ScheduledMessageInput,
  ): Promise<ScheduledMessageRow | undefined> {
    return this.db.one<ScheduledMessageRow>(
      `UPDATE scheduled_messages SET type = $3, stream_id = $4, user_ids = $5, topic = $6,
         content = $7, rendered_content = $8, scheduled_timestamp = $9, failed = false,
         failure_message = NULL
       WHERE sender_id = $1 AND id = $2 AND NOT delivered
       RETURNING ${COLUMNS}`,
      [
        senderId,
        id,
        input.type,
        input.streamId,
        input.userIds,
        input.topic,
        input.content,
        input.renderedContent,
        input.scheduledTimestamp,
      ],
    );
  }

  async delete(senderId: number, id: number): Promise<boolean> {
    const deleted = await this.db.execute(
      'DELETE FROM scheduled_messages WHERE sender_id = $1 AND id = $2 AND NOT delivered',
      [senderId, id],
    );
    return deleted > 0;
  }

  /**
   * Claims the most overdue message no other process is sending: marked delivered in the
   * caller's transaction, so a rollback (a failed send, a crash) releases it and a commit makes
   * it final. Rows another transaction holds are skipped, never sent twice.
   */
  claimDue(): Promise<ScheduledMessageRow | undefined> {
    return this.db.one<ScheduledMessageRow>(
      `UPDATE scheduled_messages SET delivered = true
       WHERE id = (
         SELECT id FROM scheduled_messages
         WHERE NOT delivered AND NOT failed AND scheduled_timestamp <= now()
         ORDER BY scheduled_timestamp, id
         LIMIT 1
         FOR UPDATE SKIP LOCKED
       )
       RETURNING ${COLUMNS}`,
    );
  }

  /** Marks an unsent message failed; undefined when it was sent, removed or already failed. */
  markFailed(id: number, reason: string): Promise<ScheduledMessageRow | undefined> {
    return this.db.one<ScheduledMessageRow>(
      `UPDATE scheduled_messages SET failed = true, failure_message = $2
       WHERE id = $1 AND NOT delivered AND NOT failed
       RETURNING ${COLUMNS}`,
      [id, reason],
    );
  }
}
