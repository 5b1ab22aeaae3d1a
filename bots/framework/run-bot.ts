/**
 * `npm run bot -- <name|path> --config-file ~/.zuliprc [--bot-config-file bot.conf]`: runs one
 * bot against a server until SIGINT/SIGTERM.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ZulipClient, ZulipClientError, type ZulipClientOptions } from '@hub/client';
import { loadBotConfigFile, type BotConfigSource } from './bot-config';
import { ClientBotBackend } from './client-backend';
import { BotConfigError } from './errors';
import { loadBot } from './load-bot';
import { DEFAULT_RATE_GUARD } from './rate-guard';
import { registeredBotNames } from './registry';
import { BotRuntime } from './runtime';
import { stopSignal } from './stop-signal';

export interface RunBotIo {
  out(line: string): void;
  err(line: string): void;
  /** Stops the bot; by default SIGINT and SIGTERM. */
  signal?: AbortSignal;
  createClient?(options: ZulipClientOptions): ZulipClient;
}

interface RunBotOptions {
  configFile?: string;
  botConfigFile?: string;
  answerBots?: boolean;
  maxMessages: number;
  perSeconds: number;
}

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new InvalidArgumentError('expected a positive number.');
  }
  return parsed;
}

/** "virtual_fs" → "VirtualFs", for the client name the server records (ZulipVirtualFsBot). */
function clientNameOf(bot: string): string {
  const base = bot.replace(/^.*\//, '').replace(/(\.bot)?\.[cm]?[jt]s$/, '');
  const camel = base
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
  return `Zulip${camel}Bot`;
}

function buildProgram(io: RunBotIo): Command {
  return new Command('npm run bot --')
    .description('Run one bot against a Zulip-compatible server until stopped (Ctrl-C).')
    .argument('<bot>', 'a bundled bot name, or the path of a bot module')
    .option('-c, --config-file <path>', "the bot's .zuliprc (else ZULIP_* variables or ~/.zuliprc)")
    .option('-b, --bot-config-file <path>', "INI file with the bot's own settings")
    .option('--answer-bots', 'also answer messages sent by other bots')
    .option(
      '--max-messages <n>',
      'rate guard: most messages the bot may send per window',
      positiveNumber,
      DEFAULT_RATE_GUARD.maxMessages,
    )
    .option(
      '--per-seconds <s>',
      'rate guard: the window, in seconds',
      positiveNumber,
      DEFAULT_RATE_GUARD.windowMs / 1000,
    )
    .addHelpText('after', `\nBundled bots: ${registeredBotNames().join(', ')}`)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });
}

function describe(error: unknown): string {
  if (error instanceof BotConfigError || error instanceof ZulipClientError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Runs the CLI; resolves with the exit code. */
export async function runBotCli(argv: string[], io: RunBotIo): Promise<number> {
  const program = buildProgram(io);
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  const [botName] = program.args;
  const options = program.opts<RunBotOptions>();

  let client: ZulipClient;
  let backend: ClientBotBackend;
  let runtime: BotRuntime;
  try {
    const handler = loadBot(botName);
    const config: BotConfigSource = options.botConfigFile
      ? { sections: loadBotConfigFile(options.botConfigFile), path: options.botConfigFile }
      : { sections: {}, path: null };
    const clientOptions: ZulipClientOptions = {
      configFile: options.configFile,
      clientName: clientNameOf(botName),
    };
    client = io.createClient ? io.createClient(clientOptions) : new ZulipClient(clientOptions);
    backend = new ClientBotBackend(client);
    runtime = new BotRuntime({
      handler,
      backend,
      config,
      answerBots: options.answerBots ?? false,
      rateGuard: { maxMessages: options.maxMessages, windowMs: options.perSeconds * 1000 },
      log: io.err,
    });
  } catch (error) {
    io.err(`error: ${describe(error)}`);
    return 1;
  }

  const stop = stopSignal(io.signal);
  try {
    const me = await runtime.start();
    await runtime.run(backend, stop.signal, () =>
      io.out(`${botName}: running as ${me.fullName} <${me.email}>; Ctrl-C stops it`),
    );
    io.out(`${botName}: stopped`);
    return 0;
  } catch (error) {
    io.err(`error: ${describe(error)}`);
    return 1;
  } finally {
    stop.release();
    client.close();
  }
}

if (require.main === module) {
  void runBotCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then((code) => {
    process.exitCode = code;
  });
}
