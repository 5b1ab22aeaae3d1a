import { ConfigError, loadConfig } from './config';

describe('the Redis namespace', () => {
  const postgres = (db: string) => ({ DATABASE_URL: `postgresql://hub@127.0.0.1:5432/${db}` });

  it('is the same for every process of one installation (same database)', () => {
    const server = loadConfig({ ...postgres('one'), PORT: '9991' });
    const gateway = loadConfig({ ...postgres('one'), GATEWAY_PORT: '9000', PORT: '8000' });
    expect(gateway.redisNamespace).toBe(server.redisNamespace);
    expect(server.redisNamespace).toMatch(/^zulip-hub:[0-9a-f]{12}$/);
  });

  it('differs between installations sharing one Redis', () => {
    expect(loadConfig(postgres('one')).redisNamespace).not.toBe(
      loadConfig(postgres('two')).redisNamespace,
    );
    expect(loadConfig({ DATA_DIR: '/srv/a' }).redisNamespace).not.toBe(
      loadConfig({ DATA_DIR: '/srv/b' }).redisNamespace,
    );
  });

  it('is REDIS_NAMESPACE when set, and refuses one that would break key patterns', () => {
    expect(loadConfig({ ...postgres('one'), REDIS_NAMESPACE: 'acme:prod' }).redisNamespace).toBe(
      'acme:prod',
    );
    expect(() => loadConfig({ REDIS_NAMESPACE: 'acme*' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_NAMESPACE: 'a b' })).toThrow(ConfigError);
  });
});

describe('first-start and template settings', () => {
  it('names the first realm and its owner from REALM_NAME and OWNER_EMAIL', () => {
    expect(loadConfig({}).firstStart).toEqual({ realmName: 'Zulip Hub', ownerEmail: undefined });
    expect(
      loadConfig({ REALM_NAME: 'Acme Corp', OWNER_EMAIL: 'boss@acme.test' }).firstStart,
    ).toEqual({ realmName: 'Acme Corp', ownerEmail: 'boss@acme.test' });
    expect(() => loadConfig({ OWNER_EMAIL: 'not an address' })).toThrow(ConfigError);
  });

  it('reads WEBHOOK_TEMPLATE_DIR as an absolute directory', () => {
    expect(loadConfig({}).webhookTemplateDir).toBeUndefined();
    expect(loadConfig({ WEBHOOK_TEMPLATE_DIR: '/srv/templates' }).webhookTemplateDir).toBe(
      '/srv/templates',
    );
  });
});

describe('WEBHOOK_HISTORY_LIMIT', () => {
  it('bounds the deliveries kept per bot: 1000 by default, a positive whole number when set', () => {
    expect(loadConfig({}).webhookHistoryLimit).toBe(1000);
    expect(loadConfig({ WEBHOOK_HISTORY_LIMIT: '25' }).webhookHistoryLimit).toBe(25);
    expect(() => loadConfig({ WEBHOOK_HISTORY_LIMIT: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOK_HISTORY_LIMIT: 'lots' })).toThrow(ConfigError);
  });
});

describe('BigBlueButton settings', () => {
  it('reads the URL and secret together, and refuses one without the other', () => {
    expect(loadConfig({}).bigBlueButton).toBeUndefined();
    expect(
      loadConfig({
        BIG_BLUE_BUTTON_URL: 'https://bbb.example.com/bigbluebutton',
        BIG_BLUE_BUTTON_SECRET: 'shared-secret-123',
      }).bigBlueButton,
    ).toEqual({ url: 'https://bbb.example.com/bigbluebutton/', secret: 'shared-secret-123' });
    expect(() => loadConfig({ BIG_BLUE_BUTTON_URL: 'https://bbb.example.com/' })).toThrow(
      /BIG_BLUE_BUTTON_SECRET must be set/,
    );
    expect(() => loadConfig({ BIG_BLUE_BUTTON_SECRET: 'shared-secret-123' })).toThrow(
      'BIG_BLUE_BUTTON_URL is required when BIG_BLUE_BUTTON_SECRET is set',
    );
    expect(() =>
      loadConfig({
        BIG_BLUE_BUTTON_URL: 'ftp://bbb.example.com/',
        BIG_BLUE_BUTTON_SECRET: 'x'.repeat(9),
      }),
    ).toThrow(ConfigError);
  });
});

describe('monitoring and log settings', () => {
  it('reads METRICS_TOKEN and refuses a short one or one with spaces', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a-long-scrape-token-42' }).metricsToken).toBe(
      'a-long-scrape-token-42',
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(
      'METRICS_TOKEN must be at least 16 printable characters without spaces',
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'sixteen chars with spaces' })).toThrow(ConfigError);
  });

  it('reads LOG_DIR as an absolute directory', () => {
    expect(loadConfig({}).logDir).toBeUndefined();
    expect(loadConfig({ LOG_DIR: '/var/log/zulip-hub' }).logDir).toBe('/var/log/zulip-hub');
  });
});

describe('mobile push settings', () => {
  const ORG_ID = '6cde5f7a-1f7e-4978-9716-49f69ebfc9fe';
  const push = (extra: Record<string, string> = {}) => ({
    PUSH_NOTIFICATION_BOUNCER_URL: 'https://push.zulipchat.com',
    ZULIP_ORG_ID: ORG_ID,
    ZULIP_ORG_KEY: 'k'.repeat(64),
    ...extra,
  });

  it('are off when none is set, and read together when all are', () => {
    expect(loadConfig({}).push).toBeUndefined();
    expect(loadConfig(push()).push).toEqual({
      bouncerUrl: 'https://push.zulipchat.com',
      orgId: ORG_ID,
      orgKey: 'k'.repeat(64),
    });
  });

  it('refuse a partial or malformed set with a clear line', () => {
    expect(() =>
      loadConfig({ PUSH_NOTIFICATION_BOUNCER_URL: 'https://push.zulipchat.com' }),
    ).toThrow('PUSH_NOTIFICATION_BOUNCER_URL, ZULIP_ORG_ID and ZULIP_ORG_KEY must be set together');
    expect(() => loadConfig(push({ PUSH_NOTIFICATION_BOUNCER_URL: 'ftp://x' }))).toThrow(
      'PUSH_NOTIFICATION_BOUNCER_URL must use https: or http:',
    );
    expect(() => loadConfig(push({ ZULIP_ORG_ID: 'not-a-uuid' }))).toThrow(
      'ZULIP_ORG_ID must be a UUID',
    );
    expect(() => loadConfig(push({ ZULIP_ORG_KEY: 'short' }))).toThrow(ConfigError);
    expect(() => loadConfig(push({ ZULIP_ORG_KEY: `${'k'.repeat(20)}:x` }))).toThrow(ConfigError);
  });
});
