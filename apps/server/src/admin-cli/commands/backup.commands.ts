import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { CliContext, CliError } from '../cli-context';
import {
  CheckOptions,
  CheckResult,
  CheckStatusName,
  parseThreshold,
  registerCheck,
  statusOf,
  Thresholds,
  worst,
} from '../monitoring-check';
import { BackupError, createBackup, defaultBackupDir } from '../../backup/backup';
import { pruneBackups } from '../../backup/prune';
import { readManifest, restoreBackup } from '../../backup/restore';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function age(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}h ${m}m` : `${m}m ${Math.floor(seconds % 60)}s`;
}

/** BackupErrors are the one line the administrator reads. */
async function reported<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof BackupError) throw new CliError(err.message);
    throw err;
  }
}

/** Backups: `backup`, `restore-backup`, and the monitoring check `check-backup`. */
export function registerBackupCommands(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description(
      'Write one .tar.gz with a consistent snapshot of the database, the uploaded files, the ' +
        'files DATA_DIR keeps (owner.zuliprc...) and a manifest; the server may keep running',
    )
    .option(
      '--output <file>',
      'the archive to write (default: DATA_DIR/backups/zulip-hub-backup-<time>.tar.gz)',
    )
    .option('--skip-db', 'leave the database out')
    .option('--skip-uploads', 'leave the uploaded files out')
    .option(
      '--keep <n>',
      'then delete the oldest backups in that folder beyond the newest N (default: BACKUP_KEEP; 0 keeps all)',
    )
    .option('--json', 'machine-readable output')
    .action(
      async (o: {
        output?: string;
        skipDb?: boolean;
        skipUploads?: boolean;
        keep?: string;
        json?: boolean;
      }) => {
        const keep = o.keep === undefined ? ctx.config.backupKeep : Number(o.keep);
        if (!Number.isInteger(keep) || keep < 0)
          throw new CliError(`--keep takes a whole number (0 keeps every backup), got "${o.keep}"`);
        const { file, manifest } = await reported(() =>
          createBackup(ctx.config, {
            output: o.output,
            skipDb: o.skipDb,
            skipUploads: o.skipUploads,
          }),
        );
        const bytes = fs.statSync(file).size;
        const pruned = keep > 0 ? pruneBackups(path.dirname(file), keep, file) : [];
        const db = manifest.database;
        const rows = db ? Object.values(db.tables).reduce((sum, t) => sum + t.rows, 0) : 0;
        ctx.print(!!o.json, { file, bytes, manifest, pruned }, [
          `Wrote ${file} (${megabytes(bytes)})`,
          db
            ? `  database: ${rows} rows in ${Object.keys(db.tables).length} tables (${db.dump}), ` +
              `schema at ${db.latest_migration ?? 'no migrations'}`
            : '  database: skipped',
          manifest.uploads
            ? `  uploads: ${manifest.uploads.files} files, ${megabytes(manifest.uploads.bytes)}`
            : '  uploads: skipped',
          ...(pruned.length > 0
            ? [`  removed ${pruned.length} older backups (keeping ${keep}): ${pruned.join(', ')}`]
            : []),
        ]);
      },
    );

  program
    .command('restore-backup')
    .argument('<file>', 'a backup archive written by `manage backup`')
    .description(
      'Restore a backup onto a fresh installation (an empty DATABASE_URL database, or a new ' +
        'DATA_DIR), checking it against its manifest and migrating it to this version; ' +
        'nothing changes unless the whole restore succeeds',
    )
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: { json?: boolean }) => {
      const abort = new AbortController();
      const onSignal = () => abort.abort(new CliError('Interrupted; nothing was restored'));
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const result = await reported(() =>
          restoreBackup(ctx.config, path.resolve(file), { signal: abort.signal }),
        );
        const db = result.manifest.database;
        ctx.print(!!o.json, result, [
          `Restored ${file} (taken ${result.manifest.created_at} by version ${result.manifest.server_version})`,
          db
            ? `  database: ${Object.values(db.tables).reduce((s, t) => s + t.rows, 0)} rows in ` +
              `${Object.keys(db.tables).length} tables, counts and checksums verified`
            : '  database: not in this backup',
          result.migrated.length
            ? `  migrated to this version: ${result.migrated.join(', ')}`
            : '  schema already current',
          `  uploads: ${result.uploads} files; DATA_DIR files: ${result.dataFiles.join(', ') || 'none'}`,
        ]);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });

  registerCheck<CheckOptions & { dir?: string; maxAge: string }>(program, ctx, {
    name: 'check-backup',
    description:
      'Is the newest backup in --dir recent and readable? Thresholds are ages (90s, 30m, 26h, 2d)',
    defaults: { warning: '', critical: '' },
    options: (command) =>
      command
        .option('--dir <dir>', 'where the backups are (default: DATA_DIR/backups)')
        .option('--max-age <age>', 'CRITICAL when the newest backup is older (without -c)', '26h'),
    run: (o, thresholds) =>
      checkBackup(o.dir ?? defaultBackupDir(ctx.config), {
        warning: thresholds.warning,
        critical: thresholds.critical ?? parseThreshold(o.maxAge),
      }),
  });
}

async function checkBackup(dir: string, thresholds: Thresholds): Promise<CheckResult> {
  if (!fs.existsSync(dir)) return { status: 'CRITICAL', text: `No backup directory ${dir}` };
  const backups = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && e.name.endsWith('.tar.gz'))
    .map((e) => {
      const file = path.join(dir, e.name);
      const stat = fs.statSync(file);
      return { name: e.name, file, mtime: stat.mtimeMs, size: stat.size };
    })
    .sort((a, b) => b.mtime - a.mtime);
  const count = { label: 'backups', value: backups.length, min: 0 };
  const newest = backups[0];
  if (!newest) return { status: 'CRITICAL', text: `No backup in ${dir}`, perfdata: [count] };
  let created = newest.mtime;
  let note = '';
  let status: CheckStatusName = 'OK';
  try {
    const manifest = await readManifest(newest.file);
    created = Date.parse(manifest.created_at) || created;
    const left = [!manifest.database && 'database', !manifest.uploads && 'uploads'].filter(Boolean);
    if (left.length > 0) {
      note = `, without ${left.join(' and ')}`;
      status = 'WARNING';
    } else note = `, schema ${manifest.database?.latest_migration ?? 'empty'}`;
  } catch (err) {
    return {
      status: 'CRITICAL',
      text: `The newest backup ${newest.name} is unreadable: ${(err as Error).message}`,
      perfdata: [count],
    };
  }
  const seconds = Math.max(0, Math.round((Date.now() - created) / 1000));
  return {
    status: worst(status, statusOf(seconds, thresholds)),
    text: `Newest backup ${newest.name} is ${age(seconds)} old (${megabytes(newest.size)}${note})`,
    perfdata: [
      { label: 'age', value: seconds, uom: 's', thresholds, min: 0 },
      { label: 'size', value: newest.size, uom: 'B', min: 0 },
      count,
    ],
  };
}
