import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mobile devices a user registered for push notifications (Zulip's PushDeviceToken):
 * kind 1 APNs (with the iOS app id), 2 FCM.
 */
export class PushDeviceTokens1765620000002 implements MigrationInterface {
  name = 'PushDeviceTokens1765620000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE push_device_tokens (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind smallint NOT NULL CHECK (kind IN (1, 2)),
        token text NOT NULL,
        ios_app_id text,
        last_updated timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT push_device_tokens_unique UNIQUE (user_id, kind, token)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS push_device_tokens');
  }
}
