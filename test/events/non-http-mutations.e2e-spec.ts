/**
 * Mutations that never pass through an HTTP controller still reach clients: the services
 * announce their own changes through the EventPublisher. Each case waits on a blocking long-poll.
 */
import { cliEnv, manage } from '../cli/cli-harness';
import { createBot, fastRetries } from '../bot-runtimes/runtime-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import type { WireEvent } from './event-fixtures';

const HEARTBEATS = { EVENT_HEARTBEAT_MIN_SECONDS: '1', EVENT_HEARTBEAT_MAX_SECONDS: '2' };

/** Long-polls (blocking) until `wanted` is among the queue's events; fails after 20 s. */
async function longPollFor(
  server: TestServer,
  user: TestUser,
  queueId: string,
  wanted: (event: WireEvent) => boolean,
): Promise<WireEvent[]> {
  const seen: WireEvent[] = [];
  let lastEventId = -1;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const res = await server
      .client(user)
      .get('/events', { queue_id: queueId, last_event_id: lastEventId });
    expect(res.status).toBe(200);
    const events = res.body.events as WireEvent[];
    if (events.length > 0) lastEventId = events[events.length - 1].id;
    seen.push(...events.filter((e) => e.type !== 'heartbeat'));
    if (seen.some(wanted)) return seen;
  }
  throw new Error(`not received; got ${JSON.stringify(seen)}`);
}

async function register(server: TestServer, user: TestUser, eventTypes: string[]) {
  const res = await server.client(user).post('/register', { event_types: eventTypes });
  expect(res.status).toBe(200);
  return res.body.queue_id as string;
}

describe('events of mutations made without HTTP', () => {
  describe('an embedded bot', () => {
    let server: TestServer;
    let member: TestUser;
    beforeAll(async () => {
      server = await startTestServer({ env: HEARTBEATS });
      fastRetries(server);
      member = await server.createUser({ fullName: 'Pat Poller' });
      const res = await server
        .client(member)
        .post('/users/me/subscriptions', { subscriptions: [{ name: 'bots' }] });
      expect(res.status).toBe(200);
    });
    afterAll(() => server.stop());

    it("announces the bot's reply and reaction to the long-polling member", async () => {
      const api = server.client(member);
      const bot = await createBot(api, {
        full_name: 'Hello Helper',
        short_name: 'hello-helper',
        bot_type: 4,
        service_name: 'helloworld',
      });
      const queueId = await register(server, member, ['message', 'reaction']);
      const sent = await api.post('/messages', {
        type: 'stream',
        to: 'bots',
        topic: 'greetings',
        content: `@**${bot.fullName}** hi`,
      });
      expect(sent.status).toBe(200);
      const events = await longPollFor(
        server,
        member,
        queueId,
        (e) =>
          e.type === 'message' && (e.message as { sender_id: number }).sender_id === bot.userId,
      );
      const reply = events.find(
        (e) =>
          e.type === 'message' && (e.message as { sender_id: number }).sender_id === bot.userId,
      );
      expect(reply?.message).toMatchObject({ content: 'beep boop', subject: 'greetings' });
      const reacted = await longPollFor(server, member, queueId, (e) => e.type === 'reaction');
      expect(reacted.find((e) => e.type === 'reaction')).toMatchObject({
        op: 'add',
        emoji_name: 'wave',
        user_id: bot.userId,
        message_id: Number(sent.body.id),
      });
    });
  });

  describe('the management CLI (another process of the installation, through Redis)', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ redis: true, env: HEARTBEATS });
    });
    afterAll(() => server.stop());

    it('announces a deactivation made with `manage deactivate-user`', async () => {
      if (!server.config.redisUrl) {
        // Without Redis each process keeps its own queues: nothing to share with the CLI.
        process.stderr.write('[test] Redis is not available: the CLI case needs it, skipped\n');
        return;
      }
      const alice = await server.createUser({ fullName: 'Alice Admin' });
      const bob = await server.createUser({ fullName: 'Bob Leaving' });
      const queueId = await register(server, alice, ['realm_user']);
      const run = await manage(
        { ...cliEnv(server), REDIS_URL: server.config.redisUrl },
        'deactivate-user',
        bob.email,
      );
      expect(run).toMatchObject({ code: 0, stdout: `Deactivated ${bob.email}` });
      const events = await longPollFor(server, alice, queueId, (e) => e.type === 'realm_user');
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'realm_user',
          op: 'update',
          person: { user_id: bob.id, is_active: false },
        }),
      );
    });
  });
});
