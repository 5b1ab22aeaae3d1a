import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { QueryRunner } from 'typeorm';

/** A backup or restore that cannot go on; the message says why and what to do. */
export class BackupError extends Error {}

/** What the manifest records of a table, and what a restore must find again. */
export interface TableSummary {
  rows: number;
  /** An order-independent sum of the rows' md5 (each row in PostgreSQL's text form). */
  checksum: string;
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Opens a REPEATABLE READ transaction on `runner`: every query until `commit` sees one
 * snapshot. The text forms the checksums hash are pinned (they would follow session settings).
 * On the embedded database the socket server runs nothing else while the transaction is open.
 */
export async function beginSnapshot(runner: QueryRunner, readOnly: boolean): Promise<void> {
  await runner.query(`BEGIN ISOLATION LEVEL REPEATABLE READ${readOnly ? ' READ ONLY' : ''}`);
  for (const setting of [
    "TimeZone = 'UTC'",
    "DateStyle = 'ISO, MDY'",
    "IntervalStyle = 'postgres'",
    'extra_float_digits = 1',
    "bytea_output = 'hex'",
  ])
    await runner.query(`SET LOCAL ${setting}`);
}

export async function listTables(runner: QueryRunner): Promise<string[]> {
  const rows = (await runner.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  )) as Array<{ tablename: string }>;
  return rows.map((r) => r.tablename);
}

export async function appliedMigrationNames(runner: QueryRunner): Promise<string[]> {
  const [table] = (await runner.query(
    "SELECT to_regclass('public.schema_migrations')::text AS name",
  )) as Array<{ name: string | null }>;
  if (!table?.name) return [];
  const rows = (await runner.query('SELECT name FROM schema_migrations ORDER BY id')) as Array<{
    name: string;
  }>;
  return rows.map((r) => r.name);
}

export async function summarizeTables(
  runner: QueryRunner,
  tables: string[],
): Promise<Record<string, TableSummary>> {
  const summaries: Record<string, TableSummary> = {};
  for (const table of tables) {
    const [row] = (await runner.query(
      `SELECT count(*)::bigint AS rows,
              coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text
                AS checksum
         FROM public.${ident(table)} AS t`,
    )) as Array<{ rows: number | string; checksum: string }>;
    summaries[table] = { rows: Number(row.rows), checksum: row.checksum };
  }
  return summaries;
}

/** Names of the tables whose rows or checksum differ from `expected` (missing ones included). */
export function summaryMismatches(
  expected: Record<string, TableSummary>,
  actual: Record<string, TableSummary>,
): string[] {
  const problems: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = actual[table];
    if (!got) problems.push(`${table}: missing`);
    else if (got.rows !== want.rows)
      problems.push(`${table}: ${got.rows} rows, expected ${want.rows}`);
    else if (got.checksum !== want.checksum) problems.push(`${table}: rows differ (checksum)`);
  }
  return problems;
}

const SEQUENCES_FILE = 'sequences.json';

/**
 * Writes every table of the open snapshot as `<table>.jsonl` (one `row_to_json` per line) and
 * the sequences' positions, into `dir`. Returns the files written.
 */
export async function writeLogicalDump(
  runner: QueryRunner,
  tables: string[],
  dir: string,
): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const table of tables) {
    const file = path.join(dir, `${table}.jsonl`);
    const out = fs.createWriteStream(file);
    await runner.query(
      `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM public.${ident(table)} AS t`,
    );
    for (;;) {
      const rows = (await runner.query('FETCH 1000 FROM backup_rows')) as Array<{ j: string }>;
      if (rows.length === 0) break;
      if (!out.write(rows.map((r) => r.j).join('\n') + '\n'))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await runner.query('CLOSE backup_rows');
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    files.push(file);
  }
  const sequences = (await runner.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'S' AND n.nspname = 'public' ORDER BY c.relname`,
  )) as Array<{ name: string }>;
  const positions: Record<string, { last_value: number; is_called: boolean }> = {};
  for (const { name } of sequences) {
    const [row] = (await runner.query(
      `SELECT last_value, is_called FROM public.${ident(name)}`,
    )) as Array<{ last_value: number | string; is_called: boolean }>;
    positions[name] = { last_value: Number(row.last_value), is_called: row.is_called };
  }
  const sequencesFile = path.join(dir, SEQUENCES_FILE);
  fs.writeFileSync(sequencesFile, JSON.stringify(positions, null, 1));
  files.push(sequencesFile);
  return files;
}

/**
 * Loads a logical dump into a database whose schema the migrations just built: empties every
 * table (migrations may seed rows), inserts the dumped rows with foreign-key triggers held off
 * (the rows are consistent as a whole, not in any one order), then sets the sequences.
 */
export async function loadLogicalDump(
  runner: QueryRunner,
  tables: string[],
  dir: string,
): Promise<void> {
  await runner.query('BEGIN');
  try {
    await runner.query('SET LOCAL session_replication_role = replica').catch((err: Error) => {
      throw new BackupError(
        `Loading a logical backup needs a superuser (to hold off foreign keys): ${err.message}`,
      );
    });
    const existing = await listTables(runner);
    if (existing.length > 0)
      await runner.query(`TRUNCATE ${existing.map((t) => `public.${ident(t)}`).join(', ')}`);
    for (const table of tables) {
      const lines = readline.createInterface({
        input: fs.createReadStream(path.join(dir, `${table}.jsonl`)),
        crlfDelay: Infinity,
      });
      let batch: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await runner.query(
          `INSERT INTO public.${ident(table)}
           SELECT * FROM json_populate_recordset(NULL::public.${ident(table)}, $1::json)`,
          [`[${batch.join(',')}]`],
        );
        batch = [];
        bytes = 0;
      };
      for await (const line of lines) {
        if (!line) continue;
        batch.push(line);
        bytes += line.length;
        if (batch.length >= 500 || bytes > 4_000_000) await flush();
      }
      await flush();
    }
    const positions = JSON.parse(fs.readFileSync(path.join(dir, SEQUENCES_FILE), 'utf8')) as Record<
      string,
      { last_value: number; is_called: boolean }
    >;
    for (const [name, { last_value, is_called }] of Object.entries(positions)) {
      await runner.query('SELECT setval($1::regclass, $2, $3)', [
        `public.${ident(name)}`,
        last_value,
        is_called,
      ]);
    }
    await runner.query('COMMIT');
  } catch (err) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Runs a PostgreSQL client tool without blocking this process's event loop. */
export function runTool(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} failed (exit ${code}): ${stderr.trim().split('\n')[0]}`));
    });
  });
}

/** The major version of the installed `pg_dump`, or undefined when there is none. */
export async function pgDumpMajorVersion(): Promise<number | undefined> {
  try {
    const out = await runTool('pg_dump', ['--version']);
    const match = /(\d+)(?:\.\d+)?/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
