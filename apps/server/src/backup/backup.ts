import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import type { AppConfig } from '@hub/config';
import { SERVER_VERSION } from '../common/version';
import { openDatabase } from '../database/database.module';
import { libpqUrl } from '../database/pg-tls';
import { migrations } from '../../migrations';
import {
  appliedMigrationNames,
  BackupError,
  beginSnapshot,
  listTables,
  pgDumpMajorVersion,
  runTool,
  summarizeTables,
  TableSummary,
  writeLogicalDump,
} from './database-snapshot';
import { TarWriter } from './tar';

export const BACKUP_FORMAT = 'zulip-hub-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
const PG_DUMP_NAME = 'database.pgdump';
const LOGICAL_DIR = 'database';

/** The first entry of every backup archive. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  format_version: number;
  server_version: string;
  created_at: string;
  database: {
    /** Where it came from: a PostgreSQL server or the embedded database. */
    source: 'postgresql' | 'embedded';
    /** `pg_dump`: database.pgdump (custom format); `logical`: database/<table>.jsonl. */
    dump: 'pg_dump' | 'logical';
    migrations: string[];
    latest_migration: string | null;
    tables: Record<string, TableSummary>;
  } | null;
  uploads: { files: number; bytes: number } | null;
  /** Every other entry of the archive, with its size and SHA-256. */
  files: Record<string, { size: number; sha256: string }>;
}

export { BackupError };

/** The class names of the migrations this code knows, in order. */
export function knownMigrationNames(): string[] {
  return migrations.map((M) => {
    const instance = new M() as { name?: string };
    return instance.name ?? M.name;
  });
}

export function defaultBackupDir(config: AppConfig): string {
  return path.join(config.dataDir, 'backups');
}

function timestampForName(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

interface StagedEntry {
  name: string;
  file: string;
  size: number;
  mtime: number;
}

function stage(name: string, file: string): StagedEntry {
  const stat = fs.statSync(file);
  return { name, file, size: stat.size, mtime: stat.mtimeMs / 1000 };
}

/** Regular files under `root` (relative paths, `/`-separated), skipping what `skip` names. */
function walkFiles(root: string, skip: (relative: string) => boolean): string[] {
  const found: string[] = [];
  const visit = (relative: string) => {
    const entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (skip(rel)) continue;
      if (entry.isDirectory()) visit(rel);
      else if (entry.isFile()) found.push(rel);
    }
  };
  if (fs.existsSync(root)) visit('');
  return found;
}

export interface BackupOptions {
  output?: string;
  skipDb?: boolean;
  skipUploads?: boolean;
}

/**
 * Writes one .tar.gz: the manifest, a consistent snapshot of the database, the uploads and the
 * files DATA_DIR keeps beside them. The server may keep running. The archive appears under its
 * name only once complete.
 */
export async function createBackup(
  config: AppConfig,
  options: BackupOptions,
): Promise<{ file: string; manifest: BackupManifest }> {
  const now = new Date();
  const output = path.resolve(
    options.output ??
      path.join(defaultBackupDir(config), `zulip-hub-backup-${timestampForName(now)}.tar.gz`),
  );
  fs.mkdirSync(path.dirname(output), { recursive: true });
  const partial = `${output}.partial`;
  const staging = fs.mkdtempSync(path.join(path.dirname(output), '.backup-'));
  const entries: StagedEntry[] = [];
  try {
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      format_version: BACKUP_FORMAT_VERSION,
      server_version: SERVER_VERSION,
      created_at: now.toISOString(),
      database: null,
      uploads: null,
      files: {},
    };
    if (!options.skipDb) {
      manifest.database = await snapshotDatabase(config, staging, entries);
    }
    // The files DATA_DIR keeps beside the database and the uploads (owner.zuliprc...).
    const own = new Set([output, partial, staging]);
    for (const name of walkFiles(
      config.dataDir,
      (rel) => rel.includes('/') || rel.startsWith('.'),
    )) {
      const file = path.join(config.dataDir, name);
      if (!own.has(file)) entries.push(stage(`data/${name}`, file));
    }
    if (!options.skipUploads) {
      const root = config.uploads.dir;
      // `.tmp` holds uploads still arriving; they are not files yet.
      const names = walkFiles(root, (rel) => rel === '.tmp');
      let bytes = 0;
      for (const name of names) {
        const entry = stage(`uploads/${name}`, path.join(root, name));
        bytes += entry.size;
        entries.push(entry);
      }
      manifest.uploads = { files: names.length, bytes };
    }
    for (const entry of entries) {
      manifest.files[entry.name] = { size: entry.size, sha256: await sha256File(entry.file) };
    }
    const gzip = zlib.createGzip();
    // The full backup holds every credential (password hashes, API keys, server secrets).
    const written = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600 }));
    const tar = new TarWriter(gzip);
    try {
      await tar.addBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 1)));
      for (const entry of entries)
        await tar.addFile(entry.name, entry.file, entry.size, entry.mtime);
      await tar.finish();
      gzip.end();
    } catch (err) {
      gzip.destroy(err as Error);
      await written.catch(() => undefined);
      throw err;
    }
    await written;
    fs.renameSync(partial, output);
    return { file: output, manifest };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Reads the database in one REPEATABLE READ transaction: the counts and checksums, and either
 * pg_dump's custom format of that same snapshot (PostgreSQL, with a pg_dump at least as new as
 * the server) or a logical export of it (the embedded database, or no usable pg_dump).
 */
async function snapshotDatabase(
  config: AppConfig,
  staging: string,
  entries: StagedEntry[],
): Promise<NonNullable<BackupManifest['database']>> {
  const { database, embedded } = await openDatabase(config, { runMigrations: false });
  const runner = database.dataSource.createQueryRunner();
  try {
    await runner.connect();
    let dumper: 'pg_dump' | 'logical' = 'logical';
    if (config.databaseUrl) {
      const [{ server_version_num }] = (await runner.query('SHOW server_version_num')) as Array<{
        server_version_num: string;
      }>;
      const tool = await pgDumpMajorVersion();
      if (tool !== undefined && tool >= Math.floor(Number(server_version_num) / 10000))
        dumper = 'pg_dump';
    }
    await beginSnapshot(runner, true);
    try {
      const applied = await appliedMigrationNames(runner);
      const tables = await listTables(runner);
      const summaries = await summarizeTables(runner, tables);
      if (dumper === 'pg_dump' && config.databaseUrl) {
        const [{ id }] = (await runner.query('SELECT pg_export_snapshot() AS id')) as Array<{
          id: string;
        }>;
        const file = path.join(staging, PG_DUMP_NAME);
        await runTool('pg_dump', [
          '--format=custom',
          `--snapshot=${id}`,
          '--no-owner',
          '--no-privileges',
          `--file=${file}`,
          `--dbname=${libpqUrl(config.databaseUrl, config.databaseTls)}`,
        ]);
        entries.push(stage(PG_DUMP_NAME, file));
      } else {
        const dir = path.join(staging, LOGICAL_DIR);
        for (const file of await writeLogicalDump(runner, tables, dir))
          entries.push(stage(`${LOGICAL_DIR}/${path.basename(file)}`, file));
      }
      return {
        source: config.databaseUrl ? 'postgresql' : 'embedded',
        dump: dumper,
        migrations: applied,
        latest_migration: applied[applied.length - 1] ?? null,
        tables: summaries,
      };
    } finally {
      await runner.query('COMMIT').catch(() => undefined);
    }
  } finally {
    await runner.release();
    await database.dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

export function randomSuffix(): string {
  return randomBytes(4).toString('hex');
}
