import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, expectError, expectSuccess } from './stream-helpers';

describe('bot storage and realm emoji', () => {
  let server: TestServer;
  let owner: TestUser;
  let bot: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ env: { BOT_STORAGE_QUOTA_BYTES: '40' } });
    owner = await server.createUser();
    bot = await createBot(server, owner);
  });
  afterAll(() => server.stop());

  it('stores, reads and deletes string values as zulip_bots does', async () => {
    const client = server.client(bot);
    expectSuccess(await client.put('/bot_storage', { storage: { count: '1', name: '"x"' } }));
    expectSuccess(await client.put('/bot_storage', { storage: { count: '2' } }));
    const one = await client.get('/bot_storage', { keys: ['count'] });
    expect(one.body.storage).toEqual({ count: '2' });
    const all = await client.get('/bot_storage');
    expect(all.body.storage).toEqual({ count: '2', name: '"x"' });

    expectError(
      await client.get('/bot_storage', { keys: ['count', 'nope'] }),
      400,
      'Key does not exist.',
    );
    expectError(
      await client.delete('/bot_storage', { keys: ['nope'] }),
      400,
      'Key does not exist.',
    );
    expectSuccess(await client.delete('/bot_storage', { keys: ['count'] }, 'query'));
    expect((await client.get('/bot_storage')).body.storage).toEqual({ name: '"x"' });
    expectSuccess(await client.delete('/bot_storage'));
    expect((await client.get('/bot_storage')).body.storage).toEqual({});
  });

  it('enforces the per-bot quota on keys plus values', async () => {
    const client = server.client(bot);
    // 4 + 30 = 34 characters of the 40 allowed.
    expectSuccess(await client.put('/bot_storage', { storage: { blob: 'x'.repeat(30) } }));
    expectError(
      await client.put('/bot_storage', { storage: { more: 'yyyy' } }),
      400,
      'Request exceeds storage limit by 2 characters. The limit is 40 characters.',
    );
    // Replacing a value counts only the new one.
    expectSuccess(await client.put('/bot_storage', { storage: { blob: 'x'.repeat(36) } }));
    const other = await createBot(server, owner);
    expectSuccess(
      await server.client(other).put('/bot_storage', { storage: { blob: 'z'.repeat(36) } }),
    );
    expect((await client.get('/bot_storage')).body.storage).toEqual({ blob: 'x'.repeat(36) });
  });

  it('rejects humans and malformed storage', async () => {
    expectError(
      await server.client(owner).put('/bot_storage', { storage: { a: 'b' } }),
      400,
      'This endpoint is only available to bots.',
    );
    const client = server.client(bot);
    expectError(
      await client.put('/bot_storage', { storage: { n: 1 } }),
      400,
      'storage["n"] is not a string',
    );
    expectError(await client.put('/bot_storage', { storage: '[1]' }), 400, /storage/);
    expectError(await client.put('/bot_storage', {}), 400, "Missing 'storage' argument");
    expectError(await client.get('/bot_storage', { keys: 'count' }), 400, /not valid JSON/);
  });

  it('lists realm emoji in Zulip shape', async () => {
    await server.db.execute(
      `INSERT INTO realm_emoji (realm_id, name, file_name, author_id, deactivated)
       VALUES ($1, 'party_parrot', 'parrot.gif', $2, false), ($1, 'old', 'old.png', NULL, true)`,
      [server.realm.id, owner.id],
    );
    const res = await server.client(owner).get('/realm/emoji');
    expectSuccess(res);
    const emoji = Object.values(res.body.emoji as Record<string, Record<string, unknown>>);
    expect(emoji).toEqual(
      expect.arrayContaining([
        {
          id: expect.any(String),
          name: 'party_parrot',
          source_url: `/user_avatars/${server.realm.id}/emoji/images/parrot.gif`,
          deactivated: false,
          author_id: owner.id,
        },
        expect.objectContaining({ name: 'old', deactivated: true, author_id: null }),
      ]),
    );
    for (const [key, value] of Object.entries(res.body.emoji as Record<string, { id: string }>)) {
      expect(value.id).toBe(key);
    }
  });
});
