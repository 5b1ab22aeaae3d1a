import { spawn } from 'node:child_process';
import * as repl from 'node:repl';
import type { Type } from '@nestjs/common';
import type { Command } from 'commander';
import { CliContext, CliError } from '../cli-context';
import { Database } from '../../database/database.service';
import { migrate } from '../../database/database.module';

export function registerDatabaseCommands(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (the server also does this on start)')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const db = await ctx.get(Database);
      // Opening the database already applied pending migrations; this reports the state.
      const applied = await migrate(db.dataSource);
      const rows = await db.rows<{ name: string }>(
        'SELECT name FROM schema_migrations ORDER BY id',
      );
      ctx.print(!!o.json, { applied_now: applied, all: rows.map((r) => r.name) }, [
        `${rows.length} migrations applied; the schema is current.`,
        ...rows.map((r) => `  ${r.name}`),
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
      const args = [options.url, ...(o.command ? ['-X', '-A', '-t', '-c', o.command] : [])];
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
