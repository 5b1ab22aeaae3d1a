import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The push queue also carries `unregister_all` jobs: when a user is deactivated, their devices
 * are taken off the push bouncer (`push/unregister/all`), retried like notifications while the
 * bouncer is down.
 */
export class PushUnregisterAll1765770000001 implements MigrationInterface {
  name = 'PushUnregisterAll1765770000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE push_notifications DROP CONSTRAINT push_notifications_event_check;
      ALTER TABLE push_notifications ADD CONSTRAINT push_notifications_event_check
        CHECK (event IN ('message', 'remove', 'unregister_all'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM push_notifications WHERE event = 'unregister_all';
      ALTER TABLE push_notifications DROP CONSTRAINT push_notifications_event_check;
      ALTER TABLE push_notifications ADD CONSTRAINT push_notifications_event_check
        CHECK (event IN ('message', 'remove'));
    `);
  }
}
