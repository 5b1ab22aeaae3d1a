import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MissedMessageNotifier } from '../../apps/server/src/notifications/missed-message-notifier.service';
import { PushRemovals } from '../../apps/server/src/notifications/push-removals';
import { cliEnv, manage } from '../cli/cli-harness';
import { makeStream, QueueReader } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { fails, ok } from './api-fixtures';

const ORG_ID = '3f2a3c52-5a0c-4b8e-9d1e-6f0c1f6a8b21';
const ORG_KEY = 'k3y-for-the-fake-bouncer-0123456789';
/** The sender polls every second; a retry waits 1 s more. */
const WAIT_MS = 15_000;

interface BouncerRequest {
  path: string;
  contentType: string;
  body: Record<string, unknown>;
}

/**
 * A stand-in for Zulip's push bouncer: a real HTTP server that checks the server's Basic auth
 * (ZULIP_ORG_ID:ZULIP_ORG_KEY), records what it is sent and answers as the bouncer does; the
 * statuses in `failNext` are answered first (a bouncer that is down).
 */
class FakeBouncer {
  readonly requests: BouncerRequest[] = [];
  readonly failNext: number[] = [];
  private server = http.createServer((req, res) => this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(path: string): BouncerRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: Record<string, unknown>) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const expected = `Basic ${Buffer.from(`${ORG_ID}:${ORG_KEY}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        return answer(401, { result: 'error', msg: 'Invalid API key', code: 'UNAUTHORIZED' });
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const contentType = req.headers['content-type'] ?? '';
      const body = contentType.startsWith('application/json')
        ? (JSON.parse(text) as Record<string, unknown>)
        : Object.fromEntries(new URLSearchParams(text));
      this.requests.push({ path: req.url ?? '', contentType, body });
      const failure = this.failNext.shift();
      if (failure !== undefined) return answer(failure, { result: 'error', msg: 'Down' });
      if (req.url === '/api/v1/remotes/push/notify') {
        return answer(200, {
          result: 'success',
          msg: '',
          total_android_devices: (body.android_devices as unknown[]).length,
          total_apple_devices: (body.apple_devices as unknown[]).length,
          deleted_devices: { android_devices: [], apple_devices: [] },
        });
      }
      answer(200, { result: 'success', msg: '' });
    });
  }
}

describe('mobile push notifications through the push bouncer', () => {
  const bouncer = new FakeBouncer();
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let pushEnv: Record<string, string>;
  beforeAll(async () => {
    const url = await bouncer.start();
    pushEnv = { PUSH_NOTIFICATION_BOUNCER_URL: url, ZULIP_ORG_ID: ORG_ID, ZULIP_ORG_KEY: ORG_KEY };
    server = await startTestServer({ env: pushEnv });
    await server.updateRealm({ name: 'Acme Corp' });
    alice = await server.createUser({ fullName: 'Alice Sender' });
    bob = await server.createUser({ fullName: 'Bob Away' });
  });
  afterAll(async () => {
    await server.stop();
    await bouncer.stop();
  });

  const uuids = (user: TestUser) =>
    server.db.one<{ user_uuid: string; realm_uuid: string }>(
      `SELECT u.uuid::text AS user_uuid, r.uuid::text AS realm_uuid
       FROM users u JOIN realms r ON r.id = u.realm_id WHERE u.id = $1`,
      [user.id],
    );

  async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>) {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const queued = async () =>
    (await server.db.one<{ n: number }>('SELECT count(*)::int AS n FROM push_notifications'))?.n;

  it('tells the mobile apps that push notifications work here', async () => {
    const settings = await ok(server.client().get('/server_settings'));
    expect(settings.push_notifications_enabled).toBe(true);
    // Someone else: an event queue would make bob active rather than away.
    const dave = await server.createUser();
    const state = await ok(
      server.client(dave).post('/register', { fetch_event_types: JSON.stringify(['realm']) }),
    );
    expect(state.realm_push_notifications_enabled).toBe(true);
    expect(state.realm_push_notifications_enabled_end_timestamp).toBeNull();
  });

  it('registers devices with the bouncer, as Zulip does', async () => {
    const ids = await uuids(bob);
    await ok(server.client(bob).post('/users/me/android_gcm_reg_id', { token: 'bob-android' }));
    await ok(
      server
        .client(bob)
        .post('/users/me/apns_device_token', { token: 'b0b1', appid: 'org.zulip.Zulip' }),
    );
    const [android, apple] = bouncer.to('/api/v1/remotes/push/register');
    expect(android.contentType).toBe('application/x-www-form-urlencoded');
    expect(android.body).toEqual({
      server_uuid: ORG_ID,
      user_uuid: ids?.user_uuid,
      realm_uuid: ids?.realm_uuid,
      user_id: String(bob.id),
      token: 'bob-android',
      token_kind: '2',
    });
    expect(apple.body).toMatchObject({
      token: 'b0b1',
      token_kind: '1',
      ios_app_id: 'org.zulip.Zulip',
    });
  });

  it('sends a test notification to one device, or to all of them', async () => {
    const ids = await uuids(bob);
    await ok(server.client(bob).post('/mobile_push/test_notification', { token: 'bob-android' }));
    const tests = bouncer.to('/api/v1/remotes/push/test_notification');
    expect(tests).toHaveLength(1);
    expect(tests[0].contentType).toBe('application/json');
    expect(tests[0].body).toEqual({
      realm_uuid: ids?.realm_uuid,
      user_uuid: ids?.user_uuid,
      user_id: bob.id,
      token: 'bob-android',
      token_kind: 2,
      base_payload: {
        server: server.config.externalHost,
        realm_id: server.realm.id,
        realm_uri: expect.stringMatching(/^http:\/\//),
        realm_url: expect.stringMatching(/^http:\/\//),
        realm_name: 'Acme Corp',
        user_id: bob.id,
      },
    });
    // The path the documented-endpoints list names works too: all of bob's devices.
    await ok(server.client(bob).post('/mobile_push/test'));
    expect(bouncer.to('/api/v1/remotes/push/test_notification').map((r) => r.body.token)).toEqual([
      'bob-android',
      'bob-android',
      'b0b1',
    ]);
  });

  it("refuses a token the user did not register (another user's included)", async () => {
    const before = bouncer.requests.length;
    const body = await fails(
      server.client(alice).post('/mobile_push/test_notification', { token: 'bob-android' }),
      400,
      'Device not recognized',
    );
    expect(body.code).toBe('INVALID_PUSH_DEVICE_TOKEN');
    expect(bouncer.requests).toHaveLength(before);
  });

  it('pushes a DM to a user who is away, with the message in both payloads', async () => {
    const before = bouncer.to('/api/v1/remotes/push/notify').length;
    const sent = await ok(
      server.client(alice).post('/messages', {
        type: 'direct',
        to: JSON.stringify([bob.id]),
        content: 'Lunch at **noon**? :tada:',
      }),
    );
    await server.app.get(MissedMessageNotifier).idle();
    const notify = await until('the push', () => {
      const all = bouncer.to('/api/v1/remotes/push/notify');
      return all.length > before ? all[before] : undefined;
    });
    const ids = await uuids(bob);
    expect(notify.contentType).toBe('application/json');
    expect(notify.body).toMatchObject({
      user_uuid: ids?.user_uuid,
      user_id: bob.id,
      realm_uuid: ids?.realm_uuid,
      android_devices: ['bob-android'],
      apple_devices: ['b0b1'],
      gcm_options: { priority: 'high' },
      gcm_payload: {
        event: 'message',
        zulip_message_id: sent.id,
        recipient_type: 'private',
        sender_id: alice.id,
        sender_full_name: 'Alice Sender',
        content: 'Lunch at noon? 🎉',
        content_truncated: false,
        realm_name: 'Acme Corp',
        user_id: bob.id,
      },
      apns_payload: {
        alert: { title: 'Alice Sender', subtitle: '', body: 'Lunch at noon? 🎉' },
        custom: { zulip: { message_ids: [sent.id], sender_id: alice.id } },
      },
    });
    expect(
      await until('an empty queue', async () => ((await queued()) === 0 ? true : undefined)),
    ).toBe(true);
  });

  it('pushes a mention in a stream, with the conversation; not a plain stream message', async () => {
    const stream = await makeStream(server, 'launch', [alice, bob]);
    const before = bouncer.to('/api/v1/remotes/push/notify').length;
    await ok(
      server.client(alice).post('/messages', {
        type: 'stream',
        to: 'launch',
        topic: 'plans',
        content: 'no mention here',
      }),
    );
    const sent = await ok(
      server.client(alice).post('/messages', {
        type: 'stream',
        to: 'launch',
        topic: 'plans',
        content: `@**${bob.fullName}** can you look?`,
      }),
    );
    await server.app.get(MissedMessageNotifier).idle();
    const notify = await until('the push', () => {
      const all = bouncer.to('/api/v1/remotes/push/notify');
      return all.length > before ? all[before] : undefined;
    });
    expect(notify.body).toMatchObject({
      gcm_payload: {
        zulip_message_id: sent.id,
        recipient_type: 'stream',
        stream: 'launch',
        stream_id: stream,
        topic: 'plans',
        content: '@Bob Away can you look?',
      },
      apns_payload: {
        alert: { title: '#launch > plans', subtitle: 'Alice Sender mentioned you:' },
      },
    });
    await until('an empty queue', async () => ((await queued()) === 0 ? true : undefined));
    expect(bouncer.to('/api/v1/remotes/push/notify')).toHaveLength(before + 1);
  });

  it("reports the bouncer's refusal, or that it is down, to the app that asked", async () => {
    bouncer.failNext.push(400);
    await fails(
      server.client(bob).post('/mobile_push/test_notification', { token: 'bob-android' }),
      400,
      'Down',
    );
    bouncer.failNext.push(503);
    await fails(
      server.client(bob).post('/mobile_push/test_notification', { token: 'bob-android' }),
      502,
      /push notification service/,
    );
  });

  it('does not push to a user without a device, nor the sender', async () => {
    const carol = await server.createUser();
    const before = bouncer.to('/api/v1/remotes/push/notify').length;
    await ok(
      server.client(alice).post('/messages', {
        type: 'direct',
        to: JSON.stringify([carol.id]),
        content: 'no phone here',
      }),
    );
    await server.app.get(MissedMessageNotifier).idle();
    expect(await queued()).toBe(0);
    expect(bouncer.to('/api/v1/remotes/push/notify')).toHaveLength(before);
  });

  it('tries again when the bouncer is down, and the notification arrives', async () => {
    const before = bouncer.to('/api/v1/remotes/push/notify').length;
    bouncer.failNext.push(503);
    const sent = await ok(
      server.client(alice).post('/messages', {
        type: 'direct',
        to: JSON.stringify([bob.id]),
        content: 'second try',
      }),
    );
    await server.app.get(MissedMessageNotifier).idle();
    const [failed, delivered] = await until('the retry', () => {
      const all = bouncer.to('/api/v1/remotes/push/notify').slice(before);
      return all.length >= 2 ? all : undefined;
    });
    expect(failed.body).toMatchObject({ gcm_payload: { zulip_message_id: sent.id } });
    expect(delivered.body).toEqual(failed.body);
    expect(
      await until('an empty queue', async () => ((await queued()) === 0 ? true : undefined)),
    ).toBe(true);
  });

  it('takes notifications off the devices once their messages are read', async () => {
    const pushed = bouncer
      .to('/api/v1/remotes/push/notify')
      .map((r) => (r.body.gcm_payload as { zulip_message_id: number }).zulip_message_id);
    const before = bouncer.to('/api/v1/remotes/push/notify').length;
    await ok(
      server
        .client(bob)
        .post('/messages/flags', { messages: JSON.stringify(pushed), op: 'add', flag: 'read' }),
    );
    await server.app.get(PushRemovals).idle();
    const removal = await until('the removal', () => {
      const all = bouncer.to('/api/v1/remotes/push/notify');
      return all.length > before ? all[before] : undefined;
    });
    const ids = [...new Set(pushed)].sort((a, b) => a - b).join(',');
    expect(removal.body).toMatchObject({
      user_id: bob.id,
      gcm_options: { priority: 'normal' },
      gcm_payload: { event: 'remove', zulip_message_ids: ids, user_id: bob.id },
      apns_payload: { custom: { zulip: { event: 'remove', zulip_message_ids: ids } } },
    });
    // The removal is taken off the queue once the bouncer has answered.
    expect(
      await until('an empty queue', async () => ((await queued()) === 0 ? true : undefined)),
    ).toBe(true);
    // Reading them again takes nothing off: nothing is on the devices any more.
    const removals = bouncer.to('/api/v1/remotes/push/notify').length;
    await ok(
      server
        .client(bob)
        .post('/messages/flags', { messages: JSON.stringify(pushed), op: 'add', flag: 'read' }),
    );
    await server.app.get(PushRemovals).idle();
    expect(await queued()).toBe(0);
    expect(bouncer.to('/api/v1/remotes/push/notify')).toHaveLength(removals);
  });

  const notifyFor = (user: TestUser) =>
    bouncer
      .to('/api/v1/remotes/push/notify')
      .filter((r) => r.body.user_id === user.id && r.body.gcm_payload !== undefined);

  it('pushes to a user active on another client too, unless enable_online_push_notifications is off', async () => {
    const erin = await server.createUser({ fullName: 'Erin Online' });
    await ok(server.client(erin).post('/users/me/android_gcm_reg_id', { token: 'erin-phone' }));
    // The web app open: an event queue receiving her messages makes her active, not away.
    await QueueReader.register(server, erin, { event_types: JSON.stringify(['message']) });
    const dm = (content: string) =>
      ok(
        server.client(alice).post('/messages', {
          type: 'direct',
          to: JSON.stringify([erin.id]),
          content,
        }),
      );
    const first = await dm('are you at your desk?');
    await server.app.get(MissedMessageNotifier).idle();
    const pushed = await until('the push', () => notifyFor(erin)[0]);
    expect(pushed.body).toMatchObject({
      android_devices: ['erin-phone'],
      gcm_payload: { event: 'message', zulip_message_id: first.id, sender_id: alice.id },
    });
    await until('an empty queue', async () => ((await queued()) === 0 ? true : undefined));
    // Active, she is not mailed about it (emails are for those away).
    const mailed = await server.db.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM missed_message_emails WHERE user_id = $1',
      [erin.id],
    );
    expect(mailed?.n).toBe(0);

    await ok(server.client(erin).patch('/settings', { enable_online_push_notifications: false }));
    await dm('and now?');
    await server.app.get(MissedMessageNotifier).idle();
    expect(await queued()).toBe(0);
    expect(notifyFor(erin)).toHaveLength(1);
  });

  const registered = (user: TestUser) =>
    server.db.rows('SELECT token FROM push_device_tokens WHERE user_id = $1', [user.id]);

  it('forgets a deactivated user’s phones and unregisters them at the bouncer, even when it was down', async () => {
    const frank = await server.createUser({ fullName: 'Frank Leaving' });
    await ok(server.client(frank).post('/users/me/android_gcm_reg_id', { token: 'frank-android' }));
    await ok(
      server
        .client(frank)
        .post('/users/me/apns_device_token', { token: 'f4a2', appid: 'org.zulip.Zulip' }),
    );
    const ids = await uuids(frank);
    bouncer.failNext.push(503);
    await ok(server.client(server.owner).delete(`/users/${frank.id}`));
    expect(await registered(frank)).toEqual([]);
    const forFrank = () =>
      bouncer
        .to('/api/v1/remotes/push/unregister/all')
        .filter((r) => r.body.user_id === String(frank.id));
    const [failed, unregistered] = await until('the unregistration, retried', () => {
      const all = forFrank();
      return all.length >= 2 ? all : undefined;
    });
    expect(unregistered.contentType).toBe('application/x-www-form-urlencoded');
    expect(unregistered.body).toEqual({
      server_uuid: ORG_ID,
      user_uuid: ids?.user_uuid,
      realm_uuid: ids?.realm_uuid,
      user_id: String(frank.id),
    });
    expect(failed.body).toEqual(unregistered.body);
    await until('an empty queue', async () => ((await queued()) === 0 ? true : undefined));
    expect(forFrank()).toHaveLength(2);
  });

  it('does the same when users delete their own account (DELETE /users/me)', async () => {
    const gina = await server.createUser({ fullName: 'Gina Gone' });
    await ok(server.client(gina).post('/users/me/android_gcm_reg_id', { token: 'gina-android' }));
    await ok(server.client(gina).delete('/users/me'));
    expect(await registered(gina)).toEqual([]);
    const unregistered = await until('the unregistration', () =>
      bouncer
        .to('/api/v1/remotes/push/unregister/all')
        .find((r) => r.body.user_id === String(gina.id)),
    );
    expect(unregistered.body).toMatchObject({ server_uuid: ORG_ID, user_id: String(gina.id) });
  });

  it('keeps the unregistration of `manage deactivate-user` run while the server is down, and sends it after the restart', async () => {
    const hana = await server.createUser({ fullName: 'Hana Offline' });
    await ok(server.client(hana).post('/users/me/android_gcm_reg_id', { token: 'hana-android' }));
    const forHana = () =>
      bouncer
        .to('/api/v1/remotes/push/unregister/all')
        .filter((r) => r.body.user_id === String(hana.id));
    await server.restart(async () => {
      const run = await manage({ ...cliEnv(server), ...pushEnv }, 'deactivate-user', hana.email);
      expect(run.code).toBe(0);
      // The command only queues it; the server posts it.
      expect(forHana()).toEqual([]);
    });
    expect(await registered(hana)).toEqual([]);
    const sent = await until('the unregistration after the restart', () => forHana()[0]);
    expect(sent.body).toMatchObject({ server_uuid: ORG_ID, user_id: String(hana.id) });
    await until('an empty queue', async () => ((await queued()) === 0 ? true : undefined));
  });

  it('unregisters a removed device at the bouncer', async () => {
    await ok(server.client(bob).delete('/users/me/android_gcm_reg_id', { token: 'bob-android' }));
    const [unregister] = bouncer.to('/api/v1/remotes/push/unregister');
    expect(unregister.body).toMatchObject({
      server_uuid: ORG_ID,
      user_id: String(bob.id),
      token: 'bob-android',
      token_kind: '2',
    });
  });
});
