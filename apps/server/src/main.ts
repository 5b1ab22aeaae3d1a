import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@hub/config';
import { createServerApp } from './bootstrap';
import { firstStart } from './first-start';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createServerApp(config);
  const welcome = await firstStart(app, config);
  await app.listen(config.port, config.bindHost);
  const logger = new Logger('Server');
  logger.log(`Listening on http://${config.bindHost}:${config.port} (API under /api/v1)`);
  // The generated password is for the administrator's terminal, never for the log files.
  for (const line of welcome ?? []) process.stdout.write(`${line}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Server failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
