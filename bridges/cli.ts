import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { ConfigError } from './core/config-schema';
import { startBridge } from './core/daemon';
import type { BridgeDefinition } from './core/definition';
import { jsonLogger } from './core/logger';

/** Each protocol folder exports its `definition` from `definition.ts`. */
const PROTOCOLS = ['irc', 'jabber', 'slack'];

function isDefinition(value: unknown): value is BridgeDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BridgeDefinition).protocol === 'string' &&
    typeof (value as BridgeDefinition).load === 'function'
  );
}

/** Loaded by path so a protocol still being built never breaks the others. */
function loadDefinition(protocol: string): BridgeDefinition {
  const file = path.join(__dirname, protocol, 'definition');
  if (!fs.existsSync(`${file}.js`) && !fs.existsSync(`${file}.ts`)) {
    throw new ConfigError(`the ${protocol} bridge is not part of this build`);
  }
  // The module boundary is untyped: checked right below.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded: unknown = require(file);
  const definition = (loaded as { definition?: unknown }).definition;
  if (!isDefinition(definition)) {
    throw new ConfigError(`${file} does not export a bridge definition`);
  }
  return definition;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('bridge')
    .description('Runs a mirror bridge between the chat server and IRC, XMPP or Slack.')
    .argument('<protocol>', PROTOCOLS.join(' | '))
    .requiredOption('-c, --config <file>', 'YAML (.yaml/.yml) or INI config file')
    .option('--check', 'validate the config, print it with secrets hidden, and exit')
    .showHelpAfterError();
  program.parse(argv);
  const [protocol] = program.args;
  const { config, check } = program.opts<{ config: string; check?: boolean }>();
  if (!PROTOCOLS.includes(protocol)) {
    throw new ConfigError(`unknown protocol "${protocol}" (expected ${PROTOCOLS.join(', ')})`);
  }
  const loaded = loadDefinition(protocol).load(config);
  if (check) {
    process.stdout.write(`${JSON.stringify(loaded.redacted, null, 2)}\n`);
    return;
  }
  const logger = jsonLogger(loaded.common.log_level);
  const running = await startBridge(loaded, { logger });
  let exiting = false;
  const shutdown = (signal: string): void => {
    if (exiting) return;
    exiting = true;
    logger.info('signal received', { signal });
    // Whatever could not be flushed in time was logged and counted by the queues.
    void running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('stop failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  running.finished.catch((error: unknown) => {
    logger.error('bridge failed', { error });
    void running.stop().finally(() => process.exit(1));
  });
}

main(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`bridge: config error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `${JSON.stringify({ ts: new Date().toISOString(), level: 'error', msg: 'bridge failed to start', error: error instanceof Error ? { name: error.name, message: error.message } : String(error) })}\n`,
  );
  process.exit(1);
});
