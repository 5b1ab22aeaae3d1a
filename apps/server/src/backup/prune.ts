import * as fs from 'node:fs';
import * as path from 'node:path';

/** The names `manage backup` gives its archives: `zulip-hub-backup-<UTC time>.tar.gz`. */
const BACKUP_NAME = /^zulip-hub-backup-(\d{8}T\d{6}Z)\.tar\.gz$/;

/**
 * Deletes the oldest backups in `dir` beyond the newest `keep` (by the time in their names, which
 * copying does not change), never `justWritten`. Only archives named as `manage backup` names
 * them are counted or touched; other files in the folder are the administrator's.
 */
export function pruneBackups(dir: string, keep: number, justWritten?: string): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error('keep must be 1 or more');
  const backups = fs
    .readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse();
  const protectedName =
    justWritten && path.resolve(path.dirname(justWritten)) === path.resolve(dir)
      ? path.basename(justWritten)
      : undefined;
  const kept = new Set(backups.slice(0, keep));
  if (protectedName && BACKUP_NAME.test(protectedName) && !kept.has(protectedName)) {
    // Written with an older time in its name than others here: it still counts as the newest.
    kept.delete(backups[keep - 1]);
    kept.add(protectedName);
  }
  const removed = backups.filter((name) => !kept.has(name));
  for (const name of removed) fs.rmSync(path.join(dir, name), { force: true });
  return removed;
}
