import { Injectable } from '@nestjs/common';
import { EventPublisher } from '../event-publisher/event-publisher';
import type { User } from '../identity/user.types';
import { SystemGroupName, systemGroupsOf } from './system-groups';
import { UserGroupsRepository } from './user-groups.repository';

type Member = Pick<User, 'id' | 'realm_id' | 'role' | 'is_active'>;

/**
 * Zulip's role groups: created with each realm, and holding each user according to their role.
 * Callers run these inside the transaction that creates the realm or changes the user.
 */
@Injectable()
export class SystemGroupsService {
  constructor(
    private readonly groups: UserGroupsRepository,
    private readonly events: EventPublisher,
  ) {}

  /** The id of the realm's role group `name`. */
  idOf(realmId: number, name: SystemGroupName): Promise<number> {
    return this.groups.systemGroupId(realmId, name);
  }

  /** The role group `id` names in the realm, or undefined when it names no role group there. */
  nameOf(realmId: number, id: number): Promise<SystemGroupName | undefined> {
    return this.groups.systemGroupName(realmId, id);
  }

  createForRealm(realmId: number): Promise<void> {
    return this.groups.createSystemGroups(realmId);
  }

  /** Moves the user into their role's groups and out of the others; announced unless `quiet`. */
  async followRole(user: Member, options: { quiet?: boolean } = {}): Promise<void> {
    const { added, removed } = await this.groups.setSystemGroups(
      user.id,
      systemGroupsOf(user.role),
    );
    if (!options.quiet) await this.announce(user, added, removed);
  }

  /** For a new user, after their `realm_user` add: the role groups they are in. */
  async announceNewMember(user: Member): Promise<void> {
    await this.announce(user, await this.groups.systemGroupsOfUser(user.id), []);
  }

  private async announce(user: Member, added: number[], removed: number[]): Promise<void> {
    // Group members lists leave out deactivated users, so their changes are not news.
    if (!user.is_active) return;
    for (const [op, ids] of [
      ['add_members', added],
      ['remove_members', removed],
    ] as const) {
      for (const groupId of ids) {
        await this.events.toRealm(user.realm_id, {
          type: 'user_group',
          op,
          group_id: groupId,
          user_ids: [user.id],
        });
      }
    }
  }
}
