import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Redis from 'ioredis';
import type { ServerApi } from '../../apps/gateway/src/server-api';
import { ClientServerApi } from '../../apps/gateway/src/client-server-api';
import { QUEUE_KEY_FILE } from '../../apps/gateway/src/queue-key';
import { redisAvailable, REDIS_TEST_URL } from '../helpers/services';
import { GatewayStack, uniqueRedisNamespace } from '../gateway/helpers/gateway-stack';
import { githubFixture } from '../gateway/helpers/own-fixtures';
import { CookieSession } from '../web/cookie-session';

/** Every key under `namespace` with its value(s) as text, whatever the Redis type. */
async function dumpRedis(namespace: string): Promise<Map<string, string>> {
  const redis = new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
  const dump = new Map<string, string>();
  try {
    const keys = await redis.keys(`${namespace}:*`);
    for (const key of keys) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === 'string') value = await redis.get(key);
      else if (type === 'hash') value = await redis.hgetall(key);
      else if (type === 'list') value = await redis.lrange(key, 0, -1);
      else if (type === 'set') value = await redis.smembers(key);
      else if (type === 'zset') value = await redis.zrange(key, 0, -1);
      else if (type === 'stream') value = await redis.xrange(key, '-', '+');
      dump.set(key, JSON.stringify(value));
    }
  } finally {
    redis.disconnect();
  }
  return dump;
}

/** Every file under `dir` whose text contains one of `secrets`, as "file: what". */
function leaks(dir: string, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const file of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const [what, secret] of Object.entries(secrets)) {
      if (text.includes(secret)) found.push(`${file}: ${what}`);
    }
  }
  return found;
}

/*
 * Security class "secrets at rest": what the gateway keeps in Redis while the server is down, and
 * what a whole run writes to the logs, holds no API key, password, session id or webhook secret.
 */
describe('security: secrets at rest', () => {
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a delivery queued in Redis while the server is down holds no bot API key; logs of the run hold no secret', async () => {
    if (!(await redisAvailable())) {
      // Without Redis the queue is in-process: nothing of it is at rest (REQUIRE_SERVICES=1 fails above).
      return;
    }
    const namespace = uniqueRedisNamespace();
    const logDir = tempDir('zh-secrets-logs-');
    const dataDir = tempDir('zh-secrets-data-');
    const signingSecret = 'webhook-signing-secret-kept-out-of-redis-and-logs';
    let serverDown = true;
    const api: ServerApi & { url: string } = {
      url: '',
      identify(host, apiKey) {
        return new ClientServerApi(this.url).identify(host, apiKey);
      },
      async send(...args) {
        if (serverDown) throw Object.assign(new Error('Service Unavailable'), { status: 503 });
        return new ClientServerApi(this.url).send(...args);
      },
    };
    const stack = await GatewayStack.start({
      secrets: (bot) => ({ [bot.email]: signingSecret }),
      gatewayEnv: {
        REDIS_NAMESPACE: namespace,
        DATA_DIR: dataDir,
        LOG_DIR: logDir,
        LOG_LEVEL: 'debug',
      },
      serverEnv: { LOG_DIR: logDir, LOG_LEVEL: 'debug' },
      overrides: { serverApi: api, retry: { baseMs: 20, maxMs: 100, giveUpAfterMs: 600_000 } },
    });
    api.url = stack.server.url;
    const secrets: Record<string, string> = {
      'bot API key': stack.bot.apiKey,
      "bot owner's API key": stack.botOwner.apiKey,
      "bot owner's password": stack.botOwner.password,
      'webhook signing secret': signingSecret,
    };
    try {
      expect(stack.usesRedis).toBe(true);
      const stream = await stack.newStream();
      const body = githubFixture('push__force');
      const signature = createHmac('sha256', signingSecret).update(body).digest('hex');
      const accepted = await stack.webhook('github', {
        query: { stream },
        headers: { 'X-GitHub-Event': 'push', 'X-Hub-Signature-256': `sha256=${signature}` },
        body,
      });
      expect(accepted.status).toBe(200);
      expect((await stack.health()).queue_depth).toBe(1);

      // The job waits in Redis: it is there (its topic is), its bot key is not.
      const stored = await dumpRedis(namespace);
      const jobs = [...stored].filter(([, value]) => value.includes(stack.bot.email));
      expect(jobs.length).toBeGreaterThan(0);
      const keyHolders = [...stored].filter(([, value]) => value.includes(stack.bot.apiKey));
      expect(keyHolders.map(([key]) => key)).toEqual([]);
      expect(fs.statSync(path.join(dataDir, QUEUE_KEY_FILE)).mode & 0o777).toBe(0o600);

      // The server comes back: the sealed key still opens and the message lands.
      serverDown = false;
      const landed = await stack.waitForMessages([{ operator: 'stream', operand: stream }], 1);
      expect(landed).toHaveLength(1);

      // A browser session and a password login complete the run the logs are checked against.
      const browser = new CookieSession(stack.server.url, 'localhost');
      const login = await browser.login(stack.botOwner.email, stack.botOwner.password);
      expect(login.status).toBeLessThan(400);
      secrets['session id'] = browser.cookies.get('sessionid') ?? '';
      expect(secrets['session id']).not.toBe('');
      const fetched = await stack.server
        .client()
        .post('/fetch_api_key', { username: stack.botOwner.email, password: 'wrong password' });
      expect(fetched.status).toBe(401);
    } finally {
      await stack.stop();
    }
    expect(fs.readdirSync(logDir)).toEqual(
      expect.arrayContaining(['gateway.log', 'server.log', 'workers.log']),
    );
    expect(leaks(logDir, secrets)).toEqual([]);
  }, 120_000);
});
