import { Role } from '../../apps/server/src/identity/user.types';
import type { ApiResponse } from '../helpers/api-client';
import { registeredRoutes } from '../helpers/routes';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createStream, expectOk, sendToStream } from '../messages/message-fixtures';
import { request } from '../uploads/upload-client';
import { apiSurface, jsonSurface, Params, Surface } from './surfaces';

/*
 * Security class "privilege": every administrator-only and owner-only endpoint is refused to
 * members, moderators, guests and bots, on `/api/v1` and on `/json`. The routes come from the
 * running server's router, and each one must be classified below: a new route fails this suite
 * until someone says who may call it (and, for an admin or owner route, shows a request an
 * administrator or owner succeeds with, which everyone else must be refused).
 */

/** Who may call a route. Per-object rules (own messages, own bots...) are the services' own. */
type Access =
  /** No authentication (sign-in, server settings, self sign-up). */
  | 'public'
  /** Any signed-in user of the realm; the service applies per-object rules. */
  | 'user'
  /** Only bots (status reports of bridges and the webhook gateway). */
  | 'bot'
  /** Any signed-in person, never a bot (Zulip's human_users_only: the mobile apps' endpoints). */
  | 'human'
  | 'admin'
  | 'owner'
  /** Not under `/api/v1`: pages and files, each with its own access check. */
  | 'web'
  /**
   * Not under `/api/v1` and not for accounts: a server-to-server intake authenticated by a
   * shared secret from the settings (no user's credentials open it).
   */
  | 'secret';

const ROUTES: Record<string, Access> = {
  'GET /api/v1/realm/profile_fields': 'user',
  'POST /api/v1/realm/profile_fields': 'admin',
  'PATCH /api/v1/realm/profile_fields': 'admin',
  'PATCH /api/v1/realm/profile_fields/:field_id': 'admin',
  'DELETE /api/v1/realm/profile_fields/:field_id': 'admin',
  'PATCH /api/v1/users/me/profile_data': 'user',
  'DELETE /api/v1/users/me/profile_data': 'user',
  'POST /api/v1/fetch_api_key': 'public',
  'POST /api/v1/dev_fetch_api_key': 'public',
  'GET /api/v1/server_settings': 'public',
  'GET /api/v1/streams': 'user',
  'GET /api/v1/get_stream_id': 'user',
  'GET /api/v1/streams/:stream_id': 'user',
  'GET /api/v1/streams/:stream_id/members': 'user',
  // Only those who may post in the channel: checked by the service.
  'GET /api/v1/streams/:stream_id/email_address': 'user',
  'PATCH /api/v1/streams/:stream_id': 'admin',
  'DELETE /api/v1/streams/:stream_id': 'admin',
  'GET /api/v1/default_streams': 'user',
  'POST /api/v1/default_streams': 'admin',
  'DELETE /api/v1/default_streams': 'admin',
  'GET /api/v1/users/me/subscriptions': 'user',
  'POST /api/v1/users/me/subscriptions': 'user',
  'DELETE /api/v1/users/me/subscriptions': 'user',
  'PATCH /api/v1/users/me/subscriptions': 'user',
  'POST /api/v1/users/me/subscriptions/properties': 'user',
  'GET /api/v1/users/:user_id/subscriptions/:stream_id': 'user',
  'PATCH /api/v1/realm': 'admin',
  'GET /api/v1/realm/domains': 'user',
  'POST /api/v1/realm/domains': 'owner',
  'PATCH /api/v1/realm/domains/:domain': 'owner',
  'DELETE /api/v1/realm/domains/:domain': 'owner',
  'GET /api/v1/users': 'user',
  'GET /api/v1/users/me': 'user',
  'POST /api/v1/users/me/api_key/regenerate': 'user',
  'PATCH /api/v1/settings': 'user',
  'PATCH /api/v1/settings/notifications': 'user',
  'PATCH /api/v1/settings/display': 'user',
  'POST /api/v1/users': 'admin',
  'GET /api/v1/users/:email_or_id': 'user',
  'PATCH /api/v1/users/:id': 'admin',
  'DELETE /api/v1/users/me': 'user',
  'DELETE /api/v1/users/:id': 'admin',
  'POST /api/v1/users/:id/reactivate': 'admin',
  'POST /api/v1/bots': 'user',
  'GET /api/v1/bots': 'user',
  'PATCH /api/v1/bots/:id': 'user',
  'DELETE /api/v1/bots/:id': 'user',
  'POST /api/v1/bots/:id/api_key/regenerate': 'user',
  'GET /api/v1/bots/:id/zuliprc': 'user',
  'POST /api/v1/invites': 'user',
  'GET /api/v1/invites': 'user',
  'DELETE /api/v1/invites/:id': 'user',
  // The inviter and administrators: checked by the service.
  'POST /api/v1/invites/:id/resend': 'user',
  'POST /api/v1/invites/multiuse': 'admin',
  // Administrators, and whoever made the link (checked by the service); never a bot.
  'DELETE /api/v1/invites/multiuse/:invite_id': 'human',
  // The sign-up page of a reusable invitation link (the POST needs the page's CSRF cookie).
  'GET /api/v1/join/:key': 'public',
  'GET /api/v1/calls/bigbluebutton/create': 'user',
  'POST /api/v1/join/:key': 'public',
  'POST /api/v1/users/me/apns_device_token': 'human',
  'DELETE /api/v1/users/me/apns_device_token': 'human',
  'POST /api/v1/users/me/android_gcm_reg_id': 'human',
  'DELETE /api/v1/users/me/android_gcm_reg_id': 'human',
  'POST /api/v1/mobile_push/test_notification': 'human',
  'POST /api/v1/mobile_push/test': 'human',
  'POST /api/v1/signup': 'public',
  'POST /api/v1/signup/complete': 'public',
  'GET /api/v1/realm/linkifiers': 'user',
  'GET /api/v1/realm/filters': 'user',
  'POST /api/v1/realm/filters': 'admin',
  'PATCH /api/v1/realm/filters/:filter_id': 'admin',
  'DELETE /api/v1/realm/filters/:filter_id': 'admin',
  'PATCH /api/v1/realm/linkifiers': 'admin',
  'POST /api/v1/realm/playgrounds': 'admin',
  'DELETE /api/v1/realm/playgrounds/:playground_id': 'admin',
  'GET /api/v1/bridges': 'admin',
  'POST /api/v1/bridges/health': 'bot',
  'PATCH /api/v1/realm/user_settings_defaults': 'admin',
  'PUT /api/v1/bot_storage': 'user',
  'GET /api/v1/bot_storage': 'user',
  'DELETE /api/v1/bot_storage': 'user',
  'POST /api/v1/user_uploads': 'user',
  'GET /api/v1/user_uploads/:realm_id/*path': 'user',
  // Mirror bridges (API super users) only: refused to everyone else by the service.
  'POST /api/v1/user_uploads/bridged_link': 'user',
  'GET /api/v1/attachments': 'user',
  'DELETE /api/v1/attachments/:attachment_id': 'user',
  'POST /api/v1/users/me/avatar': 'user',
  'DELETE /api/v1/users/me/avatar': 'user',
  'GET /api/v1/realm/emoji': 'user',
  'POST /api/v1/realm/emoji/:emoji_name': 'user',
  'DELETE /api/v1/realm/emoji/:emoji_name': 'user',
  'POST /api/v1/messages': 'user',
  'GET /api/v1/messages': 'user',
  'GET /api/v1/messages/matches_narrow': 'user',
  'POST /api/v1/messages/render': 'user',
  'GET /api/v1/messages/:message_id': 'user',
  'PATCH /api/v1/messages/:message_id': 'user',
  'DELETE /api/v1/messages/:message_id': 'user',
  'GET /api/v1/messages/:message_id/history': 'user',
  'POST /api/v1/messages/flags': 'user',
  'POST /api/v1/messages/flags/narrow': 'user',
  'POST /api/v1/mark_all_as_read': 'user',
  'POST /api/v1/mark_stream_as_read': 'user',
  'POST /api/v1/mark_topic_as_read': 'user',
  'POST /api/v1/messages/:message_id/reactions': 'user',
  'DELETE /api/v1/messages/:message_id/reactions': 'user',
  'GET /api/v1/users/me/:stream_id/topics': 'user',
  'POST /api/v1/streams/:stream_id/delete_topic': 'admin',
  'GET /api/v1/messages/:message_id/read_receipts': 'user',
  'GET /api/v1/user_groups': 'user',
  'POST /api/v1/user_groups/create': 'user',
  'PATCH /api/v1/user_groups/:group_id': 'user',
  'DELETE /api/v1/user_groups/:group_id': 'user',
  'GET /api/v1/user_groups/:group_id/members': 'user',
  'POST /api/v1/user_groups/:group_id/members': 'user',
  'GET /api/v1/user_groups/:group_id/members/:user_id': 'user',
  'GET /api/v1/user_groups/:group_id/subgroups': 'user',
  'POST /api/v1/user_groups/:group_id/subgroups': 'user',
  'GET /api/v1/users/me/alert_words': 'user',
  'POST /api/v1/users/me/alert_words': 'user',
  'DELETE /api/v1/users/me/alert_words': 'user',
  'POST /api/v1/user_topics': 'user',
  'PATCH /api/v1/users/me/subscriptions/muted_topics': 'user',
  'POST /api/v1/users/me/muted_users/:muted_user_id': 'user',
  'DELETE /api/v1/users/me/muted_users/:muted_user_id': 'user',
  'GET /api/v1/drafts': 'user',
  'POST /api/v1/drafts': 'user',
  'PATCH /api/v1/drafts/:draft_id': 'user',
  'DELETE /api/v1/drafts/:draft_id': 'user',
  'GET /api/v1/scheduled_messages': 'user',
  'POST /api/v1/scheduled_messages': 'user',
  'PATCH /api/v1/scheduled_messages/:scheduled_message_id': 'user',
  'DELETE /api/v1/scheduled_messages/:scheduled_message_id': 'user',
  'POST /api/v1/register': 'user',
  'GET /api/v1/events': 'user',
  'DELETE /api/v1/events': 'user',
  'POST /api/v1/webhooks/deliveries': 'bot',
  'GET /api/v1/webhooks/deliveries': 'user',
  'GET /api/v1/webhooks/deliveries/stats': 'user',
  'POST /api/v1/webhooks/deliveries/:id/replay': 'user',
  'POST /api/v1/typing': 'user',
  'POST /api/v1/users/me/presence': 'human',
  'GET /api/v1/realm/presence': 'user',
  'GET /api/v1/users/:user_id_or_email/presence': 'user',
  'POST /api/v1/users/me/status': 'user',
  'GET /api/v1/users/:user_id/status': 'user',
  'GET /accounts/do_confirm/:key': 'web',
  'GET /join/:key': 'web',
  // Needs a web session (else off to log in) and a link this server signed.
  'GET /calls/bigbluebutton/join': 'web',
  'POST /accounts/do_confirm/:key': 'web',
  'GET /user_uploads/temporary/:token/:filename': 'web',
  'GET /user_uploads/bridged/:token/:filename': 'web',
  'GET /user_uploads/thumbnail/*path': 'web',
  'GET /user_uploads/*path': 'web',
  'GET /user_avatars/*path': 'web',
  'GET /': 'web',
  'GET /login': 'web',
  'POST /login': 'web',
  'GET /logout': 'web',
  'POST /logout': 'web',
  'GET /accounts/confirm_new_email/:key': 'web',
  'GET /register': 'web',
  'POST /register': 'web',
  'GET /accounts/password/reset': 'web',
  'POST /accounts/password/reset': 'web',
  'GET /accounts/password/reset/:key': 'web',
  'POST /accounts/password/reset/:key': 'web',
  'GET /accounts/login/sso': 'web',
  'GET /accounts/login/oidc': 'web',
  'GET /accounts/login/oidc/callback': 'web',
  'GET /health': 'web',
  'GET /health/live': 'web',
  // Server-wide, restricted to the addresses METRICS_ALLOWED_ADDRESSES names.
  'GET /metrics': 'web',
  // `manage email-mirror` and mail servers, with EMAIL_GATEWAY_SECRET.
  'POST /api/internal/email_mirror_message': 'secret',
};

/** The only routes an incoming-webhook bot may call: send, know itself, report deliveries. */
const INCOMING_WEBHOOK_BOT_ROUTES = [
  'POST /api/v1/messages',
  'GET /api/v1/users/me',
  'POST /api/v1/webhooks/deliveries',
];

/** Every route the running server registered, as `METHOD /path`. */
function registeredRouteNames(server: TestServer): string[] {
  return registeredRoutes(server).map((r) => `${r.method} ${r.path}`);
}

/** One request an administrator (or owner) makes successfully; everyone else must be refused. */
interface Attempt {
  path: string;
  params?: Params;
}

function refused(res: ApiResponse): boolean {
  return (res.status === 400 || res.status === 403) && res.body.result === 'error';
}

describe('security: privilege', () => {
  let server: TestServer;
  let admin: TestUser;
  let member: TestUser;
  let moderator: TestUser;
  let guest: TestUser;
  let genericBot: TestUser;
  let publicStreamId: number;
  /** Surfaces of everyone below an administrator. */
  let belowAdmin: Surface[];
  let counter = 0;
  const unique = (prefix: string) => `${prefix}${++counter}${Date.now().toString(36)}`;

  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    admin = await server.createUser({ role: Role.Administrator, fullName: 'Ada Admin' });
    member = await server.createUser({ fullName: 'Mia Member' });
    moderator = await server.createUser({ role: Role.Moderator, fullName: 'Moe Moderator' });
    guest = await server.createUser({ role: Role.Guest, fullName: 'Gus Guest' });
    // A bot of the owner: it must not inherit its owner's rights.
    genericBot = await createBot(server.owner, 1, 'Owner Bot');
    publicStreamId = await createStream(server, 'agora', {
      subscribers: [server.owner, admin, member, moderator, guest],
    });
    belowAdmin = [
      apiSurface(server, member),
      apiSurface(server, moderator),
      apiSurface(server, guest),
      apiSurface(server, genericBot),
      await jsonSurface(server, member),
      await jsonSurface(server, guest),
    ];
  });

  afterAll(() => server.stop());

  async function createBot(owner: TestUser, botType: number, fullName: string): Promise<TestUser> {
    const res = await server.client(owner).post('/bots', {
      full_name: fullName,
      short_name: unique('bot'),
      bot_type: botType,
      ...(botType === 3 ? { payload_url: 'http://127.0.0.1:9/hook', interface_type: 1 } : {}),
    });
    expectOk(res);
    const row = await server.db.one<{ email: string; api_key: string }>(
      'SELECT email, api_key FROM users WHERE id = $1',
      [res.body.user_id],
    );
    return {
      id: res.body.user_id as number,
      email: row!.email,
      apiKey: row!.api_key,
      fullName,
      password: '',
      row: (await server.db.one('SELECT * FROM users WHERE id = $1', [res.body.user_id]))!,
    };
  }

  async function freshStream(): Promise<number> {
    return createStream(server, unique('s'), { subscribers: [server.owner, admin, member] });
  }

  async function adminCreates(path: string, params: Params, idField: string): Promise<number> {
    const res = await server.client(admin).post(path, params);
    expectOk(res);
    return res.body[idField] as number;
  }

  /** A request an administrator succeeds with, for each admin-only route (fresh targets each time). */
  const ADMIN_ATTEMPTS: Record<string, () => Promise<Attempt>> = {
    'POST /api/v1/invites/multiuse': async () => ({
      path: '/invites/multiuse',
      params: { invite_as: Role.Member },
    }),
    'POST /api/v1/realm/profile_fields': async () => ({
      path: '/realm/profile_fields',
      params: { name: unique('Field '), field_type: 1 },
    }),
    'PATCH /api/v1/realm/profile_fields': async () => {
      await adminCreates('/realm/profile_fields', { name: unique('F'), field_type: 1 }, 'id');
      const fields = await server.client(admin).get('/realm/profile_fields');
      const ids = (fields.body.custom_fields as Array<{ id: number }>).map((f) => f.id);
      return { path: '/realm/profile_fields', params: { order: ids.reverse() } };
    },
    'PATCH /api/v1/realm/profile_fields/:field_id': async () => {
      const id = await adminCreates(
        '/realm/profile_fields',
        { name: unique('F'), field_type: 1 },
        'id',
      );
      return { path: `/realm/profile_fields/${id}`, params: { name: unique('Renamed ') } };
    },
    'DELETE /api/v1/realm/profile_fields/:field_id': async () => {
      const id = await adminCreates(
        '/realm/profile_fields',
        { name: unique('F'), field_type: 1 },
        'id',
      );
      return { path: `/realm/profile_fields/${id}` };
    },
    'PATCH /api/v1/streams/:stream_id': async () => ({
      path: `/streams/${await freshStream()}`,
      params: { description: 'changed by whoever may' },
    }),
    'DELETE /api/v1/streams/:stream_id': async () => ({ path: `/streams/${await freshStream()}` }),
    'POST /api/v1/default_streams': async () => ({
      path: '/default_streams',
      params: { stream_id: await freshStream() },
    }),
    'DELETE /api/v1/default_streams': async () => {
      const streamId = await freshStream();
      expectOk(await server.client(admin).post('/default_streams', { stream_id: streamId }));
      return { path: '/default_streams', params: { stream_id: streamId } };
    },
    'PATCH /api/v1/realm': async () => ({
      path: '/realm',
      params: { description: unique('described ') },
    }),
    'POST /api/v1/users': async () => ({
      path: '/users',
      params: {
        email: `${unique('new')}@example.com`,
        password: 'a long and unguessable password 314159',
        full_name: 'New Person',
      },
    }),
    'PATCH /api/v1/users/:id': async () => {
      const target = await server.createUser();
      return { path: `/users/${target.id}`, params: { full_name: 'Renamed Person' } };
    },
    'DELETE /api/v1/users/:id': async () => ({ path: `/users/${(await server.createUser()).id}` }),
    'POST /api/v1/users/:id/reactivate': async () => {
      const target = await server.createUser();
      expectOk(await server.client(admin).delete(`/users/${target.id}`));
      return { path: `/users/${target.id}/reactivate` };
    },
    'POST /api/v1/realm/filters': async () => ({
      path: '/realm/filters',
      params: { pattern: `${unique('T')}-(?P<id>[0-9]+)`, url_template: 'https://t.example/{id}' },
    }),
    'PATCH /api/v1/realm/filters/:filter_id': async () => {
      const pattern = `${unique('P')}-(?P<id>[0-9]+)`;
      const id = await adminCreates(
        '/realm/filters',
        { pattern, url_template: 'https://t.example/{id}' },
        'id',
      );
      return {
        path: `/realm/filters/${id}`,
        params: { pattern, url_template: 'https://other.example/{id}' },
      };
    },
    'DELETE /api/v1/realm/filters/:filter_id': async () => {
      const id = await adminCreates(
        '/realm/filters',
        { pattern: `${unique('D')}-(?P<id>[0-9]+)`, url_template: 'https://t.example/{id}' },
        'id',
      );
      return { path: `/realm/filters/${id}` };
    },
    'PATCH /api/v1/realm/linkifiers': async () => {
      await adminCreates(
        '/realm/filters',
        { pattern: `${unique('O')}-(?P<id>[0-9]+)`, url_template: 'https://t.example/{id}' },
        'id',
      );
      const listed = await server.client(admin).get('/realm/linkifiers');
      const ids = (listed.body.linkifiers as Array<{ id: number }>).map((l) => l.id);
      return { path: '/realm/linkifiers', params: { ordered_linkifier_ids: ids.reverse() } };
    },
    'POST /api/v1/realm/playgrounds': async () => ({
      path: '/realm/playgrounds',
      params: {
        name: unique('Play'),
        pygments_language: 'Python',
        url_template: 'https://play.example/?c={code}',
      },
    }),
    'DELETE /api/v1/realm/playgrounds/:playground_id': async () => {
      const id = await adminCreates(
        '/realm/playgrounds',
        {
          name: unique('Play'),
          pygments_language: 'Rust',
          url_template: 'https://play.example/?c={code}',
        },
        'id',
      );
      return { path: `/realm/playgrounds/${id}` };
    },
    'GET /api/v1/bridges': async () => ({ path: '/bridges' }),
    'PATCH /api/v1/realm/user_settings_defaults': async () => ({
      path: '/realm/user_settings_defaults',
      params: { enter_sends: counter % 2 === 0 },
    }),
    'POST /api/v1/streams/:stream_id/delete_topic': async () => {
      await sendToStream(server.client(member), 'agora', 'doomed', 'a topic to delete');
      return { path: `/streams/${publicStreamId}/delete_topic`, params: { topic_name: 'doomed' } };
    },
  };

  /** A request an owner succeeds with, for each owner-only route; administrators are refused too. */
  const OWNER_ATTEMPTS: Record<string, () => Promise<Attempt>> = {
    'POST /api/v1/realm/domains': async () => ({
      path: '/realm/domains',
      params: { domain: `${unique('d')}.example`, allow_subdomains: false },
    }),
    'PATCH /api/v1/realm/domains/:domain': async () => {
      const domain = `${unique('p')}.example`;
      expectOk(await server.client(server.owner).post('/realm/domains', { domain }));
      return { path: `/realm/domains/${domain}`, params: { allow_subdomains: true } };
    },
    'DELETE /api/v1/realm/domains/:domain': async () => {
      const domain = `${unique('r')}.example`;
      expectOk(await server.client(server.owner).post('/realm/domains', { domain }));
      return { path: `/realm/domains/${domain}` };
    },
  };

  /** Admin-only uses of routes open to everyone. */
  const ADMIN_ONLY_USES: Array<[string, string, () => Promise<Attempt>]> = [
    [
      'every stream of the realm',
      'GET',
      async () => ({ path: '/streams', params: { include_all_active: true } }),
    ],
    [
      "another user's custom profile data",
      'PATCH',
      async () => {
        const id = await adminCreates(
          '/realm/profile_fields',
          { name: unique('F'), field_type: 1 },
          'id',
        );
        return {
          path: `/users/${member.id}`,
          params: { profile_data: [{ id, value: 'set by an admin' }] },
        };
      },
    ],
  ];

  it('every route the server registered is classified, and no classified route is gone', () => {
    const registered = registeredRouteNames(server);
    expect(registered.filter((r) => !(r in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !registered.includes(r))).toEqual([]);
    const needing = (access: Access) =>
      Object.keys(ROUTES)
        .filter((r) => ROUTES[r] === access)
        .sort();
    expect(Object.keys(ADMIN_ATTEMPTS).sort()).toEqual(needing('admin'));
    expect(Object.keys(OWNER_ATTEMPTS).sort()).toEqual(needing('owner'));
  });

  /** Refused on every surface below `floor`, then accepted for `by`: the refusal was the role. */
  async function expectOnlyFor(
    label: string,
    method: string,
    attempt: () => Promise<Attempt>,
    surfaces: Surface[],
    by: TestUser,
  ): Promise<string[]> {
    const problems: string[] = [];
    const { path, params } = await attempt();
    for (const surface of surfaces) {
      const res = await surface.call(method, path, params);
      if (!refused(res)) {
        problems.push(`${label} via ${surface.name}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    const allowed = await apiSurface(server, by).call(method, path, params);
    if (allowed.status !== 200) {
      problems.push(
        `${label} as ${by.fullName}: ${allowed.status} ${JSON.stringify(allowed.body)}`,
      );
    }
    return problems;
  }

  it('refuses every admin-only route to members, moderators, guests and bots', async () => {
    const problems: string[] = [];
    for (const [route, attempt] of Object.entries(ADMIN_ATTEMPTS)) {
      const method = route.split(' ')[0];
      problems.push(...(await expectOnlyFor(route, method, attempt, belowAdmin, admin)));
    }
    for (const [label, method, attempt] of ADMIN_ONLY_USES) {
      problems.push(...(await expectOnlyFor(label, method, attempt, belowAdmin, admin)));
    }
    expect(problems).toEqual([]);
  });

  it('refuses every owner-only route to administrators and everyone below', async () => {
    const problems: string[] = [];
    const belowOwner = [apiSurface(server, admin), await jsonSurface(server, admin), ...belowAdmin];
    for (const [route, attempt] of Object.entries(OWNER_ATTEMPTS)) {
      const method = route.split(' ')[0];
      problems.push(...(await expectOnlyFor(route, method, attempt, belowOwner, server.owner)));
    }
    expect(problems).toEqual([]);
  });

  it('an administrator can neither demote nor deactivate an owner, nor make one', async () => {
    const secondOwner = await server.createUser({ role: Role.Owner, fullName: 'Second Owner' });
    const adminApi = apiSurface(server, admin);
    const adminJson = await jsonSurface(server, admin);
    const problems: string[] = [];
    for (const surface of [adminApi, adminJson]) {
      for (const [method, path, params] of [
        ['PATCH', `/users/${secondOwner.id}`, { role: Role.Member }],
        ['PATCH', `/users/${secondOwner.id}`, { role: Role.Administrator }],
        ['DELETE', `/users/${secondOwner.id}`, {}],
        ['PATCH', `/users/${member.id}`, { role: Role.Owner }],
      ] as Array<[string, string, Params]>) {
        const res = await surface.call(method, path, params);
        if (!refused(res))
          problems.push(`${method} ${path} ${JSON.stringify(params)} via ${surface.name}`);
      }
    }
    expect(problems).toEqual([]);
    const row = await server.db.one<{ role: number; is_active: boolean }>(
      'SELECT role, is_active FROM users WHERE id = $1',
      [secondOwner.id],
    );
    expect(row).toEqual({ role: Role.Owner, is_active: true });
    expect((await server.client(member).get('/users/me')).body.role).toBe(Role.Member);
    // An owner may.
    expectOk(
      await server.client(server.owner).patch(`/users/${secondOwner.id}`, { role: Role.Member }),
    );
  });

  it("refuses bots on every people-only route, with Zulip's error, whatever their role", async () => {
    const humanRoutes = Object.keys(ROUTES).filter((r) => ROUTES[r] === 'human');
    expect(humanRoutes.length).toBeGreaterThan(0);
    const adminBot = await createBot(server.owner, 1, 'Admin Bot');
    expectOk(
      await server
        .client(server.owner)
        .patch(`/users/${adminBot.id}`, { role: Role.Administrator }),
    );
    const problems: string[] = [];
    for (const route of humanRoutes) {
      const [method, template] = route.split(' ');
      const path = template.slice('/api/v1'.length).replace(/:[a-z_]+/g, '1');
      for (const bot of [genericBot, adminBot]) {
        const res = await server.client(bot).call(method, path, { token: 'abc1' });
        if (res.status !== 400 || res.body.msg !== 'This endpoint does not accept bot requests.') {
          problems.push(`${route} as ${bot.fullName}: ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('an incoming-webhook bot can only send (and know itself)', async () => {
    const hook = await createBot(member, 2, 'Hook Bot');
    const api = server.client(hook);
    const problems: string[] = [];
    const apiRoutes = registeredRouteNames(server).filter(
      (r) => r.split(' ')[1].startsWith('/api/v1/') && ROUTES[r] !== 'public',
    );
    for (const route of apiRoutes) {
      if (INCOMING_WEBHOOK_BOT_ROUTES.includes(route)) continue;
      const [method, template] = route.split(' ');
      const path = template
        .slice('/api/v1'.length)
        .replace(/:([a-z_]+)|\*path/g, (m) => (m === ':domain' ? 'x.example' : '1'));
      const res = await api.call(method, path, { dont_block: true });
      if (res.status !== 403 || !/not available to incoming webhook bots/.test(res.body.msg)) {
        problems.push(`${route}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(apiRoutes.length).toBeGreaterThan(100);
    // What it may do, it does.
    expectOk(
      await api.post('/messages', { type: 'stream', to: 'agora', topic: 'hook', content: 'sent' }),
    );
    expect((await api.get('/users/me')).body).toMatchObject({ user_id: hook.id, is_bot: true });
  });

  it('a generic bot cannot create bots or get at any key', async () => {
    const sibling = await createBot(server.owner, 1, 'Sibling Bot');
    const api = server.client(genericBot);
    const create = await api.post('/bots', { full_name: 'Bot Spawn', short_name: unique('spawn') });
    expect(refused(create)).toBe(true);
    for (const [method, path] of [
      ['GET', `/bots/${sibling.id}/zuliprc`],
      ['POST', `/bots/${sibling.id}/api_key/regenerate`],
      ['GET', `/bots/${genericBot.id}/zuliprc`],
    ]) {
      const res = await api.call(method, path);
      expect([method, path, refused(res)]).toEqual([method, path, true]);
    }
    // The bots list and the initial state name no bot, and so no key, to a bot.
    expect((await api.get('/bots')).body.bots).toEqual([]);
    const state = await api.post('/register', { fetch_event_types: ['realm_bot'] });
    expect(JSON.stringify(state.body)).not.toContain(sibling.apiKey);
    // Nor can it sign in for a key.
    const fetched = await server
      .client()
      .post('/fetch_api_key', { username: sibling.email, password: sibling.apiKey });
    expect(fetched.status).toBe(401);
    // Its owner can.
    expectOk(await server.client(server.owner).get(`/bots/${sibling.id}/zuliprc`));
  });

  it('no account, however privileged, opens a shared-secret route', async () => {
    const secretRoutes = Object.keys(ROUTES).filter((r) => ROUTES[r] === 'secret');
    expect(secretRoutes.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const route of secretRoutes) {
      const [method, path] = route.split(' ');
      for (const user of [server.owner, admin, member, genericBot]) {
        const res = await request(server.url, method, path, {
          credentials: user,
          headers: { 'content-type': 'message/rfc822' },
          body: Buffer.from('Subject: hi\r\n\r\nhello\r\n'),
        });
        if (res.status !== 401) problems.push(`${route} as ${user.fullName}: ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('API super user rights cannot be granted through the API', async () => {
    const hopeful = await createBot(server.owner, 1, 'Hopeful Bot');
    const owner = server.client(server.owner);
    const ownerJson = await jsonSurface(server, server.owner);
    const tries: Array<[string, string, Params]> = [
      ['PATCH', `/users/${member.id}`, { is_api_super_user: true }],
      ['PATCH', `/users/${hopeful.id}`, { is_api_super_user: true }],
      ['PATCH', `/bots/${hopeful.id}`, { is_api_super_user: true }],
      ['PATCH', '/settings', { is_api_super_user: true }],
    ];
    for (const [method, path, params] of tries) {
      await owner.call(method, path, params);
      await ownerJson.call(method, path, params);
    }
    const made = await owner.post('/bots', {
      full_name: 'Born Super',
      short_name: unique('super'),
      is_api_super_user: true,
    });
    const rows = await server.db.rows<{ id: number }>(
      'SELECT id FROM users WHERE realm_id = $1 AND is_api_super_user',
      [server.realm.id],
    );
    expect(rows).toEqual([]);
    // And so none of them may speak for someone else.
    for (const id of [hopeful.id, made.body.user_id as number | undefined].filter(
      (x): x is number => x !== undefined,
    )) {
      const row = await server.db.one<{ email: string; api_key: string }>(
        'SELECT email, api_key FROM users WHERE id = $1',
        [id],
      );
      const forged = await server
        .client({ email: row!.email, apiKey: row!.api_key })
        .post('/messages', {
          type: 'stream',
          to: 'agora',
          topic: 'forged',
          content: 'as someone else',
          sender: member.email,
          forged: true,
          client: 'irc_mirror',
        });
      expect(refused(forged)).toBe(true);
    }
  });
});
