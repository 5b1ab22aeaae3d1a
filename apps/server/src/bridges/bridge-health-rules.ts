/** Reports come at least this often (seconds)... */
export const MIN_REPORT_INTERVAL = 5;
/** ...and at most this rarely. */
export const MAX_REPORT_INTERVAL = 3600;
export const MAX_BRIDGE_MAPPINGS = 500;
/** Grace for a slow network or a busy bridge, beyond two missed intervals. */
const STALE_GRACE_SECONDS = 30;

/**
 * A report is stale when the bridge missed two reports in a row (plus a grace): it stopped,
 * hangs, or cannot reach the server. Its contents then say how things were, not how they are.
 */
export function isStale(reportedAt: Date, reportIntervalSeconds: number, now: Date): boolean {
  const ageSeconds = (now.getTime() - reportedAt.getTime()) / 1000;
  return ageSeconds > 2 * reportIntervalSeconds + STALE_GRACE_SECONDS;
}
