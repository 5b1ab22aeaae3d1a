import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { groupMembersSql } from './group-members-sql';
import {
  SYSTEM_CAN_MENTION_GROUP,
  SYSTEM_GROUPS,
  SYSTEM_SUBGROUPS,
  SystemGroupName,
} from './system-groups';

export interface UserGroupRow {
  id: number;
  realm_id: number;
  name: string;
  description: string;
  creator_id: number | null;
  date_created: Date;
  /** Direct members that are active users. */
  members: number[];
  direct_subgroup_ids: number[];
  is_system_group: boolean;
  /** The group whose members may mention this one (set whenever a group is created). */
  can_mention_group: number;
}

const GROUP_COLUMNS = `g.id, g.realm_id, g.name, g.description, g.creator_id, g.date_created,
  g.is_system_group, g.can_mention_group,
  ARRAY(SELECT gm.user_id FROM user_group_members gm JOIN users u ON u.id = gm.user_id
        WHERE gm.group_id = g.id AND u.is_active ORDER BY gm.user_id) AS members,
  ARRAY(SELECT s.subgroup_id FROM user_group_subgroups s
        WHERE s.supergroup_id = g.id ORDER BY s.subgroup_id) AS direct_subgroup_ids`;

/** Groups whose ids are in `$1` and every group nested in them, at any depth. */
const WITH_SUBGROUPS = `WITH RECURSIVE sg(id) AS (
    SELECT unnest($1::int[])
    UNION SELECT s.subgroup_id FROM user_group_subgroups s JOIN sg ON s.supergroup_id = sg.id
  )`;

const UNIQUE_VIOLATION = '23505';

/** Runs `write`; false when it broke the realm's one-name-per-group rule (a concurrent twin). */
async function unlessNameTaken(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === UNIQUE_VIOLATION) return false;
    throw e;
  }
}

/** The SQL of user groups, their members and their subgroups. */
@Injectable()
export class UserGroupsRepository {
  constructor(private readonly db: Database) {}

  /** Every group of the realm with its members and subgroups, in one statement. */
  list(realmId: number): Promise<UserGroupRow[]> {
    return this.db.rows<UserGroupRow>(
      `SELECT ${GROUP_COLUMNS} FROM user_groups g WHERE g.realm_id = $1 ORDER BY g.id`,
      [realmId],
    );
  }

  find(realmId: number, id: number): Promise<UserGroupRow | undefined> {
    return this.db.one<UserGroupRow>(
      `SELECT ${GROUP_COLUMNS} FROM user_groups g WHERE g.realm_id = $1 AND g.id = $2`,
      [realmId, id],
    );
  }

  /** The ids among `ids` that are groups of the realm. */
  async existing(realmId: number, ids: number[]): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      'SELECT id FROM user_groups WHERE realm_id = $1 AND id = ANY($2::int[])',
      [realmId, ids],
    );
    return rows.map((r) => r.id);
  }

  async nameTaken(realmId: number, name: string, exceptId: number | null): Promise<boolean> {
    const row = await this.db.one<{ id: number }>(
      'SELECT id FROM user_groups WHERE realm_id = $1 AND name = $2 AND id IS DISTINCT FROM $3',
      [realmId, name, exceptId],
    );
    return row !== undefined;
  }

  /** Creates the group with its first members; answers its id, or null if the name is taken. */
  async create(
    realmId: number,
    group: {
      name: string;
      description: string;
      creatorId: number;
      members: number[];
      canMentionGroup: number;
    },
  ): Promise<number | null> {
    let id: number | null = null;
    const created = await unlessNameTaken(async () => {
      const row = await this.db.one<{ id: number }>(
        `WITH g AS (
           INSERT INTO user_groups (realm_id, name, description, creator_id, can_mention_group)
           VALUES ($1, $2, $3, $4, $6) RETURNING id
         ), m AS (
           INSERT INTO user_group_members (group_id, user_id)
           SELECT g.id, u FROM g, unnest($5::int[]) AS u ON CONFLICT DO NOTHING
         )
         SELECT id FROM g`,
        [
          realmId,
          group.name,
          group.description,
          group.creatorId,
          group.members,
          group.canMentionGroup,
        ],
      );
      id = row?.id ?? null;
    });
    return created ? id : null;
  }

  /** False if the new name is taken. */
  update(
    id: number,
    changes: { name?: string; description?: string; can_mention_group?: number },
  ): Promise<boolean> {
    return unlessNameTaken(() =>
      this.db.execute(
        `UPDATE user_groups SET name = COALESCE($2, name), description = COALESCE($3, description),
           can_mention_group = COALESCE($4, can_mention_group)
         WHERE id = $1`,
        [id, changes.name ?? null, changes.description ?? null, changes.can_mention_group ?? null],
      ),
    );
  }

  /** The realm's system group of that name (every realm has each). */
  async systemGroupId(realmId: number, name: SystemGroupName): Promise<number> {
    const row = await this.db.one<{ id: number }>(
      'SELECT id FROM user_groups WHERE realm_id = $1 AND is_system_group AND name = $2',
      [realmId, name],
    );
    if (!row) throw new Error(`realm ${realmId} has no system group ${name}`);
    return row.id;
  }

  /** The ids of the realm's system groups named, by name, in one query. */
  async systemGroupIds<N extends SystemGroupName>(
    realmId: number,
    names: readonly N[],
  ): Promise<Record<N, number>> {
    const rows = await this.db.rows<{ id: number; name: N }>(
      'SELECT id, name FROM user_groups WHERE realm_id = $1 AND is_system_group AND name = ANY($2)',
      [realmId, names],
    );
    const ids = Object.fromEntries(rows.map((r) => [r.name, r.id])) as Record<N, number>;
    const missing = names.find((name) => ids[name] === undefined);
    if (missing) throw new Error(`realm ${realmId} has no system group ${missing}`);
    return ids;
  }

  /** The name of the realm's system group with this id, or undefined for any other group. */
  async systemGroupName(realmId: number, id: number): Promise<SystemGroupName | undefined> {
    const row = await this.db.one<{ name: SystemGroupName }>(
      'SELECT name FROM user_groups WHERE realm_id = $1 AND is_system_group AND id = $2',
      [realmId, id],
    );
    return row?.name;
  }

  /** Whether another group's setting (`can_mention_group`) names this group. */
  async usedInSettings(id: number): Promise<boolean> {
    const row = await this.db.one<{ id: number }>(
      'SELECT id FROM user_groups WHERE can_mention_group = $1 AND id <> $1 LIMIT 1',
      [id],
    );
    return row !== undefined;
  }

  /** A new realm's role groups, nested as Zulip nests them; nobody is in them yet. */
  async createSystemGroups(realmId: number): Promise<void> {
    await this.db.execute(
      `INSERT INTO user_groups (realm_id, name, description, is_system_group)
       SELECT $1, g.name, g.description, true
       FROM unnest($2::text[], $3::text[]) AS g(name, description)`,
      [realmId, SYSTEM_GROUPS.map((g) => g.name), SYSTEM_GROUPS.map((g) => g.description)],
    );
    await this.db.execute(
      `INSERT INTO user_group_subgroups (supergroup_id, subgroup_id)
       SELECT sup.id, sub.id FROM unnest($2::text[], $3::text[]) AS e(sup_name, sub_name)
       JOIN user_groups sup ON sup.realm_id = $1 AND sup.is_system_group AND sup.name = e.sup_name
       JOIN user_groups sub ON sub.realm_id = $1 AND sub.is_system_group AND sub.name = e.sub_name`,
      [realmId, SYSTEM_SUBGROUPS.map(([sup]) => sup), SYSTEM_SUBGROUPS.map(([, sub]) => sub)],
    );
    await this.db.execute(
      `UPDATE user_groups SET can_mention_group = (
         SELECT id FROM user_groups WHERE realm_id = $1 AND is_system_group AND name = $2)
       WHERE realm_id = $1 AND is_system_group`,
      [realmId, SYSTEM_CAN_MENTION_GROUP],
    );
  }

  /**
   * Puts the user in exactly the named system groups of their realm (their role's); answers
   * the groups they joined and left.
   */
  async setSystemGroups(
    userId: number,
    names: SystemGroupName[],
  ): Promise<{ added: number[]; removed: number[] }> {
    const rows = await this.db.rows<{ op: 'add' | 'remove'; group_id: number }>(
      `WITH mine AS (
         SELECT g.id, g.name = ANY($2::text[]) AS wanted FROM user_groups g
         JOIN users u ON u.realm_id = g.realm_id
         WHERE u.id = $1 AND g.is_system_group
       ), del AS (
         DELETE FROM user_group_members m USING mine
         WHERE m.user_id = $1 AND m.group_id = mine.id AND NOT mine.wanted
         RETURNING m.group_id
       ), ins AS (
         INSERT INTO user_group_members (group_id, user_id)
         SELECT id, $1 FROM mine WHERE wanted ON CONFLICT DO NOTHING
         RETURNING group_id
       )
       SELECT 'add' AS op, group_id FROM ins
       UNION ALL SELECT 'remove' AS op, group_id FROM del
       ORDER BY 2`,
      [userId, names],
    );
    return {
      added: rows.filter((r) => r.op === 'add').map((r) => r.group_id),
      removed: rows.filter((r) => r.op === 'remove').map((r) => r.group_id),
    };
  }

  /** The system groups the user is a direct member of. */
  async systemGroupsOfUser(userId: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      `SELECT g.id FROM user_group_members m JOIN user_groups g ON g.id = m.group_id
       WHERE m.user_id = $1 AND g.is_system_group ORDER BY g.id`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  async delete(id: number): Promise<void> {
    await this.db.execute('DELETE FROM user_groups WHERE id = $1', [id]);
  }

  async addMembers(groupId: number, userIds: number[]): Promise<void> {
    await this.db.execute(
      `INSERT INTO user_group_members (group_id, user_id)
       SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
      [groupId, userIds],
    );
  }

  async removeMembers(groupId: number, userIds: number[]): Promise<void> {
    await this.db.execute(
      'DELETE FROM user_group_members WHERE group_id = $1 AND user_id = ANY($2::int[])',
      [groupId, userIds],
    );
  }

  /** Active members of the group; with `recursive`, members of its subgroups too. */
  async memberIds(groupId: number, recursive: boolean): Promise<number[]> {
    const source = recursive
      ? groupMembersSql('$1')
      : '(SELECT user_id FROM user_group_members WHERE group_id = ANY($1::int[]))';
    const rows = await this.db.rows<{ id: number }>(
      `SELECT u.id FROM users u WHERE u.is_active AND u.id IN ${source} ORDER BY u.id`,
      [[groupId]],
    );
    return rows.map((r) => r.id);
  }

  /** Subgroups of the group: direct ones, or with `recursive` every one nested below it. */
  async subgroupIds(groupId: number, recursive: boolean): Promise<number[]> {
    const rows = recursive
      ? await this.db.rows<{ id: number }>(
          `${WITH_SUBGROUPS} SELECT id FROM sg WHERE id <> ALL($1::int[]) ORDER BY id`,
          [[groupId]],
        )
      : await this.db.rows<{ id: number }>(
          'SELECT subgroup_id AS id FROM user_group_subgroups WHERE supergroup_id = $1 ORDER BY 1',
          [groupId],
        );
    return rows.map((r) => r.id);
  }

  /** The groups among `candidates` that contain `groupId` at some depth, or are it. */
  async containing(groupId: number, candidates: number[]): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      `WITH RECURSIVE sup(id) AS (
         SELECT $1::int
         UNION SELECT s.supergroup_id FROM user_group_subgroups s JOIN sup ON s.subgroup_id = sup.id
       ) SELECT id FROM sup WHERE id = ANY($2::int[]) ORDER BY id`,
      [groupId, candidates],
    );
    return rows.map((r) => r.id);
  }

  async addSubgroups(groupId: number, subgroupIds: number[]): Promise<void> {
    await this.db.execute(
      `INSERT INTO user_group_subgroups (supergroup_id, subgroup_id)
       SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
      [groupId, subgroupIds],
    );
  }

  async removeSubgroups(groupId: number, subgroupIds: number[]): Promise<void> {
    await this.db.execute(
      'DELETE FROM user_group_subgroups WHERE supergroup_id = $1 AND subgroup_id = ANY($2::int[])',
      [groupId, subgroupIds],
    );
  }
}
