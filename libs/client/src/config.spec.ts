import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalizeSite, resolveConfig } from './config';
import { ZulipConfigError } from './errors';

describe('normalizeSite (python-zulip-api rules)', () => {
  it.each([
    ['chat.example.com', 'https://chat.example.com', 'https://chat.example.com/api'],
    ['https://x.example.com/', 'https://x.example.com', 'https://x.example.com/api'],
    ['http://localhost:9991/api', 'http://localhost:9991', 'http://localhost:9991/api'],
    ['https://x/api/', 'https://x', 'https://x/api'],
    ['localhost:9991', 'http://localhost:9991', 'http://localhost:9991/api'],
    ['http://127.0.0.1:9991', 'http://127.0.0.1:9991', 'http://127.0.0.1:9991/api'],
    ['https://example.com/zulip//', 'https://example.com/zulip', 'https://example.com/zulip/api'],
    ['  chat.example.com  ', 'https://chat.example.com', 'https://chat.example.com/api'],
  ])('%s → site %s, API base %s', (raw, site, apiBase) => {
    expect(normalizeSite(raw)).toEqual({ site, apiBase });
  });

  it('appends /api only once', () => {
    expect(normalizeSite(normalizeSite('x.example.com').apiBase).apiBase).toBe(
      'https://x.example.com/api',
    );
  });

  it.each(['', 'ftp://files.example.com', 'https://'])('refuses %j', (raw) => {
    expect(() => normalizeSite(raw)).toThrow(ZulipConfigError);
  });
});

describe('resolveConfig', () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  // An empty HOME, so no developer's real ~/.zuliprc leaks into a test.
  const env = (vars: Record<string, string> = {}) => ({ HOME: path.join(dir, 'home'), ...vars });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zulip-client-config-'));
    fs.mkdirSync(path.join(dir, 'home'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads every [api] key of a .zuliprc', () => {
    const bundle = write('ca.pem', 'CA PEM');
    const cert = write('cert.pem', 'CERT PEM');
    const key = write('key.pem', 'KEY PEM');
    const file = write(
      'zuliprc',
      `[api]\nemail=bot@example.com\nkey=abcd1234\nsite=chat.example.com\n` +
        `cert_bundle=${bundle}\nclient_cert=${cert}\nclient_cert_key=${key}\n`,
    );
    const config = resolveConfig({ configFile: file }, env());
    expect(config).toMatchObject({
      email: 'bot@example.com',
      apiKey: 'abcd1234',
      site: 'https://chat.example.com',
      apiBase: 'https://chat.example.com/api',
      insecure: false,
      configFile: file,
    });
    expect(config.tls.ca?.toString()).toBe('CA PEM');
    expect(config.tls.cert?.toString()).toBe('CERT PEM');
    expect(config.tls.key?.toString()).toBe('KEY PEM');
  });

  it('takes options over the environment over the file', () => {
    const file = write('zuliprc', '[api]\nemail=file@x.com\nkey=filekey\nsite=file.example.com\n');
    const vars = { ZULIP_CONFIG: file, ZULIP_EMAIL: 'env@x.com', ZULIP_API_KEY: 'envkey' };
    expect(resolveConfig({}, env(vars))).toMatchObject({
      email: 'env@x.com',
      apiKey: 'envkey',
      site: 'https://file.example.com',
    });
    expect(resolveConfig({ email: 'opt@x.com', site: 'opt.example.com' }, env(vars))).toMatchObject(
      { email: 'opt@x.com', apiKey: 'envkey', site: 'https://opt.example.com' },
    );
  });

  it('prefers options.configFile over ZULIP_CONFIG', () => {
    const a = write('a', '[api]\nemail=a@x.com\nkey=ka\nsite=a.example.com\n');
    const b = write('b', '[api]\nemail=b@x.com\nkey=kb\nsite=b.example.com\n');
    expect(resolveConfig({ configFile: a }, env({ ZULIP_CONFIG: b })).email).toBe('a@x.com');
    expect(resolveConfig({}, env({ ZULIP_CONFIG: b })).email).toBe('b@x.com');
  });

  it('falls back to ~/.zuliprc, with ~ expanded from HOME', () => {
    fs.writeFileSync(
      path.join(dir, 'home', '.zuliprc'),
      '[api]\nemail=home@x.com\nkey=hk\nsite=http://localhost:9991\n',
    );
    expect(resolveConfig({}, env())).toMatchObject({
      email: 'home@x.com',
      site: 'http://localhost:9991',
    });
    expect(resolveConfig({ configFile: '~/.zuliprc' }, env()).email).toBe('home@x.com');
  });

  it('needs no file when the environment has everything', () => {
    const config = resolveConfig(
      {},
      env({ ZULIP_EMAIL: 'e@x.com', ZULIP_API_KEY: 'k', ZULIP_SITE: 'https://z.example.com/api/' }),
    );
    expect(config).toMatchObject({ apiBase: 'https://z.example.com/api', configFile: undefined });
  });

  it('names the file and the missing key', () => {
    const file = write('zuliprc', '[api]\nemail=bot@example.com\nsite=chat.example.com\n');
    let thrown: unknown;
    try {
      resolveConfig({ configFile: file }, env());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZulipConfigError);
    expect(String(thrown)).toBe(`ZulipConfigError: ${file}: missing "key" in [api]`);
  });

  it('says when the [api] section is missing', () => {
    const file = write('zuliprc', '[other]\nemail=x@y.z\n');
    expect(() => resolveConfig({ configFile: file }, env())).toThrow(
      `${file}: missing [api] section`,
    );
  });

  it('fails on an explicitly named file that does not exist, even with every option given', () => {
    const file = path.join(dir, 'nope.zuliprc');
    const options = { configFile: file, email: 'a@b.c', apiKey: 'k', site: 'x.example.com' };
    expect(() => resolveConfig(options, env())).toThrow(`${file}: file not found`);
    expect(() => resolveConfig({}, env({ ZULIP_CONFIG: file }))).toThrow(`${file}: file not found`);
  });

  it('reports an unreadable file', () => {
    // A directory is unreadable as a file for every user, root included.
    expect(() => resolveConfig({ configFile: dir }, env())).toThrow(
      `${dir}: cannot read it (EISDIR)`,
    );
  });

  it('explains where a key could come from when there is no file at all', () => {
    expect(() => resolveConfig({ email: 'a@b.c', site: 'x.example.com' }, env())).toThrow(
      /no "key" configured: pass it as an option, set ZULIP_API_KEY, or write .*\.zuliprc/,
    );
  });

  it('parses insecure as true or false only', () => {
    const base = '[api]\nemail=a@b.c\nkey=k\nsite=x.example.com\n';
    expect(
      resolveConfig({ configFile: write('t', `${base}insecure=true\n`) }, env()).insecure,
    ).toBe(true);
    expect(
      resolveConfig({ configFile: write('f', `${base}insecure=False\n`) }, env()).insecure,
    ).toBe(false);
    const bad = write('bad', `${base}insecure=maybe\n`);
    expect(() => resolveConfig({ configFile: bad }, env())).toThrow(
      `${bad}: "insecure" in [api] must be true or false, got "maybe"`,
    );
    expect(resolveConfig({ configFile: bad }, env({ ZULIP_ALLOW_INSECURE: 'true' })).insecure).toBe(
      true,
    );
    expect(resolveConfig({ configFile: bad, insecure: false }, env()).insecure).toBe(false);
    expect(() => resolveConfig({ configFile: bad }, env({ ZULIP_ALLOW_INSECURE: 'yes' }))).toThrow(
      'ZULIP_ALLOW_INSECURE must be true or false, got "yes"',
    );
  });

  it('checks certificate files when the config is read, not at the first request', () => {
    const base = { email: 'a@b.c', apiKey: 'k', site: 'x.example.com' };
    const missing = path.join(dir, 'missing.pem');
    expect(() => resolveConfig({ ...base, certBundle: missing }, env())).toThrow(
      `certificate bundle "${missing}" cannot be read (ENOENT)`,
    );
    expect(() => resolveConfig(base, env({ ZULIP_CERT: missing }))).toThrow(
      `client certificate "${missing}" cannot be read (ENOENT)`,
    );
    expect(() => resolveConfig({ ...base, clientCertKey: write('k.pem', 'K') }, env())).toThrow(
      'a client certificate key was given without a client certificate',
    );
    // insecure skips verification, so the bundle is not needed.
    expect(resolveConfig({ ...base, certBundle: missing, insecure: true }, env()).tls.ca).toBe(
      undefined,
    );
  });

  it('names the source of a bad site', () => {
    expect(() =>
      resolveConfig({}, env({ ZULIP_EMAIL: 'a@b.c', ZULIP_API_KEY: 'k', ZULIP_SITE: 'ftp://x' })),
    ).toThrow('ZULIP_SITE: site must use http or https, got "ftp://x"');
  });
});
