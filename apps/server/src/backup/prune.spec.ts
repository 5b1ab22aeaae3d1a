import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pruneBackups } from './prune';

describe('pruneBackups', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prune-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const make = (...names: string[]) => {
    for (const name of names) fs.writeFileSync(path.join(dir, name), name);
  };
  const backup = (day: number) =>
    `zulip-hub-backup-202611${String(day).padStart(2, '0')}T033000Z.tar.gz`;

  it('keeps the newest N by the time in their names and deletes the rest', () => {
    make(backup(3), backup(1), backup(4), backup(2));
    // mtimes say nothing: a copy restored from elsewhere is as new as any.
    fs.utimesSync(path.join(dir, backup(1)), new Date(), new Date());
    expect(pruneBackups(dir, 2).sort()).toEqual([backup(1), backup(2)]);
    expect(fs.readdirSync(dir).sort()).toEqual([backup(3), backup(4)]);
  });

  it('leaves other files alone and does nothing when there are N or fewer', () => {
    make(
      backup(1),
      backup(2),
      'offsite-copy.tar.gz',
      'zulip-hub-backup-x.tar.gz.partial',
      'notes.txt',
    );
    expect(pruneBackups(dir, 2)).toEqual([]);
    expect(pruneBackups(dir, 1)).toEqual([backup(1)]);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [backup(2), 'notes.txt', 'offsite-copy.tar.gz', 'zulip-hub-backup-x.tar.gz.partial'].sort(),
    );
  });

  it('never deletes the backup just written, even when its name sorts older', () => {
    make(backup(5), backup(6), backup(1));
    expect(pruneBackups(dir, 2, path.join(dir, backup(1))).sort()).toEqual([backup(5)]);
    expect(fs.readdirSync(dir).sort()).toEqual([backup(1), backup(6)]);
  });

  it('refuses to keep nothing', () => {
    expect(() => pruneBackups(dir, 0)).toThrow('keep must be 1 or more');
  });
});
