import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { eventually } from '../events/event-fixtures';

type Reply = Record<string, unknown>;

/**
 * The parts of zulip-js (an untyped CommonJS package) this suite drives. zulip-js has no methods
 * of its own for user groups or presence: its clients reach them through `callEndpoint`, so that
 * (with zulip-js's own parameter encoding: form bodies for POST, the query string otherwise) and
 * its queue and event methods are what is covered here.
 */
interface ZulipJsClient {
  callEndpoint(path: string, method: string, params?: object): Promise<Reply>;
  queues: { register(params: object): Promise<Reply> };
  events: { retrieve(params: object): Promise<Reply> };
}
type ZulipJs = (config: Record<string, string>) => Promise<ZulipJsClient>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const zulip = require('zulip-js') as ZulipJs;

describe('user groups and presence through the real zulip-js package', () => {
  let server: TestServer;
  let admin: TestUser;
  let alice: TestUser;
  let guest: TestUser;
  const clientOf = (user: TestUser) =>
    zulip({ username: user.email, apiKey: user.apiKey, realm: server.url });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    alice = await server.createUser({ fullName: 'Alice Js' });
    guest = await server.createUser({ role: Role.Guest });
  }, 120_000);
  afterAll(() => server.stop());

  /** Every event queued for `queueId` so far, polled until `count` arrived. */
  const eventsOf = (client: ZulipJsClient, queueId: string, count: number) =>
    eventually(async () => {
      const reply = await client.events.retrieve({
        queue_id: queueId,
        last_event_id: -1,
        dont_block: true,
      });
      const events = (reply.events as Reply[]).filter((e) => e.type !== 'heartbeat');
      if (events.length < count) throw new Error(`only ${events.length} events`);
      return events;
    });

  it('creates, lists, edits, fills and deletes a user group, with its events', async () => {
    const js = await clientOf(alice);
    const watcher = await clientOf(guest);
    const queue = await watcher.queues.register({ event_types: ['user_group'] });
    expect(queue.result).toBe('success');

    const created = await js.callEndpoint('/user_groups/create', 'POST', {
      name: 'js-team',
      description: 'Made by zulip-js',
      members: [alice.id],
    });
    expect(created).toMatchObject({ result: 'success', group_id: expect.any(Number) });
    const id = created.group_id as number;

    const listed = await js.callEndpoint('/user_groups', 'GET');
    const groups = listed.user_groups as Array<Reply & { name: string; id: number }>;
    const mine = groups.find((g) => g.id === id);
    expect(mine).toMatchObject({ name: 'js-team', members: [alice.id], is_system_group: false });
    const moderators = groups.find((g) => g.name === 'role:moderators')!;
    expect(moderators.is_system_group).toBe(true);

    // PATCH and DELETE parameters travel in the query string with zulip-js.
    expect(
      await js.callEndpoint(`/user_groups/${id}`, 'PATCH', {
        description: 'Renamed by zulip-js',
        can_mention_group: moderators.id,
      }),
    ).toMatchObject({ result: 'success' });
    expect(
      await js.callEndpoint(`/user_groups/${id}/members`, 'POST', { add: [admin.id] }),
    ).toMatchObject({ result: 'success' });
    const members = await js.callEndpoint(`/user_groups/${id}/members`, 'GET');
    expect(members.members).toEqual([alice.id, admin.id].sort((a, b) => a - b));

    // A guest may not change a group; nobody may change a role group.
    const guestJs = await clientOf(guest);
    expect(
      await guestJs.callEndpoint(`/user_groups/${id}`, 'PATCH', { name: 'taken-over' }),
    ).toMatchObject({ result: 'error', msg: 'Insufficient permission' });
    const adminJs = await clientOf(admin);
    expect(await adminJs.callEndpoint(`/user_groups/${moderators.id}`, 'DELETE')).toMatchObject({
      result: 'error',
      msg: 'Insufficient permission',
    });

    expect(await js.callEndpoint(`/user_groups/${id}`, 'DELETE')).toMatchObject({
      result: 'success',
    });
    const events = await eventsOf(watcher, queue.queue_id as string, 4);
    expect(events.map((e) => e.op)).toEqual(['add', 'update', 'add_members', 'remove']);
    expect(events[1]).toMatchObject({
      group_id: id,
      data: { description: 'Renamed by zulip-js', can_mention_group: moderators.id },
    });
  });

  it('reports presence and reads it back for the realm and for one user, with its event', async () => {
    const js = await clientOf(alice);
    const watcher = await clientOf(admin);
    const queue = await watcher.queues.register({ event_types: ['presence'] });

    const update = await js.callEndpoint('/users/me/presence', 'POST', { status: 'active' });
    expect(update).toMatchObject({ result: 'success' });

    const realm = await js.callEndpoint('/realm/presence', 'GET');
    const presences = realm.presences as Record<string, Record<string, { status: string }>>;
    expect(presences[alice.email]).toMatchObject({ aggregated: { status: 'active' } });

    const one = await watcher.callEndpoint(`/users/${alice.id}/presence`, 'GET');
    expect(one).toMatchObject({
      result: 'success',
      presence: { aggregated: { status: 'active' } },
    });

    const events = await eventsOf(watcher, queue.queue_id as string, 1);
    expect(events[0]).toMatchObject({ type: 'presence', user_id: alice.id, email: alice.email });

    expect(await js.callEndpoint('/users/me/presence', 'POST', { status: 'asleep' })).toMatchObject(
      { result: 'error' },
    );
  });
});
