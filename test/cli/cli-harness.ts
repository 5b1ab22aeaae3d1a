import { loadConfig } from '@hub/config';
import { CliContext } from '../../apps/server/src/admin-cli/cli-context';
import { runManage } from '../../apps/server/src/admin-cli/manage';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `manage <args>` in this process against the given environment (the same database a test
 * server uses), capturing what a terminal would show.
 */
export async function manage(
  env: Record<string, string | undefined>,
  ...args: string[]
): Promise<CliRun> {
  const lines: string[] = [];
  const errors: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    errors.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stderr.write;
  try {
    const ctx = new CliContext(loadConfig({ ...process.env, ...env }), (line) => lines.push(line));
    const code = await runManage(args, ctx);
    return { code, stdout: lines.join('\n'), stderr: errors.join('') };
  } finally {
    process.stderr.write = write;
  }
}

/** The environment that points the CLI at a test server's database. */
export function cliEnv(server: {
  config: { databaseUrl?: string; dataDir: string; externalHost: string };
}): Record<string, string | undefined> {
  return {
    DATABASE_URL: server.config.databaseUrl,
    DATA_DIR: server.config.dataDir,
    REDIS_URL: undefined,
    EXTERNAL_HOST: server.config.externalHost,
  };
}
