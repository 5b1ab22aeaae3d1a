import type { ApiResponse } from '../helpers/api-client';
import type { TestServer, TestUser } from '../helpers/test-server';
import { eventually, QueueReader, WireEvent } from '../events/event-fixtures';

/** A generic bot owned by `owner`, with credentials to call the API as it. */
export async function createBot(
  server: TestServer,
  owner: TestUser,
  shortName: string,
): Promise<TestUser> {
  const res = await server
    .client(owner)
    .post('/bots', { full_name: `Bot ${shortName}`, short_name: shortName });
  if (res.status !== 200) throw new Error(`creating a bot failed: ${JSON.stringify(res.body)}`);
  return {
    id: res.body.user_id as number,
    email: res.body.email as string,
    apiKey: res.body.api_key as string,
    fullName: `Bot ${shortName}`,
    password: '',
    row: { ...owner.row, id: res.body.user_id as number, is_bot: true },
  };
}

/** One event queue per user, registered for `types`. */
export function queues(server: TestServer, types: string[], ...users: TestUser[]) {
  return Promise.all(users.map((u) => QueueReader.register(server, u, { event_types: types })));
}

/** Drains until at least `count` events arrived (they travel after the response). */
export function receive(queue: QueueReader, count: number): Promise<WireEvent[]> {
  const got: WireEvent[] = [];
  return eventually(async () => {
    got.push(...(await queue.drain()));
    if (got.length < count) throw new Error(`only ${got.length} of ${count} events`);
    return got;
  });
}

/** Gives stray events time to arrive, then asserts none did. */
export async function expectNothing(...queue: QueueReader[]): Promise<void> {
  await new Promise((r) => setTimeout(r, 200));
  for (const q of queue) expect(await q.drain()).toEqual([]);
}

/** Asserts a success envelope and answers the body. */
export async function ok(res: Promise<ApiResponse>): Promise<ApiResponse['body']> {
  const r = await res;
  expect(r.body).toMatchObject({ result: 'success' });
  expect(r.status).toBe(200);
  return r.body;
}

/** Asserts an error envelope with this status and message. */
export async function fails(
  res: Promise<ApiResponse>,
  status: number,
  msg: string | RegExp,
): Promise<ApiResponse['body']> {
  const r = await res;
  expect(r.status).toBe(status);
  expect(r.body).toMatchObject({ result: 'error', msg, code: expect.any(String) });
  return r.body;
}

/** The flags `user` holds on message `id`, as GET /messages reports them. */
export async function flagsOf(server: TestServer, user: TestUser, id: number): Promise<string[]> {
  const res = await server.client(user).get('/messages', {
    anchor: id,
    num_before: 0,
    num_after: 0,
    narrow: [],
  });
  const [message] = res.body.messages as Array<{ id: number; flags: string[] }>;
  if (message?.id !== id) throw new Error(`message ${id} not visible: ${JSON.stringify(res.body)}`);
  return message.flags;
}
