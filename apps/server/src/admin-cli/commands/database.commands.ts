import { spawn } from 'node:child_process';
import * as repl from 'node:repl';
import type { Type } from '@nestjs/common';
import type { Command } from 'commander';
import type { DataSource } from 'typeorm';
import { CliContext, CliError } from '../cli-context';
import { Database } from '../../database/database.service';
import { migrate, openDatabase } from '../../database/database.module';
import { libpqUrl } from '../../database/pg-tls';

export function registerDatabaseCommands(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (the server also does this on start)')
    .option('--check', 'apply nothing; exit 1 when migrations are pending (for upgrade scripts)')
    .option('--revert <n>', 'undo the newest N migrations (each has a working down)')
    .option(
      '--revert-to <name>',
      'undo every migration applied after NAME, newest first (what a rollback to the release ' +
        'whose newest migration is NAME needs)',
    )
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean; check?: boolean; revert?: string; revertTo?: string }) => {
      if ([o.check, o.revert, o.revertTo].filter((v) => v !== undefined).length > 1)
        throw new CliError('Give one of --check, --revert and --revert-to');
      if (o.check) return checkMigrations(ctx, !!o.json);
      if (o.revert !== undefined) return revertMigrations(ctx, o.revert, !!o.json);
      if (o.revertTo !== undefined) return revertMigrationsTo(ctx, o.revertTo, !!o.json);
      // The database alone, not the whole server: this also runs in upgrades, service stopped.
      const { applied, all } = await withUnmigratedDatabase(ctx, async (dataSource) => ({
        applied: await migrate(dataSource),
        all: await appliedMigrations(dataSource),
      }));
      ctx.print(!!o.json, { applied_now: applied, all }, [
        `${all.length} migrations applied; the schema is current.`,
        ...all.map((name) => `  ${name}`),
      ]);
    });

  program
    .command('dbshell')
    .description('Open psql on the server database (the embedded one too, through its socket)')
    .option('-c, --command <sql>', 'run one SQL command and exit')
    .action(async (o: { command?: string }) => {
      const db = await ctx.get(Database);
      const options = db.dataSource.options as { url?: string };
      if (!options.url) throw new CliError('The database URL is unknown');
      // psql gets the server's TLS settings (the pool's URL has them taken out).
      const url = ctx.config.databaseUrl
        ? libpqUrl(options.url, ctx.config.databaseTls)
        : options.url;
      const args = [url, ...(o.command ? ['-X', '-A', '-t', '-c', o.command] : [])];
      const result = await runPsql(args, !!o.command);
      if (o.command && result.stdout) ctx.print(false, null, result.stdout.trimEnd());
      if (o.command && result.stderr) process.stderr.write(result.stderr);
      if (result.error)
        throw new CliError(
          `Could not run psql (${result.error.message}); install the PostgreSQL client`,
        );
      if (result.status) throw new CliError(`psql exited with status ${result.status}`);
    });

  program
    .command('shell')
    .description('A Node REPL with `get(ServiceClass)` and `db` (the Database) in scope')
    .option('--sql <query>', 'run one SQL query through `db`, print the rows as JSON and exit')
    .action(async (o: { sql?: string }) => {
      const db = await ctx.get(Database);
      if (o.sql) {
        ctx.print(true, await db.rows(o.sql), '');
        return;
      }
      const server = repl.start({ prompt: 'zulip-hub> ' });
      server.context.db = db;
      server.context.get = <T>(type: Type<T>) => ctx.get(type);
      await new Promise<void>((resolve) => server.on('exit', () => resolve()));
    });
}

/** The database as it is: opened without applying migrations (the server's start would). */
async function withUnmigratedDatabase<T>(
  ctx: CliContext,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const { database, embedded } = await openDatabase(ctx.config, { runMigrations: false });
  try {
    return await work(database.dataSource);
  } finally {
    await database.dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const [table] = await dataSource.query<Array<{ name: string | null }>>(
    "SELECT to_regclass('schema_migrations')::text AS name",
  );
  if (!table?.name) return [];
  const rows = await dataSource.query<Array<{ name: string }>>(
    'SELECT name FROM schema_migrations ORDER BY id',
  );
  return rows.map((r) => r.name);
}

async function checkMigrations(ctx: CliContext, json: boolean): Promise<void> {
  const { applied, pending } = await withUnmigratedDatabase(ctx, async (dataSource) => {
    const done = new Set(await appliedMigrations(dataSource));
    const names = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
    return {
      applied: names.filter((n) => done.has(n)),
      pending: names.filter((n) => !done.has(n)),
    };
  });
  ctx.print(json, { applied, pending }, [
    pending.length === 0
      ? `${applied.length} migrations applied; the schema is current.`
      : `${pending.length} of ${applied.length + pending.length} migrations pending:`,
    ...pending.map((n) => `  ${n}`),
  ]);
  if (pending.length > 0)
    throw new CliError(`${pending.length} migrations are pending (run \`manage migrate\`)`);
}

async function revertMigrations(ctx: CliContext, count: string, json: boolean): Promise<void> {
  const n = Number(count);
  if (!Number.isInteger(n) || n < 1) throw new CliError('--revert takes a positive whole number');
  const reverted = await withUnmigratedDatabase(ctx, async (dataSource) => {
    const applied = await appliedMigrations(dataSource);
    if (n > applied.length)
      throw new CliError(`Only ${applied.length} migrations are applied; cannot revert ${n}`);
    return undoNewest(dataSource, applied, n);
  });
  printReverted(ctx, json, reverted);
}

async function revertMigrationsTo(ctx: CliContext, name: string, json: boolean): Promise<void> {
  const reverted = await withUnmigratedDatabase(ctx, async (dataSource) => {
    const applied = await appliedMigrations(dataSource);
    const at = applied.lastIndexOf(name);
    if (at < 0) throw new CliError(`${name} is not an applied migration`);
    return undoNewest(dataSource, applied, applied.length - 1 - at);
  });
  printReverted(ctx, json, reverted);
}

/** Undoes the newest `n` of the applied migrations (in the order they were applied). */
async function undoNewest(dataSource: DataSource, applied: string[], n: number): Promise<string[]> {
  for (let i = 0; i < n; i++) await dataSource.undoLastMigration({ transaction: 'each' });
  return n === 0 ? [] : applied.slice(-n).reverse();
}

function printReverted(ctx: CliContext, json: boolean, reverted: string[]): void {
  ctx.print(json, { reverted }, [
    `Reverted ${reverted.length} migrations (newest first):`,
    ...reverted.map((name) => `  ${name}`),
    'The server applies them again on its next start; run this with the server stopped.',
  ]);
}

/**
 * Runs psql without blocking: with the embedded database this process may be the one serving
 * the socket psql connects to (no server running), and a blocked event loop would never answer.
 */
function runPsql(
  args: string[],
  capture: boolean,
): Promise<{ status: number | null; stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    const child = spawn('psql', args, { stdio: capture ? 'pipe' : 'inherit' });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // In an interactive session Ctrl-C belongs to psql (it cancels the running query).
    const keepRunning = () => undefined;
    if (!capture) process.on('SIGINT', keepRunning);
    const done = (status: number | null, error?: Error) => {
      process.off('SIGINT', keepRunning);
      resolve({ status, stdout, stderr, error });
    };
    child.once('error', (error) => done(null, error));
    child.once('close', (status) => done(status));
  });
}
