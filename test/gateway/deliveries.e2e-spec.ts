import type { WebhookDelivery } from '@hub/api/webhook-delivery.types';
import { Role } from '../../apps/server/src/identity/user.types';
import type { ApiClient } from '../helpers/api-client';
import type { TestUser } from '../helpers/test-server';
import { GatewayStack, sleep, streamNarrow, WebhookCall } from './helpers/gateway-stack';
import { githubFixture } from './helpers/own-fixtures';

const HISTORY_LIMIT = 12;

const push = (stream: string, extra: Record<string, string> = {}): WebhookCall => ({
  query: { stream, ...extra },
  headers: { 'X-GitHub-Event': 'push' },
  body: githubFixture('push__force'),
});

describe('webhook delivery history: recorded by the gateway, listed and replayed by the server', () => {
  let stack: GatewayStack;
  let admin: TestUser;
  let member: TestUser;
  let guest: TestUser;

  beforeAll(async () => {
    stack = await GatewayStack.start({
      serverEnv: { WEBHOOK_HISTORY_LIMIT: String(HISTORY_LIMIT) },
    });
    admin = await stack.server.createUser({ role: Role.Administrator, fullName: 'Ada Admin' });
    member = await stack.server.createUser({ fullName: 'Mo Member' });
    guest = await stack.server.createUser({ role: Role.Guest, fullName: 'Gus Guest' });
  }, 120_000);
  afterAll(() => stack?.stop());

  const list = async (client: ApiClient, params: Record<string, string | number> = {}) => {
    const res = await client.get('/webhooks/deliveries', params);
    if (res.status !== 200) throw new Error(`listing failed: ${JSON.stringify(res.body)}`);
    return res.body.deliveries as WebhookDelivery[];
  };

  /** Waits (bounded) until the owner's list satisfies `done`. */
  const waitFor = async (
    done: (deliveries: WebhookDelivery[]) => boolean,
    params: Record<string, string | number> = {},
  ): Promise<WebhookDelivery[]> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = await list(stack.ownerClient, params);
      if (done(found)) return found;
      if (Date.now() > deadline) throw new Error(`history never matched: ${JSON.stringify(found)}`);
      await sleep(100);
    }
  };

  it('records a delivered push with its event, size and the message it posted', async () => {
    const stream = await stack.newStream();
    expect((await stack.webhook('github', push(stream))).status).toBe(200);
    const [message] = await stack.waitForMessages(streamNarrow(stream), 1);
    const [delivery] = await waitFor((d) => d[0]?.outcome === 'delivered');
    expect(delivery).toMatchObject({
      bot_id: stack.bot.id,
      integration: 'github',
      event: 'push_commits',
      size: Buffer.byteLength(githubFixture('push__force')),
      outcome: 'delivered',
      reason: null,
      message_id: message.id,
      replay_of: null,
    });
    expect(Math.abs(delivery.received_at - Date.now() / 1000)).toBeLessThan(600);
  });

  it('records filtered and failed deliveries with the reason, newest first, and filters the list', async () => {
    const stream = await stack.newStream();
    await stack.webhook('github', push(stream, { only_events: '["issues"]' }));
    const unsupported = await stack.webhook('github', {
      query: { stream },
      headers: { 'X-GitHub-Event': 'no_such_event' },
      body: '{}',
    });
    expect(unsupported.body.code).toBe('UNSUPPORTED_WEBHOOK_EVENT_TYPE');
    const all = await waitFor((d) => d.length >= 3);
    expect(all.slice(0, 2).map((d) => [d.outcome, d.event])).toEqual([
      ['failed', 'no_such_event:???'],
      ['filtered', 'push_commits'],
    ]);
    expect(all[0].reason).toContain("The 'no_such_event:???' event isn't currently supported");
    expect(all[1].reason).toMatch(/only_events/);
    const ids = all.map((d) => d.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const failed = await list(stack.ownerClient, { outcome: 'failed' });
    expect(failed.map((d) => d.event)).toEqual(['no_such_event:???']);
    expect(await list(stack.ownerClient, { integration: 'gitlab' })).toEqual([]);
    const page = await list(stack.ownerClient, { before: all[0].id, limit: 1 });
    expect(page.map((d) => d.id)).toEqual([all[1].id]);
    const bad = await stack.ownerClient.get('/webhooks/deliveries', { outcome: 'exploded' });
    expect(bad.status).toBe(400);
    expect(bad.body.result).toBe('error');
  });

  it('counts deliveries and failures per hour', async () => {
    const res = await stack.ownerClient.get('/webhooks/deliveries/stats', { hours: 24 });
    expect(res.status).toBe(200);
    const hours = res.body.hours as Array<{ hour: number; deliveries: number; failures: number }>;
    const total = hours.reduce((n, h) => n + h.deliveries, 0);
    const failures = hours.reduce((n, h) => n + h.failures, 0);
    expect({ total, failures }).toEqual({ total: 3, failures: 1 });
    expect(hours.every((h) => h.hour % 3600 === 0)).toBe(true);
  });

  it('shows deliveries to admins and to the bot owner, not to other members or guests', async () => {
    const mine = await list(stack.ownerClient);
    expect(mine.length).toBe(3);
    const asAdmin = await list(stack.server.client(admin), { bot_id: stack.bot.id });
    expect(asAdmin.map((d) => d.id)).toEqual(mine.map((d) => d.id));
    expect((await list(stack.server.client(admin))).map((d) => d.id)).toEqual(
      mine.map((d) => d.id),
    );
    for (const [who, params] of [
      [member, {}],
      [member, { bot_id: stack.bot.id }],
      [guest, {}],
    ] as const) {
      const res = await stack.server.client(who).get('/webhooks/deliveries', params);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 403,
        code: 'UNAUTHORIZED_PRINCIPAL',
      });
    }
    const replay = await stack.server
      .client(member)
      .post(`/webhooks/deliveries/${mine[0].id}/replay`);
    expect(replay.status).toBe(403);
    // Only incoming-webhook bots report deliveries.
    const forged = await stack.server.client(member).post('/webhooks/deliveries', {
      uuid: 'aaaaaaaa-0000',
      integration: 'github',
      outcome: 'delivered',
    });
    expect(forged.status).toBe(403);
  });

  it('replays a stored delivery once, however often it is asked within the replay window', async () => {
    const stream = await stack.newStream();
    await stack.webhook('github', push(stream));
    const [first] = await stack.waitForMessages(streamNarrow(stream), 1);
    const [original] = await waitFor((d) => d[0]?.message_id === first.id);

    const replays = await Promise.all([
      stack.ownerClient.post(`/webhooks/deliveries/${original.id}/replay`),
      stack.server.client(admin).post(`/webhooks/deliveries/${original.id}/replay`),
    ]);
    expect(replays.map((r) => r.status)).toEqual([200, 200]);
    const again = await stack.ownerClient.post(`/webhooks/deliveries/${original.id}/replay`);
    expect(again.status).toBe(200);

    const landed = await stack.waitForMessages(streamNarrow(stream), 2);
    await stack.drained();
    await sleep(500);
    const settled = await stack.messages(streamNarrow(stream));
    expect(settled.length).toBe(2);
    expect(landed[1].content).toBe(first.content);
    const [replayed] = await waitFor(
      (d) => d[0]?.replay_of === original.id && d[0].outcome === 'delivered',
    );
    expect(replayed).toMatchObject({
      event: 'push_commits',
      message_id: landed[1].id,
      size: original.size,
    });

    const missing = await stack.ownerClient.post('/webhooks/deliveries/99999999/replay');
    expect(missing.status).toBe(404);
  });

  it(`keeps at most WEBHOOK_HISTORY_LIMIT (${HISTORY_LIMIT}) deliveries per bot, the newest`, async () => {
    const stream = await stack.newStream();
    const before = await list(stack.ownerClient);
    for (let i = 0; i < HISTORY_LIMIT; i++) {
      await stack.webhook('github', push(stream, { only_events: '["issues"]' }));
    }
    const kept = await waitFor(
      (d) => d.length === HISTORY_LIMIT && d.every((x) => x.outcome === 'filtered'),
      { limit: 1000 },
    );
    expect(kept.length).toBe(HISTORY_LIMIT);
    expect(kept.some((d) => before.some((b) => b.id === d.id))).toBe(false);
  });
});
