import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, fails, ok, queues, receive } from './api-fixtures';

describe('DELETE /users/me', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('deactivates one’s own account and its bots; the realm hears; the key stops working', async () => {
    const leaver = await server.createUser();
    const bot = await createBot(server, leaver, 'leaverbot');
    const watcher = await server.createUser();
    const [watcherQ] = await queues(server, ['realm_user'], watcher);
    await ok(server.client(leaver).delete('/users/me'));
    const events = await receive(watcherQ, 2);
    expect(events.map((e) => e.person)).toEqual([
      { user_id: leaver.id, is_active: false },
      { user_id: bot.id, is_active: false },
    ]);
    expect((await server.client(leaver).get('/users/me')).status).toBe(401);
    expect((await server.client(bot).get('/users/me')).status).toBe(401);
    const seen = await ok(server.client(watcher).get(`/users/${leaver.id}`));
    expect((seen.user as { is_active: boolean }).is_active).toBe(false);
  });

  it('refuses the only owner, with Zulip’s error; a second owner may leave', async () => {
    const body = await fails(
      server.client(server.owner).delete('/users/me'),
      400,
      'Cannot deactivate the only organization owner.',
    );
    expect(body).toMatchObject({
      code: 'CANNOT_DEACTIVATE_LAST_USER',
      is_last_owner: true,
      entity: 'organization owner',
    });
    expect((await server.client(server.owner).get('/users/me')).status).toBe(200);
    const second = await server.createUser({ role: Role.Owner });
    await ok(server.client(second).delete('/users/me'));
    expect((await server.client(second).get('/users/me')).status).toBe(401);
  });
});

describe('/register state: recent conversations, domains, default stream groups', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    bob = await server.createUser();
    carol = await server.createUser();
  });
  afterAll(() => server.stop());

  it('reports the newest direct conversations first, without the user', async () => {
    const send = async (from: TestUser, to: number[]) =>
      (await ok(server.client(from).post('/messages', { type: 'direct', to, content: 'hi' })))
        .id as number;
    const one = await send(alice, [bob.id]);
    const group = await send(bob, [alice.id, carol.id]);
    const self = await send(alice, [alice.id]);
    const two = await send(bob, [alice.id]);
    await send(bob, [carol.id]);
    const state = await ok(
      server.client(alice).post('/register', {
        fetch_event_types: [
          'recent_private_conversations',
          'realm_domains',
          'default_stream_groups',
        ],
      }),
    );
    expect(state.recent_private_conversations).toEqual([
      { user_ids: [bob.id], max_message_id: two },
      { user_ids: [], max_message_id: self },
      { user_ids: [bob.id, carol.id].sort((a, b) => a - b), max_message_id: group },
    ]);
    expect(one).toBeLessThan(two);
    expect(state.realm_domains).toEqual([]);
    expect(state.realm_default_stream_groups).toEqual([]);

    await ok(
      server.client(server.owner).post('/realm/domains', {
        domain: 'example.org',
        allow_subdomains: true,
      }),
    );
    const later = await ok(
      server.client(carol).post('/register', { fetch_event_types: ['realm_domains'] }),
    );
    expect(later.realm_domains).toEqual([{ domain: 'example.org', allow_subdomains: true }]);
  });
});
