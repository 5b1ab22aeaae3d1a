import * as http from 'node:http';
import { Role } from '../../apps/server/src/identity/user.types';
import { makeStream } from '../events/event-fixtures';
import type { Credentials } from '../helpers/api-client';
import { registeredRoutes } from '../helpers/routes';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

/** One route as Express registered it. */
interface Route {
  method: string;
  path: string;
}

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
  text: string;
}

/**
 * `DELETE /users/me` reads no parameter (bad ones are ignored, as Zulip does) and deactivates the
 * caller: any request would end the sweep's own account.
 */
const TAKES_NOTHING_AND_ENDS_THE_ACCOUNT = new Set(['DELETE /api/v1/users/me']);

function sweptRoutes(server: TestServer): Route[] {
  return registeredRoutes(server).filter(
    (r) =>
      r.path.startsWith('/api/v1/') &&
      !TAKES_NOTHING_AND_ENDS_THE_ACCOUNT.has(`${r.method} ${r.path}`),
  );
}

/** Path parameter values that name nothing (so no request here can touch real data). */
const HARMLESS_PATH_VALUES: Record<string, string> = {
  email_or_id: 'nobody@example.com',
  user_id_or_email: 'nobody@example.com',
  domain: 'nowhere.example',
  emoji_name: 'no_such_emoji',
};

function fillPath(path: string, override?: { name: string; value: string }): string {
  return path.replace(/:([a-z_]+)/g, (_m, name: string) =>
    encodeURIComponent(
      override?.name === name ? override.value : (HARMLESS_PATH_VALUES[name] ?? '987654'),
    ),
  );
}

const DECLARED_TOO_LARGE = 1024 * 1024 * 1024 + 1;

/** Thousands of requests on a busy two-core machine: a bound, not a performance target. */
const SWEEP_TIMEOUT_MS = 600_000;

describe('bad input never reaches the database', () => {
  let server: TestServer;
  let sweeper: TestUser;
  let alice: TestUser;
  let streamId: number;
  let messageId: number;
  let routes: Route[];
  let port: number;

  beforeAll(async () => {
    // The sweep sends a few thousand requests as one user: no rate limit for it.
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    sweeper = await server.createUser({ role: Role.Administrator });
    alice = await server.createUser();
    streamId = await makeStream(server, 'intact', [alice, sweeper]);
    const sent = await server.client(alice).post('/messages', {
      type: 'stream',
      to: 'intact',
      topic: 'keep',
      content: 'before the sweep',
    });
    messageId = sent.body.id as number;
    routes = sweptRoutes(server);
    port = (server.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => server.stop());

  /** The sweeper's credentials as the database has them now (a route may have rotated the key). */
  async function credentials(): Promise<Credentials> {
    const row = await server.db.one<{ api_key: string }>(
      'SELECT api_key FROM users WHERE id = $1',
      [sweeper.id],
    );
    return { email: sweeper.email, apiKey: row?.api_key ?? '' };
  }

  async function send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: Buffer,
  ): Promise<Answer> {
    const creds = await credentials();
    const auth = Buffer.from(`${creds.email}:${creds.apiKey}`).toString('base64');
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: {
            host: 'localhost',
            authorization: `Basic ${auth}`,
            ...(body ? { 'content-length': String(body.length) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: Record<string, unknown> | null = null;
            try {
              parsed = JSON.parse(text) as Record<string, unknown>;
            } catch {
              parsed = null;
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, text });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** What went wrong, across a whole sweep (each test reports every failure at once). */
  let problems: string[] = [];
  beforeEach(() => {
    problems = [];
  });
  afterEach(() => {
    expect(problems).toEqual([]);
  });

  /** A 4xx in Zulip's error envelope. */
  function expectRefused(label: string, answer: Answer): void {
    const refused =
      answer.status >= 400 &&
      answer.status < 500 &&
      answer.body?.result === 'error' &&
      typeof answer.body.msg === 'string' &&
      typeof answer.body.code === 'string';
    if (!refused) problems.push(`${label} -> ${answer.status} ${answer.text.slice(0, 120)}`);
  }

  /** A 4xx envelope, or a success that says it ignored the parameter. */
  function expectRefusedOrIgnored(label: string, answer: Answer, param: string): void {
    if (answer.status >= 200 && answer.status < 300) {
      const ignored = (answer.body?.ignored_parameters_unsupported as string[] | undefined) ?? [];
      if (answer.body?.result !== 'success' || !ignored.includes(param)) {
        problems.push(`${label} -> accepted: ${answer.text.slice(0, 120)}`);
      }
      return;
    }
    expectRefused(label, answer);
  }

  const form = (params: Record<string, string>) =>
    Buffer.from(new URLSearchParams(params).toString());
  const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
  const JSON_TYPE = { 'content-type': 'application/json' };

  function multipart(filename: string): { headers: Record<string, string>; body: Buffer } {
    const boundary = 'sweepboundary';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="content"\r\n\r\nhello\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: text/plain\r\n\r\nfile body\r\n--${boundary}--\r\n`,
      'latin1',
    );
    return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
  }

  it('finds the routes to sweep', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes).toContainEqual({ method: 'POST', path: '/api/v1/messages' });
    expect(routes).toContainEqual({ method: 'GET', path: '/api/v1/users/me/:stream_id/topics' });
  });

  it(
    'refuses malformed bodies on every route',
    async () => {
      const deep = `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
      const bodies: Array<[string, Record<string, string>, Buffer]> = [
        [
          'multipart without a boundary',
          { 'content-type': 'multipart/form-data' },
          Buffer.from('x'),
        ],
        [
          'control characters in a file name',
          multipart('bad\u0001name.txt').headers,
          multipart('bad\u0001name.txt').body,
        ],
        ['gzip that is not gzip', { ...FORM, 'content-encoding': 'gzip' }, Buffer.from('not gzip')],
        ['invalid UTF-8 in a form', FORM, Buffer.from('content=%FF%FE&topic=x')],
        [
          'invalid UTF-8 in JSON',
          JSON_TYPE,
          Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
        ],
        ['JSON nested too deep', JSON_TYPE, Buffer.from(deep)],
        ['a NUL byte in a form value', FORM, form({ content: 'a\u0000b', topic: 'x' })],
        ['a NUL byte in JSON', JSON_TYPE, Buffer.from('{"content":"a\\u0000b"}')],
        ['a lone surrogate in JSON', JSON_TYPE, Buffer.from('{"content":"\\ud800"}')],
      ];
      for (const route of routes) {
        for (const [kind, headers, body] of bodies) {
          const answer = await send(route.method, fillPath(route.path), headers, body);
          expectRefused(`${kind}: ${route.method} ${route.path}`, answer);
        }
        const query = await send(route.method, `${fillPath(route.path)}?topic=%FF%FE`, {});
        expectRefused(`invalid UTF-8 in the query: ${route.method} ${route.path}`, query);
        const nul = await send(route.method, `${fillPath(route.path)}?topic=a%00b`, {});
        expectRefused(`a NUL byte in the query: ${route.method} ${route.path}`, nul);
      }
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'answers 413 to a body over the limit on every route, without reading it',
    async () => {
      for (const route of routes) {
        const answer = await new Promise<Answer>((resolve, reject) => {
          void credentials().then((creds) => {
            const req = http.request({
              host: '127.0.0.1',
              port,
              method: route.method,
              path: fillPath(route.path),
              headers: {
                host: 'localhost',
                authorization: `Basic ${Buffer.from(`${creds.email}:${creds.apiKey}`).toString('base64')}`,
                'content-type': 'application/x-www-form-urlencoded',
                // Over every limit, uploads' own included (their files may be larger).
                'content-length': String(DECLARED_TOO_LARGE),
              },
            });
            req.on('response', (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                req.destroy();
                resolve({
                  status: res.statusCode ?? 0,
                  body: JSON.parse(text) as Record<string, unknown>,
                  text,
                });
              });
            });
            req.on('error', (err: NodeJS.ErrnoException) => {
              if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
            });
            req.write(Buffer.alloc(64 * 1024, 'a'));
          });
        });
        expect([`${route.method} ${route.path}`, answer.status]).toEqual([
          `${route.method} ${route.path}`,
          413,
        ]);
        expect(answer.body?.result).toBe('error');
      }
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'refuses out-of-range and malformed ids in the path',
    async () => {
      for (const route of routes) {
        const names = [...route.path.matchAll(/:([a-z_]+)/g)].map((m) => m[1]);
        for (const name of names) {
          if (name === 'domain' || name === 'emoji_name') continue;
          for (const value of ['2147483648', '1e40', 'Infinity', '-1', '99999999999999999999']) {
            const answer = await send(route.method, fillPath(route.path, { name, value }), {});
            expectRefused(`${name}=${value}: ${route.method} ${route.path}`, answer);
          }
        }
      }
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'refuses out-of-range numbers and null or wrong types in parameters (or ignores them)',
    async () => {
      const numbers = ['2147483648', '1e40', '[2147483648]', '[1e40]'];
      const wrongTypes = ['null', '{}', '[[[]]]', '"text"'];
      const names = [
        'stream_id',
        'user_id',
        'anchor',
        'num_before',
        'to',
        'principals',
        'messages',
        'message_ids',
        'dont_block',
        'subscriptions',
        'narrow',
        'event_types',
        'apply_markdown',
      ];
      /** Values that are right for these parameters: 64-bit message ids, "every event type". */
      const valid = (name: string, value: string) =>
        (value === '[2147483648]' && ['messages', 'message_ids'].includes(name)) ||
        (value === 'null' && name === 'event_types') ||
        (value === '"text"' && ['to', 'anchor', 'narrow'].includes(name));
      for (const route of routes) {
        for (const name of names) {
          for (const value of [...numbers, ...wrongTypes]) {
            if (valid(name, value)) continue;
            const path = fillPath(route.path);
            // `dont_block` keeps GET /events from long-polling when the parameter under test is
            // ignored (it registers a queue and would wait for events).
            const params = { dont_block: 'true', [name]: value };
            const answer =
              route.method === 'GET'
                ? await send(route.method, `${path}?${new URLSearchParams(params)}`, {})
                : await send(route.method, path, FORM, form(params));
            expectRefusedOrIgnored(`${name}=${value}: ${route.method} ${route.path}`, answer, name);
          }
        }
      }
    },
    SWEEP_TIMEOUT_MS,
  );

  it('still answers, and what existed before is intact', async () => {
    const api = server.client(alice);
    const res = await api.get(`/messages/${messageId}`);
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({
      content: '<p>before the sweep</p>',
      subject: 'keep',
      stream_id: streamId,
    });
    const stream = await api.get(`/streams/${streamId}`);
    expect(stream.body.stream).toMatchObject({ name: 'intact' });
    const me = await server.client(await credentials()).get('/users/me');
    expect(me.body).toMatchObject({ result: 'success', user_id: sweeper.id, is_active: true });
    expect((await api.get('/users/me')).body).toMatchObject({ is_active: true });
  });

  it('keeps idle connections longer than proxies do, with a bound on slow requests', () => {
    const http = server.app.getHttpServer() as http.Server;
    expect(http.keepAliveTimeout).toBeGreaterThanOrEqual(75_000);
    expect(http.headersTimeout).toBeGreaterThan(http.keepAliveTimeout);
    expect(http.requestTimeout).toBeGreaterThan(0);
    expect(http.requestTimeout).toBeGreaterThanOrEqual(http.headersTimeout);
  });
});
