import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '@hub/config';
import { CliContext, describeError } from './cli-context';
import { registerCommands } from './commands';

/** `npm run manage -- <command>`: Zulip's management commands, hyphenated. */
export async function runManage(argv: string[], ctx?: CliContext): Promise<number> {
  let context = ctx;
  try {
    context ??= new CliContext(loadConfig());
    const out = context;
    const program = new Command('manage')
      .description('Administer the chat server: realms, users, bots, streams, the database.')
      .exitOverride()
      .configureOutput({
        writeOut: (s) => out.print(false, null, s.trimEnd()),
        writeErr: (s) => process.stderr.write(s),
      });
    registerCommands(program, context);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    const prefix = err instanceof ConfigError ? 'Configuration error' : 'Error';
    process.stderr.write(`${prefix}: ${describeError(err)}\n`);
    return 1;
  } finally {
    await context?.close();
  }
}

if (require.main === module) {
  runManage(process.argv.slice(2)).then((code) => process.exit(code));
}
