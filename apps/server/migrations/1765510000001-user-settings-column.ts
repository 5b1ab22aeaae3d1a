import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal settings of Zulip's `PATCH /settings` that have no column of their own (the
 * notification settings): only what the user changed is stored; the rest follows the realm's
 * defaults for new users.
 */
export class UserSettingsColumn1765510000001 implements MigrationInterface {
  name = 'UserSettingsColumn1765510000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN IF EXISTS settings');
  }
}
