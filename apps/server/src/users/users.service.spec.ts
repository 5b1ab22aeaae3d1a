import type { AppConfig } from '@hub/config';
import type { RateLimiter } from '../common/rate-limiter';
import type { Database } from '../database/database.service';
import type { EventPublisher } from '../event-publisher/event-publisher';
import { user } from '../identity/identity.fixture';
import type { PasswordPolicy } from '../identity/password-policy';
import { Role, type User } from '../identity/user.types';
import type { UsersRepository } from '../identity/users.repository';
import type { PushDevicesService } from '../push-devices/push-devices.service';
import type { RealmsService } from '../realms/realms.service';
import type { SessionsService } from '../sessions/sessions.service';
import type { SubscriptionsService } from '../streams/subscriptions.service';
import type { SystemGroupsService } from '../user-groups/system-groups.service';
import type { UserSettingsDefaultsService } from '../user-settings-defaults/user-settings-defaults.service';
import { UsersService } from './users.service';

/** Who may change roles, deactivate and reactivate whom: the rules, with the repositories faked. */

interface Published {
  realmId: number;
  event: { type: string; op: string; person?: Record<string, unknown> };
}

/** The service over an in-memory realm of `people`; records published events and ended sessions. */
function realmOf(people: User[]) {
  const rows = new Map(people.map((p) => [p.id, { ...p }]));
  const published: Published[] = [];
  const endedSessions: number[] = [];
  const toldDirectly: Array<{ userIds: number[]; event: Published['event'] }> = [];
  const repository = {
    findById: async (id: number) => rows.get(id) ?? null,
    update: async (id: number, changes: Partial<User>) => {
      const updated = { ...rows.get(id)!, ...changes };
      rows.set(id, updated);
      return updated;
    },
    countActiveOwners: async () =>
      [...rows.values()].filter((u) => u.is_active && u.role === Role.Owner).length,
    deactivateBotsOwnedBy: async (ownerId: number) => {
      const bots = [...rows.values()].filter((u) => u.is_bot && u.bot_owner_id === ownerId);
      for (const bot of bots) rows.set(bot.id, { ...bot, is_active: false });
      return bots;
    },
  };
  const events = {
    toRealm: async (realmId: number, event: Published['event']) =>
      void published.push({ realmId, event }),
    // Who may see the user is the audience query's business (test/security/guests.e2e-spec.ts).
    toRealmSeeing: async (realmId: number, _subjectId: number, event: Published['event']) =>
      void published.push({ realmId, event }),
    toAdminsAnd: async (realmId: number, _extra: number[], event: Published['event']) =>
      void published.push({ realmId, event }),
    toUsers: async (userIds: number[], event: Published['event']) =>
      void toldDirectly.push({ userIds, event }),
  };
  const sessions = { endAllFor: async (id: number) => void endedSessions.push(id) };
  const forgottenDevices: number[] = [];
  const pushDevices = { forgetAllOf: async (id: number) => void forgottenDevices.push(id) };
  const rolesFollowed: Array<{ id: number; role: Role }> = [];
  const systemGroups = {
    followRole: async (u: User) => void rolesFollowed.push({ id: u.id, role: u.role }),
  };
  const db = { transaction: <T>(work: () => Promise<T>) => work() };
  const service = new UsersService(
    repository as unknown as UsersRepository,
    {} as PasswordPolicy,
    db as unknown as Database,
    {} as RealmsService,
    events as unknown as EventPublisher,
    {} as SubscriptionsService,
    sessions as unknown as SessionsService,
    {} as UserSettingsDefaultsService,
    systemGroups as unknown as SystemGroupsService,
    {} as RateLimiter,
    pushDevices as unknown as PushDevicesService,
    {} as AppConfig,
  );
  const row = (u: User) => rows.get(u.id)!;
  return { service, published, endedSessions, forgottenDevices, toldDirectly, row, rolesFollowed };
}

describe('UsersService: roles', () => {
  it('lets an administrator make a member a moderator, and announces it', async () => {
    const [admin, member] = [user({ role: Role.Administrator }), user()];
    const { service, published, row, rolesFollowed } = realmOf([admin, member]);
    await service.updateByAdmin(admin, member, { role: Role.Moderator });
    expect(row(member).role).toBe(Role.Moderator);
    expect(rolesFollowed).toEqual([{ id: member.id, role: Role.Moderator }]);
    expect(published).toEqual([
      {
        realmId: 1,
        event: expect.objectContaining({
          type: 'realm_user',
          op: 'update',
          person: expect.objectContaining({ user_id: member.id, role: Role.Moderator }),
        }),
      },
    ]);
  });

  it('keeps members from changing roles, and administrators from touching ownership', async () => {
    const [owner, admin, member] = [
      user({ role: Role.Owner }),
      user({ role: Role.Administrator }),
      user(),
    ];
    const { service, row } = realmOf([owner, admin, member]);
    await expect(service.updateByAdmin(member, admin, { role: Role.Member })).rejects.toMatchObject(
      { status: 403 },
    );
    await expect(service.updateByAdmin(admin, member, { role: Role.Owner })).rejects.toThrow(
      'Must be an organization owner',
    );
    await expect(service.updateByAdmin(admin, owner, { role: Role.Member })).rejects.toThrow(
      'Must be an organization owner',
    );
    expect([row(owner).role, row(admin).role, row(member).role]).toEqual([
      Role.Owner,
      Role.Administrator,
      Role.Member,
    ]);
  });

  it('never demotes the only owner, and never makes a bot an owner', async () => {
    const owner = user({ role: Role.Owner });
    const bot = user({ is_bot: true, bot_owner_id: owner.id });
    const { service } = realmOf([owner, bot]);
    await expect(
      service.updateByAdmin(owner, owner, { role: Role.Administrator }),
    ).rejects.toMatchObject({ code: 'CANNOT_DEACTIVATE_LAST_USER' });
    await expect(service.updateByAdmin(owner, bot, { role: Role.Owner })).rejects.toThrow(
      'Bots cannot be organization owners.',
    );
  });
});

describe('UsersService: deactivation', () => {
  it("deactivates a member with their bots, ends the member's sessions and forgets their phones", async () => {
    const [admin, member] = [user({ role: Role.Administrator }), user()];
    const bot = user({ is_bot: true, bot_owner_id: member.id });
    const { service, row, endedSessions, forgottenDevices, published, toldDirectly } = realmOf([
      admin,
      member,
      bot,
    ]);
    await service.deactivate(admin, member);
    expect([row(member).is_active, row(bot).is_active]).toEqual([false, false]);
    expect(endedSessions).toEqual([member.id]);
    expect(forgottenDevices).toEqual([member.id]);
    expect(published.map((p) => p.event.op)).toEqual(['update', 'update', 'remove']);
    // The member's own open clients (no longer in the realm's audience) hear it too, and sign out.
    expect(toldDirectly).toEqual([
      {
        userIds: [member.id],
        event: {
          type: 'realm_user',
          op: 'update',
          person: { user_id: member.id, is_active: false },
        },
      },
    ]);
  });

  it('lets only administrators deactivate, only owners deactivate an owner, never the last', async () => {
    const [owner, admin, member] = [
      user({ role: Role.Owner }),
      user({ role: Role.Administrator }),
      user(),
    ];
    const { service, row } = realmOf([owner, admin, member]);
    await expect(service.deactivate(member, admin)).rejects.toMatchObject({ status: 403 });
    await expect(service.deactivate(admin, owner)).rejects.toThrow('Must be an organization owner');
    await expect(service.deactivate(owner, owner)).rejects.toMatchObject({
      code: 'CANNOT_DEACTIVATE_LAST_USER',
    });
    expect([row(owner).is_active, row(admin).is_active]).toEqual([true, true]);
  });

  it('reactivates a bot only while its owner is active', async () => {
    const [admin, owner] = [user({ role: Role.Administrator }), user({ is_active: false })];
    const bot = user({ is_bot: true, bot_owner_id: owner.id, is_active: false });
    const { service, row } = realmOf([admin, owner, bot]);
    await expect(service.reactivate(admin, bot)).rejects.toThrow(
      "This bot's owner is deactivated; reactivate the owner first.",
    );
    await service.reactivate(admin, row(owner));
    await service.reactivate(admin, row(bot));
    expect(row(bot).is_active).toBe(true);
  });
});
