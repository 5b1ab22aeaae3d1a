import * as net from 'node:net';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { ClientServerApi } from '../../apps/gateway/src/client-server-api';
import type { ServerApi } from '../../apps/gateway/src/server-api';
import {
  parsePrometheusText,
  sampleValue,
  type MetricFamily,
} from '../../apps/server/src/admin-cli/prometheus-text';
import { rawRequest } from '../helpers/api-client';
import { startTestServer, TestServer } from '../helpers/test-server';
import { cliEnv, CliRun, manage } from '../cli/cli-harness';
import { freePort, GatewayStack, sleep } from '../gateway/helpers/gateway-stack';
import { githubFixture } from '../gateway/helpers/own-fixtures';
import { CookieSession } from '../web/cookie-session';

const PLUGIN_LINE = /^(OK|WARNING|CRITICAL|UNKNOWN) - [^|\n]+( \| \S+=\S+( \S+=\S+)*)?$/;

async function scrape(
  base: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; metrics: Map<string, MetricFamily> }> {
  const url = new URL('/metrics', base);
  const res = await rawRequest(url, 'GET', { host: url.host, ...headers });
  const metrics = res.status === 200 ? parsePrometheusText(res.text) : new Map();
  if (res.status === 200) {
    // An independent parser (prom2json's format) reads the same families: the exposition is
    // valid for Prometheus, not only for the check commands' own reader.
    const families = parsePrometheusTextFormat(res.text);
    expect(families.map((f) => f.name).sort()).toEqual([...metrics.keys()].sort());
  }
  return { status: res.status, text: res.text, metrics };
}

const value = (m: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}) =>
  sampleValue(m, name, labels) ?? 0;

/** Asserts the monitoring-plugin contract: one line, its status word matching the exit status. */
function expectCheck(run: CliRun, status: 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN'): string {
  const codes = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 };
  expect({ line: run.stdout, stderr: run.stderr }).toMatchObject({
    line: expect.stringMatching(PLUGIN_LINE),
  });
  // The whole line in the comparison, so a failure shows what the check said.
  expect({ status: run.stdout.split(' ')[0], code: run.code, line: run.stdout }).toMatchObject({
    status,
    code: codes[status],
  });
  return run.stdout;
}

/** The gateway's way to the server, with a switch that makes the server look down (503). */
class PausableServerApi implements ServerApi {
  down = false;
  serverUrl = '';

  identify(host: string, apiKey: string) {
    return new ClientServerApi(this.serverUrl).identify(host, apiKey);
  }

  async send(...args: Parameters<ServerApi['send']>): ReturnType<ServerApi['send']> {
    if (this.down) throw Object.assign(new Error('Service Unavailable'), { status: 503 });
    return new ClientServerApi(this.serverUrl).send(...args);
  }
}

describe('monitoring: GET /metrics and the manage check-* commands', () => {
  let stack: GatewayStack;
  let api: PausableServerApi;
  let env: Record<string, string | undefined>;
  const check = (...args: string[]) => manage(env, ...args);

  beforeAll(async () => {
    api = new PausableServerApi();
    stack = await GatewayStack.start({
      overrides: { serverApi: api, retry: { baseMs: 20, maxMs: 100, giveUpAfterMs: 600_000 } },
    });
    api.serverUrl = stack.server.url;
    env = {
      ...cliEnv(stack.server),
      SERVER_URL: stack.server.url,
      GATEWAY_URL: stack.gatewayUrl,
      METRICS_TOKEN: undefined,
    };
  }, 120_000);
  afterAll(() => stack?.stop());

  const push = (stream: string) => ({
    query: { stream },
    headers: { 'X-GitHub-Event': 'push' },
    body: githubFixture('push__force'),
  });

  it('serves the server metrics in the Prometheus text format, and its counters move with traffic', async () => {
    const owner = stack.server.client(stack.server.owner);
    const before = await scrape(stack.server.url);
    expect(before.status).toBe(200);
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'http_requests_total',
      'http_request_duration_seconds',
      'events_published_total',
      'events_delivered_total',
      'messages_sent_total',
      'event_queues',
      'event_listeners',
      'bot_job_queue_depth',
      'mail_sending',
      'database_pool_connections',
    ]) {
      expect([name, before.metrics.has(name)]).toEqual([name, true]);
    }

    const queue = await owner.post('/register', { event_types: ['message'] });
    expect(queue.status).toBe(200);
    const sent = await owner.post('/messages', {
      type: 'direct',
      to: [stack.botOwner.id],
      content: 'counted',
    });
    expect(sent.status).toBe(200);
    const messageId = Number(sent.body.id);
    expect((await owner.get(`/messages/${messageId}`)).status).toBe(200);
    const history = { anchor: 'newest', num_before: 1, num_after: 0 };
    expect((await owner.get('/messages', history)).status).toBe(200);
    const polled = await owner.get('/events', {
      queue_id: queue.body.queue_id as string,
      last_event_id: -1,
    });
    expect((polled.body.events as unknown[]).length).toBeGreaterThan(0);

    const after = await scrape(stack.server.url);
    const grew = (name: string, labels: Record<string, string> = {}) =>
      value(after.metrics, name, labels) - value(before.metrics, name, labels);
    expect(grew('messages_sent_total')).toBe(1);
    expect(grew('events_published_total')).toBeGreaterThanOrEqual(1);
    expect(grew('events_delivered_total')).toBeGreaterThanOrEqual(1);
    expect(value(after.metrics, 'event_queues')).toBeGreaterThanOrEqual(1);
    expect(
      grew('http_requests_total', { method: 'POST', route: '/api/v1/messages', status: '200' }),
    ).toBe(1);
    // Routes are patterns (one series for every message id), the fast path included.
    expect(
      grew('http_requests_total', {
        method: 'GET',
        route: '/api/v1/messages/:message_id',
        status: '200',
      }),
    ).toBe(1);
    expect(
      grew('http_requests_total', { method: 'GET', route: '/api/v1/events', status: '200' }),
    ).toBe(1);
    expect(
      grew('http_requests_total', { method: 'GET', route: '/api/v1/messages', status: '200' }),
    ).toBe(1);
    expect(after.text).not.toContain(`/messages/${messageId}"`);
  });

  it('counts an open long-poll while it waits', async () => {
    const owner = stack.server.client(stack.server.owner);
    const queue = await owner.post('/register', { event_types: ['message'] });
    const waiting = owner.get('/events', {
      queue_id: queue.body.queue_id as string,
      last_event_id: -1,
    });
    let open = 0;
    for (let i = 0; i < 100 && open === 0; i++) {
      await sleep(50);
      open = value((await scrape(stack.server.url)).metrics, 'event_listeners', {
        kind: 'long_poll',
      });
    }
    expect(open).toBe(1);
    await owner.post('/messages', { type: 'direct', to: [stack.botOwner.id], content: 'wake' });
    expect((await waiting).status).toBe(200);
  });

  it('serves the gateway metrics: intake, deliveries and queue depth move with webhooks', async () => {
    const before = await scrape(stack.gatewayUrl);
    expect(before.status).toBe(200);
    const stream = await stack.newStream();
    expect((await stack.webhook('github', push(stream))).status).toBe(200);
    expect((await stack.webhook('github', { query: { api_key: 'wrong' } })).status).toBe(401);
    await stack.drained();
    const after = await scrape(stack.gatewayUrl);
    const grew = (name: string, labels: Record<string, string> = {}) =>
      value(after.metrics, name, labels) - value(before.metrics, name, labels);
    expect(grew('webhook_requests_total', { integration: 'github', status: '200' })).toBe(1);
    expect(grew('webhook_requests_total', { integration: 'github', status: '401' })).toBe(1);
    expect(grew('webhook_deliveries_total')).toBe(1);
    expect(value(after.metrics, 'webhook_queue_depth')).toBe(0);
    expect(after.metrics.has('process_resident_memory_bytes')).toBe(true);
    expect(
      grew('http_requests_total', {
        method: 'POST',
        route: '/api/v1/external/:integration',
        status: '200',
      }),
    ).toBe(1);
  });

  it('answers only loopback scrapers that no proxy forwarded, unless they bring the token', async () => {
    const proxied = await scrape(stack.server.url, { 'x-forwarded-for': '203.0.113.9' });
    expect(proxied.status).toBe(401);
    expect(JSON.parse(proxied.text)).toMatchObject({ result: 'error', code: 'UNAUTHORIZED' });
    expect((await scrape(stack.gatewayUrl, { forwarded: 'for=203.0.113.9' })).status).toBe(401);

    const token = 'scrape-token-0123456789abcdef';
    const guarded = await startTestServer({ env: { METRICS_TOKEN: token } });
    try {
      const remote = { 'x-forwarded-for': '203.0.113.9' };
      expect((await scrape(guarded.url, remote)).status).toBe(401);
      expect(
        (await scrape(guarded.url, { ...remote, authorization: 'Bearer wrong-token-0123456789' }))
          .status,
      ).toBe(401);
      const allowed = await scrape(guarded.url, { ...remote, authorization: `Bearer ${token}` });
      expect(allowed.status).toBe(200);
      expect(allowed.metrics.has('http_requests_total')).toBe(true);
    } finally {
      await guarded.stop();
    }
  });

  describe('check commands (monitoring-plugin contract)', () => {
    it('check-send-receive: OK when the message arrives, WARNING beyond its threshold, CRITICAL when the server is down', async () => {
      const owner = stack.server.client(stack.server.owner);
      const bots: string[] = [];
      for (const name of ['Probe Sender', 'Probe Receiver']) {
        const res = await owner.post('/bots', {
          full_name: name,
          short_name: name.toLowerCase().replace(' ', '-'),
          bot_type: 1,
        });
        expect(res.status).toBe(200);
        bots.push(String(res.body.user_id ?? ''));
      }
      const [sender, receiver] = bots;
      const ok = expectCheck(
        await check('check-send-receive', '--sender', sender, '--receiver', receiver),
        'OK',
      );
      expect(ok).toMatch(/got the message .* in [\d.]+ s \| time=[\d.]+s;5;15;0$/);
      expectCheck(
        await check(
          'check-send-receive',
          '--sender',
          sender,
          '--receiver',
          receiver,
          '--warning',
          '0',
        ),
        'WARNING',
      );
      const closed = await freePort();
      const down = await manage(
        { ...env, SERVER_URL: `http://127.0.0.1:${closed}` },
        'check-send-receive',
        '--sender',
        sender,
        '--receiver',
        receiver,
      );
      expect(expectCheck(down, 'CRITICAL')).toMatch(/does not answer/);
    });

    it('check-queues: OK while deliveries flow, WARNING then CRITICAL while the webhook queue is stuck', async () => {
      expect(expectCheck(await check('check-queues'), 'OK')).toMatch(
        /webhook_depth=0;;;0 webhook_oldest_age=0s;120;600;0/,
      );
      api.down = true;
      try {
        const stream = await stack.newStream();
        expect((await stack.webhook('github', push(stream))).status).toBe(200);
        await sleep(1500);
        const warning = expectCheck(
          await check('check-queues', '--warning', '1', '--critical', '600'),
          'WARNING',
        );
        expect(warning).toMatch(/webhook queue: oldest job waiting [\d.]+ s \(1 queued\)/);
        expectCheck(await check('check-queues', '--warning', '1', '--critical', '1'), 'CRITICAL');
        const gateway = await scrape(stack.gatewayUrl);
        expect(value(gateway.metrics, 'webhook_delivery_retries_total')).toBeGreaterThan(0);
      } finally {
        api.down = false;
      }
      await stack.drained();
      expectCheck(await check('check-queues'), 'OK');
    });

    it('check-search-index: OK, then WARNING and CRITICAL for messages without a search vector', async () => {
      expectCheck(await check('check-search-index'), 'OK');
      const rows = await stack.server.db.rows<{ id: number }>(
        'SELECT id FROM messages ORDER BY id DESC LIMIT 2',
      );
      const ids = rows.map((r) => r.id);
      await stack.server.db.execute(
        'UPDATE messages SET search_tsvector = NULL WHERE id = ANY($1)',
        [ids],
      );
      try {
        expect(expectCheck(await check('check-search-index'), 'WARNING')).toMatch(
          /^WARNING - 2 of \d+ messages have no search vector \| unindexed=2;0;100;0$/,
        );
        expectCheck(await check('check-search-index', '--critical', '1'), 'CRITICAL');
      } finally {
        await stack.server.db.execute(
          "UPDATE messages SET search_tsvector = to_tsvector('english', topic || ' ' || content) WHERE id = ANY($1)",
          [ids],
        );
      }
      expectCheck(await check('check-search-index'), 'OK');
    });

    it('check-database: connections against their thresholds', async () => {
      const ok = expectCheck(await check('check-database'), 'OK');
      expect(ok).toMatch(/connections in use .* connections_used=[\d.]+%;80;95;0;100/);
      // Thresholds below what is in use fire, the critical one winning.
      expectCheck(await check('check-database', '--warning', '0.001'), 'WARNING');
      expectCheck(
        await check('check-database', '--warning', '0.001', '--critical', '0.001'),
        'CRITICAL',
      );
      expectCheck(await check('check-database', '--warning', 'bogus'), 'UNKNOWN');
    });

    it('check-mail: OK, then WARNING and CRITICAL while mail waits on an SMTP server that does not answer', async () => {
      const sockets = new Set<net.Socket>();
      const silent = net.createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const smtpPort = (silent.address() as net.AddressInfo).port;
      let server: TestServer | undefined;
      try {
        server = await startTestServer({
          env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
        });
        const mailEnv = { ...cliEnv(server), SERVER_URL: server.url, GATEWAY_URL: '' };
        expectCheck(await manage(mailEnv, 'check-mail'), 'OK');
        const browser = new CookieSession(server.url, 'localhost');
        const reset = browser.submit('/accounts/password/reset/', {
          email: 'nobody@example.com',
        });
        const mailMetric = async (name: string) =>
          value((await scrape(String(server?.url))).metrics, name);
        for (let i = 0; i < 200 && (await mailMetric('mail_sending')) === 0; i++) await sleep(50);
        const warning = await manage(mailEnv, 'check-mail', '--warning', '0');
        expect(expectCheck(warning, 'WARNING')).toMatch(/^WARNING - 1 mails waiting on SMTP/);
        expectCheck(await manage(mailEnv, 'check-mail', '--critical', '0'), 'CRITICAL');
        for (const socket of sockets) socket.destroy();
        silent.close();
        await reset;
        for (let i = 0; i < 200 && (await mailMetric('mail_sending')) > 0; i++) await sleep(50);
        expect(await mailMetric('mail_failures_total')).toBe(1);
        expectCheck(await manage(mailEnv, 'check-mail'), 'OK');
      } finally {
        await server?.stop();
        silent.close();
      }
    }, 120_000);

    it('check-workers and check-queues: OK while the gateway answers, WARNING on memory, CRITICAL once it stopped', async () => {
      // The gateway runs inside the test process here, whose memory grows with every suite it
      // ran before: the thresholds are raised for the OK case.
      expect(
        expectCheck(
          await check('check-workers', '--warning', '65536', '--critical', '131072'),
          'OK',
        ),
      ).toMatch(/gateway alive; .* \| gateway_memory=[\d.]+MB;65536;131072;0 server_memory=/);
      expectCheck(await check('check-workers', '--warning', '1'), 'WARNING');
      await stack.gateway.close();
      expect(expectCheck(await check('check-workers'), 'CRITICAL')).toMatch(
        /gateway at .* does not answer/,
      );
      // Checks reading the stopped gateway's metrics say CRITICAL too, not UNKNOWN.
      expect(expectCheck(await check('check-queues'), 'CRITICAL')).toMatch(/does not answer/);
    });
  });
});
