import { ZulipApiError, ZulipClient, ZulipNetworkError } from '@hub/client';
import { Backoff } from './backoff';
import type { LoadedBridge } from './definition';
import { startHealthReports } from './health-reporter';
import { startHealthServer } from './health-server';
import { BridgeLogger, jsonLogger } from './logger';
import { MessageMap } from './message-map';
import { BridgeRouter, HealthReport } from './router';

export interface RunningBridge {
  router: BridgeRouter;
  /** The /health port, when enabled. */
  healthPort: number | undefined;
  health(): HealthReport;
  /** Graceful stop: flush what can be flushed within the configured timeout. */
  stop(): Promise<{ flushed: boolean }>;
  /** Rejects when the bridge died of a fatal error (bad credentials...). */
  finished: Promise<void>;
}

function isTransient(error: unknown): boolean {
  if (error instanceof ZulipNetworkError) return true;
  return (
    error instanceof ZulipApiError &&
    (error.status >= 500 || error.status === 429 || error.code === 'HTTP_ERROR')
  );
}

/**
 * Starts a loaded bridge: chat client, store, router, /health. Waits (with backoff) for a chat
 * server that is down at start; a bad API key or a missing permission fails at once.
 */
export async function startBridge(
  loaded: LoadedBridge,
  options: { logger?: BridgeLogger; signal?: AbortSignal } = {},
): Promise<RunningBridge> {
  const { common } = loaded;
  const logger = options.logger ?? jsonLogger(common.log_level);
  const backoffOptions = { baseMs: common.reconnect.base_ms, capMs: common.reconnect.cap_ms };
  logger.info('bridge starting', { protocol: loaded.protocol, config: loaded.redacted });
  // Assigned below; the client's retry notices reach it once it exists.
  let router: BridgeRouter | undefined = undefined;
  const client = new ZulipClient({
    configFile: common.zulip.zuliprc,
    site: common.zulip.site,
    email: common.zulip.email,
    apiKey: common.zulip.api_key,
    insecure: common.zulip.insecure || undefined,
    clientName: loaded.clientName,
    backoff: backoffOptions,
    logger: {
      warn: (message) => {
        logger.warn(message, { side: 'chat' });
        // Retry notices mean the server is unreachable; a replaced queue does not.
        if (!/registering a new one/.test(message)) router?.noteChatTrouble();
      },
      info: (message) => logger.info(message, { side: 'chat' }),
    },
  });
  const map = new MessageMap(common.data_dir);
  const setup = await loaded.create({ logger: logger.child({ side: loaded.protocol }), map });
  router = new BridgeRouter({
    client,
    bridge: setup.bridge,
    mappings: setup.mappings,
    map,
    logger,
    queue: { maxSize: common.queue.max_size, maxAgeMs: common.queue.max_age_seconds * 1000 },
    relayEdits: setup.relayEdits,
    relayDeletes: setup.relayDeletes,
    backoff: backoffOptions,
  });

  const backoff = new Backoff(backoffOptions);
  for (;;) {
    try {
      await router.start();
      break;
    } catch (error) {
      if (!isTransient(error) || options.signal?.aborted) {
        await setup.bridge.disconnect('start failed').catch(() => undefined);
        client.close();
        throw error;
      }
      const waited = backoff.nextDelay();
      logger.warn('chat server unreachable at start; retrying', { error, retry_in_ms: waited });
      await new Promise((resolve) => setTimeout(resolve, waited));
    }
  }

  const health =
    common.health.port === undefined
      ? undefined
      : await startHealthServer(common.health.host, common.health.port, () => router.health());
  if (health)
    logger.info('health endpoint listening', { host: common.health.host, port: health.port });
  const reports = common.health.report
    ? startHealthReports(client, () => router.health(), common.health.report_seconds, logger)
    : undefined;
  logger.info('bridge running', { protocol: loaded.protocol, mappings: setup.mappings });

  let stopping: Promise<{ flushed: boolean }> | undefined;
  return {
    router,
    healthPort: health?.port,
    health: () => router.health(),
    finished: router.finished,
    stop: () => {
      stopping ??= (async () => {
        logger.info('bridge stopping', { timeout_seconds: common.shutdown_timeout_seconds });
        // The last report says so: the hub shows a stopped bridge, not a stale one.
        const last = router.health();
        await reports?.stop({ ...last, remote: { ...last.remote, state: 'stopped' } });
        const result = await router.stop(common.shutdown_timeout_seconds * 1000);
        await health?.close();
        logger.info('bridge stopped', { flushed: result.flushed, ...router.health().queues });
        return result;
      })();
      return stopping;
    },
  };
}
