import { ConfigError, loadConfig } from './config';

describe('email gateway settings', () => {
  it('are off by default, with a 25 MiB message limit', () => {
    expect(loadConfig({}).emailGateway).toEqual({
      pattern: undefined,
      secret: undefined,
      maxMessageBytes: 25 * 1024 * 1024,
    });
  });

  it('read the pattern, the shared secret and the limit', () => {
    expect(
      loadConfig({
        EMAIL_GATEWAY_PATTERN: '%s@streams.example.com',
        EMAIL_GATEWAY_SECRET: 'a-long-shared-secret',
        EMAIL_GATEWAY_MAX_MESSAGE_BYTES: '65536',
      }).emailGateway,
    ).toEqual({
      pattern: '%s@streams.example.com',
      secret: 'a-long-shared-secret',
      maxMessageBytes: 65536,
    });
  });

  it('refuse a pattern without exactly one %s in the local part, a short secret, a bad limit', () => {
    for (const pattern of [
      'streams@example.com',
      '%s%s@x.com',
      'a@%s.example.com',
      '%s',
      'a b%s@x.y',
    ]) {
      expect(() => loadConfig({ EMAIL_GATEWAY_PATTERN: pattern })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ EMAIL_GATEWAY_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ EMAIL_GATEWAY_MAX_MESSAGE_BYTES: '10' })).toThrow(ConfigError);
    expect(() => loadConfig({ EMAIL_GATEWAY_MAX_MESSAGE_BYTES: '1e9' })).toThrow(ConfigError);
  });
});
