import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which of the server's login methods an organization allows (Zulip's `authentication_methods`):
 * method name → false when the owners turned it off; a method not named stays on.
 */
export class RealmAuthMethods1765610000001 implements MigrationInterface {
  name = 'RealmAuthMethods1765610000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE realms ADD COLUMN authentication_methods jsonb NOT NULL DEFAULT '{}'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE realms DROP COLUMN IF EXISTS authentication_methods`);
  }
}
