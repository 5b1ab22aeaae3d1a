/**
 * How long to wait between retries after network errors and 5xx answers: the one backoff of the
 * client's event loop, the bridges, the gateway's delivery worker and the service-bot job queue.
 */
export interface BackoffOptions {
  /** First delay in ms (default 1000). */
  baseMs?: number;
  /** Largest delay in ms (default 30000). */
  capMs?: number;
  /** Source of jitter in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
  /** false: the plain exponential delay (default true: equal jitter). */
  jitter?: boolean;
}

/**
 * The wait before retry number `attempt` (1 for the first): `baseMs` doubled for each retry
 * after the first, at most `capMs`. With "equal jitter" (the default) half the exponential delay is fixed, half random, so
 * many daemons reconnecting after a server restart spread out while each still backs off.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1000;
  const cap = options.capMs ?? 30_000;
  const random = options.random ?? Math.random;
  const exponential = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  if (options.jitter === false) return exponential;
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Waits `ms`, or less if `signal` fires; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
