import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { ok } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { cliEnv, manage } from '../cli/cli-harness';
import { uploadFile } from '../uploads/upload-client';
import { CookieSession } from '../web/cookie-session';

/** File permission bits, as `ls -l` would show them in octal. */
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/*
 * Security class "exports and backups": `manage export-realm` carries a direct or private-stream
 * message only when everyone in it allowed private data exports, and never a password hash, API
 * key, session or bot token; only the full backup (`manage backup`) holds those. Both files are
 * readable by their owner alone.
 */
describe('security: realm exports and backups', () => {
  let server: TestServer;
  let dir: string;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let exported: string;
  let sessionId: string;
  let botKey: string;

  beforeAll(async () => {
    server = await startTestServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-sec-export-'));
    alice = await server.createUser({ fullName: 'Alice Consents' });
    bob = await server.createUser({ fullName: 'Bob Consents' });
    carol = await server.createUser({ fullName: 'Carol Declines' });
    for (const user of [alice, bob]) {
      ok(await server.client(user).patch('/settings', { allow_private_data_export: true }));
    }
    const owner = server.client(server.owner);
    const a = server.client(alice);
    const c = server.client(carol);
    ok(
      await owner.post('/users/me/subscriptions', {
        subscriptions: [{ name: 'town square' }],
        principals: [alice.id, bob.id, carol.id],
      }),
    );
    for (const [name, members] of [
      ['consenting plans', [alice.id, bob.id]],
      ['carol corner', [alice.id, carol.id]],
    ] as const) {
      ok(
        await a.post('/users/me/subscriptions', {
          subscriptions: [{ name }],
          principals: members,
          invite_only: true,
        }),
      );
    }
    const send = async (client: typeof a, params: Record<string, string>) =>
      ok(await client.post('/messages', params));
    await send(c, { type: 'stream', to: 'town square', topic: 't', content: 'carol public words' });
    await send(a, { type: 'stream', to: 'consenting plans', topic: 't', content: 'plan of two' });
    await send(a, { type: 'stream', to: 'carol corner', topic: 't', content: 'alice tells carol' });
    await send(c, { type: 'stream', to: 'carol corner', topic: 't', content: 'carol whispers' });
    await send(a, { type: 'private', to: JSON.stringify([bob.id]), content: 'dm of two' });
    await send(a, { type: 'private', to: JSON.stringify([carol.id]), content: 'dm alice carol' });
    const file = await uploadFile(server.url, carol, {
      name: 'carols-diary.txt',
      type: 'text/plain',
      data: Buffer.from('carol diary entry'),
    });
    expect(file.status).toBe(200);
    await send(c, {
      type: 'private',
      to: JSON.stringify([alice.id]),
      content: `dm carol alice [diary](${file.json().url as string})`,
    });
    ok(
      await c.post('/drafts', {
        drafts: [{ type: '', to: [], topic: '', content: 'carol draft words' }],
      }),
    );
    const bot = ok(
      await server.client(alice).post('/bots', {
        full_name: 'Hook Bot',
        short_name: 'hooky',
        bot_type: 3,
        payload_url: JSON.stringify('https://bots.example.com/hook'),
      }),
    );
    botKey = bot.api_key as string;
    const browser = new CookieSession(server.url);
    expect((await browser.login(alice.email, alice.password)).status).toBeLessThan(400);
    sessionId = browser.cookies.get('sessionid') ?? '';
    expect(sessionId).not.toBe('');

    exported = path.join(dir, 'realm.json');
    const run = await manage(cliEnv(server), 'export-realm', '--output', exported, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('carries public messages, and private ones only when everyone in them consented', () => {
    const text = fs.readFileSync(exported, 'utf8');
    // Present: a public stream's message (whoever wrote it) and private ones among consenters.
    for (const present of ['carol public words', 'plan of two', 'dm of two']) {
      expect({ present, found: text.includes(present) }).toEqual({ present, found: true });
    }
    // Absent: everything carol, who did not consent, sent or received in private.
    const diary = Buffer.from('carol diary entry').toString('base64');
    for (const absent of [
      'alice tells carol',
      'carol whispers',
      'dm alice carol',
      'dm carol alice',
      'carols-diary.txt',
      diary,
      'carol draft words',
    ]) {
      expect({ absent, found: text.includes(absent) }).toEqual({ absent, found: false });
    }
  });

  it('never carries a password hash, API key, session or bot token', async () => {
    const text = fs.readFileSync(exported, 'utf8');
    const hashes = await server.db.rows<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE password_hash IS NOT NULL',
    );
    const sessions = await server.db.rows<{ token_hash: string; csrf_token: string }>(
      'SELECT token_hash, csrf_token FROM web_sessions',
    );
    const tokens = await server.db.rows<{ token: string }>('SELECT token FROM bot_services');
    const secrets: Record<string, string> = {
      "alice's API key": alice.apiKey,
      "carol's API key": carol.apiKey,
      "the owner's API key": server.owner.apiKey,
      "the bot's API key": botKey,
      'session id': sessionId,
    };
    hashes.forEach((h, i) => (secrets[`password hash ${i}`] = h.password_hash));
    sessions.forEach((s, i) => {
      secrets[`session hash ${i}`] = s.token_hash;
      secrets[`csrf token ${i}`] = s.csrf_token;
    });
    tokens.forEach((t, i) => (secrets[`bot token ${i}`] = t.token));
    expect(hashes.length).toBeGreaterThanOrEqual(4);
    expect(sessions.length).toBeGreaterThan(0);
    expect(tokens.length).toBe(1);
    const leaked = Object.entries(secrets)
      .filter(([, secret]) => text.includes(secret))
      .map(([what]) => what);
    expect(leaked).toEqual([]);
  });

  it('writes the export, plain or gzipped, readable by its owner only', async () => {
    expect(modeOf(exported)).toBe(0o600);
    const gz = path.join(dir, 'realm.json.gz');
    expect((await manage(cliEnv(server), 'export-realm', '--output', gz)).code).toBe(0);
    expect(modeOf(gz)).toBe(0o600);
  });

  it('the full backup, the one copy with credentials, is readable by its owner only', async () => {
    const archive = path.join(dir, 'full.tar.gz');
    const run = await manage(cliEnv(server), 'backup', '--output', archive, '--skip-uploads');
    expect(run.code).toBe(0);
    expect(modeOf(archive)).toBe(0o600);
    // The first tar entry is the manifest: the whole database is in it, users table included.
    const tar = zlib.gunzipSync(fs.readFileSync(archive));
    const size = parseInt(tar.subarray(124, 136).toString('ascii').trim(), 8);
    const manifest = JSON.parse(tar.subarray(512, 512 + size).toString('utf8')) as {
      database?: { dump: string };
    };
    expect(manifest.database?.dump).toMatch(/^(pg_dump|logical)$/);
  });
});
