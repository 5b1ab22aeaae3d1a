import { UsersRepository } from '../../apps/server/src/identity/users.repository';
import { Role, User } from '../../apps/server/src/identity/user.types';
import type { ApiClient, ApiResponse } from '../helpers/api-client';
import type { TestServer, TestUser } from '../helpers/test-server';

export interface StreamOptions {
  inviteOnly?: boolean;
  historyPublic?: boolean;
  subscribers: Array<{ id: number }>;
}

/** Creates a stream through the API, subscribing exactly the given users; returns its id. */
export async function createStream(
  server: TestServer,
  name: string,
  options: StreamOptions,
): Promise<number> {
  const owner = server.client(server.owner);
  const res = await owner.post('/users/me/subscriptions', {
    subscriptions: [{ name }],
    principals: options.subscribers.map((u) => u.id),
    invite_only: options.inviteOnly ?? false,
    history_public_to_subscribers: options.historyPublic ?? !options.inviteOnly,
  });
  expectOk(res);
  // The owner may not be subscribed (private streams), so look the id up directly.
  const row = await server.db.one<{ id: number }>(
    'SELECT id FROM streams WHERE realm_id = $1 AND name = $2 AND NOT deactivated',
    [server.realm.id, name],
  );
  if (!row) throw new Error(`stream ${name} was not created`);
  return row.id;
}

/** `by` (a subscriber, for private streams) subscribes `users` to the stream. */
export async function subscribe(
  server: TestServer,
  by: TestUser,
  name: string,
  users: Array<{ id: number }>,
) {
  expectOk(
    await server.client(by).post('/users/me/subscriptions', {
      subscriptions: [{ name }],
      principals: users.map((u) => u.id),
    }),
  );
}

/** Many users without passwords, fast (no hashing): for fan-out and query-count tests. */
export async function bulkUsers(
  server: TestServer,
  count: number,
  prefix: string,
): Promise<User[]> {
  const repo = server.app.get(UsersRepository);
  const users: User[] = [];
  for (let i = 0; i < count; i++) {
    users.push(
      await repo.create({
        realm_id: server.realm.id,
        email: `${prefix}${i}@example.com`,
        full_name: `${prefix} ${i}`,
        role: Role.Member,
      }),
    );
  }
  return users;
}

export function expectOk(res: ApiResponse): void {
  if (res.status !== 200 || res.body.result !== 'success') {
    throw new Error(`expected success, got ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export async function sendToStream(
  client: ApiClient,
  stream: string | number,
  topic: string,
  content: string,
): Promise<number> {
  const res = await client.post('/messages', {
    type: 'stream',
    to: String(stream),
    topic,
    content,
  });
  expectOk(res);
  return res.body.id as number;
}

export interface WireMessage {
  id: number;
  content: string;
  subject: string;
  flags: string[];
  sender_id: number;
  sender_email: string;
  display_recipient: string | Array<{ id: number; email: string; is_mirror_dummy: boolean }>;
  reactions: Array<{
    emoji_name: string;
    emoji_code: string;
    reaction_type: string;
    user_id: number;
  }>;
  match_content?: string;
  match_subject?: string;
  timestamp: number;
  client: string;
  stream_id?: number;
  edit_history?: unknown[];
}

/** The messages a user sees for a narrow (newest 100). */
export async function fetchNarrow(
  client: ApiClient,
  narrow: unknown,
  extra: Record<string, unknown> = {},
): Promise<WireMessage[]> {
  const res = await client.get('/messages', {
    anchor: 'newest',
    num_before: 100,
    num_after: 0,
    narrow: JSON.stringify(narrow),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, JSON.stringify(v)])),
  });
  expectOk(res);
  return res.body.messages as WireMessage[];
}

export type { TestUser };
