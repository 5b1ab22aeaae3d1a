import { backoffDelay, BackoffOptions, sleep } from '@hub/client/backoff';

export { backoffDelay, sleep };
export type { BackoffOptions };

/**
 * Jittered exponential backoff with memory: each `next()` waits longer (half fixed, half random,
 * doubling up to the cap); `reset()` after a success starts over. Shared by every reconnect loop so
 * bridges restarting together after an outage spread out instead of hammering the server.
 */
export class Backoff {
  private attempt = 0;

  constructor(private readonly options: BackoffOptions = {}) {}

  /** How many failures in a row so far. */
  get failures(): number {
    return this.attempt;
  }

  /** The delay before the next attempt, counting one more failure. */
  nextDelay(): number {
    this.attempt += 1;
    return backoffDelay(this.attempt, this.options);
  }

  /** Waits the next delay (less if `signal` fires). Resolves with the delay waited. */
  async wait(signal?: AbortSignal): Promise<number> {
    const delay = this.nextDelay();
    await sleep(delay, signal);
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }
}
