import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@hub/config';
import { createServerApp } from '../../apps/server/src/bootstrap';
import type { BackupManifest } from '../../apps/server/src/backup/backup';
import { restoreBackup } from '../../apps/server/src/backup/restore';
import { TarWriter } from '../../apps/server/src/backup/tar';
import { openDatabase } from '../../apps/server/src/database/database.module';
import { Role } from '../../apps/server/src/identity/user.types';
import { migrations } from '../../apps/server/migrations';
import { cliEnv, manage } from '../cli/cli-harness';
import { ApiClient, Credentials, ok } from '../helpers/api-client';
import { createTestDatabase } from '../helpers/services';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { request, uploadFile } from '../uploads/upload-client';

jest.setTimeout(600_000);

interface WireMessage {
  id: number;
  content: string;
  subject: string;
  sender_id: number;
  reactions: Array<{ emoji_name: string; user_id: number }>;
}

async function messagesOf(client: ApiClient): Promise<WireMessage[]> {
  const all: WireMessage[] = [];
  let anchor: number | string = 'oldest';
  for (;;) {
    const body = ok(
      await client.get('/messages', {
        anchor,
        num_before: 0,
        num_after: 500,
        apply_markdown: false,
        include_anchor: anchor === 'oldest',
      }),
    );
    const batch = body.messages as WireMessage[];
    all.push(...batch);
    if (body.found_newest || batch.length === 0) return all;
    anchor = batch[batch.length - 1].id;
  }
}

function filesUnder(root: string): Record<string, string> {
  const found: Record<string, string> = {};
  if (!fs.existsSync(root)) return found;
  for (const rel of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(root, rel);
    if (rel.startsWith('.tmp') || !fs.statSync(file).isFile()) continue;
    found[rel] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return found;
}

/** Row counts of every table, read the way the server opens its database. */
async function tableCounts(
  env: Record<string, string | undefined>,
): Promise<Record<string, number>> {
  const { database, embedded } = await openDatabase(loadConfig({ ...process.env, ...env }), {
    runMigrations: false,
  });
  try {
    const tables = await database.rows<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) {
      const [row] = await database.rows<{ n: number }>(
        `SELECT count(*)::bigint AS n FROM "${tablename}"`,
      );
      counts[tablename] = Number(row.n);
    }
    return counts;
  } finally {
    await database.dataSource.destroy();
    await embedded?.stop();
  }
}

/** A backup archive holding only `manifest` (for the checks that read no further). */
async function manifestOnlyArchive(file: string, manifest: BackupManifest): Promise<void> {
  const gzip = zlib.createGzip();
  const done = new Promise<void>((resolve, reject) =>
    gzip.pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject),
  );
  const tar = new TarWriter(gzip);
  await tar.addBuffer('manifest.json', Buffer.from(JSON.stringify(manifest)));
  await tar.finish();
  gzip.end();
  await done;
}

/** A fresh place to restore to, of the same kind as the source server's database. */
async function freshTarget(
  source: TestServer,
  cleanup: Array<() => Promise<void>>,
): Promise<Record<string, string | undefined>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-restore-'));
  cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string | undefined> = {
    ...cliEnv(source),
    DATA_DIR: dataDir,
    DATABASE_URL: undefined,
  };
  if (source.databaseKind === 'postgres') {
    const db = await createTestDatabase();
    cleanup.push(db.drop);
    env.DATABASE_URL = db.url;
  }
  return env;
}

describe('restore drill: back up a busy server, restore it elsewhere, use it', () => {
  let source: TestServer;
  let work: string;
  const cleanup: Array<() => Promise<void>> = [];
  const apps: NestExpressApplication[] = [];
  let alice: TestUser;
  let bob: TestUser;
  let bot: Credentials;
  let uploadUrl: string;
  const uploadBytes = Buffer.from(`drill notes ${'ü'.repeat(2000)}`);
  let backupFile: string;
  let manifest: BackupManifest;
  let sentBeforeBackup: number[] = [];
  let sentByEnd: number[] = [];

  beforeAll(async () => {
    source = await startTestServer({ env: { UPLOAD_CLEANUP_INTERVAL_SECONDS: '0' } });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-drill-'));
    cleanup.push(async () => fs.rmSync(work, { recursive: true, force: true }));
    alice = await source.createUser({ fullName: 'Alice Admin', role: Role.Administrator });
    bob = await source.createUser({ fullName: 'Bob Member' });
    const owner = source.client(source.owner);
    const a = source.client(alice);

    const created = ok(
      await owner.post('/bots', { full_name: 'Keeper Bot', short_name: 'keeper' }),
    );
    bot = { email: created.email as string, apiKey: created.api_key as string };
    ok(await source.client(bot).put('/bot_storage', { storage: { greeting: 'hello', n: '42' } }));
    ok(
      await owner.post('/users/me/subscriptions', {
        subscriptions: [{ name: 'design' }],
        principals: [source.owner.id, alice.id, bob.id],
      }),
    );
    ok(
      await owner.post('/users/me/subscriptions', {
        subscriptions: [{ name: 'secret plans' }],
        principals: [source.owner.id, alice.id],
        invite_only: true,
      }),
    );
    ok(
      await owner.post('/realm/filters', {
        pattern: '#(?P<id>[0-9]+)',
        url_template: 'https://tracker.example.com/ticket/{id}',
      }),
    );
    const uploaded = await uploadFile(source.url, alice, {
      name: 'drill notes.txt',
      type: 'text/plain',
      data: uploadBytes,
    });
    expect(uploaded.status).toBe(200);
    uploadUrl = uploaded.json().url as string;
    const send = async (to: string, topic: string, content: string) =>
      ok(await a.post('/messages', { type: 'stream', to, topic, content })).id as number;
    const first = await send('design', 'kickoff', 'Plans for #12');
    await send('secret plans', 'plot', 'quietly');
    await send('design', 'files', `[notes](${uploadUrl})`);
    ok(
      await a.post('/messages', { type: 'private', to: JSON.stringify([bob.id]), content: 'psst' }),
    );
    ok(await source.client(bob).post(`/messages/${first}/reactions`, { emoji_name: 'octopus' }));
    ok(await a.patch(`/messages/${first}`, { content: 'Plans for #12 (edited)' }));

    // A client keeps sending while the backup runs.
    let sending = true;
    const sent: number[] = [];
    const sender = (async () => {
      for (let i = 0; sending; i++) sent.push(await send('design', 'live', `live message ${i}`));
    })();
    while (sent.length < 3) await new Promise((r) => setTimeout(r, 20));
    sentBeforeBackup = [...sent];
    backupFile = path.join(work, 'backups', 'drill.tar.gz');
    const backup = await manage(cliEnv(source), 'backup', '--output', backupFile, '--json');
    const sentAfterBackup = sent.length;
    // Let a few more arrive after the snapshot: the restore must not have them.
    while (sent.length < sentAfterBackup + 3) await new Promise((r) => setTimeout(r, 20));
    sending = false;
    await sender;
    sentByEnd = [...sent];
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    manifest = (JSON.parse(backup.stdout) as { manifest: BackupManifest }).manifest;
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await source?.stop();
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  it('writes a manifest with the schema, every table counted and checksummed, every file', () => {
    expect(manifest.database?.dump).toBe(
      source.databaseKind === 'postgres' ? 'pg_dump' : 'logical',
    );
    expect(manifest.database?.latest_migration).toBe(migrations[migrations.length - 1].name);
    const tables = manifest.database!.tables;
    for (const table of ['messages', 'reactions', 'message_edits', 'bot_storage', 'attachments'])
      expect(Object.keys(tables)).toContain(table);
    expect(tables.bot_storage.rows).toBe(2);
    expect(tables.message_edits.rows).toBe(1);
    expect(tables.reactions.rows).toBe(1);
    expect(manifest.uploads?.files).toBeGreaterThanOrEqual(1);
    const uploadEntry = `uploads/${decodeURIComponent(uploadUrl.slice('/user_uploads/'.length))}`;
    expect(manifest.files[uploadEntry]).toEqual({
      size: uploadBytes.length,
      sha256: createHash('sha256').update(uploadBytes).digest('hex'),
    });
  });

  it('check-backup answers like a monitoring plugin', async () => {
    const env = cliEnv(source);
    const dir = path.dirname(backupFile);
    const fresh = await manage(env, 'check-backup', '--dir', dir, '--warning', '25h');
    expect(fresh.stdout).toMatch(
      /^OK - Newest backup drill\.tar\.gz is .* old .* \| age=\d+s;90000;93600;0 size=\d+B;;;0 backups=1;;;0$/,
    );
    expect(fresh.code).toBe(0);

    const empty = fs.mkdtempSync(path.join(work, 'empty-'));
    const none = await manage(env, 'check-backup', '--dir', empty);
    expect(none).toMatchObject({
      code: 2,
      stdout: expect.stringMatching(/^CRITICAL - No backup in /),
    });

    const stale = fs.mkdtempSync(path.join(work, 'stale-'));
    await manifestOnlyArchive(path.join(stale, 'old.tar.gz'), {
      ...manifest,
      created_at: new Date(Date.now() - 30 * 3600 * 1000).toISOString(),
    });
    const old = await manage(env, 'check-backup', '--dir', stale, '--max-age', '26h');
    expect(old.code).toBe(2);
    expect(old.stdout).toMatch(/^CRITICAL - Newest backup old\.tar\.gz is 30h 0m old/);
    const warned = await manage(
      env,
      'check-backup',
      '--dir',
      stale,
      '--warning',
      '1d',
      '--critical',
      '2d',
    );
    expect(warned.code).toBe(1);
    expect(warned.stdout).toMatch(/^WARNING - /);

    fs.writeFileSync(path.join(stale, 'zz-broken.tar.gz'), 'not a backup');
    const broken = await manage(env, 'check-backup', '--dir', stale);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toMatch(/^CRITICAL - The newest backup zz-broken\.tar\.gz is unreadable/);

    const bad = await manage(env, 'check-backup', '--dir', dir, '--max-age', 'soon');
    expect(bad).toMatchObject({
      code: 3,
      stdout: expect.stringMatching(/^UNKNOWN - Invalid threshold "soon"/),
    });
  });

  it('refuses a backup from a newer schema, touching nothing', async () => {
    const target = await freshTarget(source, cleanup);
    const future = path.join(work, 'future.tar.gz');
    await manifestOnlyArchive(future, {
      ...manifest,
      server_version: '9.9.9',
      database: {
        ...manifest.database!,
        migrations: [...manifest.database!.migrations, 'Teleport9999999999999'],
      },
    });
    const res = await manage(target, 'restore-backup', future);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      'Error: This backup comes from a newer database schema than this code knows (unknown ' +
        'migrations: Teleport9999999999999); restore it with Zulip Hub 9.9.9 or newer\n',
    );
    expect(fs.readdirSync(target.DATA_DIR!)).toEqual([]);
  });

  it('leaves the target untouched when a restore is interrupted, and then restores in full', async () => {
    const target = await freshTarget(source, cleanup);
    const config = loadConfig({ ...process.env, ...target });
    const abort = new AbortController();
    await expect(
      restoreBackup(config, backupFile, {
        signal: abort.signal,
        onStep: (step) => step === 'verify' && abort.abort(new Error('interrupted')),
      }),
    ).rejects.toThrow('interrupted');
    expect(fs.readdirSync(target.DATA_DIR!)).toEqual([]);
    expect(await tableCounts(target)).toEqual({});
    if (target.DATABASE_URL) {
      const name = new URL(target.DATABASE_URL).pathname.slice(1);
      const [{ n }] = await source.db.rows<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE $1',
        [`${name.slice(0, 40)}_restore_%`],
      );
      expect(n).toBe(0);
    }
    fs.rmSync(path.join(target.DATA_DIR!, 'pgdata'), { recursive: true, force: true });

    const restored = await manage(target, 'restore-backup', backupFile);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('counts and checksums verified');
    expect(restored.stdout).toContain('schema already current');
    const counts = await tableCounts(target);
    for (const [table, { rows }] of Object.entries(manifest.database!.tables))
      expect([table, counts[table]]).toEqual([table, rows]);
    expect(filesUnder(path.join(target.DATA_DIR!, 'uploads'))).toEqual(
      filesUnder(source.config.uploads.dir),
    );

    // The restored installation serves what the original held when the backup was taken.
    const app: NestExpressApplication = await createServerApp(
      loadConfig({ ...process.env, ...target }),
    );
    apps.push(app);
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const restoredApi = (who?: Credentials) => new ApiClient(url, who);

    const key = ok(
      await restoredApi().post('/fetch_api_key', {
        username: alice.email,
        password: alice.password,
      }),
    );
    expect(key.api_key).toBe(alice.apiKey);
    expect(ok(await restoredApi(bob).get('/users/me')).email).toBe(bob.email);
    expect(ok(await restoredApi(bot).get('/bot_storage')).storage).toEqual({
      greeting: 'hello',
      n: '42',
    });
    const filters = ok(await restoredApi(alice).get('/realm/linkifiers')).linkifiers as Array<{
      pattern: string;
    }>;
    expect(filters.map((f) => f.pattern)).toEqual(['#(?P<id>[0-9]+)']);

    const restoredMessages = await messagesOf(restoredApi(alice));
    const newest = restoredMessages[restoredMessages.length - 1].id;
    const originals = (await messagesOf(source.client(alice))).filter((m) => m.id <= newest);
    expect(restoredMessages).toEqual(originals);
    const live = restoredMessages.filter((m) => m.subject === 'live').map((m) => m.id);
    expect(live.length).toBeGreaterThanOrEqual(sentBeforeBackup.length);
    expect(live.length).toBeLessThan(sentByEnd.length);
    expect(live).toEqual(sentByEnd.slice(0, live.length));
    const edited = restoredMessages.find((m) => m.content === 'Plans for #12 (edited)')!;
    expect(edited.reactions.map((r) => r.emoji_name)).toEqual(['octopus']);
    const history = ok(await restoredApi(alice).get(`/messages/${edited.id}/history`));
    expect((history.message_history as unknown[]).length).toBe(2);

    const download = await request(url, 'GET', uploadUrl, { credentials: bob });
    expect(download.status).toBe(200);
    expect(download.body.equals(uploadBytes)).toBe(true);

    // A long-poll client of the restored server hears a new message.
    const reg = ok(await restoredApi(bob).post('/register', { event_types: ['message'] }));
    const poll = restoredApi(bob).get('/events', {
      queue_id: reg.queue_id as string,
      last_event_id: reg.last_event_id as number,
    });
    const sentNow = ok(
      await restoredApi(alice).post('/messages', {
        type: 'stream',
        to: 'design',
        topic: 'after restore',
        content: 'we are back',
      }),
    );
    const events = ok(await poll).events as Array<{ type: string; message?: { id: number } }>;
    expect(events.find((e) => e.type === 'message')?.message?.id).toBe(sentNow.id);
    expect(sentNow.id as number).toBeGreaterThan(newest);
  });

  it('migrates a backup taken by an older version up to this one', async () => {
    const older = await freshTarget(source, cleanup);
    const { database, embedded } = await openDatabase(loadConfig({ ...process.env, ...older }), {
      runMigrations: true,
      migrations: migrations.slice(0, -1),
    });
    await database.dataSource.destroy();
    await embedded?.stop();
    const oldFile = path.join(work, 'older.tar.gz');
    const taken = await manage(older, 'backup', '--output', oldFile, '--skip-uploads');
    expect(taken.code).toBe(0);

    const target = await freshTarget(source, cleanup);
    const res = await manage(target, 'restore-backup', oldFile, '--json');
    expect(res.code).toBe(0);
    expect((JSON.parse(res.stdout) as { migrated: string[] }).migrated).toEqual([
      migrations[migrations.length - 1].name,
    ]);
    const check = await manage(target, 'migrate', '--check');
    expect(check.code).toBe(0);
  });

  it('refuses to restore over an installation that holds data', async () => {
    const res = await manage(cliEnv(source), 'restore-backup', backupFile);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/already holds|server is running/);
  });
});
