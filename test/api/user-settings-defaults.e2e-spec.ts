import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, expectNothing, fails, ok, queues, receive } from './api-fixtures';

describe('PATCH /realm/user_settings_defaults', () => {
  let server: TestServer;
  let admin: TestUser;
  let alice: TestUser;
  let guest: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    alice = await server.createUser();
    guest = await server.createUser({ role: Role.Guest });
  });
  afterAll(() => server.stop());

  const defaultsOf = async (user: TestUser) =>
    (
      await ok(
        server
          .client(user)
          .post('/register', { fetch_event_types: ['realm_user_settings_defaults'] }),
      )
    ).realm_user_settings_defaults as Record<string, unknown>;

  it("starts from Zulip's defaults; admins change them and every user hears each change", async () => {
    expect(await defaultsOf(alice)).toMatchObject({
      enter_sends: false,
      color_scheme: 1,
      emojiset: 'google',
      web_home_view: 'inbox',
    });
    const [aliceQ, guestQ] = await queues(server, ['realm_user_settings_defaults'], alice, guest);
    await ok(
      server.client(admin).patch('/realm/user_settings_defaults', {
        enter_sends: true,
        color_scheme: 2,
        emojiset: 'text',
      }),
    );
    const expected = [
      { property: 'enter_sends', value: true },
      { property: 'color_scheme', value: 2 },
      { property: 'emojiset', value: 'text' },
    ].map((change) => ({
      type: 'realm_user_settings_defaults',
      op: 'update',
      ...change,
      id: expect.any(Number),
    }));
    expect(await receive(aliceQ, 3)).toEqual(expected);
    expect(await receive(guestQ, 3)).toEqual(expected);
    expect(await defaultsOf(guest)).toMatchObject({
      enter_sends: true,
      color_scheme: 2,
      emojiset: 'text',
      twenty_four_hour_time: false,
    });
    // Users follow the realm's defaults for settings they cannot set one by one; their own
    // choices (the colour scheme, set with PATCH /settings) stay theirs.
    const state = await ok(
      server.client(alice).post('/register', { fetch_event_types: ['user_settings'] }),
    );
    expect(state.user_settings).toMatchObject({
      enter_sends: true,
      color_scheme: 1,
      emojiset: 'text',
      send_read_receipts: true,
    });
    // Setting a value it already has announces nothing.
    await ok(server.client(admin).patch('/realm/user_settings_defaults', { enter_sends: true }));
    await expectNothing(aliceQ);
  });

  it('refuses members, guests and bots, and bad values', async () => {
    const [aliceQ] = await queues(server, ['realm_user_settings_defaults'], alice);
    const before = await defaultsOf(alice);
    const bot = await createBot(server, admin, 'defaultsbot');
    for (const user of [alice, guest, bot]) {
      await fails(
        server.client(user).patch('/realm/user_settings_defaults', { enter_sends: false }),
        403,
        'Must be an organization administrator',
      );
    }
    const patch = (p: Record<string, string | number | boolean>) =>
      server.client(admin).patch('/realm/user_settings_defaults', p);
    await fails(patch({ color_scheme: 9 }), 400, 'Invalid color_scheme');
    await fails(patch({ emojiset: 'apple' }), 400, 'Invalid emojiset');
    await fails(patch({ enter_sends: 'maybe' }), 400, /enter_sends/);
    await fails(patch({ enter_sends: 3 }), 400, 'enter_sends is not a boolean');
    expect(await defaultsOf(alice)).toEqual(before);
    await expectNothing(aliceQ);
  });
});
