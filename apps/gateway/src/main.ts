import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@hub/config';
import { createGatewayApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createGatewayApp(config);
  await app.listen(config.gatewayPort, config.bindHost);
  new Logger('Gateway').log(
    `Listening on http://${config.bindHost}:${config.gatewayPort} (webhooks under /api/v1/external/<integration>; delivering to ${config.serverUrl})`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Gateway failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
