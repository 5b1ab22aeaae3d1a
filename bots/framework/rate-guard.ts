export interface RateGuardOptions {
  /** Most messages allowed inside one window. */
  maxMessages: number;
  windowMs: number;
}

export const DEFAULT_RATE_GUARD: RateGuardOptions = { maxMessages: 20, windowMs: 5000 };

/**
 * Stops a bot that loops (for example by answering its own messages): over `maxMessages` sends in
 * a sliding window, further sends are dropped and one line is logged per burst.
 */
export class RateGuard {
  private readonly sentAt: number[] = [];
  private tripped = false;

  constructor(
    private readonly options: RateGuardOptions,
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a send and tells whether it may go out. */
  allow(): boolean {
    const now = this.now();
    while (this.sentAt.length > 0 && this.sentAt[0] <= now - this.options.windowMs) {
      this.sentAt.shift();
    }
    if (this.sentAt.length >= this.options.maxMessages) {
      if (!this.tripped) {
        this.tripped = true;
        this.log(
          `rate guard: more than ${this.options.maxMessages} messages in ` +
            `${this.options.windowMs / 1000} s; dropping further sends until the rate falls ` +
            '(is the bot answering its own messages?)',
        );
      }
      return false;
    }
    this.tripped = false;
    this.sentAt.push(now);
    return true;
  }
}
