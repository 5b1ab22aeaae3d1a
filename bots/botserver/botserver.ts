/**
 * `npm run botserver -- --config botserverrc [--hostname 127.0.0.1] [--port 5002]`: serves the
 * bots of a botserverrc behind one outgoing-webhook endpoint until SIGINT/SIGTERM.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { ZulipClient, ZulipClientOptions } from '@hub/client';
import { BotConfigError } from '../framework/errors';
import { registeredBotNames } from '../framework/registry';
import { Botserver } from './botserver-app';
import { loadBotserverConfig } from './botserver-config';
import { stopSignal } from '../framework/stop-signal';

export interface BotserverIo {
  out(line: string): void;
  err(line: string): void;
  /** Stops the server; by default SIGINT and SIGTERM. */
  signal?: AbortSignal;
  /** Called with the endpoint's URL once it listens. */
  onListening?(url: string): void;
  createClient?(options: ZulipClientOptions): ZulipClient;
}

interface BotserverOptions {
  config: string;
  hostname: string;
  port: number;
}

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new InvalidArgumentError('expected a port number (0-65535).');
  }
  return parsed;
}

function buildProgram(io: BotserverIo): Command {
  return new Command('npm run botserver --')
    .description(
      'Serve several bots behind one HTTP endpoint for outgoing-webhook bots (POST / with ' +
        "Zulip's payload; each call is routed by bot_email and checked against the bot's token).",
    )
    .requiredOption('-c, --config <path>', 'the botserverrc (INI, one [botname] section per bot)')
    .option('--hostname <host>', 'address to listen on', '127.0.0.1')
    .option('-p, --port <port>', 'port to listen on', port, 5002)
    .addHelpText(
      'after',
      '\nEach section of the botserverrc is named after a bundled bot and holds\n' +
        '  email, key, site   the bot account (as in its .zuliprc)\n' +
        "  token              the outgoing-webhook token (the bot's .zuliprc has it)\n" +
        "  bot-config-file    optional INI file with the bot's own settings\n" +
        '  reply              webhook (default: answer with the reply) or api (post it over REST)\n' +
        `\nBundled bots: ${registeredBotNames().join(', ')}`,
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });
}

/** Runs the CLI; resolves with the exit code once the server stops. */
export async function runBotserverCli(argv: string[], io: BotserverIo): Promise<number> {
  const program = buildProgram(io);
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  const options = program.opts<BotserverOptions>();
  let server: Botserver;
  let url: string;
  try {
    const bots = loadBotserverConfig(options.config);
    server = new Botserver(bots, { log: io.err, createClient: io.createClient });
    url = await server.listen(options.port, options.hostname);
    io.out(`botserver: serving ${bots.map((b) => `${b.name} <${b.email}>`).join(', ')} on ${url}`);
  } catch (error) {
    const reason =
      error instanceof BotConfigError || error instanceof Error ? error.message : String(error);
    io.err(`error: ${reason}`);
    return 1;
  }
  const stop = stopSignal(io.signal);
  io.onListening?.(url);
  if (!stop.signal.aborted) {
    await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve()));
  }
  stop.release();
  await server.close();
  io.out('botserver: stopped');
  return 0;
}

if (require.main === module) {
  void runBotserverCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then((code) => {
    process.exitCode = code;
  });
}
