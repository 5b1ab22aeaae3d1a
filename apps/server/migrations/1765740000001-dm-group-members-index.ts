import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The direct-message conversations a user is in, found by member: register's
 * `recent_private_conversations` starts from them instead of walking the user's whole message
 * history for the direct messages among it.
 */
export class DmGroupMembersIndex1765740000001 implements MigrationInterface {
  name = 'DmGroupMembersIndex1765740000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX direct_message_groups_members ON direct_message_groups USING gin (user_ids)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS direct_message_groups_members`);
  }
}
