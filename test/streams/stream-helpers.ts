import { UsersService } from '../../apps/server/src/users/users.service';
import { BotType } from '../../apps/server/src/identity/user.types';
import type { ApiClient, ApiResponse } from '../helpers/api-client';
import type { TestServer, TestUser } from '../helpers/test-server';

let bots = 0;

/** A generic bot owned by `owner`, created the way the bots API stores one. */
export async function createBot(server: TestServer, owner: TestUser): Promise<TestUser> {
  const n = ++bots;
  const row = await server.app.get(UsersService).insertWithDefaults({
    realm_id: server.realm.id,
    email: `stream-test-${n}-${Date.now().toString(36)}-bot@example.com`,
    full_name: `Stream Test Bot ${n}`,
    is_bot: true,
    bot_type: BotType.Generic,
    bot_owner_id: owner.id,
  });
  return {
    id: row.id,
    email: row.email,
    apiKey: row.api_key,
    fullName: row.full_name,
    password: '',
    row,
  };
}

export function expectError(res: ApiResponse, status: number, msg: string | RegExp): void {
  expect({ status: res.status, result: res.body.result }).toEqual({ status, result: 'error' });
  if (typeof msg === 'string') expect(res.body.msg).toBe(msg);
  else expect(res.body.msg).toMatch(msg);
}

export function expectSuccess(res: ApiResponse): void {
  expect({ status: res.status, body: res.body }).toMatchObject({
    status: 200,
    body: { result: 'success' },
  });
}

/** Subscribes through the API and fails the test if the server refused. */
export async function subscribe(
  client: ApiClient,
  names: string[],
  extra: Record<string, string | number | boolean | object> = {},
): Promise<ApiResponse> {
  const res = await client.post('/users/me/subscriptions', {
    subscriptions: names.map((name) => ({ name })),
    ...extra,
  });
  expectSuccess(res);
  return res;
}

export async function streamNames(client: ApiClient, params = {}): Promise<string[]> {
  const res = await client.get('/streams', params);
  expectSuccess(res);
  return (res.body.streams as Array<{ name: string }>).map((s) => s.name);
}
