import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import * as ini from 'ini';
import { DeployLayout } from '../../tools/deploy/layout';
import { buildWebClientIfChanged } from '../../tools/web-client';
import { readReleaseArchive } from '../../tools/deploy/release-archive';
import { Service } from '../../tools/deploy/service';
import { ApiClient, ok } from '../helpers/api-client';
import { freePort } from '../helpers/cluster';
import { createTestDatabase, postgresAvailable } from '../helpers/services';

jest.setTimeout(600_000);

/**
 * Releases, upgrades and rollbacks of a real installation folder on PostgreSQL, the service
 * running from its pid file: the release of the previous commit (`git archive HEAD~1`, built with
 * its own release tool), upgraded to releases of this tree (plus a migration, so the rollback has
 * a schema to undo; plus a migration that fails) with this tree's tools/upgrade and back.
 */
const repo = path.resolve(__dirname, '../..');
const SOURCES = ['apps', 'libs', 'integrations', 'bridges', 'bots', 'tools'];
const TOP_FILES = ['package.json', 'package-lock.json', '.swcrc'];

function git(args: string[]): { ok: boolean; out: string } {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ok: result.status === 0, out: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** The tools of a source tree, built as `npm run build` would (what runs its release tool). */
async function buildTools(tree: string): Promise<void> {
  const swc = path.join(repo, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
  const build = await run(
    [
      swc,
      'tools',
      'apps',
      'libs',
      '-d',
      'dist',
      '--copy-files',
      '--quiet',
      '--ignore',
      'apps/web/**',
    ],
    tree,
  );
  expect(build).toMatchObject({ code: 0 });
}

/**
 * Gives a source tree this checkout's dependencies and built web client. The web client is this
 * tree's build, stamped as the tree's own so its release tool packs it instead of running Vite
 * (a browser build per release would double the test's time; upgrades concern the server).
 */
function equip(tree: string): void {
  fs.symlinkSync(fs.realpathSync(path.join(repo, 'node_modules')), path.join(tree, 'node_modules'));
  buildWebClientIfChanged(repo, () => undefined);
  fs.cpSync(path.join(repo, 'dist', 'web'), path.join(tree, 'dist', 'web'), { recursive: true });
}

function run(
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Adds a migration to the copied tree and to its index, after every other one. */
function addMigration(tree: string, file: string, className: string, body: string): void {
  const dir = path.join(tree, 'apps', 'server', 'migrations');
  fs.writeFileSync(
    path.join(dir, `${file}.ts`),
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
      `export class ${className} implements MigrationInterface {\n  name = '${className}';\n${body}}\n`,
  );
  const index = path.join(dir, 'index.ts');
  const source = fs.readFileSync(index, 'utf8');
  const registered = source.replace(
    /(export const migrations = \[[\s\S]*?)\n\];/,
    `$1\n  ${className},\n];`,
  );
  expect(registered).not.toBe(source);
  fs.writeFileSync(index, `import { ${className} } from './${file}';\n${registered}`);
}

describe('releases, upgrade and rollback', () => {
  let usable = false;
  let work: string;
  let tree: string;
  let layout: DeployLayout;
  let dropDatabase: (() => Promise<void>) | undefined;
  let databaseUrl: string;
  const releases: Record<'a' | 'b' | 'broken', string> = { a: '', b: '', broken: '' };
  let api: ApiClient;

  async function release(version: string, from = tree): Promise<string> {
    const built = await run(
      [
        path.join('dist', 'tools', 'release.js'),
        '--version',
        version,
        '--output',
        path.join(work, 'releases'),
      ],
      from,
    );
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    return built.stdout.trim().split('\n').pop() ?? '';
  }

  async function deploy(tool: 'upgrade' | 'rollback', ...args: string[]) {
    const result = await run(
      [
        path.join(tree, 'dist', 'tools', `${tool}.js`),
        ...args,
        '--root',
        layout.root,
        '--json',
        ...(tool === 'upgrade' ? ['--node-modules', path.join(repo, 'node_modules')] : []),
      ],
      work,
    );
    // What an administrator would see, step by step with times.
    process.stdout.write(`${tool} ${args.join(' ')}:\n${result.stdout}${result.stderr}`);
    const last = result.stdout.trim().split('\n').pop() ?? '';
    const summary = result.code === 0 ? (JSON.parse(last) as { downtimeSeconds: number }) : null;
    return { ...result, summary };
  }

  async function columns(): Promise<string[]> {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'realms'",
      );
      return rows.map((r) => r.column_name);
    } finally {
      await db.end();
    }
  }

  async function streamMessages(): Promise<Array<{ id: number; content: string }>> {
    const body = ok(
      await api.get('/messages', {
        anchor: 'newest',
        num_before: 100,
        num_after: 0,
        narrow: [{ operator: 'stream', operand: 'upgrades' }],
        apply_markdown: false,
      }),
    );
    return (body.messages as Array<{ id: number; content: string }>).map(({ id, content }) => ({
      id,
      content,
    }));
  }

  const currentVersion = () => path.basename(layout.linked('current') ?? '');

  beforeAll(async () => {
    // The previous commit's release needs the history: only a tree that is no git checkout at all
    // (an unpacked source archive) skips.
    if (!git(['rev-parse', '--is-inside-work-tree']).ok) {
      process.stderr.write('[test] not a git checkout: the upgrade from HEAD~1 is skipped\n');
      return;
    }
    usable = await postgresAvailable();
    if (!usable) return;
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'zulip-hub-upgrade-'));
    tree = path.join(work, 'tree');
    for (const dir of SOURCES) {
      fs.cpSync(path.join(repo, dir), path.join(tree, dir), {
        recursive: true,
        filter: (src) => path.basename(src) !== 'node_modules',
      });
    }
    for (const file of TOP_FILES) fs.copyFileSync(path.join(repo, file), path.join(tree, file));
    equip(tree);
    await buildTools(tree);

    // The previous commit, as its own release tool builds it.
    const previous = path.join(work, 'previous');
    fs.mkdirSync(previous);
    const tarFile = path.join(work, 'previous.tar');
    const archived = git([
      'archive',
      '--format=tar',
      '-o',
      tarFile,
      'HEAD~1',
      '--',
      ...SOURCES,
      ...TOP_FILES,
    ]);
    if (!archived.ok)
      throw new Error(
        `Cannot read the previous commit (HEAD~1; a shallow clone?): ${archived.out}`,
      );
    expect(spawnSync('tar', ['-xf', tarFile, '-C', previous]).status).toBe(0);
    equip(previous);
    await buildTools(previous);
    const stamp = spawnSync(
      process.execPath,
      [
        '-e',
        "const w = require('./dist/tools/web-client.js'); require('node:fs').writeFileSync(w.webStampFile('.'), w.webSourceHash('.'))",
      ],
      { cwd: previous, encoding: 'utf8' },
    );
    expect(stamp.stderr).toBe('');
    releases.a = await release('1.0.0-previous', previous);

    addMigration(
      tree,
      '1765660000098-upgrade-drill',
      'UpgradeDrill1765660000098',
      `  async up(q: QueryRunner): Promise<void> {\n    await q.query("ALTER TABLE realms ADD COLUMN upgrade_drill text NOT NULL DEFAULT 'drill'");\n  }\n` +
        `  async down(q: QueryRunner): Promise<void> {\n    await q.query('ALTER TABLE realms DROP COLUMN upgrade_drill');\n  }\n`,
    );
    releases.b = await release('1.1.0-drill');
    addMigration(
      tree,
      '1765660000099-upgrade-drill-fails',
      'UpgradeDrillFails1765660000099',
      `  async up(q: QueryRunner): Promise<void> {\n    await q.query('ALTER TABLE realms ADD COLUMN upgrade_drill_broken text');\n    await q.query('SELECT * FROM a_table_nobody_created');\n  }\n` +
        `  async down(q: QueryRunner): Promise<void> {\n    await q.query('ALTER TABLE realms DROP COLUMN upgrade_drill_broken');\n  }\n`,
    );
    releases.broken = await release('1.2.0-broken');

    const database = await createTestDatabase();
    dropDatabase = database.drop;
    databaseUrl = database.url;
    layout = new DeployLayout(path.join(work, 'install'));
    fs.mkdirSync(layout.root, { recursive: true });
    const port = await freePort();
    fs.writeFileSync(
      layout.settingsFile,
      [
        '# Settings and secrets: outside every deployment',
        `DATABASE_URL=${databaseUrl}`,
        `PORT=${port}`,
        `GATEWAY_PORT=${await freePort()}`,
        'PASSWORD_HASH_ITERATIONS=1000',
        'LOG_LEVEL=warn',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    if (!usable) return;
    await new Service(layout).stop();
    // The database a failed upgrade left aside (renamed, kept for the administrator).
    const admin = new Client({ connectionString: databaseUrl.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 || '_failed_%'",
      [name],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    await admin.end();
    await dropDatabase?.();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const backups = () =>
    fs.readdirSync(path.join(layout.root, 'var', 'backups')).filter((f) => f.endsWith('.tar.gz'));

  it('builds releases whose manifests list their migrations', async () => {
    if (!usable) return;
    const a = await readReleaseArchive(releases.a);
    const b = await readReleaseArchive(releases.b);
    expect(a.version).toBe('1.0.0-previous');
    expect(a.migrations.length).toBeGreaterThan(10);
    // This tree knows every migration of the previous commit, and the drill's after them.
    expect(b.migrations).toEqual(expect.arrayContaining(a.migrations));
    expect(b.migrations[b.migrations.length - 1]).toBe('UpgradeDrill1765660000098');
  });

  it("installs the previous commit's release and sends messages", async () => {
    if (!usable) return;
    const installed = await deploy('upgrade', releases.a);
    expect(installed.stderr).toBe('');
    expect(installed.code).toBe(0);
    expect(currentVersion()).toBe('1.0.0-previous');

    // The first start wrote the owner's .zuliprc into DATA_DIR (var/, outside the deployments).
    const rc = ini.parse(fs.readFileSync(path.join(layout.root, 'var', 'owner.zuliprc'), 'utf8'))
      .api as { email: string; key: string; site: string };
    const settings = layout.settings();
    api = new ApiClient(
      `http://127.0.0.1:${settings.PORT}`,
      { email: rc.email, apiKey: rc.key },
      new URL(rc.site).host,
    );
    ok(await api.post('/users/me/subscriptions', { subscriptions: [{ name: 'upgrades' }] }));
    for (let i = 1; i <= 5; i++) {
      ok(
        await api.post('/messages', {
          type: 'stream',
          to: 'upgrades',
          topic: 'drill',
          content: `before upgrade ${i}`,
        }),
      );
    }
    expect(await streamMessages()).toHaveLength(5);
  });

  it('restores the pre-upgrade backup by itself when the new version damages data and never becomes healthy', async () => {
    if (!usable) return;
    const before = await streamMessages();
    // This tree's release, unpacked ahead (the upgrade reuses it), with a server that rewrites
    // every message and dies before it answers /health.
    const target = layout.deployment('1.1.0-drill');
    await readReleaseArchive(releases.b, target);
    fs.writeFileSync(
      path.join(target, 'dist', 'tools', 'start.js'),
      `const { Client } = require('pg');
(async () => {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await db.query("UPDATE messages SET content = 'damaged by the failed version'");
  await db.end();
  process.exit(1);
})();
`,
    );
    const failed = await deploy('upgrade', releases.b);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /did not become healthy: The service exited while starting.*Rolled back: 1\.0\.0-previous is serving again, its data restored from the backup .*var\/backups\/zulip-hub-backup-\w+\.tar\.gz \(the failed upgrade's data is kept: database "\w+_failed_\w+"/,
    );
    expect(failed.stdout).toContain('Migrations applied');
    expect(currentVersion()).toBe('1.0.0-previous');
    expect(await columns()).not.toContain('upgrade_drill');
    expect(await streamMessages()).toEqual(before);
    ok(
      await api.post('/messages', {
        type: 'stream',
        to: 'upgrades',
        topic: 'drill',
        content: 'after the failed upgrade',
      }),
    );
    expect(backups()).toHaveLength(1);
    // The real release of this tree next time.
    fs.rmSync(target, { recursive: true });
  });

  it("upgrades the previous commit's release to this one and back, with data intact and the downtime printed", async () => {
    if (!usable) return;
    const before = await streamMessages();
    expect(before.map((m) => m.content).pop()).toBe('after the failed upgrade');

    const upgraded = await deploy('upgrade', releases.b);
    expect(upgraded.code).toBe(0);
    process.stdout.write(
      `upgrade previous commit → this tree: downtime ${upgraded.summary?.downtimeSeconds.toFixed(2)} s\n`,
    );
    expect(upgraded.stdout).toMatch(/Downtime: \d+\.\d\d s/);
    expect(currentVersion()).toBe('1.1.0-drill');
    expect(path.basename(layout.linked('previous') ?? '')).toBe('1.0.0-previous');
    expect(await columns()).toContain('upgrade_drill');
    expect(await streamMessages()).toEqual(before);
    expect(backups()).toHaveLength(2);

    const rolledBack = await deploy('rollback', '--skip-backup');
    expect(rolledBack.code).toBe(0);
    process.stdout.write(
      `rollback this tree → previous commit: downtime ${rolledBack.summary?.downtimeSeconds.toFixed(2)} s\n`,
    );
    expect(rolledBack.stdout).toMatch(/Downtime: \d+\.\d\d s/);
    expect(currentVersion()).toBe('1.0.0-previous');
    expect(await columns()).not.toContain('upgrade_drill');
    expect(await streamMessages()).toEqual(before);
    ok(
      await api.post('/messages', {
        type: 'stream',
        to: 'upgrades',
        topic: 'drill',
        content: 'after rollback',
      }),
    );
  });

  it('rolls back by itself when a migration fails, and the old version serves again', async () => {
    if (!usable) return;
    const before = await streamMessages();
    const failed = await deploy('upgrade', releases.broken, '--skip-backup');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /migration failed: .*a_table_nobody_created.*Rolled back: 1\.0\.0-previous is serving again/,
    );
    expect(failed.stdout).toContain('Reverted: UpgradeDrill1765660000098');
    expect(currentVersion()).toBe('1.0.0-previous');
    const cols = await columns();
    expect(cols).not.toContain('upgrade_drill');
    expect(cols).not.toContain('upgrade_drill_broken');
    expect(await streamMessages()).toEqual(before);
    const health = await fetch(`http://127.0.0.1:${layout.settings().PORT}/health`);
    expect(health.status).toBe(200);
    ok(
      await api.post('/messages', {
        type: 'stream',
        to: 'upgrades',
        topic: 'drill',
        content: 'still here',
      }),
    );
    expect((await streamMessages()).map((m) => m.content).slice(-2)).toEqual([
      'after rollback',
      'still here',
    ]);
  });
});
