import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ServerApi } from '../../apps/gateway/src/server-api';
import { ClientServerApi } from '../../apps/gateway/src/client-server-api';
import { rawRequest } from '../helpers/api-client';
import { startTestServer, TestServer } from '../helpers/test-server';
import { freePort, GatewayStack } from '../gateway/helpers/gateway-stack';
import { githubFixture } from '../gateway/helpers/own-fixtures';
import { CookieSession } from '../web/cookie-session';

interface LogLine {
  level: number;
  time: string;
  process: string;
  pid: number;
  msg: string;
  context?: string;
}

/** Every line of a log file, each of which must be one JSON object with pino's fields. */
function readLog(dir: string, name: string): LogLine[] {
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => {
      const parsed = JSON.parse(line) as LogLine;
      expect(parsed).toMatchObject({
        level: expect.any(Number),
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        msg: expect.any(String),
      });
      return parsed;
    });
}

/** No log file under `dir` contains any of `secrets`. */
function expectNoSecrets(dir: string, secrets: Record<string, string>): void {
  for (const file of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const [what, secret] of Object.entries(secrets)) {
      expect({ file, what, found: text.includes(secret) }).toEqual({ file, what, found: false });
    }
  }
}

describe('logs: JSON lines on stdout and in LOG_DIR, without credentials', () => {
  const logDirs: string[] = [];
  const newLogDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-logs-'));
    logDirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of logDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the server writes server.log, workers.log and errors.log (errors only), with no key, password or session in them', async () => {
    const logDir = newLogDir();
    const smtpPassword = 'smtp-Pa55word-never-logged';
    let server: TestServer | undefined;
    let secrets: Record<string, string> = {};
    try {
      server = await startTestServer({
        env: {
          LOG_DIR: logDir,
          LOG_LEVEL: 'debug',
          SMTP_URL: `smtp://mailer:${smtpPassword}@127.0.0.1:${await freePort()}`,
          GATEWAY_URL: `http://127.0.0.1:${await freePort()}`,
        },
      });
      const alice = await server.createUser({ fullName: 'Alice Logged' });
      // A short run: password logins (API and web), API calls, a failed one, a webhook URL with
      // its key, and a mail the (unreachable) SMTP server cannot take.
      const fetched = await server.client().post('/fetch_api_key', {
        username: alice.email,
        password: alice.password,
      });
      expect(fetched.status).toBe(200);
      const client = server.client(alice);
      expect(
        (await client.post('/messages', { type: 'direct', to: [alice.id], content: 'hi' })).status,
      ).toBe(200);
      expect(
        (await server.client({ email: alice.email, apiKey: 'not-the-key-123' }).get('/users/me'))
          .status,
      ).toBe(401);
      const hook = new URL(`/api/v1/external/github?api_key=${alice.apiKey}`, server.url);
      expect((await rawRequest(hook, 'POST', { host: 'localhost' })).status).toBe(502);
      const browser = new CookieSession(server.url, 'localhost');
      const login = await browser.login(alice.email, alice.password);
      expect(login.status).toBeLessThan(400);
      const sessionId = browser.cookies.get('sessionid') ?? '';
      expect(sessionId).not.toBe('');
      secrets = {
        'API key': alice.apiKey,
        "owner's API key": server.owner.apiKey,
        password: alice.password,
        'session id': sessionId,
        'SMTP password': smtpPassword,
      };
      await new CookieSession(server.url, 'localhost').submit('/accounts/password/reset/', {
        email: alice.email,
      });
    } finally {
      await server?.stop();
    }

    const main = readLog(logDir, 'server.log');
    expect(main.length).toBeGreaterThan(10);
    expect(main.every((l) => l.process === 'server')).toBe(true);
    // debug: SQL statements are logged, without their parameters.
    expect(main.some((l) => l.context === 'SQL' && /-- \d+ parameters$/.test(l.msg))).toBe(true);
    const errors = readLog(logDir, 'errors.log');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((l) => l.level >= 50)).toBe(true);
    expect(main.filter((l) => l.level >= 50).length).toBe(errors.length);
    const workers = readLog(logDir, 'workers.log');
    expect(workers.some((l) => l.context === 'Mail' && /failed/.test(l.msg))).toBe(true);
    expect(errors.some((l) => l.context === 'Mail')).toBe(true);

    expect(Object.keys(secrets)).toHaveLength(5);
    expectNoSecrets(logDir, secrets);
  }, 120_000);

  it('the gateway writes gateway.log and its deliveries to workers.log, without webhook secrets or keys', async () => {
    const logDir = newLogDir();
    const secret = 'webhook-signing-secret-never-logged';
    let failures = 1;
    const api: ServerApi & { url: string } = {
      url: '',
      identify(host, apiKey) {
        return new ClientServerApi(this.url).identify(host, apiKey);
      },
      async send(...args) {
        // The first delivery finds the server down: the retry is logged.
        if (failures-- > 0) throw Object.assign(new Error('Service Unavailable'), { status: 503 });
        return new ClientServerApi(this.url).send(...args);
      },
    };
    const stack = await GatewayStack.start({
      secrets: (bot) => ({ [bot.email]: secret }),
      gatewayEnv: { LOG_DIR: logDir, LOG_LEVEL: 'log' },
      overrides: { serverApi: api, retry: { baseMs: 20, maxMs: 50, giveUpAfterMs: 60_000 } },
    });
    api.url = stack.server.url;
    try {
      const stream = await stack.newStream();
      const unsigned = await stack.webhook('github', {
        query: { stream },
        headers: { 'X-GitHub-Event': 'push', 'X-Hub-Signature-256': 'sha256=00' },
        body: githubFixture('push__force'),
      });
      expect(unsigned.status).toBe(401);
      const body = githubFixture('push__force');
      const signed = await stack.webhook('github', {
        query: { stream },
        headers: {
          'X-GitHub-Event': 'push',
          'X-Hub-Signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
        },
        body,
      });
      expect(signed.status).toBe(200);
      await stack.drained();
      const gateway = readLog(logDir, 'gateway.log');
      expect(gateway.length).toBeGreaterThan(0);
      expect(gateway.every((l) => l.process === 'gateway')).toBe(true);
      const workers = readLog(logDir, 'workers.log');
      expect(workers.some((l) => l.context === 'Delivery' && /retrying/.test(l.msg))).toBe(true);
      expectNoSecrets(logDir, { 'webhook secret': secret, 'bot API key': stack.bot.apiKey });
    } finally {
      await stack.stop();
    }
  }, 120_000);
});
