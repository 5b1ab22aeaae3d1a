import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User groups as Zulip has them: who created a group and when, and groups nested in groups
 * (a subgroup's members count as members of every group above it, for mentions too).
 */
export class UserGroupSubgroups1765000000001 implements MigrationInterface {
  name = 'UserGroupSubgroups1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_groups
        ADD COLUMN creator_id integer REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN date_created timestamptz NOT NULL DEFAULT now();
      CREATE TABLE user_group_subgroups (
        supergroup_id integer NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
        subgroup_id integer NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
        PRIMARY KEY (supergroup_id, subgroup_id),
        CONSTRAINT user_group_subgroups_not_self CHECK (supergroup_id <> subgroup_id)
      );
      CREATE INDEX user_group_subgroups_subgroup ON user_group_subgroups (subgroup_id);
      CREATE INDEX user_group_members_user ON user_group_members (user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS user_group_members_user;
      DROP TABLE IF EXISTS user_group_subgroups;
      ALTER TABLE user_groups DROP COLUMN IF EXISTS date_created, DROP COLUMN IF EXISTS creator_id;
    `);
  }
}
