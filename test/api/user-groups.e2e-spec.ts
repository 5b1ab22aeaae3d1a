import { Role } from '../../apps/server/src/identity/user.types';
import { makeStream } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, expectNothing, fails, flagsOf, ok, queues, receive } from './api-fixtures';

describe('user groups', () => {
  let server: TestServer;
  let admin: TestUser;
  let moderator: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let guest: TestUser;
  let bot: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    moderator = await server.createUser({ role: Role.Moderator });
    alice = await server.createUser({ fullName: 'Alice Group' });
    bob = await server.createUser({ fullName: 'Bob Group' });
    carol = await server.createUser({ fullName: 'Carol Group' });
    guest = await server.createUser({ role: Role.Guest });
    bot = await createBot(server, alice, 'groupie');
  });
  afterAll(() => server.stop());

  const create = (user: TestUser, name: string, members: number[], extra = {}) =>
    server
      .client(user)
      .post('/user_groups/create', { name, description: `The ${name} team`, members, ...extra });
  const groupIdOf = async (user: TestUser, name: string, members: number[]) =>
    (await ok(create(user, name, members))).group_id as number;

  it('creates a group, lists it, and announces it to everyone in the realm', async () => {
    const [aliceQ, guestQ, botQ] = await queues(server, ['user_group'], alice, guest, bot);
    const body = await ok(create(alice, 'backend', [alice.id, bob.id]));
    const id = body.group_id as number;
    expect(id).toEqual(expect.any(Number));
    const group = {
      id,
      name: 'backend',
      description: 'The backend team',
      members: [alice.id, bob.id].sort((a, b) => a - b),
      direct_subgroup_ids: [],
      is_system_group: false,
      can_mention_group: expect.any(Number),
      creator_id: alice.id,
      date_created: expect.any(Number),
      deactivated: false,
    };
    for (const q of [aliceQ, guestQ, botQ]) {
      expect(await receive(q, 1)).toEqual([
        { type: 'user_group', op: 'add', group, id: expect.any(Number) },
      ]);
    }
    const listed = await ok(server.client(guest).get('/user_groups'));
    const own = (groups: unknown) =>
      (groups as Array<{ is_system_group: boolean }>).filter((g) => !g.is_system_group);
    expect(own(listed.user_groups)).toEqual([group]);
    const state = await ok(
      server.client(carol).post('/register', { fetch_event_types: ['realm_user_groups'] }),
    );
    expect(own(state.realm_user_groups)).toEqual([group]);
  });

  it('refuses guests, duplicate and bad names, unknown users and malformed lists', async () => {
    await fails(create(guest, 'guests-own', [guest.id]), 400, 'Not allowed for guest users');
    await groupIdOf(bob, 'dupe', [bob.id]);
    await fails(create(carol, 'dupe', []), 400, "User group 'dupe' already exists.");
    await fails(create(carol, '  ', []), 400, "User group name can't be empty!");
    await fails(create(carol, 'role:members', []), 400, /cannot start with 'role:'/);
    await fails(create(carol, 'ghosts', [999999]), 400, 'Invalid user ID: 999999');
    await fails(
      server.client(carol).post('/user_groups/create', { name: 'x', description: 'y' }),
      400,
      "Missing 'members' argument",
    );
    await fails(
      server
        .client(carol)
        .post('/user_groups/create', { name: 'x', description: 'y', members: '[1,' }),
      400,
      'Argument "members" is not valid JSON.',
    );
    await fails(create(carol, 'x', ['a'] as unknown as number[]), 400, /Invalid members/);
    // Bots may create groups, as in Zulip.
    await ok(create(bot, 'bot-made', [bot.id]));
  });

  it('lets admins, moderators and members rename it; others get "Insufficient permission"', async () => {
    const id = await groupIdOf(alice, 'renamers', [alice.id]);
    const [bobQ, carolQ] = await queues(server, ['user_group'], bob, carol);
    await ok(server.client(alice).patch(`/user_groups/${id}`, { name: 'renamers-1' }));
    await ok(server.client(moderator).patch(`/user_groups/${id}`, { description: 'Mod was here' }));
    await ok(server.client(admin).patch(`/user_groups/${id}`, { name: 'renamers-2' }));
    for (const q of [bobQ, carolQ]) {
      expect(await receive(q, 3)).toMatchObject([
        { type: 'user_group', op: 'update', group_id: id, data: { name: 'renamers-1' } },
        { type: 'user_group', op: 'update', group_id: id, data: { description: 'Mod was here' } },
        { type: 'user_group', op: 'update', group_id: id, data: { name: 'renamers-2' } },
      ]);
    }
    await fails(
      server.client(bob).patch(`/user_groups/${id}`, { name: 'hijacked' }),
      400,
      'Insufficient permission',
    );
    await fails(server.client(guest).delete(`/user_groups/${id}`), 400, 'Insufficient permission');
    await fails(server.client(alice).patch(`/user_groups/${id}`, {}), 400, 'No new data supplied');
    await fails(
      server.client(alice).patch('/user_groups/999999', { name: 'n' }),
      400,
      'Invalid user group',
    );
    await fails(
      server.client(alice).patch('/user_groups/abc', { name: 'n' }),
      400,
      'Invalid user group',
    );
    await expectNothing(bobQ, carolQ);
  });

  it('adds and removes members with add_members / remove_members events', async () => {
    const id = await groupIdOf(admin, 'frontend', [alice.id]);
    const [carolQ] = await queues(server, ['user_group'], carol);
    await ok(server.client(alice).post(`/user_groups/${id}/members`, { add: [bob.id, carol.id] }));
    await ok(server.client(bob).post(`/user_groups/${id}/members`, { delete: [alice.id] }));
    expect(await receive(carolQ, 2)).toMatchObject([
      { type: 'user_group', op: 'add_members', group_id: id, user_ids: [bob.id, carol.id] },
      { type: 'user_group', op: 'remove_members', group_id: id, user_ids: [alice.id] },
    ]);
    expect((await ok(server.client(guest).get(`/user_groups/${id}/members`))).members).toEqual(
      [bob.id, carol.id].sort((a, b) => a - b),
    );
    expect(
      (await ok(server.client(alice).get(`/user_groups/${id}/members/${bob.id}`)))
        .is_user_group_member,
    ).toBe(true);
    expect(
      (await ok(server.client(alice).get(`/user_groups/${id}/members/${alice.id}`)))
        .is_user_group_member,
    ).toBe(false);

    await fails(
      server.client(bob).post(`/user_groups/${id}/members`, { add: [carol.id] }),
      400,
      `User ${carol.id} is already a member of this group.`,
    );
    await fails(
      server.client(bob).post(`/user_groups/${id}/members`, { delete: [alice.id] }),
      400,
      `There is no member '${alice.id}' in this user group`,
    );
    await fails(
      server.client(bob).post(`/user_groups/${id}/members`, {}),
      400,
      'Nothing to do. Specify at least one of "add" or "delete".',
    );
    // Alice left: she may no longer change the group.
    await fails(
      server.client(alice).post(`/user_groups/${id}/members`, { add: [alice.id] }),
      400,
      'Insufficient permission',
    );
    await fails(server.client(alice).get(`/user_groups/${id}/members/999999`), 400, 'No such user');
    await fails(server.client(alice).get('/user_groups/999999/members'), 400, 'Invalid user group');
    await fails(
      server.client(alice).get('/user_groups/999999/subgroups'),
      400,
      'Invalid user group',
    );
    await fails(
      server.client(alice).get(`/user_groups/${id}/members`, { direct_member_only: 'maybe' }),
      400,
      'Argument "direct_member_only" is not valid JSON.',
    );
    await expectNothing(carolQ);
  });

  it('nests groups: subgroups, recursive members, no cycles', async () => {
    const outer = await groupIdOf(admin, 'engineering', [alice.id]);
    const inner = await groupIdOf(admin, 'sre', [carol.id]);
    const [bobQ] = await queues(server, ['user_group'], bob);
    await ok(server.client(alice).post(`/user_groups/${outer}/subgroups`, { add: [inner] }));
    expect(await receive(bobQ, 1)).toMatchObject([
      { type: 'user_group', op: 'add_subgroups', group_id: outer, direct_subgroup_ids: [inner] },
    ]);
    expect((await ok(server.client(bob).get(`/user_groups/${outer}/subgroups`))).subgroups).toEqual(
      [inner],
    );
    const all = await ok(server.client(bob).get(`/user_groups/${outer}/members`));
    expect(all.members).toEqual([alice.id, carol.id].sort((a, b) => a - b));
    const direct = await ok(
      server.client(bob).get(`/user_groups/${outer}/members`, { direct_member_only: true }),
    );
    expect(direct.members).toEqual([alice.id]);
    expect(
      (await ok(server.client(bob).get(`/user_groups/${outer}/members/${carol.id}`)))
        .is_user_group_member,
    ).toBe(true);

    await fails(
      server.client(admin).post(`/user_groups/${inner}/subgroups`, { add: [outer] }),
      400,
      /supergroup/,
    );
    await fails(
      server.client(admin).post(`/user_groups/${outer}/subgroups`, { add: [outer] }),
      400,
      /supergroup/,
    );
    await fails(
      server.client(admin).post(`/user_groups/${outer}/subgroups`, { add: [inner] }),
      400,
      `User group ${inner} is already a subgroup of this group.`,
    );
    await fails(
      server.client(bob).post(`/user_groups/${outer}/subgroups`, { delete: [inner] }),
      400,
      'Insufficient permission',
    );
    await ok(
      server.client(alice).post(`/user_groups/${outer}/members`, { delete_subgroups: [inner] }),
    );
    expect(await receive(bobQ, 1)).toMatchObject([
      { type: 'user_group', op: 'remove_subgroups', group_id: outer, direct_subgroup_ids: [inner] },
    ]);
    await fails(
      server.client(alice).post(`/user_groups/${outer}/subgroups`, { delete: [inner] }),
      400,
      `User group ${inner} is not a subgroup of this group.`,
    );
  });

  it('deletes a group for admins and members, announcing remove', async () => {
    const id = await groupIdOf(bob, 'short-lived', [bob.id]);
    const [carolQ] = await queues(server, ['user_group'], carol);
    await fails(server.client(carol).delete(`/user_groups/${id}`), 400, 'Insufficient permission');
    await ok(server.client(admin).delete(`/user_groups/${id}`));
    expect(await receive(carolQ, 1)).toEqual([
      { type: 'user_group', op: 'remove', group_id: id, id: expect.any(Number) },
    ]);
    const listed = await ok(server.client(carol).get('/user_groups'));
    expect((listed.user_groups as Array<{ id: number }>).map((g) => g.id)).not.toContain(id);
    await fails(server.client(admin).delete(`/user_groups/${id}`), 400, 'Invalid user group');
  });

  it('@*group* mentions flag every member, nested ones too; @_*group* flags nobody', async () => {
    const stream = await makeStream(server, 'group-talk', [alice, bob, carol, admin]);
    const team = await groupIdOf(admin, 'ops', [bob.id]);
    const nested = await groupIdOf(admin, 'ops-oncall', [carol.id]);
    await ok(server.client(admin).post(`/user_groups/${team}/subgroups`, { add: [nested] }));
    const send = async (content: string) =>
      (
        await ok(
          server.client(alice).post('/messages', {
            type: 'stream',
            to: stream,
            topic: 'pager',
            content,
          }),
        )
      ).id as number;

    const loud = await send('paging @*ops* now');
    expect(await flagsOf(server, bob, loud)).toContain('mentioned');
    expect(await flagsOf(server, carol, loud)).toContain('mentioned');
    expect(await flagsOf(server, admin, loud)).not.toContain('mentioned');

    const quiet = await send('fyi @_*ops*');
    expect(await flagsOf(server, bob, quiet)).not.toContain('mentioned');
    expect(await flagsOf(server, carol, quiet)).not.toContain('mentioned');
  });

  it("refuses a @*group* mention by someone outside the group's can_mention_group", async () => {
    const stream = await makeStream(server, 'mention-rules', [alice, bob, carol, admin]);
    const all = (await ok(server.client(admin).get('/user_groups'))).user_groups as Array<{
      id: number;
      name: string;
    }>;
    const admins = all.find((g) => g.name === 'role:administrators')?.id;
    const leads = await groupIdOf(admin, 'leads', [carol.id]);
    const release = await ok(
      create(admin, 'release', [bob.id], { can_mention_group: admins }),
    ).then((b) => b.group_id as number);
    const post = (user: TestUser, content: string) =>
      server.client(user).post('/messages', { type: 'stream', to: stream, topic: 't', content });
    const refusal = "You are not allowed to mention user group 'release'.";

    await fails(post(alice, 'ship it @*release*'), 400, refusal);
    await fails(
      server
        .client(alice)
        .post('/messages', { type: 'direct', to: [bob.id], content: '@*release*' }),
      400,
      refusal,
    );
    // Nothing was stored: bob has no message mentioning him.
    const bobsMentions = await ok(
      server.client(bob).get('/messages', {
        anchor: 'newest',
        num_before: 10,
        num_after: 0,
        narrow: [{ operator: 'is', operand: 'mentioned' }],
      }),
    );
    expect(
      (bobsMentions.messages as Array<{ content: string }>).map((m) => m.content),
    ).not.toContain(expect.stringContaining('ship it'));
    // A silent mention notifies nobody, so anyone may make it.
    await ok(post(alice, 'fyi @_*release*'));
    // An administrator is in role:administrators.
    const allowed = (await ok(post(admin, 'ship it @*release*'))).id as number;
    expect(await flagsOf(server, bob, allowed)).toContain('mentioned');

    // A named group as the setting: its members (and its subgroups' members) may mention.
    await ok(server.client(admin).patch(`/user_groups/${release}`, { can_mention_group: leads }));
    await ok(post(carol, 'ship it @*release*'));
    await fails(post(admin, 'ship it @*release*'), 400, refusal);
    // An edit that adds the mention is refused the same way.
    const plain = (await ok(post(alice, 'ship it'))).id as number;
    await fails(
      server.client(alice).patch(`/messages/${plain}`, { content: 'ship it @*release*' }),
      400,
      refusal,
    );
    // So is scheduling one.
    await fails(
      server.client(alice).post('/scheduled_messages', {
        type: 'stream',
        to: stream,
        topic: 't',
        content: '@*release*',
        scheduled_delivery_timestamp: Math.floor(Date.now() / 1000) + 3600,
      }),
      400,
      refusal,
    );
  });
});
