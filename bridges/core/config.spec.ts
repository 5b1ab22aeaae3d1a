import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, f, loadBridgeConfig, bridgeSchema, envName, redact } from './index';

const schema = bridgeSchema({
  irc: f.object({
    host: f.string(),
    port: f.int({ default: 6667, min: 1, max: 65535 }),
    tls: f.bool({ default: false }),
    password: f.optional(f.string({ secret: true })),
  }),
  channels: f.list(
    f.object({ irc: f.string(), stream: f.string(), topic: f.optional(f.string()) }),
    {
      minItems: 1,
    },
  ),
});

function write(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-config-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const yaml = `
data_dir: ./state
irc:
  host: irc.example.net
  port: 6697
  tls: true
channels:
  - irc: '#dev'
    stream: dev
  - irc: '#ops'
    stream: ops
    topic: alerts
`;

describe('bridge config', () => {
  it('reads YAML, applies defaults and resolves data_dir against the file', () => {
    const file = write('irc.yaml', yaml);
    const config = loadBridgeConfig('irc', schema, file, {});
    expect(config.irc).toEqual({
      host: 'irc.example.net',
      port: 6697,
      tls: true,
      password: undefined,
    });
    expect(config.channels).toEqual([
      { irc: '#dev', stream: 'dev', topic: undefined },
      { irc: '#ops', stream: 'ops', topic: 'alerts' },
    ]);
    expect(config.data_dir).toBe(path.join(path.dirname(file), 'state'));
    expect(config.queue).toEqual({ max_size: 1000, max_age_seconds: 3600 });
    expect(config.health.port).toBeUndefined();
  });

  it('reads INI with numbered sections as lists', () => {
    const file = write(
      'irc.ini',
      'data_dir = /tmp/x\n[irc]\nhost = irc.example.net\ntls = yes\n[channels.0]\nirc = "#dev"\nstream = dev\n',
    );
    const config = loadBridgeConfig('irc', schema, file, {});
    expect(config.irc.tls).toBe(true);
    expect(config.irc.port).toBe(6667);
    expect(config.channels).toEqual([{ irc: '#dev', stream: 'dev', topic: undefined }]);
  });

  it('lets BRIDGE_<PROTOCOL>_* variables override keys', () => {
    expect(envName('irc', ['irc', 'password'])).toBe('BRIDGE_IRC_PASSWORD');
    expect(envName('irc', ['zulip', 'api_key'])).toBe('BRIDGE_IRC_ZULIP_API_KEY');
    const file = write('irc.yaml', yaml);
    const config = loadBridgeConfig('irc', schema, file, {
      BRIDGE_IRC_PASSWORD: 's3cret',
      BRIDGE_IRC_PORT: '7000',
      BRIDGE_IRC_ZULIP_API_KEY: 'key',
      BRIDGE_IRC_HEALTH_PORT: '0',
    });
    expect(config.irc.password).toBe('s3cret');
    expect(config.irc.port).toBe(7000);
    expect(config.zulip.api_key).toBe('key');
    expect(config.health.port).toBe(0);
    expect(JSON.stringify(redact(schema, config))).not.toContain('s3cret');
    expect(JSON.stringify(redact(schema, config))).not.toContain('"key"');
  });

  it.each([
    [
      'irc:\n  host: x\n  port: 70000\ndata_dir: d\nchannels: [{irc: "#a", stream: s}]',
      'irc.port: must be between 1 and 65535 (got 70000)',
    ],
    [
      'irc:\n  host: x\n  tls: maybe\ndata_dir: d\nchannels: [{irc: "#a", stream: s}]',
      'irc.tls: must be true or false (got "maybe")',
    ],
    ['irc:\n  host: x\ndata_dir: d\nchannels: []', 'channels: needs at least 1 item(s)'],
    ['irc:\n  host: x\ndata_dir: d\nchannels: [{irc: "#a"}]', 'channels[0].stream: is required'],
    [
      'irc:\n  hots: x\ndata_dir: d\nchannels: [{irc: "#a", stream: s}]',
      'irc.hots: is not a known key',
    ],
    ['irc: [1, 2\n', 'irc.yaml: '],
  ])('rejects bad values with one line naming the key: %#', (text, expected) => {
    const file = write('irc.yaml', text);
    let error: unknown;
    try {
      loadBridgeConfig('irc', schema, file, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(expected);
    expect(message.startsWith(file)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('names a missing file', () => {
    expect(() => loadBridgeConfig('irc', schema, '/nonexistent/irc.yaml', {})).toThrow(
      'cannot read /nonexistent/irc.yaml: ENOENT',
    );
  });
});
