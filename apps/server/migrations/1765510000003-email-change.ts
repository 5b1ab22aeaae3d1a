import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changing one's email with a confirmation link: the link remembers whose address it changes;
 * the realm may turn such changes off for everyone but administrators (Zulip's
 * `email_changes_disabled`).
 */
export class EmailChange1765510000003 implements MigrationInterface {
  name = 'EmailChange1765510000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE confirmations ADD COLUMN user_id integer REFERENCES users(id) ON DELETE CASCADE;
      ALTER TABLE realms ADD COLUMN email_changes_disabled boolean NOT NULL DEFAULT false;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM confirmations WHERE purpose = 'email_change';
      ALTER TABLE confirmations DROP COLUMN IF EXISTS user_id;
      ALTER TABLE realms DROP COLUMN IF EXISTS email_changes_disabled;
    `);
  }
}
