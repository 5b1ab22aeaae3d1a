import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, fails, ok } from './api-fixtures';

const BOTS_REFUSED = 'This endpoint does not accept bot requests.';

describe('mobile push device registration', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    bob = await server.createUser();
  });
  afterAll(() => server.stop());

  const devices = (user: TestUser) =>
    server.db.rows<{ kind: number; token: string; ios_app_id: string | null }>(
      'SELECT kind, token, ios_app_id FROM push_device_tokens WHERE user_id = $1 ORDER BY id',
      [user.id],
    );

  it('registers an iOS device (hex token, app id) and removes it again', async () => {
    const api = server.client(alice);
    await ok(
      api.post('/users/me/apns_device_token', { token: 'c0ffee01', appid: 'org.zulip.Zulip' }),
    );
    // Registering again (the app does at every start) keeps one row.
    await ok(
      api.post('/users/me/apns_device_token', { token: 'c0ffee01', appid: 'org.zulip.Zulip' }),
    );
    expect(await devices(alice)).toEqual([
      { kind: 1, token: 'c0ffee01', ios_app_id: 'org.zulip.Zulip' },
    ]);
    await ok(api.delete('/users/me/apns_device_token', { token: 'c0ffee01' }));
    expect(await devices(alice)).toEqual([]);
  });

  it('registers an Android device and removes it again', async () => {
    const api = server.client(alice);
    await ok(api.post('/users/me/android_gcm_reg_id', { token: 'fcm:token-1_x' }));
    expect(await devices(alice)).toEqual([{ kind: 2, token: 'fcm:token-1_x', ios_app_id: null }]);
    await ok(api.delete('/users/me/android_gcm_reg_id', { token: 'fcm:token-1_x' }));
    expect(await devices(alice)).toEqual([]);
  });

  it("refuses bad tokens and app ids, and another user's device", async () => {
    const api = server.client(alice);
    await fails(
      api.post('/users/me/apns_device_token', { token: 'not hex', appid: 'org.zulip.Zulip' }),
      400,
      'Invalid APNS token',
    );
    await fails(
      api.post('/users/me/apns_device_token', { token: 'c0ffee', appid: 'bad app!' }),
      400,
      'Invalid app ID',
    );
    await fails(
      api.post('/users/me/apns_device_token', { token: 'c0ffee' }),
      400,
      "Missing 'appid' argument",
    );
    await fails(
      api.post('/users/me/android_gcm_reg_id', { token: '' }),
      400,
      'Empty or invalid length token',
    );
    await fails(
      api.post('/users/me/android_gcm_reg_id', { token: 'x'.repeat(4097) }),
      400,
      'Empty or invalid length token',
    );
    await ok(server.client(bob).post('/users/me/android_gcm_reg_id', { token: 'bobs-phone' }));
    const body = await fails(
      api.delete('/users/me/android_gcm_reg_id', { token: 'bobs-phone' }),
      400,
      'Device not recognized',
    );
    expect(body.code).toBe('INVALID_PUSH_DEVICE_TOKEN');
    expect(await devices(bob)).toHaveLength(1);
    const anonymous = await server.client().post('/users/me/android_gcm_reg_id', { token: 'x' });
    expect(anonymous.status).toBe(401);
  });

  it('lets members, administrators and guests register their phones', async () => {
    const admin = await server.createUser({ role: Role.Administrator });
    const guest = await server.createUser({ role: Role.Guest });
    for (const user of [admin, guest]) {
      await ok(server.client(user).post('/users/me/android_gcm_reg_id', { token: `p${user.id}` }));
      expect(await devices(user)).toEqual([{ kind: 2, token: `p${user.id}`, ios_app_id: null }]);
    }
  });

  it("refuses bots, as Zulip does: they have no phones (an administrator's role or not)", async () => {
    const bot = await createBot(server, alice, 'pushy');
    const api = server.client(bot);
    const calls = [
      () => api.post('/users/me/apns_device_token', { token: 'c0ffee', appid: 'org.zulip.Zulip' }),
      () => api.delete('/users/me/apns_device_token', { token: 'c0ffee' }),
      () => api.post('/users/me/android_gcm_reg_id', { token: 'bot-phone' }),
      () => api.delete('/users/me/android_gcm_reg_id', { token: 'bot-phone' }),
      () => api.post('/mobile_push/test_notification', {}),
      () => api.post('/mobile_push/test', {}),
    ];
    for (const call of calls) await fails(call(), 400, BOTS_REFUSED);
    await ok(server.client(server.owner).patch(`/users/${bot.id}`, { role: Role.Administrator }));
    for (const call of calls) await fails(call(), 400, BOTS_REFUSED);
    expect(await devices(bot)).toEqual([]);
  });
});

describe('mobile push test notifications without a push service', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("answers Zulip's error: the server is not configured to use a push service", async () => {
    const settings = await ok(server.client().get('/server_settings'));
    expect(settings.push_notifications_enabled).toBe(false);
    const user = await server.createUser();
    const api = server.client(user);
    await ok(api.post('/users/me/android_gcm_reg_id', { token: 'phone' }));
    for (const path of ['/mobile_push/test_notification', '/mobile_push/test']) {
      const body = await fails(
        api.post(path, { token: 'phone' }),
        400,
        'Server is not configured to use push notification service.',
      );
      expect(body.code).toBe('PUSH_SERVICE_NOT_CONFIGURED');
    }
  });
});
