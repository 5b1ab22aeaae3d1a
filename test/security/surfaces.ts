import type { ApiResponse } from '../helpers/api-client';
import type { TestServer, TestUser } from '../helpers/test-server';
import { CookieSession } from '../web/cookie-session';

export type Params = Record<string, string | number | boolean | null | object>;

/** One way in to the API: `/api/v1` with Basic auth, or `/json` with a session cookie + CSRF. */
export interface Surface {
  name: string;
  call(method: string, path: string, params?: Params): Promise<ApiResponse>;
}

/** Non-string values JSON-encoded, as the wire clients send them. */
function encode(params: Params): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
}

/** `/api/v1` as `user`, with HTTP Basic auth (on `host`, default the root realm's). */
export function apiSurface(server: TestServer, user: TestUser, host?: string): Surface {
  const client = server.client(user, host);
  return {
    name: `/api/v1 as ${user.fullName}`,
    call: (method, path, params = {}) =>
      client.call(method, path, params, method === 'GET' ? 'query' : 'form'),
  };
}

/** `/json` as the web client calls it: signed in through `/login/`, session cookie + CSRF token. */
export async function jsonSurface(
  server: TestServer,
  user: TestUser,
  host?: string,
): Promise<Surface & { session: CookieSession }> {
  const session = new CookieSession(server.url, host);
  const login = await session.login(user.email, user.password);
  if (login.status !== 302 && login.status !== 303) {
    throw new Error(
      `signing in ${user.email} answered ${login.status}: ${login.text.slice(0, 200)}`,
    );
  }
  return {
    name: `/json as ${user.fullName}`,
    session,
    call: async (method, path, params = {}) => {
      const res = await session.json(method, path, encode(params));
      return {
        status: res.status,
        headers: new Headers(),
        body: res.body as ApiResponse['body'],
      };
    },
  };
}
