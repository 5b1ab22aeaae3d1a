import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Missed-message emails waiting for their batching period (Zulip's
 * ScheduledMessageNotificationEmail): one row per message and user it is to be mailed to. Kept in
 * the database so a restart neither loses nor repeats one.
 */
export class MissedMessageEmails1765620000001 implements MigrationInterface {
  name = 'MissedMessageEmails1765620000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE missed_message_emails (
        id bigserial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        message_id bigint NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        trigger text NOT NULL,
        scheduled_at timestamptz NOT NULL,
        CONSTRAINT missed_message_emails_unique UNIQUE (user_id, message_id)
      );
      CREATE INDEX missed_message_emails_due ON missed_message_emails (scheduled_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS missed_message_emails');
  }
}
