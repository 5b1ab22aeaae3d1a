import type { TestServer, TestUser } from '../helpers/test-server';

export type WireEvent = Record<string, unknown> & { id: number; type: string };

/** Parameters as the API client takes them. */
export type Params = Record<string, string | number | boolean | null | object>;

/** Creates a stream through the API with exactly these subscribers; returns its id. */
export async function makeStream(
  server: TestServer,
  name: string,
  subscribers: Array<{ id: number }>,
  inviteOnly = false,
): Promise<number> {
  const res = await server.client(server.owner).post('/users/me/subscriptions', {
    subscriptions: [{ name }],
    principals: subscribers.map((u) => u.id),
    invite_only: inviteOnly,
  });
  if (res.status !== 200) throw new Error(`creating ${name} failed: ${JSON.stringify(res.body)}`);
  const row = await server.db.one<{ id: number }>(
    'SELECT id FROM streams WHERE realm_id = $1 AND name = $2 AND NOT deactivated',
    [server.realm.id, name],
  );
  if (!row) throw new Error(`stream ${name} was not created`);
  return row.id;
}

/** A user's event queue, read the way a client reads it. */
export class QueueReader {
  lastEventId = -1;

  constructor(
    private readonly server: TestServer,
    readonly user: TestUser,
    readonly queueId: string,
  ) {}

  static async register(
    server: TestServer,
    user: TestUser,
    params: Params = {},
  ): Promise<QueueReader> {
    const res = await server.client(user).post('/register', params);
    if (res.status !== 200) throw new Error(`register failed: ${JSON.stringify(res.body)}`);
    return new QueueReader(server, user, res.body.queue_id as string);
  }

  /** Everything queued now (no blocking), acknowledging what was read before. */
  async drain(): Promise<WireEvent[]> {
    const res = await this.server.client(this.user).get('/events', {
      queue_id: this.queueId,
      last_event_id: this.lastEventId,
      dont_block: true,
    });
    if (res.status !== 200) throw new Error(`GET /events failed: ${JSON.stringify(res.body)}`);
    const events = res.body.events as WireEvent[];
    if (events.length > 0) this.lastEventId = events[events.length - 1].id;
    return events.filter((e) => e.type !== 'heartbeat');
  }
}

/** Waits until `check` passes (events travel asynchronously after the request answered). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Renames the realm as its owner (`PATCH /realm`): the simplest mutation, announced to every
 * user as `{type: 'realm', op: 'update', property: 'name', value}` before the request answers.
 */
export async function renameRealm(server: TestServer, name: string): Promise<void> {
  const res = await server.client(server.owner).patch('/realm', { name });
  if (res.status !== 200) throw new Error(`renaming the realm failed: ${JSON.stringify(res.body)}`);
}
