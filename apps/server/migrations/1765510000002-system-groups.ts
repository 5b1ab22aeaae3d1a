import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Zulip's role groups (`role:owners` ... `role:nobody`) in every realm, marked as system groups,
 * nested as Zulip nests them and holding each user by role; and every group's
 * `can_mention_group` (role:everyone for ordinary groups, role:nobody for system groups). The
 * reference is checked at commit, so a realm import may insert groups in any order.
 */
export class SystemGroups1765510000002 implements MigrationInterface {
  name = 'SystemGroups1765510000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_groups
        ADD COLUMN is_system_group boolean NOT NULL DEFAULT false,
        ADD COLUMN can_mention_group integer REFERENCES user_groups(id) ON DELETE RESTRICT
          DEFERRABLE INITIALLY DEFERRED;
      CREATE INDEX user_groups_can_mention_group ON user_groups (can_mention_group);

      INSERT INTO user_groups (realm_id, name, description, is_system_group)
      SELECT r.id, g.name, g.description, true
      FROM realms r CROSS JOIN (VALUES
        ('role:owners', 'Owners of this organization'),
        ('role:administrators', 'Administrators of this organization, including owners'),
        ('role:moderators', 'Moderators of this organization, including administrators'),
        ('role:fullmembers', 'Members of this organization, not including new accounts'),
        ('role:members', 'Members of this organization, not including guests'),
        ('role:everyone', 'Everyone in this organization, including guests'),
        ('role:internet', 'Everyone on the Internet'),
        ('role:nobody', 'Nobody')
      ) AS g(name, description);

      INSERT INTO user_group_subgroups (supergroup_id, subgroup_id)
      SELECT sup.id, sub.id
      FROM (VALUES
        ('role:administrators', 'role:owners'),
        ('role:moderators', 'role:administrators'),
        ('role:fullmembers', 'role:moderators'),
        ('role:members', 'role:fullmembers'),
        ('role:everyone', 'role:members'),
        ('role:internet', 'role:everyone')
      ) AS e(sup_name, sub_name)
      JOIN user_groups sup ON sup.is_system_group AND sup.name = e.sup_name
      JOIN user_groups sub ON sub.is_system_group AND sub.name = e.sub_name
        AND sub.realm_id = sup.realm_id;

      INSERT INTO user_group_members (group_id, user_id)
      SELECT g.id, u.id
      FROM users u
      JOIN (VALUES
        (100, 'role:owners'), (200, 'role:administrators'), (300, 'role:moderators'),
        (400, 'role:members'), (400, 'role:fullmembers'), (600, 'role:everyone')
      ) AS m(role, name) ON m.role = u.role
      JOIN user_groups g ON g.realm_id = u.realm_id AND g.is_system_group AND g.name = m.name;

      UPDATE user_groups g SET can_mention_group = t.id
      FROM user_groups t
      WHERE t.realm_id = g.realm_id AND t.is_system_group
        AND t.name = CASE WHEN g.is_system_group THEN 'role:nobody' ELSE 'role:everyone' END;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE user_groups SET can_mention_group = NULL;
      DELETE FROM user_groups WHERE is_system_group;
      DROP INDEX IF EXISTS user_groups_can_mention_group;
      ALTER TABLE user_groups
        DROP COLUMN IF EXISTS can_mention_group, DROP COLUMN IF EXISTS is_system_group;
    `);
  }
}
