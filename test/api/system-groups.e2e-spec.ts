import type { UserGroup } from '@hub/api/user-group.types';
import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, fails, ok, queues, receive } from './api-fixtures';

type Group = UserGroup;

const ROLE_GROUPS = [
  'role:owners',
  'role:administrators',
  'role:moderators',
  'role:fullmembers',
  'role:members',
  'role:everyone',
  'role:internet',
  'role:nobody',
];

describe("Zulip's role groups (system groups)", () => {
  let server: TestServer;
  let admin: TestUser;
  let moderator: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let guest: TestUser;
  let bot: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    moderator = await server.createUser({ role: Role.Moderator });
    alice = await server.createUser({ fullName: 'Alice Roles' });
    bob = await server.createUser({ fullName: 'Bob Roles' });
    guest = await server.createUser({ role: Role.Guest });
    bot = await createBot(server, alice, 'rolebot');
  }, 120_000);
  afterAll(() => server.stop());

  const groups = async (user: TestUser, host?: string): Promise<Map<string, Group>> => {
    const body = await ok(server.client(user, host).get('/user_groups'));
    return new Map((body.user_groups as Group[]).map((g) => [g.name, g]));
  };

  it('lists the eight role groups as system groups, nested and filled by role', async () => {
    const byName = await groups(guest);
    const system = [...byName.values()].filter((g) => g.is_system_group).map((g) => g.name);
    expect(system.sort()).toEqual([...ROLE_GROUPS].sort());
    const g = (name: string) => byName.get(name)!;
    expect(g('role:owners').members).toEqual([server.owner.id]);
    expect(g('role:administrators').members).toEqual([admin.id]);
    expect(g('role:administrators').direct_subgroup_ids).toEqual([g('role:owners').id]);
    expect(g('role:moderators').members).toEqual([moderator.id]);
    expect(g('role:members').members).toEqual(expect.arrayContaining([alice.id, bob.id, bot.id]));
    expect(g('role:members').members).not.toContain(guest.id);
    expect(g('role:fullmembers').direct_subgroup_ids).toEqual([g('role:moderators').id]);
    expect(g('role:everyone').members).toEqual([guest.id]);
    expect(g('role:everyone').direct_subgroup_ids).toEqual([g('role:members').id]);
    expect(g('role:internet').direct_subgroup_ids).toEqual([g('role:everyone').id]);
    expect(g('role:nobody').members).toEqual([]);
    expect(g('role:owners').description).toBe('Owners of this organization');
    // Nobody may mention a system group.
    expect(g('role:members').can_mention_group).toBe(g('role:nobody').id);
    // Everyone, recursively, is in role:everyone.
    const everyone = await ok(
      server.client(alice).get(`/user_groups/${g('role:everyone').id}/members`),
    );
    expect(everyone.members).toEqual(
      expect.arrayContaining([server.owner.id, admin.id, moderator.id, alice.id, guest.id]),
    );
    const state = await ok(
      server.client(bob).post('/register', { fetch_event_types: ['realm_user_groups'] }),
    );
    expect((state.realm_user_groups as Group[]).find((x) => x.name === 'role:owners')).toEqual(
      expect.objectContaining({ is_system_group: true, members: [server.owner.id] }),
    );
  });

  it('gives a new realm its own role groups', async () => {
    const realm = await server.createRealm('rolesrealm', 'Roles realm');
    const founder = await server.createUser({ role: Role.Owner, realm });
    const byName = await groups(founder, 'rolesrealm.localhost');
    expect([...byName.keys()].sort()).toEqual([...ROLE_GROUPS].sort());
    expect(byName.get('role:owners')!.members).toEqual([founder.id]);
  });

  it('moves a user between role groups when their role changes, and says so', async () => {
    const before = await groups(admin);
    const [watcher] = await queues(server, ['user_group'], guest);
    await ok(server.client(admin).patch(`/users/${bob.id}`, { role: Role.Moderator }));
    const events = await receive(watcher, 3);
    const moderators = before.get('role:moderators')!.id;
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'user_group',
          op: 'add_members',
          group_id: moderators,
          user_ids: [bob.id],
        }),
        expect.objectContaining({
          op: 'remove_members',
          group_id: before.get('role:members')!.id,
          user_ids: [bob.id],
        }),
        expect.objectContaining({
          op: 'remove_members',
          group_id: before.get('role:fullmembers')!.id,
          user_ids: [bob.id],
        }),
      ]),
    );
    const after = await groups(admin);
    expect(after.get('role:moderators')!.members).toContain(bob.id);
    expect(after.get('role:members')!.members).not.toContain(bob.id);
    await ok(server.client(admin).patch(`/users/${bob.id}`, { role: Role.Member }));
    expect((await groups(admin)).get('role:members')!.members).toContain(bob.id);
  });

  it('puts a new user in their role groups and announces it', async () => {
    const byName = await groups(admin);
    const [watcher] = await queues(server, ['realm_user', 'user_group'], alice);
    const newcomer = await server.createUser({ role: Role.Guest });
    const events = await receive(watcher, 2);
    expect(events.map((e) => `${e.type}:${e.op}`)).toEqual([
      'realm_user:add',
      'user_group:add_members',
    ]);
    expect(events[1]).toMatchObject({
      group_id: byName.get('role:everyone')!.id,
      user_ids: [newcomer.id],
    });
  });

  it('does not let a message mention a role group', async () => {
    const sent = await ok(
      server.client(alice).post('/messages', {
        type: 'direct',
        to: JSON.stringify([bob.id]),
        content: 'hello @*role:everyone*',
      }),
    );
    const message = await ok(
      server.client(bob).get(`/messages/${sent.id as number}`, { apply_markdown: true }),
    );
    const flags = (message.message as { flags: string[] }).flags;
    expect(flags).not.toContain('mentioned');
    expect((message.message as { content: string }).content).not.toContain('user-group-mention');
  });

  it('refuses to edit, fill or delete a system group, for admins too', async () => {
    const members = (await groups(admin)).get('role:members')!;
    for (const user of [server.owner, admin, alice, guest, bot]) {
      await fails(
        server.client(user).patch(`/user_groups/${members.id}`, { name: 'renamed' }),
        400,
        'Insufficient permission',
      );
      await fails(
        server.client(user).post(`/user_groups/${members.id}/members`, { add: [guest.id] }),
        400,
        'Insufficient permission',
      );
      await fails(
        server.client(user).delete(`/user_groups/${members.id}`),
        400,
        'Insufficient permission',
      );
    }
    expect((await groups(admin)).get('role:members')!.name).toBe('role:members');
  });

  it('takes can_mention_group as a group id on create and update, with Zulip errors', async () => {
    const byName = await groups(alice);
    const everyone = byName.get('role:everyone')!.id;
    const moderators = byName.get('role:moderators')!.id;
    const created = await ok(
      server.client(alice).post('/user_groups/create', {
        name: 'mentionable',
        description: 'x',
        members: [alice.id],
      }),
    );
    const id = created.group_id as number;
    expect((await groups(alice)).get('mentionable')!.can_mention_group).toBe(everyone);

    const [watcher] = await queues(server, ['user_group'], bob);
    await ok(server.client(alice).patch(`/user_groups/${id}`, { can_mention_group: moderators }));
    expect(await receive(watcher, 1)).toEqual([
      expect.objectContaining({
        type: 'user_group',
        op: 'update',
        group_id: id,
        data: { can_mention_group: moderators },
      }),
    ]);
    expect((await groups(bob)).get('mentionable')!.can_mention_group).toBe(moderators);

    // Only those who may manage the group may change its setting.
    await fails(
      server.client(bob).patch(`/user_groups/${id}`, { can_mention_group: everyone }),
      400,
      'Insufficient permission',
    );
    await fails(
      server.client(alice).patch(`/user_groups/${id}`, {
        can_mention_group: byName.get('role:internet')!.id,
      }),
      400,
      "'can_mention_group' setting cannot be set to 'role:internet' group.",
    );
    await fails(
      server.client(alice).post('/user_groups/create', {
        name: 'owners-only',
        description: 'x',
        members: [],
        can_mention_group: byName.get('role:owners')!.id,
      }),
      400,
      "'can_mention_group' setting cannot be set to 'role:owners' group.",
    );
    await fails(
      server.client(alice).patch(`/user_groups/${id}`, { can_mention_group: 999999 }),
      400,
      'Invalid user group',
    );
    await fails(
      server.client(alice).patch(`/user_groups/${id}`, { can_mention_group: 'mods' }),
      400,
      /can_mention_group/,
    );
    // A group another group's setting names cannot go away underneath it.
    const other = await ok(
      server.client(alice).post('/user_groups/create', {
        name: 'pointer',
        description: 'x',
        members: [alice.id],
        can_mention_group: id,
      }),
    );
    await fails(server.client(alice).delete(`/user_groups/${id}`), 400, /can_mention_group/);
    await ok(server.client(alice).delete(`/user_groups/${other.group_id as number}`));
    await ok(server.client(alice).delete(`/user_groups/${id}`));
  });
});
