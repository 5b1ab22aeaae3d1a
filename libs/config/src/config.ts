import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { DatabaseTlsConfig, loadDatabaseTls } from './database-tls';
import { EmailGatewayConfig, loadEmailGatewayConfig } from './email-gateway-config';
import { loadPushConfig, PushConfig } from './push-config';
import { loadUploadsConfig, UploadsConfig } from './uploads-config';
import { loadWebConfig, WebConfig } from './web-config';

/** Every setting the processes read, validated once at start. */
export interface AppConfig {
  port: number;
  gatewayPort: number;
  bindHost: string;
  externalHost: string;
  rootDomain: string;
  databaseUrl: string | undefined;
  /** TLS to DATABASE_URL's server: DATABASE_SSLMODE, DATABASE_SSL_CA_FILE (database-tls.ts). */
  databaseTls: DatabaseTlsConfig;
  redisUrl: string | undefined;
  /**
   * The prefix of every Redis key, channel and Bull queue of this installation (REDIS_NAMESPACE,
   * or `zulip-hub:<installationId>`): installations sharing one Redis never see each other's
   * jobs, events or counters, while the processes of one installation (servers and gateways
   * started with its settings) share theirs.
   */
  redisNamespace: string;
  dataDir: string;
  /** BACKUP_KEEP: `manage backup` deletes the oldest backups beyond this many; 0 keeps all. */
  backupKeep: number;
  devMode: boolean;
  passwordMinLength: number;
  passwordMinScore: number;
  passwordHashIterations: number;
  rateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  /** Invitation e-mails one organization may send per day (Zulip's daily invitation limit). */
  inviteLimitPerDay: number;
  smtpUrl: string | undefined;
  emailFrom: string;
  botStorageQuotaBytes: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** LOG_DIR: JSON log files (`server.log`, `gateway.log`, `workers.log`, `errors.log`); unset: stdout only. */
  logDir: string | undefined;
  /** METRICS_TOKEN: a bearer token that opens `GET /metrics` beyond loopback; unset: loopback only. */
  metricsToken: string | undefined;
  /**
   * BIG_BLUE_BUTTON_URL and BIG_BLUE_BUTTON_SECRET: the BigBlueButton server behind
   * `GET /calls/bigbluebutton/create` (its API is `<url>api/…`); unset: video calls are off.
   */
  bigBlueButton: { url: string; secret: string } | undefined;
  /** Where the gateway reaches the server's API. */
  serverUrl: string;
  /** Where the server forwards `/api/v1/external/*` and `/integrations` (empty: not forwarded). */
  gatewayUrl: string;
  webhookSecretsFile: string | undefined;
  webhookMaxBodyBytes: number;
  /** `<dir>/<integration>/<template>.hbs` overrides an integration's message template. */
  webhookTemplateDir: string | undefined;
  /** WEBHOOK_HISTORY_LIMIT: deliveries the server keeps per incoming-webhook bot (the hub's history). */
  webhookHistoryLimit: number;
  /** The first start (empty database): the default realm's name and its owner's email. */
  firstStart: { realmName: string; ownerEmail: string | undefined };
  /** Events: a queue with no GET /events for this long is collected (open long-polls keep it). */
  eventQueueIdleTimeoutSeconds: number;
  /** Events: a long-poll with nothing to deliver answers a heartbeat after a random time in [min, max]. */
  eventHeartbeatMinSeconds: number;
  eventHeartbeatMaxSeconds: number;
  /** Events: a queue that would hold more unacknowledged events than this is dropped. */
  eventQueueMaxEvents: number;
  /** Hosts outgoing webhooks may reach on private addresses (loopback, LAN); lower case. */
  outgoingWebhookAllowedHosts: string[];
  /** The web client's sign-in: sessions, SSO, OpenID Connect (web-config.ts). */
  web: WebConfig;
  /** Uploaded files, avatars and custom emoji (uploads-config.ts). */
  uploads: UploadsConfig;
  /** The incoming email gateway: channel addresses and the intake (email-gateway-config.ts). */
  emailGateway: EmailGatewayConfig;
  /** Mobile push notifications through Zulip's push bouncer (push-config.ts); unset: off. */
  push: PushConfig | undefined;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const port = integer(env, 'PORT', 9991, 0, 65535);
  const externalHost = env.EXTERNAL_HOST || `localhost:${port}`;
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(externalHost)) {
    throw new ConfigError(`EXTERNAL_HOST must be host[:port], got "${externalHost}"`);
  }
  const dataDir = path.resolve(env.DATA_DIR || './var');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const logLevel = (env.LOG_LEVEL || 'log') as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be error, warn, log or debug, got "${logLevel}"`);
  }
  return {
    port,
    gatewayPort: integer(env, 'GATEWAY_PORT', 9992, 0, 65535),
    bindHost: env.BIND_HOST || '127.0.0.1',
    externalHost,
    rootDomain: (env.ROOT_DOMAIN || externalHost.split(':')[0]).toLowerCase(),
    databaseUrl,
    databaseTls: loadDatabaseTls(env, databaseUrl, (message) => {
      throw new ConfigError(message);
    }),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisNamespace: namespace(env, { databaseUrl, dataDir }),
    dataDir,
    backupKeep: integer(env, 'BACKUP_KEEP', 0, 0, 1_000_000),
    devMode: flag(env, 'DEV_MODE', false),
    passwordMinLength: integer(env, 'PASSWORD_MIN_LENGTH', 8, 1, 1000),
    passwordMinScore: integer(env, 'PASSWORD_MIN_ZXCVBN_SCORE', 2, 0, 4),
    passwordHashIterations: integer(env, 'PASSWORD_HASH_ITERATIONS', 600_000, 1000, 10_000_000),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 200, 1, 1_000_000),
    authRateLimitPerMinute: integer(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 10, 1, 1_000_000),
    inviteLimitPerDay: integer(env, 'INVITE_LIMIT_PER_DAY', 100, 1, 1_000_000),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    emailFrom: env.EMAIL_FROM || `noreply@${externalHost.split(':')[0]}`,
    botStorageQuotaBytes: integer(env, 'BOT_STORAGE_QUOTA_BYTES', 10_000_000, 1, 2 ** 31),
    logLevel,
    logDir: env.LOG_DIR ? path.resolve(env.LOG_DIR) : undefined,
    metricsToken: metricsToken(env),
    bigBlueButton: bigBlueButton(env),
    serverUrl: url(env, 'SERVER_URL', ['http:', 'https:']) ?? `http://127.0.0.1:${port}`,
    gatewayUrl:
      env.GATEWAY_URL === ''
        ? ''
        : (url(env, 'GATEWAY_URL', ['http:', 'https:']) ??
          `http://127.0.0.1:${integer(env, 'GATEWAY_PORT', 9992, 0, 65535)}`),
    webhookSecretsFile: env.WEBHOOK_SECRETS_FILE || undefined,
    webhookMaxBodyBytes: integer(
      env,
      'WEBHOOK_MAX_BODY_BYTES',
      10 * 1024 * 1024,
      1024,
      100 * 1024 * 1024,
    ),
    webhookTemplateDir: env.WEBHOOK_TEMPLATE_DIR
      ? path.resolve(env.WEBHOOK_TEMPLATE_DIR)
      : undefined,
    webhookHistoryLimit: integer(env, 'WEBHOOK_HISTORY_LIMIT', 1000, 1, 1_000_000),
    firstStart: firstStartSettings(env),
    ...eventSettings(env),
    web: loadWebConfig(env, (message) => {
      throw new ConfigError(message);
    }),
    uploads: loadUploadsConfig(env, dataDir, (message) => {
      throw new ConfigError(message);
    }),
    emailGateway: loadEmailGatewayConfig(env, (message) => {
      throw new ConfigError(message);
    }),
    push: loadPushConfig(env, (message) => {
      throw new ConfigError(message);
    }),
  };
}

/** EVENT_QUEUE_IDLE_TIMEOUT_SECONDS (600), EVENT_HEARTBEAT_MIN/MAX_SECONDS (45/55), EVENT_QUEUE_MAX_EVENTS (10000). */
function eventSettings(env: Env) {
  const eventHeartbeatMinSeconds = integer(env, 'EVENT_HEARTBEAT_MIN_SECONDS', 45, 1, 3600);
  const eventHeartbeatMaxSeconds = integer(env, 'EVENT_HEARTBEAT_MAX_SECONDS', 55, 1, 3600);
  if (eventHeartbeatMaxSeconds < eventHeartbeatMinSeconds) {
    throw new ConfigError(
      'EVENT_HEARTBEAT_MAX_SECONDS must not be below EVENT_HEARTBEAT_MIN_SECONDS',
    );
  }
  return {
    eventQueueIdleTimeoutSeconds: integer(
      env,
      'EVENT_QUEUE_IDLE_TIMEOUT_SECONDS',
      600,
      1,
      7 * 86400,
    ),
    eventHeartbeatMinSeconds,
    eventHeartbeatMaxSeconds,
    eventQueueMaxEvents: integer(env, 'EVENT_QUEUE_MAX_EVENTS', 10_000, 1, 1_000_000),
    outgoingWebhookAllowedHosts: (env.OUTGOING_WEBHOOK_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((host) =>
        host
          .trim()
          .replace(/^\[|\]$/g, '')
          .toLowerCase(),
      )
      .filter((host) => host !== ''),
  };
}

/** REALM_NAME (`Zulip Hub`) and OWNER_EMAIL (unset: `owner@<root domain>`), read by the first start. */
function firstStartSettings(env: Env): AppConfig['firstStart'] {
  const realmName = (env.REALM_NAME ?? '').trim() || 'Zulip Hub';
  const ownerEmail = env.OWNER_EMAIL || undefined;
  if (ownerEmail !== undefined && !/^[^\s@]+@[^\s@]+$/.test(ownerEmail)) {
    throw new ConfigError(`OWNER_EMAIL must be an email address, got "${ownerEmail}"`);
  }
  return { realmName, ownerEmail };
}

/**
 * BIG_BLUE_BUTTON_URL (`https://bbb.example.com/bigbluebutton/`, where `api/create` lives) and
 * BIG_BLUE_BUTTON_SECRET (its shared secret, `bbb-conf --secret`): both or neither.
 */
function bigBlueButton(env: Env): AppConfig['bigBlueButton'] {
  const raw = url(env, 'BIG_BLUE_BUTTON_URL', ['http:', 'https:']);
  const secret = env.BIG_BLUE_BUTTON_SECRET ?? '';
  if (raw === undefined && secret === '') return undefined;
  if (raw === undefined)
    throw new ConfigError('BIG_BLUE_BUTTON_URL is required when BIG_BLUE_BUTTON_SECRET is set');
  if (!/^[\x21-\x7e]{8,}$/.test(secret)) {
    throw new ConfigError(
      'BIG_BLUE_BUTTON_SECRET must be set (at least 8 printable characters) with BIG_BLUE_BUTTON_URL',
    );
  }
  // The API is below the URL's path: `…/bigbluebutton` and `…/bigbluebutton/` mean the same.
  return { url: raw.endsWith('/') ? raw : `${raw}/`, secret };
}

/** METRICS_TOKEN: unset, or at least 16 characters without spaces (it travels in a header). */
function metricsToken(env: Env): string | undefined {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return undefined;
  if (!/^[\x21-\x7e]{16,}$/.test(raw)) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 printable characters without spaces');
  }
  return raw;
}

/** REDIS_NAMESPACE as given, or one derived from the installation's database. */
function namespace(env: Env, installation: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): string {
  const raw = env.REDIS_NAMESPACE;
  if (raw === undefined || raw === '') return `zulip-hub:${installationId(installation)}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(raw)) {
    throw new ConfigError(
      `REDIS_NAMESPACE must be 1-100 letters, digits, "_", ".", ":" or "-", got "${raw}"`,
    );
  }
  return raw;
}

/** Loads the config or stops the process with one clear line. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/**
 * A short stable id of this installation (its database): the default Redis namespace, so
 * deployments or test servers sharing one Redis never see each other's queues or counters.
 */
export function installationId(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): string {
  const database = config.databaseUrl ?? `embedded:${config.dataDir}`;
  return createHash('sha256').update(database).digest('hex').slice(0, 12);
}
