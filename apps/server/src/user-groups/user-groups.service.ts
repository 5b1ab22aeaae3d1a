import { Injectable } from '@nestjs/common';
import type { UserGroup } from '@hub/api/user-group.types';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { UsersRepository } from '../identity/users.repository';
import type { User } from '../identity/user.types';
import { toApiUserGroup } from './user-group-format';
import { DEFAULT_CAN_MENTION_GROUP, NOT_ALLOWED_FOR_CAN_MENTION } from './system-groups';
import {
  checkGroupDescription,
  checkGroupName,
  mayManageGroup,
  requireMayCreateGroup,
} from './user-group-rules';
import { UserGroupRow, UserGroupsRepository } from './user-groups.repository';

export interface MembershipChange {
  add?: number[];
  delete?: number[];
  addSubgroups?: number[];
  deleteSubgroups?: number[];
}

const NOTHING_TO_DO = 'Nothing to do. Specify at least one of "add" or "delete".';

/** User groups: who may change them, and the `user_group` events every change announces. */
@Injectable()
export class UserGroupsService {
  constructor(
    private readonly groups: UserGroupsRepository,
    private readonly users: UsersRepository,
    private readonly events: EventPublisher,
    private readonly db: Database,
  ) {}

  async list(realmId: number): Promise<UserGroup[]> {
    return (await this.groups.list(realmId)).map(toApiUserGroup);
  }

  async create(
    actor: User,
    input: {
      name: string;
      description: string;
      members: number[];
      subgroups?: number[];
      can_mention_group?: number;
    },
  ): Promise<number> {
    requireMayCreateGroup(actor);
    const name = checkGroupName(input.name);
    const description = checkGroupDescription(input.description);
    const members = await this.activeUsers(actor.realm_id, input.members);
    const subgroups = unique(input.subgroups ?? []);
    return this.db.transaction(async () => {
      await this.requireFreeName(actor.realm_id, name, null);
      await this.requireGroups(actor.realm_id, subgroups);
      const canMentionGroup =
        input.can_mention_group === undefined
          ? await this.groups.systemGroupId(actor.realm_id, DEFAULT_CAN_MENTION_GROUP)
          : await this.settingGroup(actor.realm_id, 'can_mention_group', input.can_mention_group);
      const id = await this.groups.create(actor.realm_id, {
        name,
        description,
        creatorId: actor.id,
        members,
        canMentionGroup,
      });
      if (id === null) throw nameTaken(name);
      if (subgroups.length > 0) await this.groups.addSubgroups(id, subgroups);
      const created = await this.groups.find(actor.realm_id, id);
      if (!created) throw new Error('created user group vanished');
      await this.events.toRealm(actor.realm_id, {
        type: 'user_group',
        op: 'add',
        group: toApiUserGroup(created),
      });
      return id;
    });
  }

  async update(
    actor: User,
    groupId: number,
    input: { name?: string; description?: string; can_mention_group?: number },
  ): Promise<void> {
    if (
      input.name === undefined &&
      input.description === undefined &&
      input.can_mention_group === undefined
    ) {
      throw ZulipError.badRequest('No new data supplied');
    }
    const name = input.name === undefined ? undefined : checkGroupName(input.name);
    const description =
      input.description === undefined ? undefined : checkGroupDescription(input.description);
    await this.db.transaction(async () => {
      const group = await this.editable(actor, groupId);
      const data: { name?: string; description?: string; can_mention_group?: number } = {};
      if (name !== undefined && name !== group.name) {
        await this.requireFreeName(actor.realm_id, name, group.id);
        data.name = name;
      }
      if (description !== undefined && description !== group.description) {
        data.description = description;
      }
      if (input.can_mention_group !== undefined) {
        const setting = await this.settingGroup(
          actor.realm_id,
          'can_mention_group',
          input.can_mention_group,
        );
        if (setting !== group.can_mention_group) data.can_mention_group = setting;
      }
      if (Object.keys(data).length === 0) return;
      if (!(await this.groups.update(group.id, data))) throw nameTaken(name ?? group.name);
      await this.events.toRealm(actor.realm_id, {
        type: 'user_group',
        op: 'update',
        group_id: group.id,
        data,
      });
    });
  }

  async remove(actor: User, groupId: number): Promise<void> {
    await this.db.transaction(async () => {
      const group = await this.editable(actor, groupId);
      if (await this.groups.usedInSettings(group.id)) {
        throw ZulipError.badRequest(
          "This group is another group's can_mention_group setting; change that first.",
        );
      }
      await this.groups.delete(group.id);
      await this.events.toRealm(actor.realm_id, {
        type: 'user_group',
        op: 'remove',
        group_id: group.id,
      });
    });
  }

  /** `POST /user_groups/{id}/members`: users (and, since Zulip 10, subgroups) in and out. */
  async updateMembers(actor: User, groupId: number, change: MembershipChange): Promise<void> {
    const add = unique(change.add ?? []);
    const remove = unique(change.delete ?? []);
    const addSubgroups = unique(change.addSubgroups ?? []);
    const deleteSubgroups = unique(change.deleteSubgroups ?? []);
    if (add.length + remove.length + addSubgroups.length + deleteSubgroups.length === 0) {
      throw ZulipError.badRequest(NOTHING_TO_DO);
    }
    await this.db.transaction(async () => {
      const group = await this.editable(actor, groupId);
      if (add.length > 0) {
        await this.activeUsers(actor.realm_id, add);
        const already = add.find((id) => group.members.includes(id));
        if (already !== undefined) {
          throw ZulipError.badRequest(`User ${already} is already a member of this group.`);
        }
        await this.groups.addMembers(group.id, add);
        await this.events.toRealm(actor.realm_id, {
          type: 'user_group',
          op: 'add_members',
          group_id: group.id,
          user_ids: add,
        });
      }
      if (remove.length > 0) {
        const missing = remove.find((id) => !group.members.includes(id));
        if (missing !== undefined) {
          throw ZulipError.badRequest(`There is no member '${missing}' in this user group`);
        }
        await this.groups.removeMembers(group.id, remove);
        await this.events.toRealm(actor.realm_id, {
          type: 'user_group',
          op: 'remove_members',
          group_id: group.id,
          user_ids: remove,
        });
      }
      await this.changeSubgroups(actor, group, addSubgroups, deleteSubgroups);
    });
  }

  /** `POST /user_groups/{id}/subgroups`. */
  async updateSubgroups(
    actor: User,
    groupId: number,
    change: { add?: number[]; delete?: number[] },
  ): Promise<void> {
    const add = unique(change.add ?? []);
    const remove = unique(change.delete ?? []);
    if (add.length + remove.length === 0) throw ZulipError.badRequest(NOTHING_TO_DO);
    await this.db.transaction(async () => {
      const group = await this.editable(actor, groupId);
      await this.changeSubgroups(actor, group, add, remove);
    });
  }

  async members(realmId: number, groupId: number, directOnly: boolean): Promise<number[]> {
    const group = await this.visible(realmId, groupId);
    return directOnly ? group.members : this.groups.memberIds(group.id, true);
  }

  async isMember(
    realmId: number,
    groupId: number,
    userId: number,
    directOnly: boolean,
  ): Promise<boolean> {
    const [user] = await this.users.findManyByIds(realmId, [userId]);
    if (!user) throw ZulipError.badRequest('No such user');
    return (await this.members(realmId, groupId, directOnly)).includes(userId);
  }

  async subgroups(realmId: number, groupId: number, directOnly: boolean): Promise<number[]> {
    const group = await this.visible(realmId, groupId);
    return directOnly ? group.direct_subgroup_ids : this.groups.subgroupIds(group.id, true);
  }

  private async changeSubgroups(
    actor: User,
    group: UserGroupRow,
    add: number[],
    remove: number[],
  ): Promise<void> {
    if (add.length > 0) {
      await this.requireGroups(actor.realm_id, add);
      const already = add.find((id) => group.direct_subgroup_ids.includes(id));
      if (already !== undefined) {
        throw ZulipError.badRequest(`User group ${already} is already a subgroup of this group.`);
      }
      const [cycle] = await this.groups.containing(group.id, add);
      if (cycle !== undefined) {
        throw ZulipError.badRequest(
          `User group ${cycle} is already a supergroup of this group; it cannot be its subgroup.`,
        );
      }
      await this.groups.addSubgroups(group.id, add);
      await this.events.toRealm(actor.realm_id, {
        type: 'user_group',
        op: 'add_subgroups',
        group_id: group.id,
        direct_subgroup_ids: add,
      });
    }
    if (remove.length > 0) {
      const missing = remove.find((id) => !group.direct_subgroup_ids.includes(id));
      if (missing !== undefined) {
        throw ZulipError.badRequest(`User group ${missing} is not a subgroup of this group.`);
      }
      await this.groups.removeSubgroups(group.id, remove);
      await this.events.toRealm(actor.realm_id, {
        type: 'user_group',
        op: 'remove_subgroups',
        group_id: group.id,
        direct_subgroup_ids: remove,
      });
    }
  }

  private async visible(realmId: number, groupId: number): Promise<UserGroupRow> {
    const group = await this.groups.find(realmId, groupId);
    if (!group) throw ZulipError.badRequest('Invalid user group');
    return group;
  }

  /** Role groups follow roles: nobody edits, fills or deletes them through the API. */
  private async editable(actor: User, groupId: number): Promise<UserGroupRow> {
    const group = await this.visible(actor.realm_id, groupId);
    if (group.is_system_group || !mayManageGroup(actor, group.members)) {
      throw ZulipError.badRequest('Insufficient permission');
    }
    return group;
  }

  /** The group a permission setting names, or Zulip's error for one it may not name. */
  private async settingGroup(realmId: number, setting: string, id: number): Promise<number> {
    const group = await this.groups.find(realmId, id);
    if (!group) throw ZulipError.badRequest('Invalid user group');
    const refused = NOT_ALLOWED_FOR_CAN_MENTION.find(
      (name) => group.is_system_group && group.name === name,
    );
    if (refused) {
      throw ZulipError.badRequest(`'${setting}' setting cannot be set to '${refused}' group.`);
    }
    return group.id;
  }

  private async requireFreeName(realmId: number, name: string, exceptId: number | null) {
    if (await this.groups.nameTaken(realmId, name, exceptId)) throw nameTaken(name);
  }

  private async requireGroups(realmId: number, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const found = new Set(await this.groups.existing(realmId, ids));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw ZulipError.badRequest('Invalid user group');
  }

  /** The ids, each an active user of the realm, or Zulip's error for the first that is not. */
  private async activeUsers(realmId: number, ids: number[]): Promise<number[]> {
    const wanted = unique(ids);
    const found = await this.users.findManyByIds(realmId, wanted);
    const active = new Set(found.filter((u) => u.is_active).map((u) => u.id));
    const bad = wanted.find((id) => !active.has(id));
    if (bad !== undefined) throw ZulipError.badRequest(`Invalid user ID: ${bad}`);
    return wanted;
  }
}

function nameTaken(name: string): ZulipError {
  return ZulipError.badRequest(`User group '${name}' already exists.`);
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}
