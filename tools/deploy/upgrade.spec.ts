import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { DeployLayout } from './layout';
import { RELEASE_FORMAT, writeReleaseArchive } from './release-archive';
import { Service } from './service';
import { DeployFailed, rollback, upgrade } from './upgrade';

/**
 * The upgrade and rollback procedure with stand-in releases: a start.js that serves /health (or
 * fails to) and a manage.js that records what it was asked and can fail, so every path of the
 * procedure runs in seconds. test/operations/upgrade.e2e-spec.ts runs it with real releases.
 */
interface Behaviour {
  healthy: boolean;
  migrateFails?: boolean;
  revertFails?: boolean;
}

function standIn(version: string, b: Behaviour): Record<string, string> {
  const start = `
    const http = require('node:http');
    const server = http.createServer((req, res) => {
      res.writeHead(${b.healthy ? 200 : 503}, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ version: '${version}' }));
    });
    server.listen(Number(process.env.PORT), '127.0.0.1');
    process.on('SIGTERM', () => server.close(() => process.exit(0)));`;
  const manage = `
    const fs = require('node:fs');
    const args = process.argv.slice(2);
    fs.appendFileSync('manage.log', '${version} ' + args.join(' ') + '\\n');
    if (args[0] === 'restore-backup') {
      if (fs.existsSync('restore-fails')) { console.error('Error: the archive is damaged'); process.exit(1); }
      fs.mkdirSync('var/pgdata', { recursive: true });
      fs.writeFileSync('var/pgdata/restored', args[1]);
    } else if (args[0] === 'backup') {
      console.log(JSON.stringify({ file: '/backups/before-${version}.tar.gz' }, null, 2));
    } else if (args[1] === '--revert-to') {
      if (${!!b.revertFails}) { console.error('Error: down failed'); process.exit(1); }
      console.log(JSON.stringify({ reverted: ['New${version.replace(/\W/g, '')}'] }, null, 2));
    } else if (${!!b.migrateFails}) {
      console.error('Error: QueryFailedError: relation "x" does not exist');
      process.exit(1);
    }`;
  return {
    'dist/tools/start.js': start,
    'dist/apps/server/src/admin-cli/manage.js': manage,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('upgrade and rollback', () => {
  let work: string;
  let layout: DeployLayout;
  let port: number;
  const lines: string[] = [];
  const options = { healthTimeoutSeconds: 3, log: (line: string) => lines.push(line) };

  async function release(version: string, migrations: string[], b: Behaviour): Promise<string> {
    const dir = path.join(work, `src-${version}`);
    for (const [file, text] of Object.entries(standIn(version, b))) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const file = path.join(work, `zulip-hub-${version}.tar.gz`);
    await writeReleaseArchive(
      dir,
      {
        format: RELEASE_FORMAT,
        format_version: 1,
        version,
        commit: 'c0ffee',
        dirty: false,
        built_at: new Date().toISOString(),
        node: process.version,
        migrations,
        lock_sha256: 'same',
      },
      file,
    );
    return file;
  }

  const serving = async () =>
    ((await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { version: string })
      .version;
  const manageLog = () => {
    const file = path.join(layout.root, 'manage.log');
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    fs.rmSync(file, { force: true });
    return text.trim().split('\n').filter(Boolean);
  };
  const current = () => path.basename(layout.linked('current') ?? '');

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'upgrade-spec-'));
    layout = new DeployLayout(path.join(work, 'install'));
    fs.mkdirSync(layout.root);
    port = await freePort();
    fs.writeFileSync(layout.settingsFile, `PORT=${port}\nGATEWAY_URL=\n`);
    const modules = path.join(work, 'node_modules');
    fs.mkdirSync(modules);
    await upgrade(layout, await release('1.0', ['A1'], { healthy: true }), {
      ...options,
      nodeModules: modules,
    });
    manageLog();
  });
  afterAll(async () => {
    await new Service(layout).stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('installed the first release and serves it', async () => {
    expect(current()).toBe('1.0');
    expect(await serving()).toBe('1.0');
  });

  /** The embedded database's and the uploads' folders, as a failed version leaves them. */
  const leaveData = (what: string) => {
    for (const dir of ['pgdata', 'uploads']) {
      fs.mkdirSync(path.join(layout.root, 'var', dir), { recursive: true });
      fs.writeFileSync(path.join(layout.root, 'var', dir, 'state'), what);
    }
  };
  const varEntries = () => fs.readdirSync(path.join(layout.root, 'var')).sort();

  it('restores the pre-upgrade backup by itself when the new version never becomes healthy', async () => {
    leaveData('written by the failed version');
    const sick = await release('1.1-sick', ['A1', 'B1'], { healthy: false });
    const failure = await upgrade(layout, sick, options).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DeployFailed);
    expect((failure as DeployFailed).restored).toBe(true);
    expect((failure as Error).message).toMatch(
      /did not become healthy: Not healthy after 3 s: .*503.*Rolled back: 1\.0 is serving again, its data restored from the backup \/backups\/before-1\.0\.tar\.gz \(the failed upgrade's data is kept: .*var\/pgdata\.failed-\w+, .*var\/uploads\.failed-\w+\)/,
    );
    // Backup with the old release, migrate with the new, restore with the old: no `down` needed.
    expect(manageLog()).toEqual([
      '1.0 backup --json',
      '1.1-sick migrate',
      '1.0 restore-backup /backups/before-1.0.tar.gz',
    ]);
    const entries = varEntries();
    expect(entries).toEqual([
      'pgdata',
      expect.stringMatching(/^pgdata\.failed-/),
      expect.stringMatching(/^uploads\.failed-/),
    ]);
    const root = path.join(layout.root, 'var');
    expect(fs.readFileSync(path.join(root, 'pgdata', 'restored'), 'utf8')).toBe(
      '/backups/before-1.0.tar.gz',
    );
    expect(fs.readFileSync(path.join(root, entries[1], 'state'), 'utf8')).toBe(
      'written by the failed version',
    );
    expect(current()).toBe('1.0');
    expect(layout.linked('previous')).toBeNull();
    expect(await serving()).toBe('1.0');
    for (const name of entries) fs.rmSync(path.join(root, name), { recursive: true });
  });

  it('undoes the migrations instead when the backup cannot be restored, the data put back', async () => {
    leaveData('the only copy');
    fs.writeFileSync(path.join(layout.root, 'restore-fails'), '');
    try {
      const sick = await release('1.1-sick2', ['A1', 'B1'], { healthy: false });
      const failure = await upgrade(layout, sick, options).catch((err: unknown) => err);
      expect((failure as DeployFailed).restored).toBe(true);
      expect((failure as Error).message).toMatch(
        /Rolled back: 1\.0 is serving again; the backup taken before is \/backups\/before-1\.0\.tar\.gz$/,
      );
      expect(manageLog()).toEqual([
        '1.0 backup --json',
        '1.1-sick2 migrate',
        '1.0 restore-backup /backups/before-1.0.tar.gz',
        '1.1-sick2 migrate --revert-to A1 --json',
      ]);
      expect(varEntries()).toEqual(['pgdata', 'uploads']);
      const state = path.join(layout.root, 'var', 'pgdata', 'state');
      expect(fs.readFileSync(state, 'utf8')).toBe('the only copy');
      expect(await serving()).toBe('1.0');
    } finally {
      fs.rmSync(path.join(layout.root, 'restore-fails'));
      fs.rmSync(path.join(layout.root, 'var'), { recursive: true });
    }
  });

  it('upgrades, rolls back, and rolling back again goes forward', async () => {
    const good = await release('1.2', ['A1', 'C1'], { healthy: true });
    const result = await upgrade(layout, good, options);
    expect(result).toMatchObject({ from: '1.0', to: '1.2' });
    expect(result.downtimeSeconds).toBeGreaterThan(0);
    expect(await serving()).toBe('1.2');
    expect(path.basename(layout.linked('previous') ?? '')).toBe('1.0');
    manageLog();

    await rollback(layout, { ...options, skipBackup: true });
    expect(manageLog()).toEqual(['1.2 migrate --revert-to A1 --json']);
    expect([current(), path.basename(layout.linked('previous') ?? '')]).toEqual(['1.0', '1.2']);
    expect(await serving()).toBe('1.0');

    await rollback(layout, { ...options, skipBackup: true });
    expect(manageLog()).toEqual(['1.2 migrate']);
    expect(await serving()).toBe('1.2');

    await rollback(layout, { ...options, skipBackup: true });
    expect(await serving()).toBe('1.0');
    manageLog();
  });

  it('a rollback whose version never becomes healthy restores the backup and serves on', async () => {
    // Now 1.0 with 1.2 as `previous`: going there applies 1.2's migrations, then 1.2 dies.
    const start = path.join(layout.deployment('1.2'), 'dist', 'tools', 'start.js');
    const original = fs.readFileSync(start, 'utf8');
    fs.writeFileSync(start, 'process.exit(1);\n');
    try {
      const failure = await rollback(layout, options).catch((err: unknown) => err);
      expect((failure as DeployFailed).restored).toBe(true);
      expect((failure as Error).message).toMatch(
        /^1\.2 did not become healthy: The service exited while starting .*\. 1\.0 is serving again, its data restored from the backup \/backups\/before-1\.0\.tar\.gz/,
      );
      expect(manageLog()).toEqual([
        '1.0 backup --json',
        '1.2 migrate',
        '1.0 restore-backup /backups/before-1.0.tar.gz',
      ]);
      expect([current(), path.basename(layout.linked('previous') ?? '')]).toEqual(['1.0', '1.2']);
      expect(await serving()).toBe('1.0');
    } finally {
      fs.writeFileSync(start, original);
      fs.rmSync(path.join(layout.root, 'var'), { recursive: true, force: true });
    }
  });

  it('restores the backup when a failed migration cannot be undone', async () => {
    const broken = await release('1.3-broken', ['A1', 'D1'], {
      healthy: true,
      migrateFails: true,
      revertFails: true,
    });
    const failure = await upgrade(layout, broken, options).catch((err: unknown) => err);
    expect((failure as DeployFailed).restored).toBe(true);
    expect((failure as Error).message).toMatch(
      /^migration failed: .*relation "x" does not exist\. Rolled back: 1\.0 is serving again, its data restored from the backup \/backups\/before-1\.0\.tar\.gz/,
    );
    expect(manageLog()).toEqual([
      '1.0 backup --json',
      '1.3-broken migrate',
      '1.3-broken migrate --revert-to A1 --json',
      '1.0 restore-backup /backups/before-1.0.tar.gz',
    ]);
    expect(await serving()).toBe('1.0');
    fs.rmSync(path.join(layout.root, 'var'), { recursive: true, force: true });
  });

  it('starts nothing on a schema it could neither undo nor restore, and says what to restore', async () => {
    const broken = await release('1.4-broken', ['A1', 'D1'], {
      healthy: true,
      migrateFails: true,
      revertFails: true,
    });
    fs.writeFileSync(path.join(layout.root, 'restore-fails'), '');
    const failure = await upgrade(layout, broken, options).catch((err: unknown) => err);
    expect((failure as DeployFailed).restored).toBe(false);
    expect((failure as Error).message).toBe(
      'migration failed: Error: QueryFailedError: relation "x" does not exist. The rollback did ' +
        'not complete: restore /backups/before-1.0.tar.gz and start 1.0',
    );
    expect(current()).toBe('1.0');
    expect(new Service(layout).pid()).toBeNull();
  });
});
