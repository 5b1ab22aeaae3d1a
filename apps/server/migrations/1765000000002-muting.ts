import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal muting: a user's policy for a topic (Zulip's UserTopic: 1 muted, 2 unmuted,
 * 3 followed; no row is "inherit") and the users they muted.
 */
export class Muting1765000000002 implements MigrationInterface {
  name = 'Muting1765000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_topics (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        stream_id integer NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
        topic_name text NOT NULL,
        visibility_policy smallint NOT NULL CHECK (visibility_policy BETWEEN 1 AND 3),
        last_updated timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX user_topics_unique ON user_topics (user_id, stream_id, lower(topic_name));
      CREATE TABLE muted_users (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        muted_user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        date_muted timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT muted_users_unique UNIQUE (user_id, muted_user_id)
      );
      CREATE INDEX muted_users_muted ON muted_users (muted_user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS muted_users, user_topics');
  }
}
