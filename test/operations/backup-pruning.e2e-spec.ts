import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { manage } from '../cli/cli-harness';

/** `manage backup --keep N` and BACKUP_KEEP: the oldest backups beyond N go, others stay. */
describe('pruning old backups', () => {
  let dataDir: string;
  let backups: string;
  const old = (day: number) =>
    `zulip-hub-backup-202611${String(day).padStart(2, '0')}T033000Z.tar.gz`;
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: undefined, BACKUP_KEEP: undefined });

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-keep-'));
    backups = path.join(dataDir, 'backups');
    fs.mkdirSync(backups);
    for (const day of [1, 2, 3]) fs.writeFileSync(path.join(backups, old(day)), 'an old backup');
    fs.writeFileSync(path.join(backups, 'copied-by-hand.tar.gz'), 'not ours to delete');
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('--keep 2 leaves the new backup and the newest old one', async () => {
    const run = await manage(
      env(),
      'backup',
      '--skip-db',
      '--skip-uploads',
      '--keep',
      '2',
      '--json',
    );
    expect(run.stderr).toBe('');
    const { file, pruned } = JSON.parse(run.stdout) as { file: string; pruned: string[] };
    expect(pruned.sort()).toEqual([old(1), old(2)]);
    expect(fs.readdirSync(backups).sort()).toEqual(
      [path.basename(file), old(3), 'copied-by-hand.tar.gz'].sort(),
    );
    const check = await manage(env(), 'check-backup');
    // The monitoring check still finds the new one (a WARNING: it left out the database).
    expect(check.stdout).toContain(`Newest backup ${path.basename(file)}`);
    expect(check.stdout).toMatch(/backups=3;/);
  });

  it('BACKUP_KEEP applies without the flag; unset keeps everything', async () => {
    const kept = await manage(env(), 'backup', '--skip-db', '--skip-uploads');
    expect(kept.stdout).not.toMatch(/removed/);
    expect(fs.readdirSync(backups)).toHaveLength(5);
    // The next second: a name of its own.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const pruned = await manage(
      { ...env(), BACKUP_KEEP: '1' },
      'backup',
      '--skip-db',
      '--skip-uploads',
    );
    expect(pruned.stdout).toMatch(/removed 4 older backups \(keeping 1\)/);
    expect(fs.readdirSync(backups)).toHaveLength(2);
    const bad = await manage(env(), 'backup', '--skip-db', '--skip-uploads', '--keep', 'all');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--keep takes a whole number/);
  });
});
