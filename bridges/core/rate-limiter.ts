import { sleep } from './backoff';

/**
 * A token bucket: at most `perSecond` takes per second on average, with bursts up to `burst`.
 * IRC servers disconnect clients that flood, so each line the bridge writes takes a token.
 */
export class RateLimiter {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number = Math.max(1, Math.ceil(perSecond)),
    private readonly now: () => number = Date.now,
  ) {
    if (!(perSecond > 0)) throw new RangeError('perSecond must be positive');
    this.tokens = burst;
    this.updatedAt = now();
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((at - this.updatedAt) / 1000) * this.perSecond,
    );
    this.updatedAt = at;
  }

  /** Milliseconds until a token is free (0 when one is). */
  delayMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  /** Waits for a token and takes it. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.delayMs();
      if (wait === 0) {
        this.tokens -= 1;
        return;
      }
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      await sleep(wait, signal);
    }
  }
}
