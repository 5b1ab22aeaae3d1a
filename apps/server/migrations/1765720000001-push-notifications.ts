import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mobile push notifications through Zulip's push bouncer: the notifications waiting to be posted
 * (one row per user and notification; a "remove" carries the messages read), kept in the
 * database so a restart or a bouncer that is down loses none; the messages whose notification
 * is on a user's devices (Zulip's active_mobile_push_notification flag), so reading them takes
 * it off; and the stable UUIDs the bouncer knows users and realms by (`user_uuid`, `realm_uuid`).
 */
export class PushNotifications1765720000001 implements MigrationInterface {
  name = 'PushNotifications1765720000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN uuid uuid NOT NULL DEFAULT gen_random_uuid();
      ALTER TABLE realms ADD COLUMN uuid uuid NOT NULL DEFAULT gen_random_uuid();
      CREATE TABLE push_notifications (
        id bigserial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        event text NOT NULL CHECK (event IN ('message', 'remove')),
        message_ids bigint[] NOT NULL,
        trigger text,
        attempts integer NOT NULL DEFAULT 0,
        scheduled_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX push_notifications_due ON push_notifications (scheduled_at);
      CREATE TABLE push_notified_messages (
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        message_id bigint NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, message_id)
      );
      CREATE INDEX push_notified_messages_message ON push_notified_messages (message_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS push_notified_messages;
      DROP TABLE IF EXISTS push_notifications;
      ALTER TABLE realms DROP COLUMN IF EXISTS uuid;
      ALTER TABLE users DROP COLUMN IF EXISTS uuid;
    `);
  }
}
