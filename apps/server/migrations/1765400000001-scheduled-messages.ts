import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled messages (Zulip's scheduled-messages API): kept until their time, then sent once by
 * whichever server process claims the row first (`delivered`), or marked `failed`.
 */
export class ScheduledMessages1765400000001 implements MigrationInterface {
  name = 'ScheduledMessages1765400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scheduled_messages (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        sender_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('stream', 'private')),
        stream_id integer REFERENCES streams(id) ON DELETE CASCADE,
        user_ids integer[] NOT NULL DEFAULT '{}',
        topic text NOT NULL DEFAULT '',
        content text NOT NULL,
        rendered_content text NOT NULL,
        sending_client text NOT NULL DEFAULT 'API',
        read_by_sender boolean,
        scheduled_timestamp timestamptz NOT NULL,
        delivered boolean NOT NULL DEFAULT false,
        failed boolean NOT NULL DEFAULT false,
        failure_message text,
        CONSTRAINT scheduled_messages_stream_has_stream CHECK ((type = 'stream') = (stream_id IS NOT NULL))
      );
      CREATE INDEX scheduled_messages_sender ON scheduled_messages (sender_id, scheduled_timestamp)
        WHERE NOT delivered;
      CREATE INDEX scheduled_messages_due ON scheduled_messages (scheduled_timestamp)
        WHERE NOT delivered AND NOT failed;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS scheduled_messages');
  }
}
