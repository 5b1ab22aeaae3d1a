import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { createGatewayApp, GatewayOverrides } from '../../../apps/gateway/src/bootstrap';
import { loadConfig, type AppConfig } from '@hub/config';
import { ApiClient, Credentials, rawRequest } from '../../helpers/api-client';
import { redisAvailable, REDIS_TEST_URL } from '../../helpers/services';
import { startTestServer, TestServer, TestUser } from '../../helpers/test-server';

export interface StackOptions {
  /** Let the server forward `/api/v1/external/*` to the gateway (GATEWAY_URL); default true. */
  forward?: boolean;
  /** Use Redis (Bull queue, Redis once-store) when it answers; default true. */
  redis?: boolean;
  /** WEBHOOK_SECRETS_FILE contents, keyed by bot email (see apps/gateway/src/signatures.ts). */
  secrets?: (bot: Bot) => Record<string, string | Record<string, string>>;
  gatewayEnv?: Record<string, string>;
  /** Extra settings of the server (WEBHOOK_HISTORY_LIMIT...). */
  serverEnv?: Record<string, string>;
  /**
   * Run as one installation does in production (`npm start`): the server on Redis too, and the
   * gateway with its server's settings (DATABASE_URL, DATA_DIR) and no REDIS_NAMESPACE, so both
   * derive the installation's namespace themselves. Default: a unique REDIS_NAMESPACE per stack.
   */
  asInstallation?: boolean;
  overrides?: GatewayOverrides;
}

export interface Bot extends Credentials {
  id: number;
  fullName: string;
}

/** One message as GET /messages returns it with apply_markdown=false. */
export interface LandedMessage {
  id: number;
  content: string;
  subject: string;
  type: 'stream' | 'private';
  display_recipient: string | Array<{ id: number; email: string }>;
  sender_id: number;
}

export interface WebhookReply {
  status: number;
  body: Record<string, unknown>;
}

export interface WebhookCall {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  contentType?: string;
  /** `server`: through the server's port, forwarded to the gateway. */
  via?: 'gateway' | 'server';
}

/** A free loopback port (the gateway's URL must be known before the server boots). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A unique REDIS_NAMESPACE, so parallel suites sharing one Redis keep their own jobs. */
export function uniqueRedisNamespace(): string {
  return `zh-test-${process.pid}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;
}

/** Deletes every key a process with REDIS_NAMESPACE=`namespace` left in Redis (queues, once-keys). */
export async function dropRedisKeys(namespace: string): Promise<void> {
  const redis = new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
  try {
    const stream = redis.scanStream({ match: `${namespace}:*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

/** Boots the gateway on `port`, delivering to `serverUrl`. */
export async function startGateway(
  serverUrl: string,
  port: number,
  env: Record<string, string | undefined>,
  overrides: GatewayOverrides,
): Promise<NestExpressApplication> {
  const gateway = await createGatewayApp(gatewayConfig(serverUrl, port, env), overrides);
  await gateway.listen(port, '127.0.0.1');
  return gateway;
}

/** The settings `startGateway` boots the gateway with. */
function gatewayConfig(
  serverUrl: string,
  port: number,
  env: Record<string, string | undefined>,
): AppConfig {
  return loadConfig({
    ...process.env,
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    ...env,
    SERVER_URL: serverUrl,
    GATEWAY_PORT: String(port),
  });
}

/**
 * The real server and the real gateway on loopback ports, an incoming-webhook bot created through
 * `POST /api/v1/bots` by a member (its owner), and helpers to post webhooks and wait for messages.
 */
export class GatewayStack {
  private streamCounter = 0;

  constructor(
    readonly server: TestServer,
    readonly gateway: NestExpressApplication,
    readonly gatewayUrl: string,
    readonly botOwner: TestUser,
    readonly bot: Bot,
    readonly usesRedis: boolean,
    private readonly cleanup: Array<() => Promise<void>>,
  ) {}

  static async start(options: StackOptions = {}): Promise<GatewayStack> {
    const cleanup: Array<() => Promise<void>> = [];
    let namespace: string | undefined;
    // Runs last: the gateway and the server have stopped writing.
    cleanup.push(async () => {
      if (namespace !== undefined) await dropRedisKeys(namespace);
    });
    const port = await freePort();
    const gatewayUrl = `http://127.0.0.1:${port}`;
    const server = await startTestServer({
      env: {
        GATEWAY_URL: options.forward === false ? '' : gatewayUrl,
        // The bot posts bursts of notifications; the API's per-user limit is not under test here.
        RATE_LIMIT_PER_MINUTE: '1000000',
        ...options.serverEnv,
      },
      redis: options.asInstallation === true,
    });
    cleanup.push(() => server.stop());
    try {
      const botOwner = await server.createUser({ fullName: 'Bea Botowner' });
      const bot = await createIncomingWebhookBot(server.client(botOwner), 'CI Notifier', 'ci');
      const usesRedis = options.redis !== false && (await redisAvailable());
      const env: Record<string, string | undefined> = { ...options.gatewayEnv };
      if (usesRedis) env.REDIS_URL = REDIS_TEST_URL;
      if (options.secrets) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-gw-'));
        cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
        env.WEBHOOK_SECRETS_FILE = path.join(dir, 'secrets.json');
        fs.writeFileSync(env.WEBHOOK_SECRETS_FILE, JSON.stringify(options.secrets(bot)));
      }
      if (options.asInstallation) {
        env.DATABASE_URL = server.config.databaseUrl;
        env.DATA_DIR = server.config.dataDir;
        env.REDIS_NAMESPACE = undefined;
      } else {
        env.REDIS_NAMESPACE ??= uniqueRedisNamespace();
      }
      if (usesRedis) namespace = gatewayConfig(server.url, port, env).redisNamespace;
      const gateway = await startGateway(server.url, port, env, options.overrides ?? {});
      cleanup.push(() => gateway.close());
      return new GatewayStack(server, gateway, gatewayUrl, botOwner, bot, usesRedis, cleanup);
    } catch (err) {
      for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
      throw err;
    }
  }

  async stop(): Promise<void> {
    for (const fn of this.cleanup.reverse()) await fn().catch(() => undefined);
  }

  /** The bot owner's API client (sees the streams created here and the bot's DMs). */
  get ownerClient(): ApiClient {
    return this.server.client(this.botOwner);
  }

  /** Creates streams (one API call) with the bot owner subscribed; returns their names. */
  async createStreams(names: string[]): Promise<string[]> {
    if (names.length === 0) return names;
    const res = await this.server.client(this.server.owner).post('/users/me/subscriptions', {
      subscriptions: names.map((name) => ({ name })),
      principals: [this.botOwner.id, this.server.owner.id],
    });
    if (res.status !== 200) throw new Error(`creating streams failed: ${JSON.stringify(res.body)}`);
    return names;
  }

  /** A fresh stream with a unique name. */
  async newStream(label = 'hooks'): Promise<string> {
    const name = `${label}-${++this.streamCounter}`;
    await this.createStreams([name]);
    return name;
  }

  /** Posts a webhook to `/api/v1/external/<integration>` with the bot's key unless `query` sets one. */
  async webhook(integration: string, call: WebhookCall = {}): Promise<WebhookReply> {
    const base = call.via === 'server' ? this.server.url : this.gatewayUrl;
    const url = new URL(`/api/v1/external/${integration}`, base);
    const query = { api_key: this.bot.apiKey, ...call.query };
    for (const [k, v] of Object.entries(query)) if (v !== '') url.searchParams.set(k, v);
    const body =
      call.body === undefined
        ? undefined
        : Buffer.isBuffer(call.body)
          ? call.body
          : Buffer.from(call.body);
    const headers: Record<string, string> = { host: url.host, ...call.headers };
    if (body) headers['content-type'] = call.contentType ?? 'application/json';
    const res = await rawRequest(url, 'POST', headers, body);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(res.text) as Record<string, unknown>;
    } catch {
      throw new Error(
        `webhook answered ${res.status} with a non-JSON body: ${res.text.slice(0, 200)}`,
      );
    }
    return { status: res.status, body: parsed };
  }

  /** The gateway's /health: queue depth and delivery counters. */
  async health(): Promise<{ queue_depth: number; delivered: number; dropped: number }> {
    const res = await rawRequest(new URL('/health', this.gatewayUrl), 'GET', {
      host: new URL(this.gatewayUrl).host,
    });
    return JSON.parse(res.text) as { queue_depth: number; delivered: number; dropped: number };
  }

  /** Waits until everything accepted so far has been delivered (or dropped). */
  async drained(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.health()).queue_depth > 0) {
      if (Date.now() > deadline) throw new Error('the gateway queue did not drain in time');
      await sleep(50);
    }
  }

  /** Messages the bot owner sees in `narrow`, oldest first, as raw Markdown. */
  async messages(narrow: unknown[], max = 1000): Promise<LandedMessage[]> {
    const res = await this.ownerClient.get('/messages', {
      anchor: 'newest',
      num_before: max,
      num_after: 0,
      narrow,
      apply_markdown: false,
    });
    if (res.status !== 200) throw new Error(`GET /messages failed: ${JSON.stringify(res.body)}`);
    return res.body.messages as LandedMessage[];
  }

  /**
   * Waits (bounded) until at least `count` messages are in `narrow`, then until the gateway has
   * nothing left to deliver, and returns what landed: callers assert the exact count.
   */
  async waitForMessages(
    narrow: unknown[],
    count: number,
    timeoutMs = 30_000,
  ): Promise<LandedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.messages(narrow, Math.max(count + 50, 100));
      if (found.length >= count) {
        await this.drained(Math.max(1000, deadline - Date.now()));
        return this.messages(narrow, Math.max(count + 50, 100));
      }
      if (Date.now() > deadline) {
        throw new Error(
          `expected ${count} messages in ${JSON.stringify(narrow)}, ${found.length} landed within ${timeoutMs} ms`,
        );
      }
      await sleep(100);
    }
  }

  /** Direct messages from the bot to its owner. */
  botDms(): Promise<LandedMessage[]> {
    return this.messages([{ operator: 'dm', operand: [this.bot.email] }]);
  }
}

/** Creates an incoming-webhook bot (bot_type 2) through the API, owned by `owner`. */
export async function createIncomingWebhookBot(
  owner: ApiClient,
  fullName: string,
  shortName: string,
): Promise<Bot> {
  const res = await owner.post('/bots', {
    full_name: fullName,
    short_name: shortName,
    bot_type: 2,
  });
  if (res.status !== 200) throw new Error(`creating the bot failed: ${JSON.stringify(res.body)}`);
  return {
    id: res.body.user_id as number,
    email: res.body.email as string,
    apiKey: res.body.api_key as string,
    fullName,
  };
}

export const streamNarrow = (stream: string, topic?: string): unknown[] =>
  topic === undefined
    ? [{ operator: 'stream', operand: stream }]
    : [
        { operator: 'stream', operand: stream },
        { operator: 'topic', operand: topic },
      ];

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
