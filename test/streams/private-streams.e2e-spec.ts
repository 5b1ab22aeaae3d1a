import { StreamsService } from '../../apps/server/src/streams/streams.service';
import { UsersRepository } from '../../apps/server/src/identity/users.repository';
import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, expectError, expectSuccess, streamNames, subscribe } from './stream-helpers';

/**
 * The security model: a non-subscriber (admins included) cannot see, read, post to or join a
 * private stream; any subscriber may add others; public streams are open to every member.
 */
describe('private stream rules', () => {
  let server: TestServer;
  let alice: TestUser; // member, creates the private stream
  let admin: TestUser;
  let bob: TestUser; // member
  let bot: TestUser; // generic bot owned by bob
  let secretId: number;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    admin = await server.createUser({ role: Role.Administrator });
    bob = await server.createUser();
    bot = await createBot(server, bob);
    await subscribe(server.client(alice), ['secret'], {
      invite_only: true,
      history_public_to_subscribers: true,
    });
    const res = await server.client(alice).get('/get_stream_id', { stream: 'secret' });
    expectSuccess(res);
    secretId = res.body.stream_id as number;
  });
  afterAll(() => server.stop());

  const outsiders = (): Array<[string, TestUser]> => [
    ['an admin', admin],
    ['a member', bob],
    ['a bot', bot],
  ];

  async function secretMembers(): Promise<number[]> {
    const res = await server.client(alice).get(`/streams/${secretId}/members`);
    expectSuccess(res);
    return res.body.subscribers as number[];
  }

  it.each([['an admin'], ['a member'], ['a bot']])(
    'hides the stream from %s who is not subscribed, exactly like a missing one',
    async (who) => {
      const user = outsiders().find(([w]) => w === who)![1];
      const client = server.client(user);
      expect(await streamNames(client)).not.toContain('secret');
      expect(await streamNames(client, { include_all_active: user === admin })).not.toContain(
        'secret',
      );
      const byName = await client.get('/get_stream_id', { stream: 'secret' });
      const missingName = await client.get('/get_stream_id', { stream: 'no such stream' });
      expectError(byName, 400, "Invalid channel name 'secret'");
      expect(missingName.body.code).toBe(byName.body.code);
      for (const path of [`/streams/${secretId}`, `/streams/${secretId}/members`]) {
        const hidden = await client.get(path);
        const missing = await client.get(path.replace(String(secretId), '999999'));
        expectError(hidden, 400, 'Invalid channel ID');
        expect({ ...missing.body, stream_id: secretId }).toEqual(hidden.body);
      }
      expectError(
        await client.get(`/users/${alice.id}/subscriptions/${secretId}`),
        400,
        'Invalid channel ID',
      );
    },
  );

  it.each([['an admin'], ['a member'], ['a bot']])(
    'refuses %s who is not subscribed: joining, adding others, settings',
    async (who) => {
      const user = outsiders().find(([w]) => w === who)![1];
      const client = server.client(user);
      const join = await client.post('/users/me/subscriptions', {
        subscriptions: [{ name: 'secret' }],
      });
      expectError(join, 400, 'Unable to access channel (secret).');
      const addOthers = await client.post('/users/me/subscriptions', {
        subscriptions: [{ name: 'secret' }],
        principals: [user.id, admin.id],
      });
      expectError(addOthers, 400, 'Unable to access channel (secret).');
      const lenient = await client.post('/users/me/subscriptions', {
        subscriptions: [{ name: 'secret' }, { name: 'general' }],
        authorization_errors_fatal: false,
      });
      expectSuccess(lenient);
      expect(lenient.body.unauthorized).toEqual(['secret']);
      expect(Object.values(lenient.body.subscribed as object).flat()).not.toContain('secret');
      const props = await client.post('/users/me/subscriptions/properties', {
        subscription_data: [{ stream_id: secretId, property: 'pin_to_top', value: true }],
      });
      expectError(props, 400, `Not subscribed to channel ID ${secretId}`);
      expect(await secretMembers()).toEqual([alice.id]);
    },
  );

  it('does not let a non-subscribed admin edit, delete or empty the stream', async () => {
    const client = server.client(admin);
    expectError(
      await client.patch(`/streams/${secretId}`, { description: 'mine now' }),
      400,
      'Invalid channel ID',
    );
    expectError(await client.delete(`/streams/${secretId}`), 400, 'Invalid channel ID');
    expectError(
      await client.delete('/users/me/subscriptions', {
        subscriptions: ['secret'],
        principals: [alice.id],
      }),
      400,
      "Channel 'secret' does not exist",
    );
    expect(await secretMembers()).toEqual([alice.id]);
  });

  it('answers read and post questions for the messages module the same way', async () => {
    const streams = server.app.get(StreamsService);
    const users = server.app.get(UsersRepository);
    const adminRow = (await users.findById(admin.id))!;
    const aliceRow = (await users.findById(alice.id))!;
    await expect(streams.getStreamForUser(adminRow, 'secret')).rejects.toMatchObject({
      code: 'STREAM_DOES_NOT_EXIST',
    });
    const seen = await streams.getStreamForUser(aliceRow, secretId);
    expect(seen).toMatchObject({ name: 'secret', is_subscribed: true });
    const row = { ...seen, is_subscribed: undefined };
    expect(await streams.canRead(adminRow, row)).toBe(false);
    expect(await streams.canPost(adminRow, row)).toBe(false);
    expect(await streams.canRead(aliceRow, row)).toBe(true);
    expect(await streams.canPost(aliceRow, row)).toBe(true);
    const { queries } = await server.db.counter.measure(() => streams.canRead(adminRow, row));
    expect(queries).toBe(1);
  });

  it('lets any subscriber add others: member adds member, member adds bot, bot adds admin', async () => {
    const added = await subscribe(server.client(alice), ['secret'], { principals: [bob.email] });
    expect(added.body.subscribed).toEqual({ [bob.email]: ['secret'] });
    expect(await streamNames(server.client(bob))).toContain('secret');

    await subscribe(server.client(bob), ['secret'], { principals: [bot.id] });
    const botView = await server.client(bot).get('/get_stream_id', { stream: 'secret' });
    expect(botView.body.stream_id).toBe(secretId);

    await subscribe(server.client(bot), ['secret'], { principals: [admin.id] });
    expect(await secretMembers()).toEqual(
      [alice.id, admin.id, bob.id, bot.id].sort((a, b) => a - b),
    );
    const status = await server.client(bob).get(`/users/${admin.id}/subscriptions/${secretId}`);
    expect(status.body.is_subscribed).toBe(true);
  });

  it('lets a subscribed admin edit it, but never a subscribed member', async () => {
    expectError(
      await server.client(bob).patch(`/streams/${secretId}`, { description: 'bob was here' }),
      400,
      'Must be an organization administrator',
    );
    expectSuccess(
      await server.client(admin).patch(`/streams/${secretId}`, { description: 'Top <secret>' }),
    );
    const res = await server.client(alice).get(`/streams/${secretId}`);
    expect(res.body.stream).toMatchObject({
      description: 'Top <secret>',
      rendered_description: '<p>Top &lt;secret&gt;</p>',
      invite_only: true,
    });
  });

  it('hides it again once a user leaves', async () => {
    const res = await server.client(bob).delete('/users/me/subscriptions', {
      subscriptions: ['secret'],
    });
    expect(res.body).toMatchObject({ removed: ['secret'], not_removed: [] });
    expect(await streamNames(server.client(bob))).not.toContain('secret');
    expectError(
      await server.client(bob).post('/users/me/subscriptions', {
        subscriptions: [{ name: 'secret' }],
      }),
      400,
      'Unable to access channel (secret).',
    );
  });

  describe('public streams', () => {
    it('any member, admin or bot may join; each sees it without joining', async () => {
      await subscribe(server.client(alice), ['town square']);
      for (const user of [bob, admin, bot]) {
        expect(await streamNames(server.client(user))).toContain('town square');
        const res = await subscribe(server.client(user), ['town square']);
        expect(res.body.subscribed).toEqual({ [user.email]: ['town square'] });
      }
    });

    it('guests cannot see, join or create streams, but can be added', async () => {
      const guest = await server.createUser({ role: Role.Guest });
      const client = server.client(guest);
      expect(await streamNames(client)).not.toContain('town square');
      expectError(
        await client.post('/users/me/subscriptions', { subscriptions: [{ name: 'town square' }] }),
        400,
        'Unable to access channel (town square).',
      );
      expectError(
        await client.post('/users/me/subscriptions', { subscriptions: [{ name: 'guest room' }] }),
        400,
        'You do not have permission to create channels.',
      );
      await subscribe(server.client(bob), ['town square'], { principals: [guest.id] });
      expect(await streamNames(client)).toContain('town square');
      expectError(
        await client.post('/users/me/subscriptions', {
          subscriptions: [{ name: 'town square' }],
          principals: [bob.id],
        }),
        400,
        'Insufficient permission',
      );
    });
  });
});
