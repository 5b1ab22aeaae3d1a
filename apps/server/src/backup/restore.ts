import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Client } from 'pg';
import type { AppConfig } from '@hub/config';
import { migrate, openDatabase } from '../database/database.module';
import { socketAnswers } from '../database/embedded-postgres';
import { libpqUrl, pgConnection } from '../database/pg-tls';
import { migrations } from '../../migrations';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  BackupManifest,
  knownMigrationNames,
  MANIFEST_NAME,
  randomSuffix,
} from './backup';
import {
  appliedMigrationNames,
  beginSnapshot,
  listTables,
  loadLogicalDump,
  runTool,
  summarizeTables,
  summaryMismatches,
} from './database-snapshot';
import { readTar } from './tar';

export interface RestoreOptions {
  /** Aborting stops the restore at the next step and removes what it made so far. */
  signal?: AbortSignal;
  /** Told each step as it starts: extract, database, verify, migrate, switch. */
  onStep?: (step: RestoreStep) => void;
}

export type RestoreStep = 'extract' | 'database' | 'verify' | 'migrate' | 'switch';

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations the code added on top of the backup's schema. */
  migrated: string[];
  uploads: number;
  dataFiles: string[];
}

/** Throws a BackupError unless `manifest` is a backup this code can restore. */
export function checkManifest(manifest: BackupManifest): void {
  if (manifest.format !== BACKUP_FORMAT || typeof manifest.files !== 'object')
    throw new BackupError('This file is not a Zulip Hub backup (no backup manifest)');
  if (manifest.format_version > BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `This backup's format (version ${manifest.format_version}) is newer than this code ` +
        `reads; restore it with Zulip Hub ${manifest.server_version} or newer`,
    );
  if (!manifest.database) return;
  const known = new Set(knownMigrationNames());
  const unknown = manifest.database.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new BackupError(
      `This backup comes from a newer database schema than this code knows ` +
        `(unknown migrations: ${unknown.join(', ')}); restore it with Zulip Hub ` +
        `${manifest.server_version} or newer`,
    );
}

/** The manifest at the start of a backup archive (reads no further). */
export async function readManifest(file: string): Promise<BackupManifest> {
  let manifest: BackupManifest | undefined;
  const source = fs.createReadStream(file);
  const input = source.pipe(zlib.createGunzip());
  const stop = new Error('manifest read');
  try {
    await readTar(input, ({ name }) => {
      if (name !== MANIFEST_NAME)
        throw new BackupError('The archive does not start with a manifest');
      const parts: Buffer[] = [];
      return {
        write: (chunk) => void parts.push(chunk),
        end: () => {
          manifest = parseManifest(Buffer.concat(parts));
          throw stop;
        },
      };
    });
  } catch (err) {
    if (err !== stop)
      throw err instanceof BackupError
        ? err
        : new BackupError(`Cannot read ${file}: ${(err as Error).message}`);
  } finally {
    input.destroy();
    source.destroy();
  }
  if (!manifest) throw new BackupError(`${file} holds no backup manifest`);
  return manifest;
}

function parseManifest(data: Buffer): BackupManifest {
  try {
    return JSON.parse(data.toString('utf8')) as BackupManifest;
  } catch {
    throw new BackupError('The backup manifest is not valid JSON');
  }
}

function isSafeName(name: string): boolean {
  return (
    name.length > 0 &&
    !name.startsWith('/') &&
    !name.includes('\\') &&
    name.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/** Extracts the archive into `dir`, checking every entry against the manifest. */
async function extract(file: string, dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest | undefined;
  const seen = new Set<string>();
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  try {
    await readTar(input, ({ name, size }) => {
      if (name === MANIFEST_NAME && !manifest) {
        const parts: Buffer[] = [];
        return {
          write: (chunk) => void parts.push(chunk),
          end: () => {
            manifest = parseManifest(Buffer.concat(parts));
            checkManifest(manifest);
          },
        };
      }
      if (!manifest) throw new BackupError('The archive does not start with a manifest');
      const expected = manifest.files[name];
      if (!expected || !isSafeName(name) || seen.has(name))
        throw new BackupError(`The archive holds an entry its manifest does not list: ${name}`);
      if (expected.size !== size)
        throw new BackupError(
          `${name} is ${size} bytes in the archive, ${expected.size} in the manifest`,
        );
      seen.add(name);
      const target = path.join(dir, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const fd = fs.openSync(target, 'w');
      const hash = createHash('sha256');
      return {
        write: (chunk) => {
          hash.update(chunk);
          fs.writeSync(fd, chunk);
        },
        end: () => {
          fs.closeSync(fd);
          if (hash.digest('hex') !== expected.sha256)
            throw new BackupError(`${name} does not match its checksum in the manifest`);
        },
      };
    });
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  if (!manifest) throw new BackupError(`${file} holds no backup manifest`);
  const missing = Object.keys(manifest.files).filter((name) => !seen.has(name));
  if (missing.length > 0)
    throw new BackupError(`The archive lacks files its manifest lists: ${missing.join(', ')}`);
  return manifest;
}

/** Where a restore puts the database: a PostgreSQL database, or the embedded one. */
interface Target {
  /** Throws unless the target holds nothing yet. */
  checkFresh(): Promise<void>;
  /** A configuration pointing at a new scratch database. */
  createScratch(work: string): Promise<AppConfig>;
  /** Makes the scratch database the target's (the commit point). */
  switchTo(): Promise<void>;
  dropScratch(): Promise<void>;
}

function postgresTarget(config: AppConfig, url: string): Target {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new BackupError('DATABASE_URL names no database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const scratchName = `${name.slice(0, 40)}_restore_${randomSuffix()}`;
  let scratchCreated = false;
  const withAdmin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client(pgConnection(admin.toString(), config.databaseTls));
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const exists = () =>
    withAdmin(
      async (c) =>
        (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount !== 0,
    );
  const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
  return {
    async checkFresh() {
      if (!(await exists())) return;
      const client = new Client(pgConnection(url, config.databaseTls));
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'",
        );
        if (Number(rows[0].n) > 0)
          throw new BackupError(
            `The database "${name}" already holds tables; restore onto a new, empty database ` +
              '(or drop this one first)',
          );
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    async createScratch() {
      await withAdmin((c) => c.query(`CREATE DATABASE ${q(scratchName)}`)).catch((err: Error) => {
        throw new BackupError(
          `Cannot create the scratch database "${scratchName}" the restore builds in ` +
            `(the DATABASE_URL role needs CREATEDB): ${err.message}`,
        );
      });
      scratchCreated = true;
      const scratch = new URL(url);
      scratch.pathname = `/${scratchName}`;
      return { ...config, databaseUrl: scratch.toString() };
    },
    async switchTo() {
      await withAdmin(async (c) => {
        if ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount)
          await c.query(`DROP DATABASE ${q(name)}`);
        await c.query(`ALTER DATABASE ${q(scratchName)} RENAME TO ${q(name)}`);
      });
      scratchCreated = false;
    },
    async dropScratch() {
      if (scratchCreated)
        await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${q(scratchName)} WITH (FORCE)`));
      scratchCreated = false;
    },
  };
}

function embeddedTarget(config: AppConfig): Target {
  const pgdata = path.join(config.dataDir, 'pgdata');
  let scratch: string | undefined;
  return {
    async checkFresh() {
      const socketDir = path.join(config.dataDir, 'run');
      if (await socketAnswers(path.join(socketDir, '.s.PGSQL.5432')))
        throw new BackupError('A server is running on this DATA_DIR; stop it before restoring');
      if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0)
        throw new BackupError(
          `${pgdata} already holds a database; restore into a new, empty DATA_DIR`,
        );
    },
    async createScratch(work) {
      scratch = work;
      return { ...config, databaseUrl: undefined, dataDir: work };
    },
    async switchTo() {
      if (!scratch) return;
      fs.rmSync(pgdata, { recursive: true, force: true });
      fs.renameSync(path.join(scratch, 'pgdata'), pgdata);
    },
    async dropScratch() {
      // The scratch database lives inside the work directory, removed with it.
    },
  };
}

function checkUploadsFresh(dir: string): void {
  if (!fs.existsSync(dir)) return;
  const present = fs.readdirSync(dir).filter((name) => name !== '.tmp');
  if (present.length > 0)
    throw new BackupError(`${dir} already holds uploaded files; restore into an empty UPLOADS_DIR`);
}

/** Moves `from` to `to`, copying when they are on different file systems. */
function moveInto(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Restores a backup onto a fresh installation (the configured database and DATA_DIR): builds
 * everything in scratch space (a temporary database, a work directory under DATA_DIR), checks it
 * against the manifest, brings the schema up to this code, and only then switches it in. A
 * failure or an abort before the switch leaves the target as it was.
 */
export async function restoreBackup(
  config: AppConfig,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const step = (name: RestoreStep) => {
    options.signal?.throwIfAborted();
    options.onStep?.(name);
  };
  if (!fs.existsSync(file)) throw new BackupError(`There is no file ${file}`);
  const manifest = await readManifest(file);
  checkManifest(manifest);
  const target = manifest.database
    ? config.databaseUrl
      ? postgresTarget(config, config.databaseUrl)
      : embeddedTarget(config)
    : undefined;
  if (manifest.database?.dump === 'pg_dump' && !config.databaseUrl)
    throw new BackupError(
      'This backup holds a pg_dump of a PostgreSQL database; restore it onto PostgreSQL ' +
        '(set DATABASE_URL to a new, empty database)',
    );
  await target?.checkFresh();
  if (manifest.uploads) checkUploadsFresh(config.uploads.dir);

  fs.mkdirSync(config.dataDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(config.dataDir, '.restore-'));
  const archive = path.join(work, 'archive');
  try {
    step('extract');
    await extract(file, archive);
    let migrated: string[] = [];
    if (target && manifest.database) {
      step('database');
      const scratch = await target.createScratch(work);
      migrated = await buildDatabase(scratch, manifest.database, archive, step);
    }
    step('switch');
    // From here on the restore completes: an abort is only noticed by the steps above.
    await target?.switchTo();
    const uploadsDir = path.join(archive, 'uploads');
    if (manifest.uploads) {
      fs.rmSync(config.uploads.dir, { recursive: true, force: true });
      if (fs.existsSync(uploadsDir)) moveInto(uploadsDir, config.uploads.dir);
      else fs.mkdirSync(config.uploads.dir, { recursive: true });
    }
    const dataDir = path.join(archive, 'data');
    const dataFiles = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
    for (const name of dataFiles)
      moveInto(path.join(dataDir, name), path.join(config.dataDir, name));
    return { manifest, migrated, uploads: manifest.uploads?.files ?? 0, dataFiles };
  } catch (err) {
    await target?.dropScratch().catch(() => undefined);
    throw err;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Fills the scratch database from the archive, checks it against the manifest, then applies the
 * migrations this code adds; returns their names. One session throughout (the embedded database
 * starts once; the second connection, with every migration, attaches to it).
 */
async function buildDatabase(
  scratch: AppConfig,
  database: NonNullable<BackupManifest['database']>,
  archive: string,
  step: (name: RestoreStep) => void,
): Promise<string[]> {
  const logical = database.dump === 'logical';
  // A logical backup's schema is built by the backup's own migrations, then gets its rows.
  const wanted = new Set(database.migrations);
  const subset = migrations.filter((M) => {
    const instance = new M() as { name?: string };
    return wanted.has(instance.name ?? M.name);
  });
  const { database: db, embedded } = await openDatabase(scratch, {
    runMigrations: logical,
    migrations: subset,
  });
  const runner = db.dataSource.createQueryRunner();
  try {
    await runner.connect();
    const tables = Object.keys(database.tables);
    if (logical) {
      const built = new Set(await listTables(runner));
      const absent = tables.filter((t) => !built.has(t));
      if (absent.length > 0)
        throw new BackupError(
          `The backup's schema lacks tables it has rows for: ${absent.join(', ')}`,
        );
      await loadLogicalDump(runner, tables, path.join(archive, 'database'));
    } else {
      await runTool('pg_restore', [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        `--dbname=${libpqUrl(scratch.databaseUrl ?? '', scratch.databaseTls)}`,
        path.join(archive, 'database.pgdump'),
      ]);
    }

    step('verify');
    await beginSnapshot(runner, true);
    const actual = await summarizeTables(runner, tables);
    await runner.query('COMMIT');
    const problems = summaryMismatches(database.tables, actual);
    if (problems.length > 0)
      throw new BackupError(
        `The restored database does not match the backup: ${problems.join('; ')}`,
      );

    step('migrate');
    const before = new Set(await appliedMigrationNames(runner));
    const current = await openDatabase(scratch, { runMigrations: false });
    try {
      await migrate(current.database.dataSource);
    } finally {
      await current.database.dataSource.destroy().catch(() => undefined);
      await current.embedded?.stop();
    }
    return knownMigrationNames().filter((name) => !before.has(name));
  } finally {
    await runner.release();
    await db.dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}
