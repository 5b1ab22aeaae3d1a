import type { ZulipClient } from '@hub/client';
import type { BridgeLogger } from './logger';
import type { HealthReport } from './router';

const REPORT_TIMEOUT_MS = 10_000;
/** The report sent while stopping waits less: stopping must not hang on an absent server. */
const FINAL_REPORT_TIMEOUT_MS = 3_000;

const seconds = (iso: string | null): number | null =>
  iso === null ? null : Math.floor(Date.parse(iso) / 1000);

/** The `POST /bridges/health` parameters a health report becomes. */
export function healthReportParams(report: HealthReport, intervalSeconds: number) {
  return {
    protocol: report.protocol,
    remote_state: report.remote.state,
    chat_connected: report.chat.connected,
    queue_to_chat: report.queues.to_chat.depth,
    queue_to_remote: report.queues.to_remote.depth,
    last_message_to_chat: seconds(report.lastMessage.to_chat),
    last_message_to_remote: seconds(report.lastMessage.to_remote),
    mappings: report.mappings,
    report_interval: intervalSeconds,
  };
}

/**
 * Tells the chat server how the bridge is doing, now and every `intervalSeconds`, through the
 * bridge's own bot: administrators see it in the web client's integration hub, and a bridge
 * that stops reporting shows there as stale. A failed report is logged and tried next time.
 */
export function startHealthReports(
  client: ZulipClient,
  report: () => HealthReport,
  intervalSeconds: number,
  logger: BridgeLogger,
): { stop(final?: HealthReport): Promise<void> } {
  let failing = false;
  let inFlight: Promise<void> = Promise.resolve();
  const send = (snapshot: HealthReport, timeoutMs = REPORT_TIMEOUT_MS): Promise<void> => {
    inFlight = client
      .call('POST', 'bridges/health', healthReportParams(snapshot, intervalSeconds), {
        timeoutMs,
      })
      .then(() => {
        if (failing) logger.info('health report accepted again');
        failing = false;
      })
      .catch((error: unknown) => {
        if (!failing) logger.warn('health report failed; trying again later', { error });
        failing = true;
      });
    return inFlight;
  };
  void send(report());
  const timer = setInterval(() => void send(report()), intervalSeconds * 1000);
  timer.unref();
  return {
    async stop(final) {
      clearInterval(timer);
      await inFlight;
      if (final) await send(final, FINAL_REPORT_TIMEOUT_MS);
    },
  };
}
