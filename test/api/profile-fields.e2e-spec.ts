import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, expectNothing, fails, ok, queues, receive } from './api-fixtures';

describe('custom profile fields', () => {
  let server: TestServer;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let guest: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    alice = await server.createUser();
    bob = await server.createUser();
    guest = await server.createUser({ role: Role.Guest });
  });
  afterAll(() => server.stop());

  const fieldsOf = async (user: TestUser) =>
    (await ok(server.client(user).get('/realm/profile_fields'))).custom_fields as Array<{
      id: number;
      name: string;
      order: number;
      type: number;
    }>;

  it('admins create, reorder, edit and delete fields; every user hears of it', async () => {
    const [aliceQ, guestQ] = await queues(server, ['custom_profile_fields'], alice, guest);
    const api = server.client(admin);
    const phone = (
      await ok(
        api.post('/realm/profile_fields', {
          name: 'Phone',
          hint: 'With country code',
          field_type: 1,
        }),
      )
    ).id as number;
    const editor = (
      await ok(
        api.post('/realm/profile_fields', {
          name: 'Editor',
          field_type: 3,
          field_data: { vim: { text: 'Vim', order: '1' }, emacs: { text: 'Emacs', order: '2' } },
        }),
      )
    ).id as number;
    const github = (
      await ok(
        api.post('/realm/profile_fields', { field_type: 7, field_data: { subtype: 'github' } }),
      )
    ).id as number;
    const events = await receive(aliceQ, 3);
    expect(events[2]).toEqual({
      type: 'custom_profile_fields',
      fields: [
        {
          id: phone,
          type: 1,
          order: 1,
          name: 'Phone',
          hint: 'With country code',
          field_data: '',
          display_in_profile_summary: false,
          required: false,
          editable_by_user: true,
        },
        expect.objectContaining({ id: editor, type: 3, order: 2, name: 'Editor' }),
        expect.objectContaining({
          id: github,
          type: 7,
          order: 3,
          name: 'GitHub',
          field_data: '{"subtype":"github"}',
        }),
      ],
      id: expect.any(Number),
    });
    expect(await receive(guestQ, 3)).toHaveLength(3);
    expect(await fieldsOf(guest)).toEqual(events[2].fields);
    const state = await ok(
      server.client(alice).post('/register', { fetch_event_types: ['custom_profile_fields'] }),
    );
    expect(state.custom_profile_fields).toEqual(events[2].fields);
    expect(state.custom_profile_field_types).toMatchObject({ SHORT_TEXT: { id: 1 } });

    await ok(api.patch('/realm/profile_fields', { order: [github, phone, editor] }));
    const reordered = (await receive(aliceQ, 1))[0].fields as Array<{ id: number; order: number }>;
    expect(reordered.map((f) => [f.id, f.order])).toEqual([
      [github, 1],
      [phone, 2],
      [editor, 3],
    ]);
    await ok(api.patch(`/realm/profile_fields/${phone}`, { name: 'Mobile', required: true }));
    expect((await receive(aliceQ, 1))[0].fields).toContainEqual(
      expect.objectContaining({ id: phone, name: 'Mobile', required: true }),
    );
    await ok(api.delete(`/realm/profile_fields/${github}`));
    expect(
      ((await receive(aliceQ, 1))[0].fields as Array<{ id: number }>).map((f) => f.id),
    ).toEqual([phone, editor]);
    expect((await fieldsOf(alice)).map((f) => f.id)).toEqual([phone, editor]);
  });

  it('refuses non-admins and bad field definitions', async () => {
    const [aliceQ] = await queues(server, ['custom_profile_fields'], alice);
    const before = await fieldsOf(admin);
    const bot = await createBot(server, admin, 'fieldbot');
    for (const user of [alice, guest, bot]) {
      await fails(
        server.client(user).post('/realm/profile_fields', { name: 'Shoe size', field_type: 1 }),
        403,
        'Must be an organization administrator',
      );
    }
    await fails(
      server.client(alice).delete(`/realm/profile_fields/${before[0].id}`),
      403,
      'Must be an organization administrator',
    );
    await fails(
      server.client(alice).patch('/realm/profile_fields', { order: before.map((f) => f.id) }),
      403,
      'Must be an organization administrator',
    );
    const api = server.client(admin);
    await fails(
      api.post('/realm/profile_fields', { name: before[0].name.toUpperCase(), field_type: 1 }),
      400,
      'A field with that label already exists.',
    );
    await fails(
      api.post('/realm/profile_fields', { name: 'X', field_type: 42 }),
      400,
      'Invalid field type.',
    );
    await fails(
      api.post('/realm/profile_fields', { name: ' ', field_type: 1 }),
      400,
      'Label cannot be blank.',
    );
    await fails(
      api.post('/realm/profile_fields', { name: 'Pick', field_type: 3, field_data: {} }),
      400,
      'Field must have at least one choice.',
    );
    await fails(
      api.post('/realm/profile_fields', { name: 'Pick', field_type: 3, field_data: '{' }),
      400,
      /not valid JSON/,
    );
    await fails(
      api.patch('/realm/profile_fields', { order: [before[0].id] }),
      400,
      'Invalid order mapping.',
    );
    await fails(api.delete('/realm/profile_fields/999999'), 400, 'Field id 999999 not found.');
    expect(await fieldsOf(admin)).toEqual(before);
    await expectNothing(aliceQ);
  });

  it('users set their own values, checked by type; admins set anyone’s; realm_user events carry them', async () => {
    const api = server.client(admin);
    const fields = {
      nick: (await ok(api.post('/realm/profile_fields', { name: 'Nickname', field_type: 1 }))).id,
      bio: (await ok(api.post('/realm/profile_fields', { name: 'Bio', field_type: 2 }))).id,
      born: (await ok(api.post('/realm/profile_fields', { name: 'Birthday', field_type: 4 }))).id,
      site: (await ok(api.post('/realm/profile_fields', { name: 'Website', field_type: 5 }))).id,
      buddy: (await ok(api.post('/realm/profile_fields', { name: 'Buddy', field_type: 6 }))).id,
      team: (
        await ok(
          api.post('/realm/profile_fields', {
            name: 'Team',
            field_type: 3,
            field_data: { a: { text: 'Apps', order: '1' }, b: { text: 'Backend', order: '2' } },
            editable_by_user: false,
          }),
        )
      ).id,
    } as Record<string, number>;
    const [bobQ, guestQ] = await queues(server, ['realm_user'], bob, guest);
    await ok(
      server.client(alice).patch('/users/me/profile_data', {
        data: [
          { id: fields.nick, value: 'Al' },
          { id: fields.bio, value: 'Likes **tea**' },
          { id: fields.born, value: '1990-05-17' },
          { id: fields.site, value: 'https://alice.example.com' },
          { id: fields.buddy, value: [bob.id] },
        ],
      }),
    );
    const events = await receive(bobQ, 5);
    expect(events).toContainEqual({
      type: 'realm_user',
      op: 'update',
      person: {
        user_id: alice.id,
        custom_profile_field: {
          id: fields.bio,
          value: 'Likes **tea**',
          rendered_value: '<p>Likes <strong>tea</strong></p>',
        },
      },
      id: expect.any(Number),
    });
    expect(events).toContainEqual(
      expect.objectContaining({
        person: {
          user_id: alice.id,
          custom_profile_field: { id: fields.buddy, value: `[${bob.id}]` },
        },
      }),
    );
    expect(await receive(guestQ, 5)).toHaveLength(5);

    // Fields users may not edit, bad values: refused, nothing stored.
    const own = (data: object) => server.client(alice).patch('/users/me/profile_data', { data });
    await fails(
      own([{ id: fields.team, value: 'a' }]),
      400,
      'You are not allowed to change this field. Contact an administrator to update it.',
    );
    await fails(own([{ id: fields.born, value: '1990-02-30' }]), 400, 'Birthday is not a date');
    await fails(
      own([{ id: fields.site, value: 'javascript:alert(1)' }]),
      400,
      'Website is not a URL',
    );
    await fails(own([{ id: fields.nick, value: 'x'.repeat(51) }]), 400, /Nickname is too long/);
    await fails(own([{ id: fields.buddy, value: [999999] }]), 400, 'Invalid user ID: 999999');
    await fails(own([{ id: 999999, value: 'x' }]), 400, 'Field id 999999 not found.');
    await fails(own({ id: fields.nick }), 400, /./);

    // Admins set anyone's values through PATCH /users/{id}; members may not.
    await fails(
      server.client(bob).patch(`/users/${alice.id}`, {
        profile_data: [{ id: fields.nick, value: 'Bob was here' }],
      }),
      403,
      'Must be an organization administrator',
    );
    await ok(api.patch(`/users/${alice.id}`, { profile_data: [{ id: fields.team, value: 'b' }] }));
    await fails(
      api.patch(`/users/${alice.id}`, { profile_data: [{ id: fields.team, value: 'z' }] }),
      400,
      "'z' is not a valid choice for 'Team'.",
    );
    // An empty value clears it.
    await ok(own([{ id: fields.nick, value: '' }]));
    const later = await receive(bobQ, 2);
    expect(later.map((e) => e.person)).toEqual([
      { user_id: alice.id, custom_profile_field: { id: fields.team, value: 'b' } },
      { user_id: alice.id, custom_profile_field: { id: fields.nick, value: null } },
    ]);

    const expected = {
      [fields.bio]: { value: 'Likes **tea**', rendered_value: '<p>Likes <strong>tea</strong></p>' },
      [fields.born]: { value: '1990-05-17' },
      [fields.site]: { value: 'https://alice.example.com' },
      [fields.buddy]: { value: `[${bob.id}]` },
      [fields.team]: { value: 'b' },
    };
    const one = await ok(
      server.client(bob).get(`/users/${alice.id}`, { include_custom_profile_fields: true }),
    );
    expect((one.user as { profile_data: unknown }).profile_data).toEqual(expected);
    const all = await ok(
      server.client(guest).get('/users', { include_custom_profile_fields: true }),
    );
    const listed = (all.members as Array<{ user_id: number; profile_data: unknown }>).find(
      (m) => m.user_id === alice.id,
    );
    expect(listed?.profile_data).toEqual(expected);
    const state = await ok(
      server.client(bob).post('/register', { fetch_event_types: ['realm_user'] }),
    );
    const inState = (state.realm_users as Array<{ user_id: number; profile_data: unknown }>).find(
      (m) => m.user_id === alice.id,
    );
    expect(inState?.profile_data).toEqual(expected);
    expect((await ok(server.client(alice).get('/users/me'))).profile_data).toEqual(expected);
  });
});
