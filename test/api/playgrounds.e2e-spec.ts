import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, expectNothing, fails, ok, queues, receive } from './api-fixtures';

describe('realm playgrounds', () => {
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

  const playgroundsOf = async (user: TestUser) =>
    (await ok(server.client(user).post('/register', { fetch_event_types: ['realm_playgrounds'] })))
      .realm_playgrounds;

  it('admins add and remove playgrounds; everyone hears and sees them', async () => {
    const [aliceQ, guestQ] = await queues(server, ['realm_playgrounds'], alice, guest);
    const python = {
      name: 'Python playground',
      pygments_language: 'Python',
      url_template: 'https://python.example.com/?code={code}',
    };
    const id = (await ok(server.client(admin).post('/realm/playgrounds', python))).id as number;
    const added = { type: 'realm_playgrounds', realm_playgrounds: [{ id, ...python }] };
    expect(await receive(aliceQ, 1)).toEqual([{ ...added, id: expect.any(Number) }]);
    expect(await receive(guestQ, 1)).toEqual([{ ...added, id: expect.any(Number) }]);
    expect(await playgroundsOf(guest)).toEqual([{ id, ...python }]);

    await ok(server.client(admin).delete(`/realm/playgrounds/${id}`));
    expect(await receive(aliceQ, 1)).toEqual([
      { type: 'realm_playgrounds', realm_playgrounds: [], id: expect.any(Number) },
    ]);
    expect(await playgroundsOf(alice)).toEqual([]);
  });

  it('refuses members, guests and bots, duplicates and bad templates', async () => {
    const rust = {
      name: 'Rust',
      pygments_language: 'Rust',
      url_template: 'https://play.example.com/{code}',
    };
    const id = (await ok(server.client(admin).post('/realm/playgrounds', rust))).id as number;
    const [aliceQ] = await queues(server, ['realm_playgrounds'], alice);
    const bot = await createBot(server, admin, 'playbot');
    for (const user of [alice, guest, bot]) {
      await fails(
        server.client(user).post('/realm/playgrounds', { ...rust, name: 'Mine' }),
        403,
        'Must be an organization administrator',
      );
      await fails(
        server.client(user).delete(`/realm/playgrounds/${id}`),
        403,
        'Must be an organization administrator',
      );
    }
    const post = (p: object) => server.client(admin).post('/realm/playgrounds', { ...rust, ...p });
    await fails(
      post({}),
      400,
      'Realm playground with this Realm, Pygments language and Name already exists.',
    );
    await fails(
      post({ name: 'R2', url_template: 'not a url {code}' }),
      400,
      'Invalid URL template.',
    );
    await fails(
      post({ name: 'R3', url_template: 'https://x.example.com/{snippet}' }),
      400,
      '"code" should be the only variable present in the URL template',
    );
    await fails(
      post({ name: 'R4', pygments_language: '<rust>' }),
      400,
      'Invalid characters in pygments language',
    );
    await fails(
      server.client(admin).post('/realm/playgrounds', { name: 'R5' }),
      400,
      "Missing 'pygments_language' argument",
    );
    await fails(
      server.client(admin).delete('/realm/playgrounds/999999'),
      400,
      'Invalid playground',
    );
    expect(await playgroundsOf(alice)).toEqual([{ id, ...rust }]);
    await expectNothing(aliceQ);
  });
});
