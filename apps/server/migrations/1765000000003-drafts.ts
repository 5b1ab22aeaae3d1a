import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafts kept on the server (Zulip's drafts API): addressed to a stream and topic, to users, or
 * to nobody yet.
 */
export class Drafts1765000000003 implements MigrationInterface {
  name = 'Drafts1765000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE drafts (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('', 'stream', 'private')),
        stream_id integer REFERENCES streams(id) ON DELETE CASCADE,
        user_ids integer[] NOT NULL DEFAULT '{}',
        topic text NOT NULL DEFAULT '',
        content text NOT NULL,
        last_edit_time timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT drafts_stream_has_stream CHECK ((type = 'stream') = (stream_id IS NOT NULL))
      );
      CREATE INDEX drafts_user ON drafts (user_id, last_edit_time);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS drafts');
  }
}
