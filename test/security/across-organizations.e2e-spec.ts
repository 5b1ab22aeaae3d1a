import sharp from 'sharp';
import WebSocket from 'ws';
import { EVENTS_SOCKET_PATH } from '../../apps/server/src/events/queues/events.gateway';
import type { Realm } from '../../apps/server/src/identity/realm.types';
import { Role } from '../../apps/server/src/identity/user.types';
import { eventually } from '../events/event-fixtures';
import { rawRequest, type ApiResponse } from '../helpers/api-client';
import type { TestServer, TestUser } from '../helpers/test-server';
import { GatewayStack } from '../gateway/helpers/gateway-stack';
import { createStream, expectOk, sendToStream } from '../messages/message-fixtures';
import { request, uploadFile } from '../uploads/upload-client';
import { apiSurface, jsonSurface, Params, Surface } from './surfaces';

/*
 * Security class "across organizations": nothing of organization A is reachable from
 * organization B's host or with B's credentials — no id of a user, stream, message, upload, bot,
 * emoji, linkifier, user group, draft (and the rest of A's objects), no event, no session, no
 * webhook. Every probe is made by B's owner (the most powerful account there) on `/api/v1` and
 * on `/json`, and the same request then succeeds for A's own user on A's host, so a refusal is
 * the organization boundary and not a malformed request.
 */

/** A's host is the root domain; B lives on its subdomain. */
const A_HOST = 'localhost';
const B_HOST = 'beta.localhost';
/** In the name of everything A creates, so a leak shows up in any answer B gets. */
const A_MARK = 'alphaonly';

interface Probe {
  label: string;
  /** Who on A's host succeeds with the request (the control). */
  as: () => TestUser;
  make: () => Promise<{ method: string; path: string; params?: Params }>;
}

/** Whether an answer names something of A's that the request itself did not. */
function leaks(res: ApiResponse, path: string, params: Params = {}): boolean {
  return (
    JSON.stringify(res.body).includes(A_MARK) &&
    !`${path}${JSON.stringify(params)}`.includes(A_MARK)
  );
}

function refused(res: ApiResponse): boolean {
  return res.status >= 400 && res.status < 500 && res.body.result === 'error';
}

describe('security: across organizations', () => {
  let stack: GatewayStack;
  let server: TestServer;
  let realmB: Realm;
  let aOwner: TestUser;
  let aMember: TestUser;
  let bOwner: TestUser;
  let bMember: TestUser;
  let bSurfaces: Surface[];
  let aPublic: number;
  let bStream: number;
  let aMessage: number;
  let aUploadPath: string;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}${A_MARK}${++counter}`;

  beforeAll(async () => {
    stack = await GatewayStack.start();
    server = stack.server;
    aOwner = server.owner;
    aMember = await server.createUser({ fullName: `Amy ${A_MARK}` });
    realmB = await server.createRealm('beta', 'Beta Org');
    bOwner = await server.createUser({ role: Role.Owner, realm: realmB, fullName: 'Bo Owner' });
    bMember = await server.createUser({ realm: realmB, fullName: 'Bree Member' });
    aPublic = await createStream(server, `public-${A_MARK}`, { subscribers: [aOwner, aMember] });
    aMessage = await sendToStream(server.client(aMember), aPublic, 'news', `secret ${A_MARK}`);
    const upload = await uploadFile(server.url, aMember, {
      name: `${A_MARK}.txt`,
      type: 'text/plain',
      data: Buffer.from('the contents of an upload of A'),
    });
    aUploadPath = upload.json().url as string;
    // B's own stream, made by B's owner on B's host.
    expectOk(
      await server.client(bOwner, B_HOST).post('/users/me/subscriptions', {
        subscriptions: [{ name: 'beta-talk' }],
        principals: [bOwner.id, bMember.id],
      }),
    );
    bStream = (await server.client(bOwner, B_HOST).get('/get_stream_id', { stream: 'beta-talk' }))
      .body.stream_id as number;
    bSurfaces = [apiSurface(server, bOwner, B_HOST), await jsonSurface(server, bOwner, B_HOST)];
  });

  afterAll(() => stack.stop());

  const a = (user: TestUser) => server.client(user, A_HOST);

  async function aCreates(user: TestUser, path: string, params: Params, field: string) {
    const res = await a(user).post(path, params);
    expectOk(res);
    return res.body[field] as number;
  }

  async function aBot(): Promise<number> {
    return aCreates(
      aMember,
      '/bots',
      { full_name: unique('Bot '), short_name: unique('b') },
      'user_id',
    );
  }

  async function aGroup(): Promise<number> {
    return aCreates(
      aOwner,
      '/user_groups/create',
      { name: unique('group '), description: 'A only', members: [aMember.id] },
      'group_id',
    );
  }

  async function aLinkifier(): Promise<number> {
    return aCreates(
      aOwner,
      '/realm/filters',
      { pattern: `${unique('L')}-(?P<id>[0-9]+)`, url_template: 'https://a.example/{id}' },
      'id',
    );
  }

  async function aField(): Promise<number> {
    return aCreates(aOwner, '/realm/profile_fields', { name: unique('F'), field_type: 1 }, 'id');
  }

  async function aDraft(): Promise<number> {
    const res = await a(aMember).post('/drafts', {
      drafts: [
        { type: 'stream', to: [aPublic], topic: 't', content: A_MARK, timestamp: 1_700_000_000 },
      ],
    });
    expectOk(res);
    return (res.body.ids as number[])[0];
  }

  async function aScheduled(): Promise<number> {
    return aCreates(
      aMember,
      '/scheduled_messages',
      {
        type: 'stream',
        to: aPublic,
        topic: 'later',
        content: A_MARK,
        scheduled_delivery_timestamp: Math.floor(Date.now() / 1000) + 86400,
      },
      'scheduled_message_id',
    );
  }

  async function aEmoji(): Promise<string> {
    const name = unique('emoji_');
    const png = await sharp({
      create: { width: 16, height: 16, channels: 4, background: '#3366ff' },
    })
      .png()
      .toBuffer();
    const res = await uploadFile(
      server.url,
      aMember,
      { name: `${name}.png`, type: 'image/png', data: png },
      { path: `/api/v1/realm/emoji/${name}`, host: A_HOST },
    );
    if (res.status !== 200) throw new Error(`emoji upload: ${res.body.toString()}`);
    return name;
  }

  async function aAttachment(): Promise<number> {
    const up = await uploadFile(
      server.url,
      aMember,
      { name: `${unique('f')}.txt`, type: 'text/plain', data: Buffer.from('x') },
      { host: A_HOST },
    );
    const url = up.json().url as string;
    const list = await a(aMember).get('/attachments');
    const found = (list.body.attachments as Array<{ id: number; path_id: string }>).find((x) =>
      url.endsWith(x.path_id),
    );
    return found!.id;
  }

  async function aInvite(): Promise<number> {
    const email = `${unique('inv')}@example.com`;
    expectOk(await a(aOwner).post('/invites', { invitee_emails: email, stream_ids: [aPublic] }));
    const list = await a(aOwner).get('/invites');
    return (list.body.invites as Array<{ id: number; email: string }>).find(
      (i) => i.email === email,
    )!.id;
  }

  const fresh = async () => sendToStream(a(aMember), aPublic, 'fresh', `more ${A_MARK}`);
  const get = (path: string, params?: Params) => async () => ({ method: 'GET', path, params });

  const PROBES: Probe[] = [
    // Users.
    { label: 'a user by id', as: () => aOwner, make: async () => get(`/users/${aMember.id}`)() },
    {
      label: 'a user by email',
      as: () => aOwner,
      make: async () => get(`/users/${aMember.email}`)(),
    },
    {
      label: "a user's presence",
      as: () => aOwner,
      make: async () => {
        expectOk(await a(aMember).post('/users/me/presence', { status: 'active' }));
        return get(`/users/${aMember.id}/presence`)();
      },
    },
    {
      label: "a user's status",
      as: () => aOwner,
      make: async () => get(`/users/${aMember.id}/status`)(),
    },
    {
      label: "a user's subscription",
      as: () => aOwner,
      make: async () => get(`/users/${aMember.id}/subscriptions/${aPublic}`)(),
    },
    {
      label: 'renaming a user',
      as: () => aOwner,
      make: async () => ({
        method: 'PATCH',
        path: `/users/${aMember.id}`,
        params: { full_name: `Amy ${A_MARK}` },
      }),
    },
    {
      label: 'deactivating a user',
      as: () => aOwner,
      make: async () => ({ method: 'DELETE', path: `/users/${(await server.createUser()).id}` }),
    },
    {
      label: 'reactivating a user',
      as: () => aOwner,
      make: async () => {
        const u = await server.createUser();
        expectOk(await a(aOwner).delete(`/users/${u.id}`));
        return { method: 'POST', path: `/users/${u.id}/reactivate` };
      },
    },
    {
      label: 'a direct message to a user',
      as: () => aOwner,
      make: async () => ({
        method: 'POST',
        path: '/messages',
        params: { type: 'direct', to: [aMember.id], content: 'hello there' },
      }),
    },
    {
      label: 'muting a user',
      as: () => aOwner,
      make: async () => ({
        method: 'POST',
        path: `/users/me/muted_users/${(await server.createUser()).id}`,
      }),
    },
    {
      label: 'typing to a user',
      as: () => aOwner,
      make: async () => ({
        method: 'POST',
        path: '/typing',
        params: { op: 'start', to: [aMember.id] },
      }),
    },
    // Streams.
    { label: 'a stream by id', as: () => aMember, make: async () => get(`/streams/${aPublic}`)() },
    {
      label: "a stream's members",
      as: () => aMember,
      make: async () => get(`/streams/${aPublic}/members`)(),
    },
    {
      label: "a stream's topics",
      as: () => aMember,
      make: async () => get(`/users/me/${aPublic}/topics`)(),
    },
    {
      label: 'changing a stream',
      as: () => aOwner,
      make: async () => ({
        method: 'PATCH',
        path: `/streams/${aPublic}`,
        params: { description: A_MARK },
      }),
    },
    {
      label: 'deleting a stream',
      as: () => aOwner,
      make: async () => ({
        method: 'DELETE',
        path: `/streams/${await createStream(server, unique('s'), { subscribers: [aOwner] })}`,
      }),
    },
    {
      label: 'a default stream',
      as: () => aOwner,
      make: async () => ({
        method: 'POST',
        path: '/default_streams',
        params: { stream_id: await createStream(server, unique('d'), { subscribers: [aOwner] }) },
      }),
    },
    {
      label: 'sending to a stream by id',
      as: () => aMember,
      make: async () => ({
        method: 'POST',
        path: '/messages',
        params: { type: 'stream', to: aPublic, topic: 'in', content: 'hi' },
      }),
    },
    {
      label: 'marking a stream read',
      as: () => aMember,
      make: async () => ({
        method: 'POST',
        path: '/mark_stream_as_read',
        params: { stream_id: aPublic },
      }),
    },
    {
      label: 'muting a topic',
      as: () => aMember,
      make: async () => ({
        method: 'POST',
        path: '/user_topics',
        params: { stream_id: aPublic, topic: 'news', visibility_policy: 1 },
      }),
    },
    {
      label: 'deleting a topic',
      as: () => aOwner,
      make: async () => {
        await sendToStream(a(aMember), aPublic, 'doomed', 'bye');
        return {
          method: 'POST',
          path: `/streams/${aPublic}/delete_topic`,
          params: { topic_name: 'doomed' },
        };
      },
    },
    // Messages.
    {
      label: 'a message by id',
      as: () => aMember,
      make: async () => get(`/messages/${aMessage}`)(),
    },
    {
      label: "a message's history",
      as: () => aMember,
      make: async () => get(`/messages/${aMessage}/history`)(),
    },
    {
      label: "a message's read receipts",
      as: () => aMember,
      make: async () => get(`/messages/${aMessage}/read_receipts`)(),
    },
    {
      label: 'editing a message',
      as: () => aOwner,
      make: async () => ({
        method: 'PATCH',
        path: `/messages/${await fresh()}`,
        params: { topic: 'moved' },
      }),
    },
    {
      label: 'deleting a message',
      as: () => aOwner,
      make: async () => ({ method: 'DELETE', path: `/messages/${await fresh()}` }),
    },
    {
      label: 'reacting to a message',
      as: () => aMember,
      make: async () => ({
        method: 'POST',
        path: `/messages/${await fresh()}/reactions`,
        params: { emoji_name: 'octopus' },
      }),
    },
    {
      label: 'starring a message',
      as: () => aMember,
      make: async () => ({
        method: 'POST',
        path: '/messages/flags',
        params: { messages: [await fresh()], op: 'add', flag: 'starred' },
      }),
    },
    // Uploads.
    {
      label: 'an upload through the API',
      as: () => aMember,
      make: async () => get(aUploadPath)(),
    },
    {
      label: 'deleting an attachment',
      as: () => aMember,
      make: async () => ({ method: 'DELETE', path: `/attachments/${await aAttachment()}` }),
    },
    // Bots.
    {
      label: "a bot's zuliprc",
      as: () => aMember,
      make: async () => get(`/bots/${await aBot()}/zuliprc`)(),
    },
    {
      label: "regenerating a bot's key",
      as: () => aMember,
      make: async () => ({ method: 'POST', path: `/bots/${await aBot()}/api_key/regenerate` }),
    },
    {
      label: 'changing a bot',
      as: () => aMember,
      make: async () => ({
        method: 'PATCH',
        path: `/bots/${await aBot()}`,
        params: { full_name: unique('Re ') },
      }),
    },
    {
      label: 'deactivating a bot',
      as: () => aMember,
      make: async () => ({ method: 'DELETE', path: `/bots/${await aBot()}` }),
    },
    // Custom emoji.
    {
      label: 'deleting a custom emoji',
      as: () => aMember,
      make: async () => ({ method: 'DELETE', path: `/realm/emoji/${await aEmoji()}` }),
    },
    // Linkifiers.
    {
      label: 'changing a linkifier',
      as: () => aOwner,
      make: async () => ({
        method: 'PATCH',
        path: `/realm/filters/${await aLinkifier()}`,
        params: {
          pattern: `${unique('C')}-(?P<id>[0-9]+)`,
          url_template: 'https://b.example/{id}',
        },
      }),
    },
    {
      label: 'deleting a linkifier',
      as: () => aOwner,
      make: async () => ({ method: 'DELETE', path: `/realm/filters/${await aLinkifier()}` }),
    },
    // User groups.
    {
      label: "a group's members",
      as: () => aMember,
      make: async () => get(`/user_groups/${await aGroup()}/members`)(),
    },
    {
      label: "a group's subgroups",
      as: () => aMember,
      make: async () => get(`/user_groups/${await aGroup()}/subgroups`)(),
    },
    {
      label: 'group membership of a user',
      as: () => aMember,
      make: async () => get(`/user_groups/${await aGroup()}/members/${aMember.id}`)(),
    },
    {
      label: 'changing a group',
      as: () => aOwner,
      make: async () => ({
        method: 'PATCH',
        path: `/user_groups/${await aGroup()}`,
        params: { description: 'changed' },
      }),
    },
    {
      label: "changing a group's members",
      as: () => aOwner,
      make: async () => ({
        method: 'POST',
        path: `/user_groups/${await aGroup()}/members`,
        params: { add: [aOwner.id] },
      }),
    },
    {
      label: 'deleting a group',
      as: () => aOwner,
      make: async () => ({ method: 'DELETE', path: `/user_groups/${await aGroup()}` }),
    },
    // Drafts and scheduled messages.
    {
      label: 'changing a draft',
      as: () => aMember,
      make: async () => ({
        method: 'PATCH',
        path: `/drafts/${await aDraft()}`,
        params: { draft: { type: '', to: [], topic: '', content: 'changed' } },
      }),
    },
    {
      label: 'deleting a draft',
      as: () => aMember,
      make: async () => ({ method: 'DELETE', path: `/drafts/${await aDraft()}` }),
    },
    {
      label: 'changing a scheduled message',
      as: () => aMember,
      make: async () => ({
        method: 'PATCH',
        path: `/scheduled_messages/${await aScheduled()}`,
        params: { content: 'changed' },
      }),
    },
    {
      label: 'deleting a scheduled message',
      as: () => aMember,
      make: async () => ({ method: 'DELETE', path: `/scheduled_messages/${await aScheduled()}` }),
    },
    // Organization settings objects.
    {
      label: 'changing a custom profile field',
      as: () => aOwner,
      make: async () => ({
        method: 'PATCH',
        path: `/realm/profile_fields/${await aField()}`,
        params: { name: unique('R') },
      }),
    },
    {
      label: 'deleting a custom profile field',
      as: () => aOwner,
      make: async () => ({ method: 'DELETE', path: `/realm/profile_fields/${await aField()}` }),
    },
    {
      label: "setting a profile field of A's",
      as: () => aMember,
      make: async () => ({
        method: 'PATCH',
        path: '/users/me/profile_data',
        params: { data: [{ id: await aField(), value: 'mine' }] },
      }),
    },
    {
      label: 'deleting a code playground',
      as: () => aOwner,
      make: async () => ({
        method: 'DELETE',
        path: `/realm/playgrounds/${await aCreates(
          aOwner,
          '/realm/playgrounds',
          {
            name: unique('P'),
            pygments_language: 'Python',
            url_template: 'https://p.example/{code}',
          },
          'id',
        )}`,
      }),
    },
    {
      label: 'revoking an invitation',
      as: () => aOwner,
      make: async () => ({ method: 'DELETE', path: `/invites/${await aInvite()}` }),
    },
  ];

  it('refuses every id of A to B, on /api/v1 and /json', async () => {
    const problems: string[] = [];
    for (const probe of PROBES) {
      const { method, path, params } = await probe.make();
      for (const surface of bSurfaces) {
        const res = await surface.call(method, path, params);
        if (!refused(res) || leaks(res, path, params)) {
          problems.push(
            `${probe.label} via ${surface.name}: ${res.status} ${JSON.stringify(res.body)}`,
          );
        }
      }
      const control = await a(probe.as()).call(
        method,
        path,
        params,
        method === 'GET' ? 'query' : 'form',
      );
      if (control.status !== 200) {
        problems.push(
          `${probe.label}: A's own request failed: ${control.status} ${JSON.stringify(control.body)}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it("refuses to mix A's users and streams into B's objects", async () => {
    const b = server.client(bOwner, B_HOST);
    const bMessage = await sendToStream(b, bStream, 'home', 'a message of B');
    const problems: string[] = [];
    const tries: Array<[string, string, string, Params]> = [
      [
        'subscribing a user of A',
        'POST',
        '/users/me/subscriptions',
        {
          subscriptions: [{ name: 'beta-talk' }],
          principals: [aMember.id],
        },
      ],
      [
        'a group direct message with a user of A',
        'POST',
        '/messages',
        {
          type: 'direct',
          to: [bMember.id, aMember.id],
          content: 'hi both',
        },
      ],
      [
        'a group with a member of A',
        'POST',
        '/user_groups/create',
        {
          name: 'mixed',
          description: 'd',
          members: [bMember.id, aMember.id],
        },
      ],
      [
        'moving a message into a stream of A',
        'PATCH',
        `/messages/${bMessage}`,
        {
          stream_id: aPublic,
          propagate_mode: 'change_one',
        },
      ],
      ['giving a bot to a user of A', 'POST', '/bots', { full_name: 'Gift', short_name: 'gift' }],
      [
        'reacting with an emoji of A',
        'POST',
        `/messages/${bMessage}/reactions`,
        {
          emoji_name: await aEmoji(),
        },
      ],
      [
        'inviting into a stream of A',
        'POST',
        '/invites',
        {
          invitee_emails: 'someone@example.com',
          stream_ids: [aPublic],
        },
      ],
      [
        'a draft to a stream of A',
        'POST',
        '/drafts',
        {
          drafts: [
            { type: 'stream', to: [aPublic], topic: 't', content: 'c', timestamp: 1_700_000_000 },
          ],
        },
      ],
    ];
    for (const [label, method, path, params] of tries) {
      for (const surface of bSurfaces) {
        const gift = label === 'giving a bot to a user of A';
        let res = await surface.call(
          method,
          path,
          gift ? { full_name: `Gift ${surface.name}`, short_name: `gift${++counter}` } : params,
        );
        if (gift) {
          expectOk(res);
          res = await surface.call('PATCH', `/bots/${res.body.user_id}`, {
            bot_owner_id: aMember.id,
          });
        }
        if (!refused(res))
          problems.push(`${label} via ${surface.name}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("B's lists, initial state and searches name nothing of A", async () => {
    const b = server.client(bOwner, B_HOST);
    const answers = await Promise.all([
      b.post('/register', {}),
      b.get('/users'),
      b.get('/streams', { include_all_active: true }),
      b.get('/realm/emoji'),
      b.get('/realm/linkifiers'),
      b.get('/user_groups'),
      b.get('/realm/profile_fields'),
      b.get('/drafts'),
      b.get('/attachments'),
      b.get('/bots'),
      b.get('/invites'),
      b.get('/realm/presence'),
      b.get('/messages', {
        anchor: 'newest',
        num_before: 100,
        num_after: 0,
        narrow: JSON.stringify([{ operator: 'search', operand: A_MARK }]),
      }),
      b.get('/messages', {
        anchor: 'newest',
        num_before: 100,
        num_after: 0,
        narrow: JSON.stringify([{ operator: 'channel', operand: aPublic }]),
      }),
      b.get('/messages', {
        anchor: aMessage,
        num_before: 0,
        num_after: 0,
        narrow: JSON.stringify([{ operator: 'id', operand: aMessage }]),
      }),
      b.get('/messages/matches_narrow', {
        msg_ids: JSON.stringify([aMessage]),
        narrow: JSON.stringify([]),
      }),
    ]);
    for (const res of answers) {
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(A_MARK);
      expect(text).not.toContain(aMember.email);
    }
    const matches = answers[answers.length - 1];
    expect(matches.body.messages ?? {}).toEqual({});
  });

  it("B's event queues and sockets get nothing of A, and A's queues are not B's", async () => {
    const registered = await server.client(bMember, B_HOST).post('/register', {});
    expectOk(registered);
    const bQueueId = registered.body.queue_id as string;
    const aQueue = await server.client(aMember, A_HOST).post('/register', {});
    const aQueueId = aQueue.body.queue_id as string;

    // A's activity of every kind.
    await sendToStream(a(aMember), aPublic, 'loud', `event ${A_MARK}`);
    await createStream(server, unique('new'), { subscribers: [aOwner, aMember] });
    await server.createUser({ fullName: unique('Late ') });
    await aEmoji();
    await aLinkifier();
    await aGroup();
    // And then one event of B's own, so we know B's queue is caught up.
    const marker = await sendToStream(server.client(bOwner, B_HOST), bStream, 'marker', 'b marker');
    const bEvents = await eventually(async () => {
      const res = await server.client(bMember, B_HOST).get('/events', {
        queue_id: bQueueId,
        last_event_id: -1,
        dont_block: true,
      });
      expectOk(res);
      const events = res.body.events as Array<Record<string, unknown>>;
      if (!events.some((e) => (e.message as { id?: number } | undefined)?.id === marker)) {
        throw new Error('B marker not delivered yet');
      }
      return events;
    });
    expect(JSON.stringify(bEvents)).not.toContain(A_MARK);

    // B cannot read or delete A's queue, on either surface.
    const bJson = bSurfaces[1];
    for (const surface of [apiSurface(server, bMember, B_HOST), bJson]) {
      const read = await surface.call('GET', '/events', {
        queue_id: aQueueId,
        last_event_id: -1,
        dont_block: true,
      });
      expect([surface.name, read.status, read.body.code]).toEqual([
        surface.name,
        400,
        'BAD_EVENT_QUEUE_ID',
      ]);
      const del = await surface.call('DELETE', '/events', { queue_id: aQueueId });
      expect([surface.name, refused(del)]).toEqual([surface.name, true]);
    }
    // Nor over the WebSocket.
    const socket = new WebSocket(server.url.replace('http', 'ws') + EVENTS_SOCKET_PATH, {
      headers: {
        host: B_HOST,
        authorization: `Basic ${Buffer.from(`${bMember.email}:${bMember.apiKey}`).toString('base64')}`,
      },
    });
    const frames: Array<Record<string, unknown>> = [];
    socket.on('message', (data) =>
      frames.push(JSON.parse(data.toString()) as Record<string, unknown>),
    );
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    await eventually(async () => {
      if (!frames.some((f) => f.type === 'auth')) throw new Error('no auth frame yet');
    });
    expect(frames[0]).toMatchObject({ type: 'auth', result: 'success', user_id: bMember.id });
    socket.send(JSON.stringify({ type: 'resume', queue_id: aQueueId, last_event_id: -1 }));
    await eventually(async () => {
      if (frames.length < 2) throw new Error('no answer yet');
    });
    expect(frames[1]).toMatchObject({ type: 'error', code: 'BAD_EVENT_QUEUE_ID' });
    socket.close();
    // A's queue still works for A.
    const own = await a(aMember).get('/events', {
      queue_id: aQueueId,
      last_event_id: -1,
      dont_block: true,
    });
    expect(own.status).toBe(200);
  });

  it("A's uploads are not served on B's host, by link, session or API", async () => {
    // A's member reaches it on A's host.
    const own = await request(server.url, 'GET', aUploadPath, {
      credentials: aMember,
      host: A_HOST,
    });
    expect(own.status).toBe(200);
    // B's owner even links it from a message of B's.
    await sendToStream(
      server.client(bOwner, B_HOST),
      bStream,
      'links',
      `look [here](${aUploadPath})`,
    );
    const bJson = await jsonSurface(server, bMember, B_HOST);
    const cookie = [...bJson.session.cookies]
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('; ');
    const attempts = [
      request(server.url, 'GET', aUploadPath, { credentials: bOwner, host: B_HOST }),
      request(server.url, 'GET', aUploadPath, { credentials: bMember, host: B_HOST }),
      request(server.url, 'GET', aUploadPath, { headers: { cookie }, host: B_HOST }),
      request(server.url, 'GET', `/api/v1${aUploadPath}`, { credentials: bOwner, host: B_HOST }),
      // A's path on A's host with B's credentials.
      request(server.url, 'GET', aUploadPath, { credentials: bOwner, host: A_HOST }),
      request(
        server.url,
        'GET',
        aUploadPath.replace('/user_uploads/', '/user_uploads/thumbnail/'),
        {
          credentials: bOwner,
          host: B_HOST,
        },
      ),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body.toString('utf8')).not.toContain('the contents of an upload of A');
    }
  });

  it("a session of A is nobody on B's host, and credentials of A or B work only at home", async () => {
    const aJson = await jsonSurface(server, aMember, A_HOST);
    expect((await aJson.call('GET', '/users/me')).status).toBe(200);
    // The same cookies sent to B's host.
    const cookie = [...aJson.session.cookies]
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('; ');
    for (const [method, path] of [
      ['GET', '/json/users/me'],
      ['GET', '/json/users'],
      ['POST', '/json/messages'],
    ]) {
      const res = await rawRequest(
        new URL(path, server.url),
        method,
        {
          host: B_HOST,
          cookie,
          'x-csrftoken': aJson.session.csrfToken,
          'content-type': 'application/x-www-form-urlencoded',
        },
        Buffer.from('type=stream&to=beta-talk&topic=x&content=y'),
      );
      expect([path, res.status]).toEqual([path, 401]);
    }
    expect((await server.client(aMember, B_HOST).get('/users/me')).status).toBe(401);
    expect((await server.client(bOwner, A_HOST).get('/users/me')).status).toBe(401);
  });

  it("a webhook URL with B's bot key on A's host delivers nothing to A", async () => {
    const created = await server.client(bMember, B_HOST).post('/bots', {
      full_name: 'Beta Hook',
      short_name: 'betahook',
      bot_type: 2,
    });
    expectOk(created);
    const bKey = created.body.api_key as string;
    const before = await a(aOwner).get('/messages', {
      anchor: 'newest',
      num_before: 1,
      num_after: 0,
    });
    const newestBefore = (before.body.messages as Array<{ id: number }>).at(-1)?.id ?? 0;
    const body = JSON.stringify({ message: 'cross organization webhook' });
    for (const via of [stack.gatewayUrl, server.url]) {
      const url = new URL('/api/v1/external/json', via);
      url.searchParams.set('api_key', bKey);
      url.searchParams.set('stream', `public-${A_MARK}`);
      const res = await rawRequest(
        url,
        'POST',
        { host: A_HOST, 'content-type': 'application/json' },
        Buffer.from(body),
      );
      expect([via, res.status]).toEqual([via, 401]);
    }
    // On B's own host the same key works (the URL was right, the host was not).
    const home = new URL('/api/v1/external/json', stack.gatewayUrl);
    home.searchParams.set('api_key', bKey);
    home.searchParams.set('stream', 'beta-talk');
    const ok = await rawRequest(
      home,
      'POST',
      { host: B_HOST, 'content-type': 'application/json' },
      Buffer.from(body),
    );
    expect(ok.status).toBe(200);
    await stack.drained();
    const after = await a(aOwner).get('/messages', {
      anchor: 'newest',
      num_before: 20,
      num_after: 0,
      narrow: JSON.stringify([{ operator: 'search', operand: 'cross organization webhook' }]),
    });
    expect(
      (after.body.messages as Array<{ id: number }>).filter((m) => m.id > newestBefore),
    ).toEqual([]);
  });
});
