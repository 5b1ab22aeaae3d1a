import { Role } from '../../apps/server/src/identity/user.types';
import { createBot, expectNothing, fails, ok, queues, receive } from '../api/api-fixtures';
import { QueueReader } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { CookieSession } from '../web/cookie-session';
import { mailsTo } from './mail-helper';

/** `PATCH /settings`: notification settings, and changing one's email with a mailed link. */
describe('own settings', () => {
  let server: TestServer;
  let admin: TestUser;
  let alice: TestUser;
  let guest: TestUser;
  let bot: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    alice = await server.createUser({ fullName: 'Alice Settings' });
    guest = await server.createUser({ role: Role.Guest });
    bot = await createBot(server, alice, 'settingsbot');
  }, 120_000);
  afterAll(() => server.stop());

  const userSettings = async (user: TestUser) =>
    (
      await ok(
        server.client(user).post('/register', {
          fetch_event_types: ['user_settings'],
          client_capabilities: { user_settings_object: true },
        }),
      )
    ).user_settings as Record<string, unknown>;

  describe('notification settings', () => {
    it("starts from Zulip's defaults and stores each change, for every kind of user", async () => {
      const before = await userSettings(alice);
      expect(before).toMatchObject({
        enable_desktop_notifications: true,
        enable_sounds: true,
        enable_offline_email_notifications: true,
        enable_offline_push_notifications: true,
        enable_online_push_notifications: true,
        enable_digest_emails: true,
        enable_stream_desktop_notifications: false,
        wildcard_mentions_notify: true,
        desktop_icon_count_display: 1,
        notification_sound: 'zulip',
        email_notifications_batching_period_seconds: 120,
        realm_name_in_email_notifications_policy: 1,
        enable_followed_topic_push_notifications: true,
        automatically_follow_topics_policy: 3,
      });
      const changes = {
        enable_desktop_notifications: false,
        enable_sounds: false,
        enable_offline_email_notifications: false,
        enable_offline_push_notifications: false,
        enable_online_push_notifications: false,
        enable_digest_emails: false,
        enable_stream_desktop_notifications: true,
        enable_stream_email_notifications: true,
        enable_stream_push_notifications: true,
        enable_stream_audible_notifications: true,
        wildcard_mentions_notify: false,
        enable_followed_topic_wildcard_mentions_notify: false,
        desktop_icon_count_display: 3,
        notification_sound: 'ding',
        email_notifications_batching_period_seconds: 3600,
        realm_name_in_email_notifications_policy: 2,
        automatically_follow_topics_policy: 4,
      };
      for (const user of [alice, guest, bot]) {
        await ok(server.client(user).patch('/settings', changes));
        expect(await userSettings(user)).toMatchObject(changes);
      }
      // Someone else's settings are untouched.
      expect(await userSettings(admin)).toMatchObject({
        enable_desktop_notifications: true,
        notification_sound: 'zulip',
      });
    });

    it('tells only the user, in the new and (for old clients) the legacy form', async () => {
      const modern = await QueueReader.register(server, admin, {
        event_types: ['user_settings', 'update_global_notifications'],
        client_capabilities: { user_settings_object: true },
      });
      const legacy = await QueueReader.register(server, admin, {
        event_types: ['user_settings', 'update_global_notifications'],
      });
      const [other] = await queues(server, ['user_settings', 'update_global_notifications'], alice);
      await ok(
        server.client(admin).patch('/settings', {
          enable_sounds: false,
          enable_followed_topic_email_notifications: false,
        }),
      );
      const sounds = {
        type: 'user_settings',
        op: 'update',
        property: 'enable_sounds',
        value: false,
      };
      const followed = {
        type: 'user_settings',
        op: 'update',
        property: 'enable_followed_topic_email_notifications',
        value: false,
      };
      const got = await receive(modern, 2);
      expect(got).toHaveLength(2);
      expect(got).toEqual(
        expect.arrayContaining([
          expect.objectContaining(sounds),
          expect.objectContaining(followed),
        ]),
      );
      const old = await receive(legacy, 3);
      expect(old).toHaveLength(3);
      expect(old).toEqual(
        expect.arrayContaining([
          expect.objectContaining(sounds),
          expect.objectContaining({
            type: 'update_global_notifications',
            user: admin.email,
            notification_name: 'enable_sounds',
            setting: false,
          }),
          expect.objectContaining(followed),
        ]),
      );
      // An unchanged value is no news; other users hear nothing.
      await ok(server.client(admin).patch('/settings', { enable_sounds: false }));
      await expectNothing(modern, other);
      // Old clients read the legacy settings at the top level of /register.
      const state = await ok(
        server
          .client(admin)
          .post('/register', { fetch_event_types: ['update_global_notifications'] }),
      );
      expect(state.enable_sounds).toBe(false);
    });

    it("accepts Zulip's older /settings/notifications path", async () => {
      await ok(
        server.client(guest).patch('/settings/notifications', { enable_digest_emails: true }),
      );
      expect((await userSettings(guest)).enable_digest_emails).toBe(true);
    });

    it("refuses values outside Zulip's choices and ranges, changing nothing", async () => {
      const c = server.client(alice);
      await fails(
        c.patch('/settings', { desktop_icon_count_display: 7 }),
        400,
        'Invalid desktop_icon_count_display',
      );
      await fails(
        c.patch('/settings', { notification_sound: 'klaxon' }),
        400,
        'Invalid notification_sound',
      );
      await fails(
        c.patch('/settings', { email_notifications_batching_period_seconds: 0 }),
        400,
        'Invalid email batching period: 0 seconds',
      );
      await fails(
        c.patch('/settings', { email_notifications_batching_period_seconds: 7 * 86400 + 1 }),
        400,
        /Invalid email batching period/,
      );
      await fails(c.patch('/settings', { enable_sounds: 'loud' }), 400, /enable_sounds/);
      await fails(
        c.patch('/settings', { realm_name_in_email_notifications_policy: 9, enable_sounds: true }),
        400,
        'Invalid realm_name_in_email_notifications_policy',
      );
      expect((await userSettings(alice)).enable_sounds).toBe(false);
    });
  });

  describe('email change', () => {
    const newest = (to: string) => mailsTo(server.config.dataDir, to).pop() ?? '';
    const keyIn = (mail: string) => /\/accounts\/confirm_new_email\/([a-z0-9]+)\//.exec(mail)?.[1];
    const follow = (key: string) =>
      new CookieSession(server.url).get(`/accounts/confirm_new_email/${key}/`);
    const me = async (user: TestUser) => ok(server.client(user).get('/users/me'));

    it('mails a link to the new address and changes the email only when it is followed', async () => {
      const carol = await server.createUser({ fullName: 'Carol Moves' });
      const oldEmail = carol.email;
      const newEmail = `carol-new-${Date.now()}@example.com`;
      const body = await ok(server.client(carol).patch('/settings', { email: newEmail }));
      expect(body.account_email).toMatch(/Check your email/);
      const key = keyIn(newest(newEmail));
      expect(key).toBeDefined();
      // Nothing changed yet: the old address still works.
      expect((await me(carol)).email).toBe(oldEmail);

      const [adminQ, aliceQ] = await queues(server, ['realm_user'], admin, alice);
      const page = await follow(key!);
      expect(page.status).toBe(200);
      expect(page.text).toContain(newEmail);
      // The account now signs in (and calls the API) with the new address.
      const moved = { ...carol, email: newEmail };
      expect((await me(moved)).email).toBe(newEmail);
      expect((await me(moved)).delivery_email).toBe(newEmail);
      expect(newest(oldEmail)).toContain(`to ${newEmail}`);

      const newEmailEvent = expect.objectContaining({
        type: 'realm_user',
        op: 'update',
        person: { user_id: carol.id, new_email: newEmail },
      });
      const deliveryEvent = expect.objectContaining({
        type: 'realm_user',
        op: 'update',
        person: { user_id: carol.id, delivery_email: newEmail },
      });
      expect(await receive(aliceQ, 1)).toEqual([newEmailEvent]);
      expect(await receive(adminQ, 2)).toEqual([newEmailEvent, deliveryEvent]);
      await expectNothing(aliceQ);

      // The link works once.
      const again = await follow(key!);
      expect(again.status).toBe(400);
      expect(again.text).toContain('already been used');
      expect((await follow('notakeyatallnotakeyatall')).status).toBe(404);
    });

    it('refuses an address in use, a malformed one, and one outside the realm domains', async () => {
      await fails(
        server.client(alice).patch('/settings', { email: admin.email }),
        400,
        `Email '${admin.email}' already in use`,
      );
      await fails(
        server.client(alice).patch('/settings', { email: 'not an email' }),
        400,
        /Invalid email/,
      );
      await server.db.execute(
        "INSERT INTO realm_domains (realm_id, domain, allow_subdomains) VALUES ($1, 'example.com', false)",
        [server.realm.id],
      );
      await server.updateRealm({ restricted_to_domain: true });
      try {
        await fails(
          server.client(alice).patch('/settings', { email: 'alice@elsewhere.org' }),
          400,
          /not in a domain allowed/,
        );
      } finally {
        await server.updateRealm({ restricted_to_domain: false });
      }
      expect(mailsTo(server.config.dataDir, 'alice@elsewhere.org')).toEqual([]);
    });

    it('refuses an address taken between the request and the click', async () => {
      const dave = await server.createUser({ fullName: 'Dave Late' });
      const wanted = `wanted-${Date.now()}@example.com`;
      await ok(server.client(dave).patch('/settings', { email: wanted }));
      await server.createUser({ email: wanted });
      const page = await follow(keyIn(newest(wanted))!);
      expect(page.status).toBe(400);
      expect(page.text).toContain('already in use');
      expect((await me(dave)).email).toBe(dave.email);
    });

    it('follows the realm setting: when disabled only administrators may change their email', async () => {
      await ok(server.client(admin).patch('/realm', { email_changes_disabled: true }));
      try {
        const state = await ok(
          server.client(alice).post('/register', { fetch_event_types: ['realm'] }),
        );
        expect(state.realm_email_changes_disabled).toBe(true);
        for (const user of [alice, guest, bot]) {
          await fails(
            server.client(user).patch('/settings', { email: `x-${user.id}@example.com` }),
            400,
            'Email address changes are disabled in this organization.',
          );
        }
        const adminNew = `admin-new-${Date.now()}@example.com`;
        await ok(server.client(admin).patch('/settings', { email: adminNew }));
        expect(keyIn(newest(adminNew))).toBeDefined();
      } finally {
        await ok(server.client(admin).patch('/realm', { email_changes_disabled: false }));
      }
      await fails(
        server.client(alice).patch('/realm', { email_changes_disabled: true }),
        403,
        /administrator/,
      );
    });
  });
});
