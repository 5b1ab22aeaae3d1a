import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which users guests may see (Zulip's `can_access_all_users_group`): everyone (the default), or
 * only the users they share a stream or a conversation with. Stored as the role group's name,
 * which is the same in every realm (its id is not, and would need remapping on import).
 */
export class GuestUserAccess1765630000001 implements MigrationInterface {
  name = 'GuestUserAccess1765630000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE realms ADD COLUMN can_access_all_users_group text NOT NULL DEFAULT 'role:everyone'
        CONSTRAINT realms_can_access_all_users_group
        CHECK (can_access_all_users_group IN ('role:everyone', 'role:members'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE realms DROP COLUMN IF EXISTS can_access_all_users_group;`);
  }
}
