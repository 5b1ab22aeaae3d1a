import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { groupMembersSql } from '../messages/group-members-sql';

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
}

const GROUP_COLUMNS = `g.id, g.realm_id, g.name, g.description, g.creator_id, g.date_created,
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
    group: { name: string; description: string; creatorId: number; members: number[] },
  ): Promise<number | null> {
    let id: number | null = null;
    const created = await unlessNameTaken(async () => {
      const row = await this.db.one<{ id: number }>(
        `WITH g AS (
           INSERT INTO user_groups (realm_id, name, description, creator_id)
           VALUES ($1, $2, $3, $4) RETURNING id
         ), m AS (
           INSERT INTO user_group_members (group_id, user_id)
           SELECT g.id, u FROM g, unnest($5::int[]) AS u ON CONFLICT DO NOTHING
         )
         SELECT id FROM g`,
        [realmId, group.name, group.description, group.creatorId, group.members],
      );
      id = row?.id ?? null;
    });
    return created ? id : null;
  }

  /** False if the new name is taken. */
  update(id: number, changes: { name?: string; description?: string }): Promise<boolean> {
    return unlessNameTaken(() =>
      this.db.execute(
        `UPDATE user_groups SET name = COALESCE($2, name), description = COALESCE($3, description)
         WHERE id = $1`,
        [id, changes.name ?? null, changes.description ?? null],
      ),
    );
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
